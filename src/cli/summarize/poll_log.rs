//! A poll log in `summarize`: the lines of each task gathered into its
//! timeline, in the order the tasks first appear, and its last outcome
//! judged by `--fail-on`. A line that is not a task's status is reported on
//! stderr, as `validate` would, and fails the summary (status 1).

use anaplan_task::Document;
use anaplan_task::ndjson::{Line, LineReader};
use anaplan_task::summary::TaskTimeline;
use std::io::BufRead;

use anaplan_task::validate::{self, Code, Finding, Options, Report, Severity};

use super::{Format, Request, gate_status, json_line, text};
use crate::cli::exit::Status;
use crate::cli::output::note;

/// What a log of a single line is.
pub(super) enum OneLine {
    /// A timeline of one poll (the input is named as a stream).
    IsALog,
    /// One response, summarized as such.
    IsADocument,
}

/// Reads the log a line at a time, each within `--max-size`, and writes
/// each task's timeline: the text on success, and the exit status.
pub(super) fn run(req: &Request<'_>, name: &str, input: impl BufRead, one: OneLine) -> (String, Status) {
    let mut log = Log {
        name,
        timelines: Vec::new(),
        not_kept: Vec::new(),
        status: Status::Success,
    };
    let max = usize::try_from(req.max).unwrap_or(usize::MAX);
    let mut lines = LineReader::new(input, max);
    // The first line, held until a second shows that the input is a log.
    let mut first: Option<(u64, Vec<u8>)> = None;
    let mut count = 0u64;
    loop {
        let line = match lines.next_line() {
            Ok(Some(line)) => line,
            Ok(None) => break,
            Err(e) => {
                note!("{name}: cannot read: {e}");
                log.status = log.status.and(Status::Usage);
                break;
            }
        };
        count += 1;
        if let Some((number, bytes)) = first.take() {
            log.line(number, &bytes);
        }
        match line {
            Line::Document { number, bytes } if count == 1 && matches!(one, OneLine::IsADocument) => {
                first = Some((number, bytes.to_vec()));
            }
            Line::Document { number, bytes } => log.line(number, bytes),
            Line::TooLong { number, len } => {
                let message = format!(
                    "the line is {len} bytes, more than the limit of {} bytes (--max-size)",
                    req.max
                );
                note!(
                    "{name}:{number}: {}",
                    Finding::new(Severity::Error, Code::TooLarge, message)
                );
                log.status = log.status.and(Status::Invalid);
            }
        }
    }
    if let Some((_, bytes)) = first {
        return super::document(req, name, &bytes);
    }
    if log.timelines.is_empty() {
        note!("{name}: error[no-document] .: the poll log holds no task status");
        return (String::new(), log.status.and(Status::Invalid));
    }
    let mut out = String::new();
    for t in &log.timelines {
        log.status = log.status.and(gate_status(req.gate, t.last.outcome, None));
        match req.format {
            Format::Json => out.push_str(&json_line(t)),
            Format::Text => text::timeline(&mut out, t, &log.not_kept, req.paint),
        }
    }
    (out, log.status)
}

/// The tasks of a log read so far.
struct Log<'a> {
    name: &'a str,
    timelines: Vec<TaskTimeline>,
    /// The lines whose `progress` is not kept as sent (`progress-not-kept`),
    /// in order.
    not_kept: Vec<u64>,
    status: Status,
}

impl Log<'_> {
    /// Line `number` of the log: a poll of a task, or said on stderr.
    fn line(&mut self, number: u64, bytes: &[u8]) {
        let report = validate::validate_slice(bytes, &Options::default());
        let Some(task) = report.document.as_ref().and_then(Document::task) else {
            self.status = self.status.and(Status::Invalid);
            not_a_status(self.name, number, &report);
            return;
        };
        if report.findings.iter().any(|f| f.code == Code::ProgressNotKept) {
            self.not_kept.push(number);
        }
        match self.timelines.iter_mut().find(|t| t.task_id == task.task_id.as_str()) {
            Some(t) => t.push(number, task),
            None => self.timelines.push(TaskTimeline::new(number, task)),
        }
    }
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
