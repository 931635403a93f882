//! What schemars cannot derive from the types: the rules added to their
//! generated schemas through `#[schemars(transform = ...)]`.

use schemars::Schema;
use serde_json::{Value, json};

use crate::values::TypedKind;

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
/// names `task` objects, or, for ALM tasks, `syncTask` (report tasks) or
/// `taskWithUrl` (the start calls).
pub(crate) fn task_body_meta(schema: &mut Schema) {
    meta_names(schema, "(task|syncTask|taskWithUrl)");
}

/// Adds to the ALM summary report's schema: `meta.schema` names
/// `summaryReport` objects.
pub(crate) fn summary_report_meta(schema: &mut Schema) {
    meta_names(schema, "summaryReport");
}

/// Adds to the `ChunkListResponse` schema what tells a chunk list from the
/// other bodies: no `task` or `tasks`, and `chunks` or `meta.paging`.
pub(crate) fn chunk_list_shape(schema: &mut Schema) {
    list_shape(schema, "chunk", "chunks", "tasks");
}

/// Adds to the `Detail` schema: the `values` of a typed detail contain each
/// key the type requires (unless `values` is empty or null).
pub(crate) fn typed_values_keys(schema: &mut Schema) {
    let rules: Vec<Value> = TypedKind::ALL
        .iter()
        .map(|kind| {
            let codes = kind.codes();
            let contains: Vec<Value> = kind
                .spec()
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
