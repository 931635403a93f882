//! Which fields each body must have, and the evidence for each: every other
//! field is optional, in the model and in the committed schemas. Adding a
//! required field means adding it here, with the evidence that every
//! server response has it.

use anaplan_task::{Document, DocumentKind};
use serde_json::{Value, json};

/// A body with every field the crate knows, of each kind.
fn full(kind: DocumentKind) -> Value {
    let meta = json!({
        "schema": "https://api.anaplan.com/2/0/models/0A1B2C3D4E5F60718293A4B5C6D7E8F9/objects/task",
        "paging": {"currentPageSize": 1, "offset": 0, "totalSize": 1, "next": "n", "previous": "p"}
    });
    let status = json!({"code": 200, "message": "Success"});
    match kind {
        DocumentKind::TaskStatus => json!({
            "meta": {"schema": meta["schema"]},
            "status": status,
            "task": {
                "taskId": "5E2A9C0B7D3F4E1A8B6C2D0E9F7A3B15",
                "taskState": "CANCELLED",
                "currentStep": "Complete.",
                "progress": 1,
                "creationTime": 1764500000000u64,
                "type": "taskInformation",
                "cancelledBy": "Ann Example",
                "result": {
                    "successful": true,
                    "failureDumpAvailable": false,
                    "objectId": "118000000004",
                    "objectName": "Nightly",
                    "duration": "868",
                    "startTime": "1764500000000",
                    "details": [{"type": "taskElementSucceeded", "localMessageText": "done", "occurrences": 0, "values": []}],
                    "nestedResults": [{"successful": true, "failureDumpAvailable": false}]
                }
            }
        }),
        DocumentKind::CreateTask => json!({
            "meta": {"schema": meta["schema"]},
            "status": status,
            "task": {"taskId": "5E2A9C0B7D3F4E1A8B6C2D0E9F7A3B15", "taskState": "NOT_STARTED", "creationTime": 1}
        }),
        DocumentKind::TaskList => json!({
            "meta": meta,
            "status": status,
            "tasks": [{"taskId": "5E2A9C0B7D3F4E1A8B6C2D0E9F7A3B15", "taskState": "COMPLETE", "creationTime": 1}]
        }),
        DocumentKind::ChunkList => {
            let mut meta = meta;
            meta["schema"] = "https://api.anaplan.com/2/0/models/0A1B/objects/chunk".into();
            json!({"meta": meta, "status": status, "chunks": [{"id": "0", "name": "Chunk 0"}]})
        }
        DocumentKind::Error => json!({
            "status": {"code": 404, "message": "Not Found"},
            "path": "/2/0/workspaces/w/models/m/imports/i/tasks/t",
            "timestamp": "2026-07-14T13:55:12.198115662Z"
        }),
        other => panic!("no full body for {other}"),
    }
}

/// What removing a required field gives.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Without {
    /// `missing field` at the object's path.
    Missing,
    /// Not a body of the family: the field is what tells the body apart.
    Unknown,
}

use Without::{Missing, Unknown};

/// The required fields: the body, the JSON pointer of the object, the
/// field, what its absence gives, and the evidence that every response has
/// it (sections of `task-status-format.md`, the wire format notes).
/// `failureDumpAvailable` is in every bulk result (§4) but in no ALM
/// result (§10): the validation pass asks for it, not the reading.
const REQUIRED: &[(DocumentKind, &str, &str, Without, &str)] = &[
    (
        DocumentKind::TaskStatus,
        "",
        "task",
        Unknown,
        "§1-2: what makes a status body",
    ),
    (DocumentKind::TaskStatus, "/task", "taskId", Missing, "§3: always"),
    (
        DocumentKind::TaskStatus,
        "/task",
        "taskState",
        Missing,
        "§3: always in a status body; without it the task is a start call's",
    ),
    (
        DocumentKind::TaskStatus,
        "/task/result",
        "successful",
        Missing,
        "§4: always",
    ),
    (
        DocumentKind::TaskStatus,
        "/task/result/nestedResults/0",
        "successful",
        Missing,
        "§4: always, nested too",
    ),
    (
        DocumentKind::TaskStatus,
        "/task/result/details/0",
        "type",
        Missing,
        "§5: in every sample; a detail is its code",
    ),
    (
        DocumentKind::TaskStatus,
        "/status",
        "code",
        Missing,
        "§2: every sample and every error body",
    ),
    (
        DocumentKind::TaskStatus,
        "/status",
        "message",
        Missing,
        "§2: every sample and every error body",
    ),
    (
        DocumentKind::CreateTask,
        "",
        "task",
        Unknown,
        "§1: what makes a start call's body",
    ),
    (
        DocumentKind::CreateTask,
        "/task",
        "taskId",
        Missing,
        "§1: the start call's only field in most samples",
    ),
    (
        DocumentKind::TaskList,
        "/tasks/0",
        "taskId",
        Missing,
        "§1: every list entry",
    ),
    (
        DocumentKind::ChunkList,
        "/chunks/0",
        "id",
        Missing,
        "§1: every chunk sample",
    ),
    (
        DocumentKind::ChunkList,
        "/chunks/0",
        "name",
        Missing,
        "§1: every chunk sample",
    ),
    (
        DocumentKind::Error,
        "",
        "status",
        Unknown,
        "§2: what makes an error body",
    ),
];

/// Every field of every object of the full bodies: removing it either
/// keeps the body readable as the same kind (optional) or fails with
/// `missing field` at the object's path (required, listed above).
#[test]
fn only_the_listed_fields_are_required() {
    let mut required_seen = std::collections::BTreeSet::new();
    for kind in [
        DocumentKind::TaskStatus,
        DocumentKind::CreateTask,
        DocumentKind::TaskList,
        DocumentKind::ChunkList,
        DocumentKind::Error,
    ] {
        let body = full(kind);
        assert_eq!(Document::from_str(&body.to_string()).unwrap().kind(), kind);
        for (pointer, object) in objects(&body, String::new()) {
            for field in object.keys() {
                let mut cut = body.clone();
                cut.pointer_mut(&pointer)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove(field);
                let decoded = Document::from_str(&cut.to_string());
                // `status` is the same object in every body.
                let listed = REQUIRED
                    .iter()
                    .enumerate()
                    .map(|(i, row)| (i, *row))
                    .find(|(_, (k, p, f, ..))| (*k == kind || *p == "/status") && *p == pointer && f == field);
                match (listed, decoded) {
                    (Some((i, (.., Unknown, _))), Err(e)) => {
                        required_seen.insert(i);
                        assert_eq!(e.code(), "unknown-document", "{kind} {pointer}/{field}");
                    }
                    (Some((i, (.., Missing, _))), Err(e)) => {
                        required_seen.insert(i);
                        assert_eq!(
                            e.message(),
                            format!("missing field `{field}`"),
                            "{kind} {pointer}/{field}"
                        );
                        let path = pointer.trim_start_matches('/').replace('/', ".");
                        let path = if path.is_empty() {
                            ".".to_owned()
                        } else {
                            indexes(&path)
                        };
                        assert_eq!(e.path(), path, "{kind} {pointer}/{field}");
                    }
                    (Some(_), Ok(doc)) => panic!(
                        "{kind} {pointer}/{field} is listed as required, but reads as {}",
                        doc.kind()
                    ),
                    (None, Err(e)) => panic!("{kind} {pointer}/{field} is required without evidence: {e}"),
                    (None, Ok(doc)) => assert_eq!(doc.kind(), kind, "{kind} without {pointer}/{field}"),
                }
            }
        }
    }
    assert_eq!(
        required_seen.len(),
        REQUIRED.len(),
        "a listed field is not in the full bodies"
    );
}

/// The committed schemas require exactly the listed fields.
#[cfg(feature = "schema")]
#[test]
fn the_schemas_require_the_listed_fields() {
    use anaplan_task::schema::{self, SchemaKind};
    let defs_of = |kind: DocumentKind| schema::schema(SchemaKind::for_document(kind));
    // The object's definition in the schema, by the last field name on its pointer.
    let def = |pointer: &str| match pointer.rsplit('/').find(|s| s.parse::<usize>().is_err()) {
        None | Some("") => None,
        Some("task") => Some("Task"),
        Some("result") | Some("nestedResults") => Some("TaskResult"),
        Some("details") => Some("Detail"),
        Some("status") => Some("Status"),
        Some("tasks") => Some("TaskSummary"),
        Some("chunks") => Some("Chunk"),
        Some(other) => panic!("no definition for {other}"),
    };
    for (kind, pointer, field, ..) in REQUIRED {
        let schema = defs_of(*kind);
        let object = match def(pointer) {
            // A start call's task is the `TaskSummary` definition.
            Some("Task") if *kind == DocumentKind::CreateTask => &schema["$defs"]["TaskSummary"],
            Some(name) => &schema["$defs"][name],
            None => &schema,
        };
        let required: Vec<&str> = object["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            required.contains(field),
            "{kind} {pointer}: schema does not require {field}"
        );
        for name in required {
            assert!(
                REQUIRED
                    .iter()
                    .any(|(_, p, f, ..)| *f == name && def(p) == def(pointer)),
                "{kind} {pointer}: schema requires {name}, which is not listed"
            );
        }
    }
}

/// The objects of a JSON value with their JSON pointers.
fn objects(v: &Value, at: String) -> Vec<(String, serde_json::Map<String, Value>)> {
    let mut out = Vec::new();
    match v {
        Value::Object(map) => {
            out.push((at.clone(), map.clone()));
            for (k, child) in map {
                out.extend(objects(child, format!("{at}/{k}")));
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                out.extend(objects(child, format!("{at}/{i}")));
            }
        }
        _ => {}
    }
    out
}

/// `a.0.b` as the crate writes it: `a[0].b`.
fn indexes(path: &str) -> String {
    let mut out = String::new();
    for seg in path.split('.') {
        if seg.parse::<usize>().is_ok() {
            out.push_str(&format!("[{seg}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(seg);
        }
    }
    out
}
