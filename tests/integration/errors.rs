//! The exact text of error messages: they are part of the interface.

use anaplan_task::{
    Document, ExportSucceeded, HierarchyRowsProcessed, LineItemRowsProcessed, TaskResponse, ValuesError,
};

use crate::util::{assert_to_string, fixture};

fn seed_values() -> Vec<Option<String>> {
    let doc: serde_json::Value = serde_json::from_str(&fixture("valid/seed.json")).unwrap();
    serde_json::from_value(doc["task"]["result"]["details"][0]["values"].clone()).unwrap()
}

fn with(mut values: Vec<Option<String>>, index: usize, text: Option<&str>) -> Vec<Option<String>> {
    values[index] = text.map(str::to_owned);
    values
}

#[test]
fn slice_errors_name_key_index_and_text() {
    let v = seed_values();
    assert_eq!(
        v[14].as_deref(),
        Some("failedCount"),
        "failedCount's value sits at index 15"
    );
    let cases: Vec<(Vec<Option<String>>, &str)> = vec![
        (
            [v.clone(), vec![Some("futureCount".into())]].concat(),
            "odd number of entries (33): key `futureCount` at index 32 has no value",
        ),
        (
            [v.clone(), vec![Some("failedCount".into()), Some("1".into())]].concat(),
            "duplicate key `failedCount` at index 32 (first at index 14)",
        ),
        (
            v[2..].to_vec(),
            "missing key `hierarchyName` required by hierarchyRowsProcessed",
        ),
        (with(v.clone(), 4, None), "null key at index 4, expected a key string"),
        (
            with(v.clone(), 1, None),
            "null value for key `hierarchyName` at index 1, expected text",
        ),
        (
            with(v.clone(), 15, None),
            "null value for key `failedCount` at index 15, expected text",
        ),
        (
            with(v.clone(), 15, Some("1.5")),
            "count `failedCount` at index 15 is not a plain decimal: `1.5`",
        ),
        (
            with(v.clone(), 15, Some("+1")),
            "count `failedCount` at index 15 is not a plain decimal: `+1`",
        ),
        (
            with(v.clone(), 15, Some("007")),
            "count `failedCount` at index 15 is not a plain decimal: `007`",
        ),
        (
            with(v.clone(), 15, Some("")),
            "count `failedCount` at index 15 is not a plain decimal: ``",
        ),
        (
            with(v.clone(), 15, Some("-3")),
            "count `failedCount` at index 15 is negative: `-3`",
        ),
        (
            with(v.clone(), 15, Some("18446744073709551616")),
            "count `failedCount` at index 15 does not fit in 64 bits: `18446744073709551616`",
        ),
    ];
    for (values, expected) in cases {
        assert_to_string(HierarchyRowsProcessed::from_values(&values).unwrap_err(), expected);
    }
    let max = with(v, 15, Some("18446744073709551615"));
    let rows = HierarchyRowsProcessed::from_values(&max).unwrap().unwrap();
    assert_eq!(rows.failed_count, u64::MAX);
}

#[test]
fn long_offending_text_is_cut() {
    let long = "9".repeat(100);
    let err =
        HierarchyRowsProcessed::from_values(&[Some("hierarchyName"), Some("x"), Some("failedCount"), Some(&long)])
            .unwrap_err();
    assert_eq!(
        err,
        ValuesError::CountOverflow {
            key: "failedCount",
            index: 3,
            text: format!("{}…", "9".repeat(64)),
        }
    );
}

#[test]
fn other_typed_structs_report_their_own_keys() {
    assert_to_string(
        LineItemRowsProcessed::from_values(&[Some("rowCount"), Some("12")]).unwrap_err(),
        "missing key `lineItemName` required by lineItemRowsProcessed",
    );
    assert_to_string(
        ExportSucceeded::from_values(&[Some("exportName"), None]).unwrap_err(),
        "null value for key `exportName` at index 1, expected text",
    );
    assert_to_string(
        ExportSucceeded::from_values(&[Some("serverAlert"), None, Some("serverAlert"), Some("x")]).unwrap_err(),
        "duplicate key `serverAlert` at index 2 (first at index 0)",
    );
    assert_to_string(
        ExportSucceeded::from_values(&[Some("exportName"), Some("e"), Some("odd"), None, Some("odd"), None])
            .unwrap_err(),
        "duplicate key `odd` at index 4 (first at index 2)",
    );
}

fn status_with_values(values: &str) -> String {
    format!(
        r#"{{"task":{{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"COMPLETE","result":{{"successful":true,"failureDumpAvailable":false,"details":[{{"type":"hierarchyRowsProcessed","values":{values}}}]}}}}}}"#
    )
}

#[test]
fn document_errors_carry_path_line_and_column() {
    let cases = [
        (
            r#"["hierarchyName","Employees","failedCount","x"]"#,
            "task.result.details[0].values[3]: count `failedCount` at index 3 is not a plain decimal: `x` (line 1, column 232)",
        ),
        (
            r#"["hierarchyName","Employees","failedCount",7]"#,
            "task.result.details[0].values[3]: invalid type: integer `7`, expected a count as decimal text (line 1, column 230)",
        ),
        (
            r#"["hierarchyName","Employees",null,"7"]"#,
            "task.result.details[0].values[2]: null key at index 2, expected a key string (line 1, column 219)",
        ),
        (
            r#"["hierarchyName","Employees","failedCount"]"#,
            "task.result.details[0].values: odd number of entries (3): key `failedCount` at index 2 has no value (line 1, column 229)",
        ),
        (
            r#"["hierarchyName","A","hierarchyName","B"]"#,
            "task.result.details[0].values[2]: duplicate key `hierarchyName` at index 2 (first at index 0) (line 1, column 222)",
        ),
        (
            r#"["hierarchyName","Employees"]"#,
            "task.result.details[0].values: missing key `successRowCount` required by hierarchyRowsProcessed (line 1, column 215)",
        ),
        (
            r#"{"hierarchyName":"Employees"}"#,
            "task.result.details[0].values: invalid type: map, expected an array of alternating keys and values of hierarchyRowsProcessed (line 1, column 186)",
        ),
    ];
    for (values, expected) in cases {
        assert_to_string(
            TaskResponse::from_str(&status_with_values(values)).unwrap_err(),
            expected,
        );
    }
}

#[test]
fn values_before_type_are_decoded_once_the_type_is_known() {
    let json = r#"{"task":{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"COMPLETE","result":{"successful":true,"failureDumpAvailable":false,"details":[{"values":["hierarchyName","A","failedCount","-2"],"type":"hierarchyRowsProcessed"}]}}}"#;
    assert_to_string(
        TaskResponse::from_str(json).unwrap_err(),
        "task.result.details[0].values[3]: count `failedCount` at index 3 is negative: `-2` (line 1, column 193)",
    );
}

/// A document with one hierarchy detail of these `values`, with `type`
/// before or after them.
fn hierarchy_detail(values: &str, type_first: bool) -> String {
    let kind = r#""type":"hierarchyRowsProcessed""#;
    let values = format!(r#""values":[{values}]"#);
    let detail = match type_first {
        true => format!("{kind},{values}"),
        false => format!("{values},{kind}"),
    };
    format!(
        r#"{{"task":{{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"COMPLETE","result":{{"successful":true,"failureDumpAvailable":false,"details":[{{{detail}}}]}}}}}}"#
    )
}

#[test]
fn values_before_type_are_placed_as_when_type_comes_first() {
    // The values, where the error is, its code, and the text its place ends.
    let cases = [
        (
            r#""hierarchyName","A","failedCount","x""#,
            "values[3]",
            "count-not-decimal",
            r#""x""#,
        ),
        (
            r#""hierarchyName","A","hierarchyName","B""#,
            "values[2]",
            "values-duplicate-key",
            r#""hierarchyName""#,
        ),
        (
            r#""hierarchyName","A",null,"B""#,
            "values[2]",
            "values-null-key",
            "null",
        ),
        (
            r#""hierarchyName","A","failedCount""#,
            "values",
            "values-odd-length",
            r#""]"#,
        ),
    ];
    for (values, at, code, ends) in cases {
        let after = hierarchy_detail(values, false);
        let err = TaskResponse::from_str(&after).unwrap_err();
        let first = TaskResponse::from_str(&hierarchy_detail(values, true)).unwrap_err();
        assert_eq!(err.path(), format!("task.result.details[0].{at}"), "{values}");
        assert_eq!(err.code(), code, "{values}");
        assert!(err.values_error().is_some(), "{values}");
        // `type` is 32 bytes with its comma: the same place, moved by it.
        assert_eq!(
            (err.path(), err.line(), err.column() + 32, err.message()),
            (first.path(), first.line(), first.column(), first.message()),
            "{values}"
        );
        // At the last byte of the entry, or the array's `]`.
        let array_end = after.find(values).unwrap() + values.len() + 1;
        let end = after[..array_end].rfind(ends).unwrap() + ends.len();
        assert_eq!(err.column(), end, "{values}");
    }
}

/// A detail read alone names its `values` as a detail in a response does,
/// whichever of `type` and `values` comes first.
#[test]
fn a_detail_read_alone_names_its_values() {
    for (values, at) in [
        (r#""hierarchyName","E","failedCount","x""#, "values[3]"),
        (r#""hierarchyName","E","failedCount""#, "values"),
    ] {
        for detail in [
            format!(r#"{{"values":[{values}],"type":"hierarchyRowsProcessed"}}"#),
            format!(r#"{{"type":"hierarchyRowsProcessed","values":[{values}]}}"#),
        ] {
            let err = anaplan_task::from_str::<anaplan_task::Detail>(&detail).unwrap_err();
            assert_eq!(err.path(), at, "{detail}");
        }
    }
}

/// Input that ends (or breaks) before a key names the object it is in.
#[test]
fn an_error_before_a_key_names_the_object() {
    for (json, path) in [
        ("{", "."),
        (r#"{"task":{"#, "task"),
        (r#"{"task":{"taskId":"T","#, "task"),
    ] {
        let err = Document::from_str(json).unwrap_err();
        assert_eq!(err.path(), path, "{json}");
        assert_eq!(err.code(), "truncated-json", "{json}");
    }
    let err = Document::from_str(r#"{"task":{"#).unwrap_err();
    assert_eq!(err.to_string(), "task: EOF while parsing an object (line 1, column 9)");
}

#[test]
fn document_level_errors() {
    let cases = [
        ("", "EOF while parsing a value (line 1, column 1)"),
        ("   \n ", "EOF while parsing a value (line 2, column 1)"),
        (
            "null",
            "invalid type: null, expected a JSON object (a task status, create-task, task list, chunk list, summary report or error response) (line 1, column 4)",
        ),
        (
            "[1]",
            "invalid type: sequence, expected a JSON object (a task status, create-task, task list, chunk list, summary report or error response) (line 1, column 1)",
        ),
        (
            r#"{"hello":1}"#,
            "not a task response: expected `task` (status or start call), `tasks` or `meta.paging` (list call), `chunks` (chunk list), `summaryReport` (ALM summary report), `taskId` (a bare task object), or an error `status` (line 1, column 11)",
        ),
        (
            r#"{"status":{"code":404,"message":"Not Found"}} {}"#,
            "trailing characters (line 1, column 47)",
        ),
        (
            r#"{"task":{"taskId":"A","taskState":"COMPLETE","taskState":"COMPLETE"}}"#,
            "task: duplicate field `taskState` (line 1, column 56)",
        ),
        (
            r#"{"task":{"taskState":"COMPLETE"}}"#,
            "task: missing field `taskId` (line 1, column 32)",
        ),
        (
            r#"{"task":{"taskId":"A","taskState":"COMPLETE","progress":"1"}}"#,
            "task.progress: invalid type: string \"1\", expected a JSON number (line 1, column 60)",
        ),
        // A field that must be an object or a flag is not optional: `null`
        // is refused, where an optional field takes it as absent.
        (
            r#"{"meta":null,"status":null,"task":null}"#,
            "task: invalid type: null, expected a task object (line 1, column 38)",
        ),
        (
            r#"{"task":{"taskId":"A","taskState":"COMPLETE","result":{"successful":null}}}"#,
            "task.result.successful: invalid type: null, expected a boolean (line 1, column 72)",
        ),
        // Keys are read unescaped.
        (
            r#"{"task":{"task\u0049d":"A","taskState":"COMPLETE","taskId":"B"}}"#,
            "task: duplicate field `taskId` (line 1, column 58)",
        ),
    ];
    for (json, expected) in cases {
        assert_to_string(Document::from_str(json).unwrap_err(), expected);
        assert_to_string(anaplan_task::from_str::<Document>(json).unwrap_err(), expected);
    }
    let escaped = r#"{"task":{"task\u0049d":"A","taskState":"COMPLETE","type":null}}"#;
    let response = TaskResponse::from_str(escaped).unwrap();
    assert_eq!(response.task.task_id.as_str(), "A");
    assert_eq!(response.task.task_type, None);
    assert_eq!(response, serde_json::from_str(escaped).unwrap());
}

#[test]
fn invalid_utf8_and_byte_order_mark() {
    let err = Document::from_slice(b"{\"task\":\n {\"taskId\":\"\xff\"}}").unwrap_err();
    assert_to_string(&err, "invalid UTF-8 at byte 21 (line 2, column 13)");
    assert_eq!(err.category(), anaplan_task::ErrorCategory::Utf8);
    let err = Document::from_slice(b"\xef\xbb\xbf{}").unwrap_err();
    assert_to_string(
        err,
        "the input starts with a UTF-8 byte-order mark (EF BB BF), which JSON text must not have (line 1, column 1)",
    );
}

/// Some codes of a decoding error can come only from serde's message: each
/// message the crate relies on is pinned here, so that a change in serde or
/// serde_json shows as a failing test rather than as a wrong code.
#[test]
fn serde_messages_behind_the_codes() {
    let task = r#""taskId":"1B1D84DDD53847BAA621810B593C3FC1""#;
    let cases = [
        (
            r#"{"status":{"code":404,"message":"x"}} x"#.to_owned(),
            "trailing-characters",
            "trailing characters",
        ),
        (
            format!(r#"{{"task":{{{task},"progress":1}}}}"#),
            "missing-field",
            "missing field `taskState`",
        ),
        (
            format!(r#"{{"task":{{{task},{task}}}}}"#),
            "duplicate-field",
            "duplicate field `taskId`",
        ),
        (
            format!(r#"{{"task":{{{task},"taskState":1}}}}"#),
            "wrong-type",
            "invalid type: integer `1`, expected a task state",
        ),
        (
            r#"{"status":{"code":70000,"message":"x"}}"#.to_owned(),
            "invalid-value",
            "invalid value: integer `70000`, expected u16",
        ),
        (
            format!(r#"{{"task":{{{task},"taskState":"COMPLETE","creationTime":1e400}}}}"#),
            "invalid-json",
            "number out of range",
        ),
    ];
    for (json, code, message) in cases {
        let err = Document::from_str(&json).unwrap_err();
        assert_eq!(err.code(), code, "{json}");
        assert!(err.message().starts_with(message), "{json}: {}", err.message());
    }
}
