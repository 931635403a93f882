//! ALM tasks (model sync, comparison and summary reports): each body read
//! as the body it is, its outcome, its checks, and the command's gate.

use anaplan_task::validate::{Code, Options, validate_str};
use anaplan_task::{Document, DocumentKind, Outcome, TaskResult};

use crate::util::fixture;

/// The ALM fixtures, with the kind and outcome each must have.
const BODIES: [(&str, DocumentKind, Option<Outcome>); 7] = [
    (
        "valid/alm-sync-succeeded.json",
        DocumentKind::TaskStatus,
        Some(Outcome::Succeeded),
    ),
    (
        "valid/alm-sync-failed.json",
        DocumentKind::TaskStatus,
        Some(Outcome::Failed),
    ),
    (
        "valid/alm-report-task-failed-without-subtitle.json",
        DocumentKind::TaskStatus,
        Some(Outcome::Failed),
    ),
    (
        "valid/alm-comparison-report-task.json",
        DocumentKind::TaskStatus,
        Some(Outcome::Succeeded),
    ),
    ("valid/alm-start.json", DocumentKind::CreateTask, None),
    ("valid/alm-sync-list.json", DocumentKind::TaskList, None),
    ("valid/alm-summary-report.json", DocumentKind::SummaryReport, None),
];

#[test]
fn every_alm_body_is_read_as_its_kind_with_its_outcome_and_no_finding() {
    for (name, kind, outcome) in BODIES {
        let text = fixture(name);
        let doc = Document::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!((doc.kind(), doc.outcome()), (kind, outcome), "{name}");
        let report = validate_str(&text, &Options::default());
        assert!(report.findings.is_empty(), "{name}: {:?}", report.findings);
    }
}

#[test]
fn an_alm_result_is_typed() {
    let doc = Document::from_str(&fixture("valid/alm-sync-failed.json")).unwrap();
    let result = doc.task().and_then(|t| t.result.as_ref()).unwrap();
    assert!(result.is_alm() && !result.is_bulk());
    let error = result.error.as_ref().unwrap();
    assert_eq!(error.title.as_deref(), Some("Model Synchronization Failed"));
    assert_eq!(
        error.subtitle.as_deref(),
        Some("Free space in the workspace and sync again.")
    );

    let doc = Document::from_str(&fixture("valid/alm-comparison-report-task.json")).unwrap();
    let result = doc.task().and_then(|t| t.result.as_ref()).unwrap();
    assert_eq!(
        result.target_revision_id.as_deref(),
        Some("AAAABBBBCCCCDDDDEEEEFFFF00001111")
    );
    assert_eq!(
        result.source_revision_id.as_deref(),
        Some("22223333444455556666777788889999")
    );
    assert!(
        result
            .report_file_url
            .as_deref()
            .unwrap()
            .contains("/alm/comparisonReports/")
    );

    let Document::CreateTask(start) = Document::from_str(&fixture("valid/alm-start.json")).unwrap() else {
        panic!("not a start body");
    };
    assert!(
        start
            .task
            .task_url
            .as_deref()
            .unwrap()
            .ends_with("/alm/syncTasks/0D4C2B1A99887766554433221100FFEE")
    );
}

#[test]
fn a_summary_report_reads_a_count_left_out_as_zero() {
    let Document::SummaryReport(r) = Document::from_str(&fixture("valid/alm-summary-report.json")).unwrap() else {
        panic!("not a summary report");
    };
    let report = &r.summary_report;
    assert_eq!(
        (
            report.totals().modified(),
            report.totals().deleted(),
            report.totals().created()
        ),
        (3, 0, 12)
    );
    let counts: Vec<_> = report
        .categories()
        .iter()
        .map(|(name, c)| (*name, c.modified(), c.deleted(), c.created()))
        .collect();
    assert_eq!(
        counts,
        [
            ("lineItems", 2, 0, 10),
            ("rolesContents", 0, 0, 0),
            ("lists", 1, 0, 2),
            ("modules", 0, 0, 0)
        ]
    );
}

#[test]
fn a_bulk_result_is_asked_for_its_dump_flag() {
    // Told by its fields: `details` makes it a bulk result.
    let text = r#"{"task":{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"COMPLETE",
        "result":{"successful":true,"details":[]}}}"#;
    let report = validate_str(text, &Options::default());
    let missing: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == Code::MissingField)
        .map(|f| f.message.clone())
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].contains("failureDumpAvailable"));
    // Told by the call: a sync result is not an import's.
    let options = Options::default().call(Some(anaplan_task::endpoint::CallKind::Import));
    let report = validate_str(&fixture("valid/alm-sync-succeeded.json"), &options);
    assert!(report.findings.iter().any(|f| f.code == Code::MissingField));
    // The bulk constructor still builds a bulk result.
    assert!(TaskResult::new(true, false).is_bulk());
}

#[test]
fn a_schema_naming_another_object_is_refused_before_the_task_is_read() {
    let report = validate_str(
        &fixture("invalid/alm-schema-names-other-object.json"),
        &Options::default(),
    );
    assert_eq!(report.findings[0].code, Code::UnknownDocument);
}

#[cfg(feature = "cli")]
#[test]
fn the_gate_refuses_a_failed_sync_and_summarize_shows_why() {
    use crate::cli::{run, snapshot};
    let failed = "tests/fixtures/valid/alm-sync-failed.json";
    let succeeded = "tests/fixtures/valid/alm-sync-succeeded.json";
    assert_eq!(run(&["validate", "--fail-on", "failed", failed], None).0, 3);
    assert_eq!(run(&["validate", "--fail-on", "failed", succeeded], None).0, 0);
    let (_, text, _) = run(&["summarize", failed], None);
    assert!(text.contains("Model Synchronization Failed"), "{text}");
    assert!(
        text.contains("The model would exceed the workspace size after sync."),
        "{text}"
    );
    for name in [
        "alm-sync-failed",
        "alm-report-task-failed-without-subtitle",
        "alm-comparison-report-task",
        "alm-start",
        "alm-summary-report",
    ] {
        let path = format!("tests/fixtures/valid/{name}.json");
        snapshot(&format!("alm_summarize_{name}"), &["summarize", &path], None);
        snapshot(
            &format!("alm_summarize_json_{name}"),
            &["summarize", "--format", "json", &path],
            None,
        );
    }
}

#[test]
fn the_summary_of_an_alm_body_reads_back() {
    use anaplan_task::summary::TaskSummaryReport;
    for name in ["valid/alm-sync-failed.json", "valid/alm-summary-report.json"] {
        let doc = Document::from_str(&fixture(name)).unwrap();
        let report = TaskSummaryReport::from_document(&doc);
        let text = serde_json::to_string(&report).unwrap();
        assert_eq!(
            serde_json::from_str::<TaskSummaryReport>(&text).unwrap(),
            report,
            "{name}"
        );
    }
    let doc = Document::from_str(&fixture("valid/alm-sync-failed.json")).unwrap();
    let report = TaskSummaryReport::from_document(&doc);
    let error = report.result.and_then(|r| r.alm).and_then(|a| a.error).unwrap();
    assert_eq!(error.title.as_deref(), Some("Model Synchronization Failed"));
}

#[test]
fn an_alm_call_checks_what_fits_it() {
    use anaplan_task::endpoint::AlmCall;
    let check = |name: &str, call: AlmCall| -> Vec<Code> {
        let options = Options::default().alm_call(Some(call));
        let report = validate_str(&fixture(name), &options);
        report.findings.iter().map(|f| f.code).collect()
    };
    assert!(check("valid/alm-sync-succeeded.json", AlmCall::Sync).is_empty());
    assert!(check("valid/alm-sync-failed.json", AlmCall::Sync).is_empty());
    assert!(check("valid/alm-comparison-report-task.json", AlmCall::ComparisonReport).is_empty());
    // A failed report task has no report file.
    let failed_report = "valid/alm-report-task-failed-without-subtitle.json";
    assert!(check(failed_report, AlmCall::SummaryReport).is_empty());
    // A successful report task without its report file, and a bulk result.
    assert_eq!(
        check("valid/alm-sync-succeeded.json", AlmCall::ComparisonReport),
        [Code::MissingField]
    );
    assert_eq!(check("valid/seed.json", AlmCall::Sync), [Code::ObjectKindMismatch]);
}

/// A report file of other revisions than the result's (here swapped) is
/// `report-url-mismatch`, with or without `--call`.
#[test]
fn a_report_file_of_other_revisions_is_a_mismatch() {
    let (target, source) = ("AAAABBBBCCCCDDDDEEEEFFFF00001111", "22223333444455556666777788889999");
    let swapped = fixture("valid/alm-comparison-report-task.json")
        .replace(&format!("{target}/{source}"), &format!("{source}/{target}"));
    let findings: Vec<String> = validate_str(&swapped, &Options::default())
        .findings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        findings,
        [format!(
            "16:24: warning[report-url-mismatch] task.result.reportFileUrl: report file `https://api.anaplan.com/2/0/models/{{modelId}}/alm/comparisonRepor…` is of target `{source}` and source `{target}`, but the result's revisions are target `{target}` and source `{source}`"
        )]
    );
}

#[test]
fn alm_paths_are_built_and_read_back() {
    use anaplan_task::endpoint::{AlmCall, AlmPath, AlmResource, BASE_URL};
    let model = "75A40874E6B64FA3AE0743278996850F";
    let task = "0D4C2B1A99887766554433221100FFEE";
    let (target, source) = ("AAAABBBBCCCCDDDDEEEEFFFF00001111", "22223333444455556666777788889999");
    for call in AlmCall::ALL {
        let tasks = AlmPath::tasks(model, call).unwrap();
        assert_eq!(tasks.to_string(), format!("/models/{model}/alm/{}", call.segment()));
        let status = AlmPath::task(model, call, task).unwrap();
        assert_eq!(status.resource, AlmResource::Task(call, task.into()));
        for path in [tasks, status] {
            assert_eq!(path.url(BASE_URL).parse::<AlmPath>().unwrap(), path);
            assert_eq!(path.to_string().parse::<AlmPath>().unwrap(), path);
        }
        match AlmPath::report(model, call, target, source) {
            Ok(report) => {
                assert!(call.has_report());
                assert_eq!(report.url(BASE_URL).parse::<AlmPath>().unwrap(), report);
            }
            Err(_) => assert_eq!(call, AlmCall::Sync),
        }
    }
    let url = "https://api.anaplan.com/2/0/models/75A40874E6B64FA3AE0743278996850F/alm/comparisonReports/AAAABBBBCCCCDDDDEEEEFFFF00001111/22223333444455556666777788889999";
    assert!(matches!(
        url.parse::<AlmPath>().unwrap().resource,
        AlmResource::Report {
            call: AlmCall::ComparisonReport,
            ..
        }
    ));
    for bad in [
        "",
        "/models/x/alm/syncTasks",
        "/models/75A40874E6B64FA3AE0743278996850F/alm/other",
        "/models/75A40874E6B64FA3AE0743278996850F/alm/syncTasks/a/b",
    ] {
        assert!(bad.parse::<AlmPath>().is_err(), "{bad}");
    }
}

#[cfg(feature = "cli")]
#[test]
fn validate_takes_an_alm_call() {
    use crate::cli::run;
    let sync = "tests/fixtures/valid/alm-sync-succeeded.json";
    assert_eq!(run(&["validate", "--call", "sync", sync], None).0, 0);
    assert_eq!(run(&["validate", "--call", "import", sync], None).0, 1);
    assert_eq!(run(&["validate", "--call", "comparison-report", sync], None).0, 1);
    let report = "tests/fixtures/valid/alm-comparison-report-task.json";
    assert_eq!(run(&["validate", "--call", "comparison-report", report], None).0, 0);
}

#[test]
fn the_poll_policy_treats_alm_tasks_alike() {
    use anaplan_task::poll::{Decision, PollPolicy};
    use std::time::Duration;
    let policy = PollPolicy::default();
    for (name, outcome) in [
        ("valid/alm-sync-failed.json", Outcome::Failed),
        ("valid/alm-comparison-report-task.json", Outcome::Succeeded),
    ] {
        let doc = Document::from_str(&fixture(name)).unwrap();
        let task = doc.task().unwrap();
        assert_eq!(
            policy.decide(Duration::from_secs(30), task),
            Decision::Finished(outcome),
            "{name}"
        );
    }
}

#[cfg(feature = "cli")]
#[test]
fn the_command_refuses_a_body_naming_another_object() {
    use crate::cli::run;
    let (code, stdout, _) = run(
        &["validate", "tests/fixtures/invalid/alm-schema-names-other-object.json"],
        None,
    );
    assert_eq!(code, 1);
    assert!(
        stdout.contains("error[unknown-document]") && stdout.contains("`revision`"),
        "{stdout}"
    );
}

const START: &str = r#"{"meta":{"schema":"https://api.anaplan.com/2/0/models/75A40874E6B64FA3AE0743278996850F/objects/taskWithUrl"},"status":{"code":201,"message":"Created"},"task":{"taskId":"0D4C2B1A99887766554433221100FFEE""#;

/// A start body is told by its fields: a `taskUrl`, no state, or a state
/// of before the start; a task that says it runs or has ended is a status,
/// however little else it says.
#[test]
fn a_start_body_and_a_short_status_are_told_apart() {
    let kind = |json: &str| Document::from_str(json).map(|d| d.kind());
    for (rest, expected) in [
        (r#","taskUrl":null}}"#, DocumentKind::CreateTask),
        (
            r#","taskUrl":"https://x/alm/syncTasks/A","newField":1}}"#,
            DocumentKind::CreateTask,
        ),
        (r#","taskState":"NOT_STARTED"}}"#, DocumentKind::CreateTask),
        (r#","taskState":"CANCELLED"}}"#, DocumentKind::TaskStatus),
        (
            r#","taskState":"IN_PROGRESS","taskUrl":"https://x"}}"#,
            DocumentKind::CreateTask,
        ),
    ] {
        assert_eq!(kind(&format!("{START}{rest}")).unwrap(), expected, "{rest}");
    }
    let err = Document::from_str(&format!(r#"{START},"taskUrl":5}}}}"#)).unwrap_err();
    assert_eq!(
        (err.code().as_str(), err.path(), err.message()),
        (
            "wrong-type",
            "task.taskUrl",
            "invalid type: integer `5`, expected a string"
        )
    );
    let err = Document::from_str(&format!(r#"{START},"taskUrl":"a","taskUrl":"b"}}}}"#)).unwrap_err();
    assert_eq!(
        (err.code().as_str(), err.message()),
        ("duplicate-field", "duplicate field `taskUrl`")
    );
    // A status keeps a `taskUrl` it was sent among its unknown fields.
    let status =
        format!(r#"{START},"taskState":"COMPLETE","progress":1,"taskUrl":"u","result":{{"successful":true}}}}}}"#);
    let doc = Document::from_str(&status).unwrap();
    assert_eq!(doc.task().unwrap().extra.get("taskUrl").unwrap().get(), r#""u""#);
}

#[test]
fn an_empty_error_explains_no_failure() {
    let json = format!(
        r#"{START},"taskState":"COMPLETE","currentStep":"Failed.","result":{{"successful":false,"error":{{}}}}}}}}"#
    );
    let report = validate_str(&json, &Options::default());
    let codes: Vec<Code> = report.findings.iter().map(|f| f.code).collect();
    assert!(codes.contains(&Code::UnexplainedFailure), "{codes:?}");
}

#[cfg(feature = "cli")]
#[test]
fn summarize_gives_a_start_bodys_url_and_time_in_json() {
    let json = format!(r#"{START},"taskUrl":"https://x/alm/syncTasks/A","creationTime":1700000000000}}}}"#);
    let (code, out, _) = crate::cli::run(&["summarize", "--format", "json", "-"], Some(json.as_bytes()));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["task_url"].as_str(), v["creation_time"].as_i64()),
        (Some("https://x/alm/syncTasks/A"), Some(1700000000000))
    );
}

/// A failed call answers with an error body, whichever object its call
/// names in `meta.schema`.
#[test]
fn a_failed_call_is_an_error_body_whatever_its_schema_names() {
    for object in ["task", "chunk", "summaryReport", "syncTask"] {
        let json = format!(
            r#"{{"meta":{{"schema":"https://api.anaplan.com/2/0/models/M/objects/{object}"}},"status":{{"code":404,"message":"Not Found"}}}}"#
        );
        assert_eq!(
            Document::from_str(&json).unwrap().kind(),
            DocumentKind::Error,
            "{object}"
        );
    }
}
