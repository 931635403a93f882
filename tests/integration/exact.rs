//! What the crate does not interpret is kept as it was sent and written
//! back as sent: unknown fields at every level (number spellings, repeated
//! names, nested objects with repeated keys) and the task's `progress`.

use anaplan_task::validate::{self, Options};
use anaplan_task::{Document, TaskResponse};
use proptest::prelude::*;

const TASK: &str = r#""taskId":"1B1D84DDD53847BAA621810B593C3FC1""#;
const SCHEMA: &str = "https://api.anaplan.com/2/0/models/F1111111C11111111B11111F1111E11F/objects/task";

/// The findings of a document as `code path: message` lines.
fn findings(json: &str) -> Vec<String> {
    validate::validate_str(json, &Options::default())
        .findings
        .iter()
        .map(|f| format!("{} {}: {}", f.code, f.path, f.message))
        .collect()
}

#[test]
fn the_tasks_progress_is_its_own_whatever_comes_first() {
    // Another object's `progress` comes first in the text, with the same
    // number in another spelling: each keeps its own. (Written back, known
    // fields come first: the order of an object's members has no meaning.)
    let json = format!(
        r#"{{"meta":{{"schema":"{SCHEMA}","progress":1.0}},"status":{{"code":200,"message":"Success"}},"task":{{{TASK},"taskState":"COMPLETE","progress":1.00,"result":{{"successful":true,"failureDumpAvailable":false}}}}}}"#
    );
    let doc = Document::from_str(&json).unwrap();
    assert_eq!(doc.task().unwrap().progress.as_ref().unwrap().as_str(), "1.00");
    assert_eq!(serde_json::to_string(&doc).unwrap(), json);
    assert_eq!(
        findings(&json),
        ["unknown-field meta.progress: unknown field `progress`"]
    );
}

#[test]
fn a_key_repeated_in_a_kept_object_is_reported_and_kept() {
    let json = format!(
        r#"{{"meta":{{"schema":"{SCHEMA}","x":{{"a":1,"a":2}}}},"status":{{"code":200,"message":"Success"}},"task":{{{TASK},"taskState":"IN_PROGRESS"}}}}"#
    );
    let response = TaskResponse::from_str(&json).unwrap();
    assert_eq!(serde_json::to_string(&response).unwrap(), json);
    assert_eq!(
        findings(&json),
        [
            "unknown-field meta.x: unknown field `x`",
            "duplicate-field meta.x: duplicate field `a`"
        ]
    );
    let report = validate::validate_str(&json, &Options::default());
    assert!(!report.is_valid());
    // Deeper, and as a repeated name among the unknown fields themselves.
    let json = format!(r#"{{"task":{{{TASK},"taskState":"IN_PROGRESS","y":[0,{{"b":{{"c":1,"\u0063":2}}}}],"y":3}}}}"#);
    let doc = Document::from_str(&json).unwrap();
    assert_eq!(serde_json::to_string(&doc).unwrap(), json);
    assert_eq!(
        findings(&json),
        [
            "missing-envelope .: no `meta` and `status`: a documentation sample rather than a captured response?",
            "duplicate-field task: duplicate field `y`",
            "unknown-field task.y: 2 unknown fields: `y`, `y`",
            "duplicate-field task.y[1].b: duplicate field `c`",
        ]
    );
}

/// A key repeated inside the second copy of a name sent twice is placed in
/// that copy, not in the first, at any depth.
#[test]
fn a_key_repeated_in_a_second_copy_is_placed_there() {
    let placed = |fields: &str| -> Vec<String> {
        let json = format!(r#"{{"task":{{{TASK},"taskState":"IN_PROGRESS",{fields}}}}}"#);
        validate::validate_str(&json, &Options::default())
            .findings
            .iter()
            .filter(|f| f.code == "duplicate-field")
            .map(|f| format!("{}:{} {}", f.line.unwrap(), f.column.unwrap(), f.path))
            .collect()
    };
    let start = format!(r#"{{"task":{{{TASK},"taskState":"IN_PROGRESS","#).len();
    // Where `text` is in the fields, as a column.
    let at = |fields: &str, text: &str| start + fields.find(text).unwrap() + 1;
    let fields = r#""x":[{"a":1,"a":2}],"x":[{"b":1,"b":2}]"#;
    assert_eq!(
        placed(fields),
        [
            "1:9 task".to_owned(),
            format!("1:{} task.x[0]", at(fields, r#"{"a""#)),
            format!("1:{} task.x[0]", at(fields, r#"{"b""#)),
        ]
    );
    let fields = r#""x":{"k":{"a":1},"k":{"b":1,"b":2}}"#;
    assert_eq!(
        placed(fields),
        [
            format!("1:{} task.x", at(fields, r#"{"k""#)),
            format!("1:{} task.x.k", at(fields, r#"{"b""#)),
        ]
    );
}

#[test]
fn odd_numbers_in_unknown_fields_are_written_back_as_sent() {
    for number in [
        "1E2",
        "0.50",
        "-0",
        "123456789012345678901234567890",
        "1e-400",
        "1e400",
        "-0.0e+00",
    ] {
        let json = format!(r#"{{"task":{{{TASK},"taskState":"IN_PROGRESS","zz":{number}}}}}"#);
        let response = TaskResponse::from_str(&json).unwrap();
        assert_eq!(response.task.extra.get("zz").unwrap().get(), number);
        assert_eq!(serde_json::to_string(&response).unwrap(), json, "{number}");
        let doc: Document = anaplan_task::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string(&doc).unwrap(), json, "{number}");
    }
}

/// An object's text with `fields` (name and JSON text) put after `first`.
fn object(first: &str, fields: &[(String, String)]) -> String {
    let mut out = format!("{{{first}");
    for (name, text) in fields {
        out.push_str(&format!(",{}:{text}", serde_json::to_string(name).unwrap()));
    }
    out.push('}');
    out
}

fn fields() -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::vec(("zz|[a-z][A-Za-z]{0,6}|x\u{e9}\"", crate::props::raw_json()), 0..3)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Unknown fields at every level, in odd spellings and repeated, and
    /// `progress` in any spelling: written back, every member keeps its
    /// text.
    #[test]
    fn every_member_keeps_its_text(
        top in fields(), meta in fields(), status in fields(), task in fields(),
        result in fields(), detail in fields(),
        progress in "-0|0[eE][+-]?[0-9]{1,3}|0\\.[0-9]{1,4}([eE]-[0-9]{1,3})?|1(\\.0{1,3})?([eE][+-]?0)?",
    ) {
        let known = ["meta", "status", "task", "tasks", "chunks", "path", "timestamp", "schema", "paging", "code",
            "message", "taskId", "taskState", "currentStep", "progress", "result", "creationTime", "type",
            "cancelledBy", "successful", "failureDumpAvailable", "objectId", "objectName", "details",
            "nestedResults", "duration", "startTime", "localMessageText", "occurrences", "values"];
        prop_assume!([&top, &meta, &status, &task, &result, &detail].iter()
            .all(|f| f.iter().all(|(name, _)| !known.contains(&name.as_str()))));
        let detail = object(r#""type":"somethingNew","values":["k","v"]"#, &detail);
        let result = object(&format!(r#""successful":true,"failureDumpAvailable":false,"details":[{detail}]"#), &result);
        let task = object(&format!(r#"{TASK},"taskState":"COMPLETE","progress":{progress},"result":{result}"#), &task);
        let meta = object(&format!(r#""schema":"{SCHEMA}""#), &meta);
        let status = object(r#""code":200,"message":"Success""#, &status);
        let json = object(&format!(r#""meta":{meta},"status":{status},"task":{task}"#), &top);
        let doc = Document::from_str(&json);
        prop_assert!(doc.is_ok(), "{:?}: {}", doc, json);
        prop_assert_eq!(serde_json::to_string(&doc.unwrap()).unwrap(), json.clone());
        let response: TaskResponse = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(serde_json::to_string(&response).unwrap(), json.clone());
        // A repeated key anywhere is reported, and nothing else is wrong.
        let report = validate::validate_str(&json, &Options::default());
        for f in report.findings.iter().filter(|f| f.severity == validate::Severity::Error) {
            prop_assert_eq!(f.code, validate::Code::DuplicateField, "{}", f);
        }
    }
}

/// The lean reading of `progress` accepts what serde_json accepts and no
/// more, near a double's limit and in spellings JSON refuses.
#[test]
fn progress_reads_as_serde_json_reads_it() {
    for p in [
        "1.7976931348623158e308",
        "1e308",
        "1e309",
        "-0",
        "1E-400",
        "0.1e1",
        "01",
        "1.",
        ".5",
        "1e",
        "+1",
        "1.0x",
        "-",
    ] {
        let json = format!(r#"{{"task":{{{TASK},"taskState":"IN_PROGRESS","progress":{p}}}}}"#);
        let ours = Document::from_str(&json).ok();
        assert_eq!(ours, serde_json::from_str::<Document>(&json).ok(), "{p}");
    }
}
