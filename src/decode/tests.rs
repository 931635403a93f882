//! Tests of the typed `values` error a failed reading carries: found again
//! from the text, it is the error the message reports.

use crate::{DecodeError, Document, TaskResponse, ValuesError};

fn detail_in_task(detail: &str) -> String {
    format!(
        r#"{{"task":{{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"COMPLETE","result":{{"successful":true,"failureDumpAvailable":false,"details":[{{"type":"exportSucceeded","values":null}},{detail}]}}}}}}"#
    )
}

/// The typed error of every way of reading `json`, which all agree.
fn values_error(json: &str) -> Option<ValuesError> {
    let errors: [DecodeError; 4] = [
        Document::from_str(json).unwrap_err(),
        TaskResponse::from_str(json).unwrap_err(),
        crate::from_str::<Document>(json).unwrap_err(),
        crate::from_str::<TaskResponse>(json).unwrap_err(),
    ];
    let typed = errors[0].values_error().cloned();
    for e in &errors {
        assert_eq!(e.values_error(), typed.as_ref(), "{e}");
        assert_eq!(e.to_string(), errors[0].to_string());
    }
    if let Some(typed) = &typed {
        assert!(errors[0].message().ends_with(&typed.to_string()), "{}", errors[0]);
        assert_eq!(errors[0].code(), typed.code());
    }
    typed
}

#[test]
fn the_typed_error_is_the_first_the_array_meets() {
    let cases: [(&str, Option<ValuesError>); 6] = [
        (
            r#"{"type":"lineItemRowsProcessed","values":["lineItemName","S","rowCount","x",7]}"#,
            Some(ValuesError::NotDecimal {
                key: "rowCount",
                index: 3,
                text: "x".into(),
            }),
        ),
        (
            r#"{"type":"lineItemRowsProcessed","values":["lineItemName","S","rowCount",7,null]}"#,
            None,
        ),
        (
            r#"{"type":"lineItemRowsProcessed","values":["lineItemName","S",null,"1"]}"#,
            Some(ValuesError::NullKey { index: 2 }),
        ),
        (
            r#"{"type":"lineItemRowsProcessed","values":["lineItemName","S","rowCount"]}"#,
            Some(ValuesError::OddLength {
                len: 3,
                key: "rowCount".into(),
                index: 2,
            }),
        ),
        (
            r#"{"typ\u0065":"lineItemRowsProcessed","values":["lineItemName","S"]}"#,
            Some(ValuesError::MissingKey {
                key: "rowCount",
                detail: "lineItemRowsProcessed",
            }),
        ),
        (
            r#"{"values":["lineItemName","S","lineItemName","T"],"type":"lineItemRowsProcessed"}"#,
            Some(ValuesError::DuplicateKey {
                key: "lineItemName".into(),
                index: 2,
                first: 0,
            }),
        ),
    ];
    for (detail, expected) in cases {
        assert_eq!(values_error(&detail_in_task(detail)), expected, "{detail}");
    }
}

#[test]
fn other_errors_have_no_typed_error() {
    for detail in [
        r#"{"type":"lineItemRowsProcessed","values":{"rowCount":"1"}}"#,
        r#"{"type":"somethingNew","values":["a"],"type":"x"}"#,
        r#"{"type":"lineItemRowsProcessed","values":["lineItemName","S","rowCount","1"],"values":null}"#,
        r#"{"type":3,"values":["rowCount"]}"#,
    ] {
        assert_eq!(values_error(&detail_in_task(detail)), None, "{detail}");
    }
}

#[test]
fn a_bare_task_and_pretty_text_are_explained_alike() {
    let bare = r#"{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"COMPLETE","result":{"successful":true,
      "failureDumpAvailable":false,"details":[ {"type" : "exportSucceeded" ,
        "values" : [ "exportName" , null ] } ]}}"#;
    let e = Document::from_str(bare).unwrap_err();
    assert_eq!(e.path(), "result.details[0].values[1]");
    assert_eq!(
        e.values_error(),
        Some(&ValuesError::NullValue {
            key: "exportName",
            index: 1
        })
    );
}
