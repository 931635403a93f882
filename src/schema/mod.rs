//! JSON Schemas of the wire format, generated from the types, and their
//! Markdown documentation.
//!
//! The schemas are committed under `schemas/` and the documentation as
//! `docs/schema.md`; a test regenerates both and fails when a committed file
//! differs.
//!
//! ```
//! use anaplan_task::schema::{self, SchemaKind};
//! let schema = schema::schema(SchemaKind::TaskStatus);
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(schema["title"], "Anaplan task status response");
//! assert!(schema::markdown().starts_with("# Anaplan task responses"));
//! ```

use std::fmt::Write as _;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::{Map, Value, json};

use crate::values::{Shape, TYPED_DETAILS};
use crate::{CreateTaskResponse, DetailCode, DocumentKind, ErrorResponse, TaskListResponse, TaskResponse, TaskState};

/// One schema file: a body of the task family.
///
/// ```
/// # use anaplan_task::schema::SchemaKind;
/// let names: Vec<&str> = SchemaKind::ALL.iter().map(|k| k.as_str()).collect();
/// assert_eq!(names, ["status", "create", "list", "chunks", "error"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SchemaKind {
    /// The status and cancel calls: `task-response.schema.json`.
    TaskStatus,
    /// The start call: `create-task-response.schema.json`.
    CreateTask,
    /// The list call: `task-list-response.schema.json`.
    TaskList,
    /// The chunk lists of the dump flow: `chunk-list-response.schema.json`.
    ChunkList,
    /// Error bodies: `error-response.schema.json`.
    Error,
}

impl SchemaKind {
    /// Every schema, in the order of the documentation.
    pub const ALL: [SchemaKind; 5] = [
        Self::TaskStatus,
        Self::CreateTask,
        Self::TaskList,
        Self::ChunkList,
        Self::Error,
    ];

    /// The file name under `schemas/`.
    ///
    /// ```
    /// # use anaplan_task::schema::SchemaKind;
    /// assert_eq!(SchemaKind::TaskStatus.file_name(), "task-response.schema.json");
    /// ```
    pub fn file_name(self) -> &'static str {
        match self {
            Self::TaskStatus => "task-response.schema.json",
            Self::CreateTask => "create-task-response.schema.json",
            Self::TaskList => "task-list-response.schema.json",
            Self::ChunkList => "chunk-list-response.schema.json",
            Self::Error => "error-response.schema.json",
        }
    }

    /// The schema's `$id`.
    ///
    /// ```
    /// # use anaplan_task::schema::SchemaKind;
    /// assert_eq!(SchemaKind::TaskStatus.id(), "urn:anaplan-task:schema:task-response");
    /// ```
    pub fn id(self) -> String {
        format!(
            "urn:anaplan-task:schema:{}",
            self.file_name().trim_end_matches(".schema.json")
        )
    }

    /// The schema's `title`.
    ///
    /// ```
    /// # use anaplan_task::schema::SchemaKind;
    /// assert_eq!(SchemaKind::Error.title(), "Anaplan error response");
    /// ```
    pub fn title(self) -> &'static str {
        match self {
            Self::TaskStatus => "Anaplan task status response",
            Self::CreateTask => "Anaplan create-task response",
            Self::TaskList => "Anaplan task list response",
            Self::ChunkList => "Anaplan chunk list response",
            Self::Error => "Anaplan error response",
        }
    }

    /// The call whose body the schema describes.
    ///
    /// ```
    /// # use anaplan_task::schema::SchemaKind;
    /// assert_eq!(SchemaKind::CreateTask.call(), "`POST {kind}/{actionId}/tasks`");
    /// ```
    pub fn call(self) -> &'static str {
        match self {
            Self::TaskStatus => "`GET` or `DELETE {kind}/{actionId}/tasks/{taskId}`",
            Self::CreateTask => "`POST {kind}/{actionId}/tasks`",
            Self::TaskList => "`GET {kind}/{actionId}/tasks`",
            Self::ChunkList => {
                "`GET .../tasks/{taskId}/dump/chunks`, `GET .../dumps/{objectId}/chunks` or `GET files/{fileId}/chunks`"
            }
            Self::Error => "any call answered with a 4xx status",
        }
    }

    /// The schema for a kind of document.
    ///
    /// ```
    /// # use anaplan_task::schema::SchemaKind;
    /// # use anaplan_task::DocumentKind;
    /// assert_eq!(SchemaKind::for_document(DocumentKind::TaskList), SchemaKind::TaskList);
    /// ```
    pub fn for_document(kind: DocumentKind) -> Self {
        match kind {
            DocumentKind::TaskStatus => Self::TaskStatus,
            DocumentKind::CreateTask => Self::CreateTask,
            DocumentKind::TaskList => Self::TaskList,
            DocumentKind::ChunkList => Self::ChunkList,
            DocumentKind::Error => Self::Error,
        }
    }

    /// The name of the root object, as the documentation titles it.
    fn root_name(self) -> &'static str {
        match self {
            Self::TaskStatus => "TaskResponse",
            Self::CreateTask => "CreateTaskResponse",
            Self::TaskList => "TaskListResponse",
            Self::ChunkList => "ChunkListResponse",
            Self::Error => "ErrorResponse",
        }
    }

    /// The name used on the command line: `status`, `create`, `list`, `chunks` or `error`.
    ///
    /// ```
    /// # use anaplan_task::schema::SchemaKind;
    /// assert_eq!(SchemaKind::ChunkList.as_str(), "chunks");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::TaskStatus => "status",
            Self::CreateTask => "create",
            Self::TaskList => "list",
            Self::ChunkList => "chunks",
            Self::Error => "error",
        }
    }
}

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

/// Adds to the `Task` schema: a `COMPLETE` task has a `result`.
pub(crate) fn complete_has_result(schema: &mut Schema) {
    schema.insert(
        "if".into(),
        json!({"properties": {"taskState": {"const": "COMPLETE"}}, "required": ["taskState"]}),
    );
    schema.insert("then".into(), json!({"required": ["result"]}));
}

/// Adds to the `ErrorResponse` schema what tells an error body from the
/// others: no `task` or `tasks`, and a status code of 400 or more, a `path`
/// or a `timestamp`.
pub(crate) fn error_shape(schema: &mut Schema) {
    schema.insert(
        "not".into(),
        json!({"anyOf": [{"required": ["task"]}, {"required": ["tasks"]}]}),
    );
    schema.insert(
        "anyOf".into(),
        json!([
            {"properties": {"status": {"properties": {"code": {"minimum": 400}}}}},
            {"required": ["path"]},
            {"required": ["timestamp"]}
        ]),
    );
}

/// Adds to the `TaskListResponse` schema what tells a list from the other
/// bodies: no `task` or `chunks`, and `tasks` or `meta.paging`.
pub(crate) fn list_has_tasks_or_paging(schema: &mut Schema) {
    list_shape(schema, "task", "tasks", "chunks");
}

/// Adds to a list's schema: `meta.schema` names `object`, the body has no
/// `task` and no `other` list, and it has `entries` or `meta.paging`.
fn list_shape(schema: &mut Schema, object: &str, entries: &str, other: &str) {
    meta_names(schema, object);
    schema.insert(
        "not".into(),
        json!({"anyOf": [{"required": ["task"]}, {"required": [other]}]}),
    );
    schema.insert(
        "anyOf".into(),
        json!([
            {"required": [entries]},
            {"required": ["meta"], "properties": {"meta": {"required": ["paging"]}}}
        ]),
    );
}

/// Adds to a body's schema: when `meta.schema` names an object (has
/// `/objects/`), it is `object`.
fn meta_names(schema: &mut Schema, object: &str) {
    schema.insert(
        "allOf".into(),
        json!([{"properties": {"meta": {"properties": {"schema": {
            "if": {"type": "string", "pattern": "/objects/"},
            "then": {"pattern": format!("/objects/{object}([/?#]|$)")}
        }}}}}]),
    );
}

/// Adds to the schemas of the status and start calls' bodies: `meta.schema`
/// names `task` objects.
pub(crate) fn task_body_meta(schema: &mut Schema) {
    meta_names(schema, "task");
}

/// Adds to the `ChunkListResponse` schema what tells a chunk list from the
/// other bodies: no `task` or `tasks`, and `chunks` or `meta.paging`.
pub(crate) fn chunk_list_shape(schema: &mut Schema) {
    list_shape(schema, "chunk", "chunks", "tasks");
}

/// Adds to the `Detail` schema: the `values` of a typed detail contain each
/// key the type requires (unless `values` is empty or null).
pub(crate) fn typed_values_keys(schema: &mut Schema) {
    let rules: Vec<Value> = TYPED_DETAILS
        .iter()
        .map(|(codes, spec)| {
            let contains: Vec<Value> = spec
                .keys
                .iter()
                .filter(|k| k.required)
                .map(|k| json!({"contains": {"const": k.name}}))
                .collect();
            json!({
                "if": {"properties": {"type": {"enum": codes}}, "required": ["type"]},
                "then": {"properties": {"values": {"anyOf": [
                    {"type": "null"},
                    {"maxItems": 0},
                    {"allOf": contains}
                ]}}}
            })
        })
        .collect();
    schema.insert("allOf".into(), Value::Array(rules));
}

// ---------------------------------------------------------------------------
// Markdown

/// The objects documented, in order.
const OBJECTS: [&str; 13] = [
    "TaskResponse",
    "CreateTaskResponse",
    "TaskListResponse",
    "ChunkListResponse",
    "ErrorResponse",
    "Meta",
    "Paging",
    "Status",
    "Task",
    "TaskSummary",
    "Chunk",
    "TaskResult",
    "Detail",
];

fn anchor(name: &str) -> String {
    name.to_lowercase()
}

fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// Renders a property's type.
fn type_of(s: &Value, defs: &Map<String, Value>) -> String {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r);
        return match name {
            "TaskState" => "string: a [task state](#task-states)".into(),
            "DetailCode" => "string: a [detail code](#detail-codes)".into(),
            _ if OBJECTS.contains(&name) => format!("[{name}](#{})", anchor(name)),
            _ => defs.get(name).map_or_else(|| name.to_owned(), |d| type_of(d, defs)),
        };
    }
    if let Some(any) = s.get("anyOf").and_then(Value::as_array) {
        let parts: Vec<String> = any.iter().map(|p| type_of(p, defs)).collect();
        return parts.join(" or ");
    }
    let base = match s.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(" or "),
        _ => "any".into(),
    };
    if let Some(items) = s.get("items") {
        let item = type_of(items, defs);
        return base.replacen("array", &format!("array of ({item})"), 1);
    }
    base
}

fn description_of(s: &Value, defs: &Map<String, Value>) -> String {
    if let Some(d) = s.get("description").and_then(Value::as_str) {
        return d.to_owned();
    }
    let referenced = s
        .get("$ref")
        .or_else(|| s.get("anyOf").and_then(|a| a.get(0)).and_then(|f| f.get("$ref")))
        .and_then(Value::as_str)
        .and_then(|r| defs.get(r.rsplit('/').next().unwrap_or(r)));
    referenced
        .and_then(|d| d.get("description"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

fn object_section(out: &mut String, name: &str, s: &Value, defs: &Map<String, Value>) {
    let _ = writeln!(out, "### {name}\n");
    if let Some(d) = s.get("description").and_then(Value::as_str) {
        let _ = writeln!(out, "{}\n", d);
    }
    let required: Vec<&str> = s
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let _ = writeln!(out, "| property | type | required | description |\n|---|---|---|---|");
    if let Some(props) = s.get("properties").and_then(Value::as_object) {
        for (prop, ps) in props {
            let req = if required.contains(&prop.as_str()) { "yes" } else { "no" };
            let _ = writeln!(
                out,
                "| `{prop}` | {} | {req} | {} |",
                cell(&type_of(ps, defs)),
                cell(&description_of(ps, defs))
            );
        }
    }
    let _ = writeln!(out, "\nOther properties are allowed and kept as sent.\n");
}

/// Markdown documentation of the schemas: one section per object with a
/// table of its properties, the task states and detail codes with their
/// meaning, the keys of each typed detail, and the rules that only the
/// validator can check. `docs/schema.md` is this text.
///
/// ```
/// let docs = anaplan_task::schema::markdown();
/// assert!(docs.contains("TaskResponse"));
/// ```
pub fn markdown() -> String {
    let mut defs = Map::new();
    let mut roots = Map::new();
    for kind in SchemaKind::ALL {
        let mut s = schema(kind);
        if let Some(Value::Object(d)) = s.as_object_mut().and_then(|o| o.remove("$defs")) {
            defs.extend(d);
        }
        let name = kind.root_name();
        roots.insert(name.into(), s);
    }
    let mut out = String::new();
    out.push_str(
        "# Anaplan task responses: JSON Schema reference\n\n\
         <!-- Generated by `anaplan-task docs` from the Rust types; do not edit by hand. -->\n\n\
         The task calls of Anaplan's Integration API (imports, exports, actions and processes) \
         answer with the JSON bodies described here. Each body has a JSON Schema \
         (draft 2020-12) under `schemas/`. The schemas describe the wire: numbers where the \
         server sends numbers, decimal text where it sends text, `null` where it may send \
         `null`. An optional property shown as \"or null\" means the same when sent as `null` \
         as when absent. Unknown properties, task states and detail codes are allowed, because the \
         server may add them.\n\n\
         ## Documents\n\n\
         | body | call | schema file | root object |\n|---|---|---|---|\n",
    );
    for kind in SchemaKind::ALL {
        let name = kind.root_name();
        let _ = writeln!(
            out,
            "| {} | {} | `schemas/{}` | [{name}](#{}) |",
            kind.title(),
            kind.call(),
            kind.file_name(),
            anchor(name)
        );
    }
    out.push_str("\n## Objects\n\n");
    for name in OBJECTS {
        if let Some(s) = roots.get(name).or_else(|| defs.get(name)) {
            object_section(&mut out, name, s, &defs);
        }
    }

    out.push_str("## Task states\n\n| `taskState` | meaning |\n|---|---|\n");
    for s in TaskState::KNOWN {
        let _ = writeln!(out, "| `{}` | {} |", s.as_str(), cell(s.description().unwrap_or("")));
    }
    out.push_str("\nAny other state is kept as sent.\n\n");

    out.push_str(
        "## Detail codes\n\n\
         The `type` of a detail. The class says what kind of message it is: `completion` \
         (a task or step finished, possibly with counts of failed rows), `failure` (the task \
         or step failed) or `data-error` (source rows rejected or imported with warnings).\n\n\
         | `type` | class | meaning |\n|---|---|---|\n",
    );
    for c in DetailCode::KNOWN {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} |",
            c.as_str(),
            c.class(),
            cell(c.description().unwrap_or(""))
        );
    }
    out.push_str("\nAny other code is kept as sent.\n\n");

    out.push_str(
        "## Keys of typed details\n\n\
         The `values` of these details are decoded by key, in any order. Counts are \
         unsigned decimal text with no sign, space, point or leading zero. Keys not listed \
         are kept as sent.\n\n",
    );
    for (codes, spec) in TYPED_DETAILS {
        let names: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
        let _ = writeln!(
            out,
            "### {}\n\n| key | value | required |\n|---|---|---|",
            names.join(", ")
        );
        for k in spec.keys {
            let shape = match k.shape {
                Shape::Text => "text",
                Shape::NullableText => "text or null",
                Shape::Count => "count (decimal text)",
            };
            let req = if k.required { "yes" } else { "no" };
            let _ = writeln!(out, "| `{}` | {shape} | {req} |", k.name);
        }
        out.push('\n');
    }

    out.push_str(RULES);
    out.push_str("\n| code | severity | meaning |\n|---|---|---|\n");
    for c in crate::validate::Code::ALL {
        let _ = writeln!(out, "| `{c}` | {} | {} |", c.severity(), cell(c.meaning()));
    }
    out
}

const RULES: &str = "\
## Rules the schemas state

- Types and required properties of every object above.
- `progress` is a number from 0 to 1.
- A task whose `taskState` is `COMPLETE` has a `result`.
- A list has `tasks`, `meta.paging` or both, and no `task`.
- An error body has no `task` or `tasks`, and has a status code of 400 or more, a `path` or a \
`timestamp`.
- The `values` of a typed detail contain each required key listed above, unless the array is \
empty or `null`.

## Rules only the validator checks

JSON Schema cannot say that an array alternates keys and values, that counts add up, or that \
a state and a result agree. `anaplan-task validate` (the library's `validate` module) checks \
these, and reports each finding with a severity, one of the codes below, the JSON path, and \
the line and column. A document is invalid when a finding is an error; `--strict` makes \
unknown fields and `values` keys errors.
";
