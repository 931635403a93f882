//! A poll log in `summarize`: the lines of each task gathered into its
//! timeline, in the order the tasks first appear, and its last outcome
//! judged by `--fail-on`. A line that is not a task's status is reported on
//! stderr, as `validate` would, and fails the summary (status 1).

use anaplan_task::Document;
use anaplan_task::ndjson::{Line, LineReader};
use anaplan_task::summary::TaskTimeline;
use anaplan_task::validate::{self, Finding, Options, Report, Severity};

use super::{Format, Request, gate_status, json_line, text};
use crate::cli::exit::Status;
use crate::cli::output::note;

/// Reads the log in `bytes` and writes each task's timeline: the text on
/// success, and the exit status.
pub(super) fn run(req: &Request<'_>, name: &str, bytes: &[u8]) -> (String, Status) {
    let mut timelines: Vec<TaskTimeline> = Vec::new();
    let mut status = Status::Success;
    let mut lines = LineReader::new(bytes, usize::MAX);
    while let Ok(Some(line)) = lines.next_line() {
        let Line::Document { number, bytes } = line else {
            continue;
        };
        let report = validate::validate_slice(bytes, &Options::default());
        let Some(task) = report.document.as_ref().and_then(Document::task) else {
            status = status.and(Status::Invalid);
            not_a_status(name, number, &report);
            continue;
        };
        match timelines.iter_mut().find(|t| t.task_id == task.task_id.as_str()) {
            Some(t) => t.push(number, task),
            None => timelines.push(TaskTimeline::new(number, task)),
        }
    }
    if timelines.is_empty() {
        note!("{name}: error[no-document] .: the poll log holds no task status");
        return (String::new(), status.and(Status::Invalid));
    }
    let mut out = String::new();
    for t in &timelines {
        status = status.and(gate_status(req.gate, t.last.outcome, None));
        match req.format {
            Format::Json => out.push_str(&json_line(t)),
            Format::Text => text::timeline(&mut out, t, req.paint),
        }
    }
    (out, status)
}

/// Says on stderr why line `number` is not a task's status: its errors,
/// placed in the log, or else the kind of document it is.
fn not_a_status(name: &str, number: u64, report: &Report) {
    let errors: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        let kind = report.document.as_ref().map_or("unknown", |d| d.kind().as_str());
        let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        note!("{name}:{number}: error[not-a-status] .: {article} {kind} document, not a task's status");
    }
    for f in errors {
        let at = f
            .line
            .map(|l| format!(":{}", number + l as u64 - 1))
            .unwrap_or_default();
        let col = f.column.map(|c| format!(":{c}")).unwrap_or_default();
        note!(
            "{name}{}{col}: {}[{}] {}: {}",
            if at.is_empty() { format!(":{number}") } else { at },
            f.severity,
            f.code,
            f.path,
            f.message
        );
    }
}
