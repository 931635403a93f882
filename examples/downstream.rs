//! What a dependent crate does with `anaplan-task`, from its public API
//! alone: decode a status, drive a poll loop, read a failure dump, build
//! and parse an endpoint URL, validate a document and generate the schema.
//!
//! ```sh
//! cargo run --example downstream --features schema
//! ```
//!
//! The integration tests run [`run`] too, so this file cannot rot.

use std::io::{self, Write};
use std::time::Duration;

use anaplan_task::dump::DumpSummary;
use anaplan_task::endpoint::{BASE_URL, CallKind, TaskPath};
use anaplan_task::poll::{Decision, PollPolicy};
use anaplan_task::schema::{SchemaKind, schema};
use anaplan_task::validate::{Options, validate_str};
use anaplan_task::{DetailValues, Task, TaskResponse, TaskState};

/// A status response with the counts of one hierarchy.
const STATUS: &str = r#"{"task": {"taskId": "1B1D84DDD53847BAA621810B593C3FC1", "taskState": "COMPLETE",
  "result": {"successful": true, "failureDumpAvailable": true, "objectId": "112000000009", "details": [
    {"type": "hierarchyRowsProcessed", "values": ["hierarchyName", "Employees", "successRowCount", "90",
      "failedCount", "3", "ignoredCount", "2", "totalRowCount", "95", "warningsRowCount", "0",
      "successCreateCount", "0", "successUpdateCount", "90", "warningsCreateCount", "0",
      "warningsUpdateCount", "0", "totalCreateCount", "0", "totalUpdateCount", "90", "invalidCount", "0",
      "updatedCount", "90", "renamedCount", "0", "createdCount", "0"]}]}}}"#;

/// A failure dump.
const DUMP: &str = "\"_Status_\",\"Name\",\"_Line_\",\"_Error_1_\"\n\
                    \"E\",\"Ann\",\"7\",\"Invalid parent\"\n\
                    \"E\",\"Bob\",\"19\",\"Invalid parent\"\n\
                    \"W\",\"Cy\",\"23\",\"Duplicate code\"\n";

/// A document with an unknown field and counts that do not add up.
const SUSPECT: &str = r#"{"task": {"taskId": "1B1D84DDD53847BAA621810B593C3FC1", "taskState": "COMPLETE",
  "colour": "red",
  "result": {"successful": true, "failureDumpAvailable": false, "details": [
    {"type": "hierarchyRowsProcessed", "values": ["hierarchyName", "Employees", "successRowCount", "90",
      "failedCount", "0", "ignoredCount", "5", "totalRowCount", "96", "warningsRowCount", "0",
      "successCreateCount", "0", "successUpdateCount", "90", "warningsCreateCount", "0",
      "warningsUpdateCount", "0", "totalCreateCount", "0", "totalUpdateCount", "90", "invalidCount", "0",
      "updatedCount", "90", "renamedCount", "0", "createdCount", "0"]}]}}}"#;

/// Does it all, writing what it finds to `out`: the six tasks in order, as
/// a reader follows them.
#[allow(clippy::too_many_lines)]
pub fn run(out: &mut impl Write) -> Result<(), Box<dyn std::error::Error>> {
    // Decode a status and print each hierarchy's counts.
    let response = TaskResponse::from_str(STATUS)?;
    writeln!(out, "outcome: {}", response.outcome())?;
    for detail in response.task.result.iter().flat_map(|r| r.details()) {
        if let Some(DetailValues::HierarchyRowsProcessed(rows)) = &detail.values {
            writeln!(
                out,
                "{}: {} of {} rows succeeded, {} failed, {} ignored",
                rows.hierarchy_name,
                rows.success_row_count,
                rows.total_row_count,
                rows.failed_count,
                rows.ignored_count
            )?;
        }
    }

    // Drive a poll loop, with a simulated clock and simulated responses.
    let policy = PollPolicy::default().with_deadline(Duration::from_secs(3600));
    let states = [
        TaskState::NotStarted,
        TaskState::InProgress,
        TaskState::InProgress,
        TaskState::Complete,
    ];
    let mut elapsed = Duration::ZERO;
    for state in states {
        let task = Task::new("1B1D84DDD53847BAA621810B593C3FC1", state);
        match policy.decide(elapsed, &task) {
            Decision::Wait(wait) => {
                writeln!(
                    out,
                    "t={}s {}: wait {}s",
                    elapsed.as_secs(),
                    task.task_state,
                    wait.as_secs()
                )?;
                elapsed += wait;
            }
            Decision::Finished(outcome) => {
                writeln!(out, "t={}s finished: {outcome}", elapsed.as_secs())?;
                break;
            }
            Decision::DeadlineExceeded => {
                writeln!(out, "t={}s gave up", elapsed.as_secs())?;
                break;
            }
        }
    }

    // Read a failure dump and print its errors.
    let dump = DumpSummary::read(anaplan_task::dump::DumpReader::new(DUMP.as_bytes())?);
    writeln!(
        out,
        "dump: {} rows, {} errors, {} warnings",
        dump.rows, dump.errors, dump.warnings
    )?;
    for message in &dump.messages {
        writeln!(
            out,
            "  {} x{} (lines {:?})",
            message.message, message.rows, message.first_lines
        )?;
    }

    // Build and parse an endpoint URL from `&str` ids.
    let process = TaskPath::tasks(
        "8a81b09d5e8c6f27015ece3402487d33",
        "F1111111C11111111B11111F1111E11F",
        CallKind::Process,
        "118000000001",
    )?;
    let status = process
        .task("1B1D84DDD53847BAA621810B593C3FC1")?
        .with_process_details()?;
    let url = status.url(BASE_URL);
    writeln!(out, "GET {url}")?;
    assert_eq!(url.parse::<TaskPath>()?, status);

    // Validate a document and print its findings.
    let report = validate_str(SUSPECT, &Options::default().strict(true));
    for f in &report.findings {
        let (line, column) = (f.line.unwrap_or(0), f.column.unwrap_or(0));
        writeln!(
            out,
            "{line}:{column}: {}[{}] {}: {}",
            f.severity, f.code, f.path, f.message
        )?;
    }

    // Generate the schema of status responses.
    let schema = schema(SchemaKind::TaskStatus);
    writeln!(out, "schema: {} ({})", schema["$id"], schema["title"])?;
    Ok(())
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    run(&mut io::stdout().lock())
}
