//! Generating the JSON Schemas: one per [`SchemaKind`], from the types'
//! `JsonSchema` impls, with `$id`, `title`, tidied descriptions and the
//! status schema's example.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::{Map, Value, json};

use super::SchemaKind;
use crate::{CreateTaskResponse, ErrorResponse, TaskListResponse, TaskResponse};

fn root<T: JsonSchema>() -> Schema {
    SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
}

/// The seed response of the API documentation, the status schema's example.
const SEED: &str = include_str!("../../tests/fixtures/valid/seed.json");

/// The JSON Schema (draft 2020-12) of one body, with `$id`, `title`,
/// descriptions from the documentation of the types, and (for the status
/// response) the API documentation's example.
///
/// ```
/// # use anaplan_task::schema::SchemaKind;
/// let schema = anaplan_task::schema::schema(SchemaKind::TaskStatus);
/// assert_eq!(schema["$id"], "urn:anaplan-task:schema:task-response");
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// ```
pub fn schema(kind: SchemaKind) -> Value {
    let generated = match kind {
        SchemaKind::TaskStatus => root::<TaskResponse>(),
        SchemaKind::CreateTask => root::<CreateTaskResponse>(),
        SchemaKind::TaskList => root::<TaskListResponse>(),
        SchemaKind::ChunkList => root::<crate::ChunkListResponse>(),
        SchemaKind::Error => root::<ErrorResponse>(),
        SchemaKind::SummaryReport => root::<crate::SummaryReportResponse>(),
    };
    let mut generated = match generated.to_value() {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    let mut out = Map::new();
    out.insert("$schema".into(), generated.remove("$schema").unwrap_or(Value::Null));
    out.insert("$id".into(), kind.id().into());
    out.insert("title".into(), kind.title().into());
    generated.remove("title");
    for (k, v) in generated {
        out.insert(k, v);
    }
    let mut out = Value::Object(out);
    tidy(&mut out, None);
    let Value::Object(mut out) = out else { unreachable!() };
    if kind == SchemaKind::TaskStatus {
        let seed: Value = serde_json::from_str(SEED).unwrap_or(Value::Null);
        out.insert("examples".into(), json!([seed]));
    }
    Value::Object(out)
}

/// Tidies descriptions written as Rust documentation: joins wrapped lines and
/// drops the "`name`: " that repeats a property's name.
fn tidy(v: &mut Value, property: Option<&str>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(d)) = map.get_mut("description") {
                let mut text = d.split('\n').map(str::trim).collect::<Vec<_>>().join(" ");
                if let Some(rest) = property.and_then(|p| text.strip_prefix(&format!("`{p}`: "))) {
                    let mut chars = rest.chars();
                    text = chars
                        .next()
                        .map(|c| c.to_uppercase().chain(chars).collect())
                        .unwrap_or_default();
                }
                *d = text;
            }
            for (k, child) in map.iter_mut() {
                if k == "properties" {
                    if let Value::Object(props) = child {
                        for (name, p) in props.iter_mut() {
                            tidy(p, Some(name));
                        }
                    }
                } else if k != "examples" {
                    tidy(child, None);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| tidy(i, None)),
        _ => {}
    }
}

/// The schema as it is committed: pretty-printed with a trailing newline.
///
/// ```
/// # use anaplan_task::schema::SchemaKind;
/// let text = anaplan_task::schema::schema_text(SchemaKind::Error);
/// assert!(text.ends_with('\n'));
/// assert_eq!(serde_json::from_str::<serde_json::Value>(&text)?, anaplan_task::schema::schema(SchemaKind::Error));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn schema_text(kind: SchemaKind) -> String {
    let mut text = serde_json::to_string_pretty(&schema(kind)).unwrap_or_default();
    text.push('\n');
    text
}
