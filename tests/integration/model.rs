//! Behaviour of the model: typed values, outcomes, kinds, identifiers.

use anaplan_task::{
    Detail, DetailClass, DetailCode, DetailValues, Document, DocumentKind, ExportSucceeded, HierarchyRowsProcessed,
    ObjectId, ObjectKind, Outcome, Pair, TaskId, TaskResponse, TaskState,
};

use crate::util::fixture;

#[track_caller]
fn status(rel: &str) -> TaskResponse {
    TaskResponse::from_str(&fixture(rel)).unwrap()
}

#[test]
fn seed_decodes_to_typed_counts() {
    let r = status("valid/seed.json");
    assert_eq!(r.task.task_id.as_str(), "1B1D84DDD53847BAA621810B593C3FC1");
    assert!(r.task.task_id.is_well_formed());
    assert_eq!(r.task.progress.as_ref().unwrap().value(), 1.0);
    let result = r.task.result.as_ref().unwrap();
    assert_eq!(result.object_id.as_ref().unwrap().kind(), ObjectKind::Import);
    let rows = result.details()[0].hierarchy_rows().unwrap();
    let mut expected = HierarchyRowsProcessed::new("Employees");
    expected.success_row_count = 90;
    expected.success_update_count = 90;
    expected.ignored_count = 5;
    expected.total_row_count = 95;
    expected.total_update_count = 90;
    expected.updated_count = 90;
    expected.renamed_count = 90;
    assert_eq!(rows, &expected);
    assert_eq!(r.outcome(), Outcome::Succeeded);
}

#[test]
fn key_order_does_not_matter() {
    let seed = status("valid/seed.json");
    let shuffled = status("valid/shuffled-values.json");
    assert_eq!(seed, shuffled);
}

#[test]
fn unknown_keys_are_kept_in_order() {
    let r = status("valid/values-before-type.json");
    let rows = r.task.result.as_ref().unwrap().details()[0].hierarchy_rows().unwrap();
    assert_eq!(rows.other, vec![Pair::new("futureCount", "3")]);
    assert_eq!(
        rows.to_values()[32..],
        [Some("futureCount".to_owned()), Some("3".to_owned())]
    );
}

#[test]
fn outcomes_follow_the_rule() {
    let cases = [
        ("valid/seed.json", Outcome::Succeeded),
        ("valid/integer-progress.json", Outcome::Succeeded),
        ("valid/import-with-failures.json", Outcome::SucceededWithWarnings),
        ("valid/with-failures-empty-values.json", Outcome::SucceededWithWarnings),
        ("valid/import-failed.json", Outcome::Failed),
        ("valid/process.json", Outcome::Succeeded),
        ("valid/process-failed-step.json", Outcome::Failed),
        ("valid/export.json", Outcome::Succeeded),
        ("valid/delete-action.json", Outcome::Succeeded),
        ("valid/module-import.json", Outcome::Succeeded),
        ("valid/in-progress.json", Outcome::Running),
        ("valid/minimal.json", Outcome::Running),
        ("valid/cancelled.json", Outcome::Cancelled),
        ("valid/unknown-state.json", Outcome::Unknown),
        ("valid/bare-task.json", Outcome::Succeeded),
    ];
    for (rel, outcome) in cases {
        assert_eq!(status(rel).outcome(), outcome, "{rel}");
    }
}

#[test]
fn outcome_edge_cases() {
    let mut r = status("valid/seed.json");
    r.task.current_step = Some("Failed.".into());
    assert_eq!(
        r.outcome(),
        Outcome::Failed,
        "currentStep Failed. fails a successful result"
    );

    let mut r = status("valid/seed.json");
    r.task.result.as_mut().unwrap().failure_dump_available = Some(true);
    assert_eq!(r.outcome(), Outcome::SucceededWithWarnings, "a dump is a warning");

    let mut r = status("valid/seed.json");
    r.task.result.as_mut().unwrap().details.as_mut().unwrap()[0] = Detail::new(DetailCode::DateFormatInvalid);
    assert_eq!(r.outcome(), Outcome::SucceededWithWarnings, "a data error is a warning");

    let mut r = status("valid/seed.json");
    if let Some(DetailValues::HierarchyRowsProcessed(h)) =
        &mut r.task.result.as_mut().unwrap().details.as_mut().unwrap()[0].values
    {
        h.warnings_row_count = 1;
    }
    assert_eq!(
        r.outcome(),
        Outcome::SucceededWithWarnings,
        "warning rows are a warning"
    );

    let mut r = status("valid/process.json");
    r.task.result.as_mut().unwrap().nested_results.as_mut().unwrap()[2].failure_dump_available = Some(true);
    assert_eq!(
        r.outcome(),
        Outcome::SucceededWithWarnings,
        "a nested step's warning counts"
    );

    let mut r = status("valid/seed.json");
    r.task.result = None;
    assert_eq!(r.outcome(), Outcome::Succeeded, "COMPLETE without result");
    r.task.task_state = TaskState::NotStarted;
    assert_eq!(r.outcome(), Outcome::Pending);
    r.task.task_state = TaskState::Cancelling;
    assert_eq!(r.outcome(), Outcome::Cancelling);
}

#[test]
fn outcome_spellings_round_trip() {
    let spelled: Vec<&str> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
    assert_eq!(
        spelled,
        [
            "pending",
            "running",
            "succeeded",
            "succeeded-with-warnings",
            "failed",
            "cancelling",
            "cancelled",
            "unknown"
        ]
    );
    for o in Outcome::ALL {
        assert_eq!(o.as_str().parse::<Outcome>().unwrap(), o);
        assert_eq!(serde_json::to_string(&o).unwrap(), format!("\"{o}\""));
    }
    assert_eq!(
        "done".parse::<Outcome>().unwrap_err().to_string(),
        "unknown outcome `done`: expected pending, running, succeeded, succeeded-with-warnings, failed, cancelling, cancelled or unknown"
    );
}

#[test]
fn typed_views_of_each_detail() {
    let r = status("valid/export.json");
    let d = &r.task.result.as_ref().unwrap().details()[0];
    let mut expected = ExportSucceeded::new("Grid - Revenue.csv");
    expected.server_alert = Some(None);
    assert_eq!(d.values, Some(DetailValues::ExportSucceeded(expected)));

    let r = status("valid/module-import.json");
    let details = r.task.result.as_ref().unwrap().details();
    let num2 = details[0].line_item_rows().unwrap();
    assert_eq!(
        (num2.line_item_name.as_str(), num2.row_count, num2.ignored()),
        ("num2", 1068, 445)
    );
    let num1 = details[1].line_item_rows().unwrap();
    assert_eq!((num1.ignored_count, num1.ignored()), (None, 0));

    let r = status("valid/delete-action.json");
    let d = &r.task.result.as_ref().unwrap().details()[0];
    assert_eq!(
        d.values,
        Some(DetailValues::Raw(vec![Some("serverAlert".into()), None]))
    );

    let r = status("valid/with-failures-empty-values.json");
    let d = &r.task.result.as_ref().unwrap().details()[0];
    assert_eq!(d.values, Some(DetailValues::Raw(vec![])));
    assert!(d.values.as_ref().unwrap().is_empty());
}

#[test]
fn process_details_are_typed() {
    let r = status("valid/process.json");
    let steps = r.task.result.as_ref().unwrap().nested_results();
    assert_eq!(steps.len(), 3);
    assert_eq!(steps[0].elapsed(), Some(std::time::Duration::from_millis(868)));
    let started = steps[0]
        .started_at()
        .unwrap()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    assert_eq!(started.as_millis(), 1_571_258_347_600);
    let kinds: Vec<ObjectKind> = steps.iter().map(|s| s.object_id.as_ref().unwrap().kind()).collect();
    assert_eq!(kinds, [ObjectKind::Import, ObjectKind::Import, ObjectKind::Export]);
}

#[test]
fn unknown_state_code_and_fields_survive() {
    let r = status("valid/unknown-state.json");
    assert_eq!(r.task.task_state, TaskState::Other("SUSPENDED".into()));
    assert!(!r.task.task_state.is_terminal());

    let r = status("valid/unknown-code-and-fields.json");
    assert_eq!(r.task.extra.get("queuePosition").unwrap().get(), "3");
    let top: serde_json::Value = serde_json::from_str(r.extra.get("extraTopLevel").unwrap().get()).unwrap();
    assert_eq!(top["a"][1], 2);
    let d = &r.task.result.as_ref().unwrap().details()[1];
    assert_eq!(d.code, DetailCode::Other("brandNewCode".into()));
    assert_eq!(d.code.class(), DetailClass::Unknown);
    assert_eq!(d.extra.get("severity").unwrap().get(), r#""low""#);
    assert_eq!(
        d.values,
        Some(DetailValues::Raw(vec![
            Some("whatever".into()),
            Some("1".into()),
            Some("other".into()),
            None
        ]))
    );
}

#[test]
fn document_kinds() {
    let cases = [
        ("valid/seed.json", DocumentKind::TaskStatus),
        ("valid/bare-task.json", DocumentKind::TaskStatus),
        ("valid/create-task.json", DocumentKind::CreateTask),
        ("valid/list.json", DocumentKind::TaskList),
        ("valid/list-empty.json", DocumentKind::TaskList),
        ("valid/error-404.json", DocumentKind::Error),
        ("valid/error-minimal.json", DocumentKind::Error),
    ];
    for (rel, kind) in cases {
        assert_eq!(Document::from_str(&fixture(rel)).unwrap().kind(), kind, "{rel}");
    }
    let Document::TaskList(list) = Document::from_str(&fixture("valid/list-empty.json")).unwrap() else {
        panic!("not a list");
    };
    assert!(list.tasks().is_empty());
    assert_eq!(list.meta.unwrap().paging.unwrap().total_size, Some(0));
    let Document::TaskList(list) = Document::from_str(&fixture("valid/list.json")).unwrap() else {
        panic!("not a list");
    };
    assert_eq!(list.tasks()[1].task_state, Some(TaskState::InProgress));
}

#[test]
fn object_kinds_from_prefix() {
    let cases = [
        ("112000000009", ObjectKind::Import),
        ("113000000001", ObjectKind::File),
        ("116000000003", ObjectKind::Export),
        ("117000000012", ObjectKind::Action),
        ("118000000001", ObjectKind::Process),
        ("101000000002", ObjectKind::List),
        ("102000000004", ObjectKind::Module),
        ("999000000000", ObjectKind::Other),
        ("11", ObjectKind::Other),
        ("", ObjectKind::Other),
    ];
    for (id, kind) in cases {
        assert_eq!(ObjectId::new(id).kind(), kind, "{id}");
        if let Some(prefix) = kind.prefix() {
            assert_eq!(ObjectKind::from_prefix(prefix), kind);
        }
    }
    assert!(!ObjectId::new("11200000000").is_well_formed());
    assert!(!ObjectId::new("11200000000x").is_well_formed());
    assert!(ObjectId::new("112000000009").is_well_formed());
    let task = |id: &str| TaskId::new(id).is_well_formed();
    assert!(task("1B1D84DDD53847BAA621810B593C3FC1"));
    assert!(task("0123456789ABCDEF0123456789ABCDEF"));
    for bad in [
        "1b1d84ddd53847baa621810b593c3fc1",
        "1B1D84DDD53847BAA621810B593C3FCG",
        "GB1D84DDD53847BAA621810B593C3FC1",
        "1B1D84DDD53847BAA621810B593C3FC",
        "1B1D84DDD53847BAA621810B593C3FC10",
        "1B1D84DDD53847BA A621810B593C3FC",
    ] {
        assert!(!task(bad), "{bad}");
    }
}

#[test]
fn states_and_codes_know_their_words() {
    assert_eq!(TaskState::KNOWN.len(), 5);
    for s in TaskState::KNOWN {
        assert_eq!(TaskState::from_wire(s.as_str()), *s);
        assert!(s.description().is_some());
    }
    assert!(TaskState::Complete.is_terminal() && TaskState::Cancelled.is_terminal());
    assert!(!TaskState::Cancelling.is_terminal());
    assert_eq!(
        TaskState::Cancelled.description(),
        Some("The task has been canceled and the changes have been rolled back.")
    );
    assert_eq!(DetailCode::KNOWN.len(), 52);
    for c in DetailCode::KNOWN {
        assert_eq!(DetailCode::from_wire(c.as_str()), *c);
        assert_ne!(c.class(), DetailClass::Unknown);
    }
    let err = serde_json::from_str::<TaskState>("3").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: integer `3`, expected a task state at line 1 column 1"
    );
}

#[test]
fn creation_time_is_a_point_in_time() {
    let r = status("valid/seed.json");
    let ms = r
        .task
        .created_at()
        .unwrap()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis();
    assert_eq!(ms, 1_571_258_347_545);
}

/// The types' `Deserialize` works with any deserializer, not only with the
/// crate's own reading: a parsed `Value`, and serde_json reading a stream,
/// give the same documents as `from_str`, and refuse what it refuses.
#[test]
fn other_deserializers_read_the_same_documents() {
    for dir in ["valid", "invalid"] {
        for name in crate::util::fixture_names(dir) {
            let bytes = std::fs::read(crate::util::fixtures().join(dir).join(&name)).unwrap();
            let ours = Document::from_slice(&bytes).ok();
            let reader = serde_json::from_reader::<_, Document>(bytes.as_slice()).ok();
            assert_eq!(reader, ours, "{dir}/{name} through from_reader");
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            // A `Value` keeps the last of repeated keys, so only documents
            // without a fault go through one; it keeps no text, so unknown
            // fields are compared as values.
            if let (Ok(value), "valid") = (serde_json::from_str::<serde_json::Value>(&text), dir) {
                let as_value = |doc: Option<Document>| doc.map(|d| serde_json::to_value(d).unwrap());
                let from_value = serde_json::from_value::<Document>(value.clone()).ok();
                assert_eq!(as_value(from_value), as_value(ours), "{dir}/{name} through from_value");
                let response = serde_json::from_value::<TaskResponse>(value)
                    .ok()
                    .map(|r| serde_json::to_value(r).unwrap());
                let ours = TaskResponse::from_str(&text)
                    .ok()
                    .map(|r| serde_json::to_value(r).unwrap());
                assert_eq!(response, ours, "{dir}/{name}");
            }
        }
    }
    // A string is not a document, whichever way it comes.
    let err = serde_json::from_value::<TaskResponse>(serde_json::json!("task")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: string \"task\", expected a task status response object"
    );
}
