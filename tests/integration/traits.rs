//! The common traits a downstream crate relies on: serde both ways for every
//! data type, `FromStr` with error types, `Display` that pads, conversions
//! from `&str`, and the auto traits.

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt::Debug;
use std::hash::Hash;

use anaplan_task::endpoint::{CallKind, PathError, TaskPath};
use anaplan_task::poll::{Decision, PollPolicy};
use anaplan_task::validate::{self, Code, Finding, Options, Report, Severity};
use anaplan_task::{
    DecodeError, Detail, DetailClass, DetailValues, Document, DocumentKind, ExportSucceeded, HierarchyRowsProcessed,
    LineItemRowsProcessed, ObjectId, ObjectKind, Outcome, Pair, ParseEnumError, TaskId, TaskResponse, ValuesError,
};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) -> T {
    let json = serde_json::to_string(value).unwrap();
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

/// The auto traits and common traits every public type has (C-SEND-SYNC,
/// C-COMMON-TRAITS, C-GOOD-ERR); this does not compile if one goes.
#[test]
fn public_types_have_the_common_traits() {
    fn data<T: Send + Sync + Unpin + Clone + Debug + PartialEq + Serialize + DeserializeOwned>() {}
    fn key<T: Eq + Hash + Ord + Copy>() {}
    fn text<T: std::str::FromStr<Err: Error + Send + Sync + 'static> + std::fmt::Display>() {}
    fn parse<T: std::str::FromStr<Err: Error + Send + Sync + 'static>>() {}
    fn error<T: Error + Send + Sync + 'static>() {}
    data::<TaskResponse>();
    data::<Document>();
    data::<Detail>();
    data::<DetailValues>();
    data::<HierarchyRowsProcessed>();
    data::<LineItemRowsProcessed>();
    data::<ExportSucceeded>();
    data::<Pair>();
    data::<Outcome>();
    data::<Severity>();
    data::<Finding>();
    data::<Report>();
    data::<CallKind>();
    data::<DocumentKind>();
    data::<ObjectKind>();
    data::<DetailClass>();
    data::<TaskPath>();
    data::<TaskId>();
    data::<ObjectId>();
    key::<Outcome>();
    key::<Severity>();
    key::<CallKind>();
    key::<DocumentKind>();
    key::<ObjectKind>();
    key::<DetailClass>();
    text::<Outcome>();
    text::<Severity>();
    text::<CallKind>();
    text::<DocumentKind>();
    text::<ObjectKind>();
    text::<DetailClass>();
    text::<TaskPath>();
    text::<TaskId>();
    text::<ObjectId>();
    parse::<TaskResponse>();
    parse::<Document>();
    error::<DecodeError>();
    error::<ValuesError>();
    error::<PathError>();
    error::<ParseEnumError>();
    #[cfg(feature = "dump")]
    {
        use anaplan_task::dump::{DumpError, DumpRow, DumpSummary, RowStatus};
        data::<DumpRow>();
        data::<DumpSummary>();
        data::<RowStatus>();
        error::<DumpError>();
    }
    #[cfg(feature = "schema")]
    text::<anaplan_task::schema::SchemaKind>();
}

/// Every body is `Eq` and parses from text, as the status does.
#[test]
fn every_body_is_eq_and_parses() {
    fn body<T: Eq + std::str::FromStr<Err = DecodeError>>() {}
    body::<TaskResponse>();
    body::<Document>();
    body::<anaplan_task::CreateTaskResponse>();
    body::<anaplan_task::TaskListResponse>();
    body::<anaplan_task::ChunkListResponse>();
    body::<anaplan_task::ErrorResponse>();
    body::<anaplan_task::SummaryReportResponse>();
    fn eq<T: Eq>() {}
    eq::<Detail>();
    eq::<Report>();
    eq::<anaplan_task::summary::TaskSummaryReport>();
    eq::<anaplan_task::summary::TaskTimeline>();
    let text = crate::util::fixture("valid/alm-summary-report.json");
    let body: anaplan_task::SummaryReportResponse = text.parse().unwrap();
    assert_eq!(
        anaplan_task::from_str::<anaplan_task::SummaryReportResponse>(&text).unwrap(),
        body
    );
}

#[test]
fn string_enums_parse_their_display_and_serialize_as_it() {
    fn check<
        T: std::str::FromStr<Err = ParseEnumError> + std::fmt::Display + Serialize + DeserializeOwned + PartialEq + Debug,
    >(
        all: &[T],
    ) {
        for v in all {
            let text = v.to_string();
            assert_eq!(&text.parse::<T>().unwrap(), v);
            assert_eq!(serde_json::to_string(v).unwrap(), format!("\"{text}\""));
            assert_eq!(&round_trip(v), v);
        }
        assert!("Nope".parse::<T>().unwrap_err().to_string().starts_with("unknown "));
    }
    check(&Outcome::ALL);
    check(&CallKind::ALL);
    check(&[Severity::Info, Severity::Warning, Severity::Error]);
    check(&[
        DocumentKind::TaskStatus,
        DocumentKind::CreateTask,
        DocumentKind::TaskList,
        DocumentKind::ChunkList,
        DocumentKind::Error,
    ]);
    check(&[ObjectKind::Import, ObjectKind::Module, ObjectKind::Other]);
    check(&[DetailClass::Completion, DetailClass::DataError]);
    assert_eq!(
        "lists".parse::<CallKind>().unwrap_err().to_string(),
        "unknown call kind `lists`: expected import, export, action or process"
    );
    assert_eq!(
        "fatal".parse::<Severity>().unwrap_err().to_string(),
        "unknown severity `fatal`: expected info, warning or error"
    );
    assert_eq!(
        serde_json::from_str::<Severity>("\"fatal\"").unwrap_err().to_string(),
        "unknown severity `fatal`: expected info, warning or error"
    );
}

#[test]
fn display_pads() {
    assert_eq!(format!("[{:<10}]", Severity::Info), "[info      ]");
    assert_eq!(format!("[{:>9}]", Outcome::Failed), "[   failed]");
    assert_eq!(format!("[{:^8}]", CallKind::Import), "[ import ]");
    assert_eq!(format!("[{:<14}]", DocumentKind::Error), "[error         ]");
    assert_eq!(format!("[{:<4}]", TaskId::new("AB")), "[AB  ]");
    assert_eq!(format!("[{:<4}]", anaplan_task::TaskState::Complete), "[COMPLETE]");
}

#[test]
fn ids_convert_from_and_compare_with_str() {
    let id = TaskId::from("1B1D84DDD53847BAA621810B593C3FC1");
    assert_eq!(id, "1B1D84DDD53847BAA621810B593C3FC1");
    assert_eq!(id.as_ref(), "1B1D84DDD53847BAA621810B593C3FC1");
    let by_id: BTreeMap<ObjectId, u32> = [(ObjectId::new("112000000009"), 1)].into();
    assert_eq!(by_id.get("112000000009"), Some(&1));
    let path = TaskPath::tasks(
        "8a81b09d5e8c6f27015ece3402487d33",
        "F1111111C11111111B11111F1111E11F",
        CallKind::Process,
        "118000000001",
    )
    .unwrap()
    .process_dump(
        "1B1D84DDD53847BAA621810B593C3FC1",
        "112000000009",
        anaplan_task::endpoint::DumpPart::List,
    )
    .unwrap();
    assert_eq!(round_trip(&path), path);
    assert_eq!(
        serde_json::to_value(&path).unwrap(),
        serde_json::Value::String(path.to_string())
    );
}

#[test]
fn typed_counts_are_named_json_objects() {
    let mut rows = HierarchyRowsProcessed::new("Employees");
    rows.success_row_count = 90;
    rows.other.push(Pair::new("futureCount", "1"));
    assert_eq!(
        serde_json::to_string(&rows).unwrap(),
        concat!(
            r#"{"hierarchyName":"Employees","successRowCount":90,"successCreateCount":0,"successUpdateCount":0,"#,
            r#""warningsRowCount":0,"warningsCreateCount":0,"warningsUpdateCount":0,"failedCount":0,"ignoredCount":0,"#,
            r#""totalRowCount":0,"totalCreateCount":0,"totalUpdateCount":0,"invalidCount":0,"updatedCount":0,"#,
            r#""renamedCount":0,"createdCount":0,"other":[{"key":"futureCount","value":"1"}]}"#
        )
    );
    let detail: Detail =
        serde_json::from_str(r#"{"type":"exportSucceeded","values":["exportName","Grid.csv","serverAlert",null]}"#)
            .unwrap();
    assert_eq!(detail.export_succeeded().unwrap().export_name, "Grid.csv");
}

#[test]
fn findings_and_reports_read_back() {
    let json = include_str!("../fixtures/valid/seed.json");
    let report = validate::validate_str(json, &Options::default());
    assert_eq!(round_trip(&report), report);
    let finding = Finding::new(Severity::Error, Code::InvalidJson, "broken");
    assert_eq!(round_trip(&finding), finding);
    let unknown = r#"{"severity":"error","code":"no-such-code","path":".","line":null,"column":null,"message":"m"}"#;
    assert_eq!(
        serde_json::from_str::<Finding>(unknown).unwrap_err().to_string(),
        "unknown finding code `no-such-code`"
    );
}

/// The poll loop of a downstream crate: an exhaustive `match`.
#[test]
fn poll_decisions_match_exhaustively() {
    let task = anaplan_task::Task::new("1B1D84DDD53847BAA621810B593C3FC1", anaplan_task::TaskState::Cancelled);
    let said = match PollPolicy::default().decide(std::time::Duration::from_secs(1), &task) {
        Decision::Wait(_) => "wait",
        Decision::Finished(_) => "finished",
        Decision::DeadlineExceeded => "late",
    };
    assert_eq!(said, "finished");
}

proptest! {
    #[test]
    fn every_response_round_trips(response in crate::props::response()) {
        prop_assert_eq!(round_trip(&response), response);
    }

    #[test]
    fn details_and_their_values_round_trip(detail in crate::props::detail()) {
        prop_assert_eq!(&round_trip(&detail), &detail);
        if let Some(values) = &detail.values {
            let back = round_trip(values);
            // A raw array that is exactly a typed encoding reads back typed.
            if matches!(values, DetailValues::Raw(_)) && &back != values {
                prop_assert_eq!(back.to_values(), values.to_values());
            } else {
                prop_assert_eq!(&back, values);
            }
            match values {
                DetailValues::HierarchyRowsProcessed(v) => prop_assert_eq!(&round_trip(v), v),
                DetailValues::LineItemRowsProcessed(v) => prop_assert_eq!(&round_trip(v), v),
                DetailValues::ExportSucceeded(v) => prop_assert_eq!(&round_trip(v), v),
                _ => {}
            }
        }
    }

    #[test]
    fn task_paths_round_trip(path in crate::helpers::task_path()) {
        prop_assert_eq!(round_trip(&path), path);
    }
}

/// The command's `--format json` output reads back into the crate's types.
#[cfg(feature = "cli")]
#[test]
fn command_json_reads_back() {
    #[derive(serde::Deserialize)]
    struct Record {
        kind: String,
        outcome: Option<Outcome>,
        findings: Vec<Finding>,
    }
    let out = assert_cmd::Command::cargo_bin("anaplan-task")
        .unwrap()
        .args(["validate", "--format", "json", "examples/responses"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let records: Vec<Record> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(
        records
            .iter()
            .any(|r| r.outcome == Some(Outcome::SucceededWithWarnings))
    );
    assert!(
        records
            .iter()
            .any(|r| r.findings.iter().any(|f| f.severity == Severity::Error))
    );
    for r in &records {
        if r.kind != "unknown" {
            r.kind.parse::<DocumentKind>().unwrap();
        }
    }

    #[derive(serde::Deserialize)]
    struct Dump {
        summary: anaplan_task::dump::DumpSummary,
    }
    let out = assert_cmd::Command::cargo_bin("anaplan-task")
        .unwrap()
        .args(["dump", "--format", "json", "tests/fixtures/dumps/spec-example.csv"])
        .output()
        .unwrap();
    let dump: Dump = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        dump.summary.rows,
        dump.summary.errors + dump.summary.warnings + dump.summary.other + dump.summary.unreadable
    );
    assert!(!dump.summary.messages.is_empty());
}

/// A dump's summary read back from its JSON is the summary written.
#[cfg(feature = "dump")]
#[test]
fn a_dump_summary_reads_back_equal() {
    use anaplan_task::dump::{DumpReader, DumpSummary};
    let csv = "\"_Status_\",\"Name\",\"_Line_\",\"_Error_1_\"\n\"E\",\"Ann\",\"7\",\"Invalid parent\"\n\"W\",\"Bob\",\"9\",\"Bad\"\n";
    let summary = DumpSummary::read(DumpReader::new(csv.as_bytes()).unwrap());
    assert_eq!(summary.messages.len(), 2);
    assert_eq!(round_trip(&summary), summary);
}

/// Row counts added over responses never overflow: a sum past `u64::MAX`
/// stays there.
#[test]
fn row_totals_add_up_without_overflow() {
    use anaplan_task::summary::{RowTotals, TaskSummaryReport};
    let max = u64::MAX;
    let hierarchy = |name: &str| {
        format!(
            r#"{{"type":"hierarchyRowsProcessed","values":["hierarchyName","{name}","failedCount","{max}","ignoredCount","0",
              "successRowCount","{max}","successCreateCount","0","successUpdateCount","0",
              "warningsRowCount","0","warningsCreateCount","0","warningsUpdateCount","0",
              "totalRowCount","{max}","totalCreateCount","0","totalUpdateCount","0",
              "invalidCount","0","updatedCount","0","renamedCount","0","createdCount","0"]}}"#
        )
    };
    let json = format!(
        r#"{{"task":{{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"COMPLETE","result":{{"successful":true,"failureDumpAvailable":false,"details":[{},{}]}}}}}}"#,
        hierarchy("A"),
        hierarchy("B")
    );
    let report = TaskSummaryReport::from_document(&json.parse::<Document>().unwrap());
    assert_eq!(
        (report.rows.total, report.rows.failed, report.rows.ignored),
        (max, max, 0)
    );
    let sum: RowTotals = [report.rows, report.rows].into_iter().sum();
    assert_eq!(sum, report.rows);
    use anaplan_task::summary::Changes;
    let changes = Changes::from(&anaplan_task::ChangeCounts::new(max, 1, 2));
    let sum: Changes = [changes, changes].into_iter().sum();
    assert_eq!((sum.modified, sum.deleted, sum.created), (max, 2, 4));
}
