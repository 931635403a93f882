//! `anaplan-task summarize`: one response for a person (or, with
//! `--format json`, for a script), or the timeline of each task in a poll
//! log.
//!
//! A poll log is NDJSON, one response per line, as a polling loop writes
//! them: a file named `*.ndjson` or `*.jsonl`, or any input of more than
//! one non-blank line one of whose first two non-blank lines is a JSON
//! value by itself (the rule of `validate --stdin-format auto`).

use std::fmt::Write as _;
use std::io;
use std::path::Path;
use std::time::SystemTime;

use anaplan_task::ndjson::{Line, LineReader};
use anaplan_task::summary::{TaskSummaryReport, TaskTimeline};
use anaplan_task::validate::{self, Code, Finding, Options, Severity};
use anaplan_task::{DetailValues, Document, DocumentKind, Outcome, TaskResult};
use anstyle::AnsiColor;

use super::color::Paint;
use super::exit::Status;
use super::gate::Gate;
use super::input::{self, Stdin, StdinFormat, Unchecked};
use super::walk;

/// How `summarize` reports.
#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub enum Format {
    /// A summary for a person.
    Text,
    /// One JSON object (a poll log: one per task, a line each); see the
    /// `anaplan_task::summary` module for its shape.
    Json,
}

/// What `summarize` was asked.
pub struct Request<'a> {
    /// The input, `-` for stdin.
    pub path: &'a Path,
    /// `--max-size`.
    pub max: u64,
    /// `--format`.
    pub format: Format,
    /// `--fail-on`.
    pub gate: &'a Gate,
    /// Whether to colour text.
    pub paint: Paint,
}

/// Reads the input and writes the summary: the text on success, and the
/// exit status.
pub fn run(req: &Request<'_>) -> (String, Status) {
    let stdin = req.path.as_os_str() == "-";
    let name = if stdin {
        "<stdin>".to_owned()
    } else {
        req.path.display().to_string()
    };
    let mut bytes = Vec::new();
    let read = if stdin {
        input::read_within(io::stdin().lock(), req.max, &mut bytes).map_err(|e| Unchecked::Unreadable(e.to_string()))
    } else {
        input::read_file(req.path, req.max, &mut bytes).map(|()| true)
    };
    match read {
        Ok(true) => {}
        Ok(false) => {
            let message = format!("the input is more than the limit of {} bytes (--max-size)", req.max);
            eprintln!("{name}: {}", Finding::new(Severity::Error, Code::TooLarge, message));
            return (String::new(), Status::Invalid);
        }
        Err(Unchecked::TooLarge(message)) => {
            eprintln!("{name}: {}", Finding::new(Severity::Error, Code::TooLarge, message));
            return (String::new(), Status::Invalid);
        }
        Err(Unchecked::Unreadable(e)) => {
            eprintln!("{name}: cannot read: {e}");
            return (String::new(), Status::Usage);
        }
    }
    // A document on one line stays a document.
    let lines = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    let stream = walk::is_stream(req.path)
        || (lines > 1
            && matches!(
                input::classify(&mut &bytes[..], StdinFormat::Auto, req.max),
                Ok(Stdin::Stream(_))
            ));
    if stream {
        return poll_log(req, &name, &bytes);
    }
    let report = validate::validate_slice(&bytes, &Options::default());
    let Some(doc) = &report.document else {
        for f in &report.findings {
            eprintln!("{name}:{f}");
        }
        return (String::new(), Status::Invalid);
    };
    let status = gate_status(req.gate, doc.outcome(), Some(doc.kind()));
    let out = match req.format {
        Format::Json => json_line(&TaskSummaryReport::from_document(doc)),
        Format::Text => {
            let mut out = document_text(doc, req.paint);
            let shown: Vec<&Finding> = report.findings.iter().filter(|f| f.severity > Severity::Info).collect();
            if !shown.is_empty() {
                out.push_str("\nfindings\n");
                for f in shown {
                    let _ = writeln!(out, "  {f}");
                }
            }
            out
        }
    };
    (out, status)
}

fn gate_status(gate: &Gate, outcome: Option<Outcome>, kind: Option<DocumentKind>) -> Status {
    if gate.refuses(outcome, kind) {
        Status::Refused
    } else {
        Status::Success
    }
}

fn json_line<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string(value).expect("a summary serialises");
    text.push('\n');
    text
}

/// A poll log: each task's timeline, in the order the tasks first appear,
/// and its last outcome. A line that is not a task's status is reported on
/// stderr, and the status is then 1.
fn poll_log(req: &Request<'_>, name: &str, bytes: &[u8]) -> (String, Status) {
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
                eprintln!("{name}:{number}: error[not-a-status] .: {article} {kind} document, not a task's status");
            }
            for f in errors {
                let at = f
                    .line
                    .map(|l| format!(":{}", number + l as u64 - 1))
                    .unwrap_or_default();
                let col = f.column.map(|c| format!(":{c}")).unwrap_or_default();
                eprintln!(
                    "{name}{}{col}: {}[{}] {}: {}",
                    if at.is_empty() { format!(":{number}") } else { at },
                    f.severity,
                    f.code,
                    f.path,
                    f.message
                );
            }
            continue;
        };
        match timelines.iter_mut().find(|t| t.task_id == task.task_id.as_str()) {
            Some(t) => t.push(number, task),
            None => timelines.push(TaskTimeline::new(number, task)),
        }
    }
    if timelines.is_empty() {
        eprintln!("{name}: error[no-document] .: the poll log holds no task status");
        return (String::new(), status.and(Status::Invalid));
    }
    let mut out = String::new();
    for t in &timelines {
        status = status.and(gate_status(req.gate, t.last.outcome, None));
        match req.format {
            Format::Json => out.push_str(&json_line(t)),
            Format::Text => timeline_text(&mut out, t, req.paint),
        }
    }
    (out, status)
}

/// Text from the input as it is shown to a person: control characters
/// (newlines, terminal escapes) written as escapes, so that they cannot
/// break a line or drive the terminal.
fn plain(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return text.into();
    }
    text.chars()
        .flat_map(|c| {
            let escaped = c.is_control().then(|| c.escape_default());
            escaped.into_iter().flatten().chain((!c.is_control()).then_some(c))
        })
        .collect::<String>()
        .into()
}

fn timeline_text(out: &mut String, t: &TaskTimeline, paint: Paint) {
    if !out.is_empty() {
        out.push('\n');
    }
    line(out, "task", &t.task_id);
    let _ = writeln!(out, "  {:>6}  {:<12} {:>8}  step", "line", "state", "progress");
    for p in &t.polls {
        let progress = p.progress.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
        let step = p.current_step.as_deref().map_or("-".into(), plain);
        let _ = writeln!(out, "  {:>6}  {:<12} {progress:>8}  {step}", p.ndjson_line, p.state);
    }
    let last = t.polls.last().expect("a timeline has a poll");
    let outcome = t.last.outcome.unwrap_or(Outcome::Unknown);
    line(
        out,
        "outcome",
        &format!("{} (line {})", paint_outcome(paint, outcome), last.ndjson_line),
    );
}

fn paint_outcome(paint: Paint, o: Outcome) -> String {
    let color = match o {
        Outcome::Succeeded => AnsiColor::Green,
        Outcome::SucceededWithWarnings | Outcome::Cancelling | Outcome::Cancelled => AnsiColor::Yellow,
        Outcome::Failed => AnsiColor::Red,
        _ => return o.to_string(),
    };
    paint.paint(color, o.as_str())
}

fn document_text(doc: &Document, paint: Paint) -> String {
    let mut out = String::new();
    let summary = match doc {
        Document::CreateTask(r) => Some(&r.task),
        Document::BareCreateTask(t) => Some(t),
        _ => None,
    };
    match doc {
        _ if doc.task().is_some() => {
            let t = doc.task().expect("a status response has a task");
            line(&mut out, "task", t.task_id.as_str());
            let step = t
                .current_step
                .as_deref()
                .map(|s| format!(" ({})", plain(s)))
                .unwrap_or_default();
            line(&mut out, "state", &format!("{}{step}", t.task_state));
            line(&mut out, "outcome", &paint_outcome(paint, t.outcome()));
            if let Some(p) = &t.progress {
                line(&mut out, "progress", &p.to_string());
            }
            if let Some(at) = t.created_at() {
                line(&mut out, "created", &rfc3339(at));
            }
            if let Some(by) = &t.cancelled_by {
                line(&mut out, "cancelled by", &plain(by));
            }
            if let Some(result) = &t.result {
                result_summary(&mut out, result, 0);
            }
        }
        _ if summary.is_some() => {
            let task = summary.expect("a start call's answer has a task");
            line(&mut out, "start call", "a task was started");
            line(&mut out, "task", task.task_id.as_str());
            if let Some(s) = &task.task_state {
                line(&mut out, "state", s.as_str());
            }
        }
        Document::ChunkList(r) => {
            line(&mut out, "chunk list", &format!("{} chunks", r.chunks().len()));
            for c in r.chunks() {
                let _ = writeln!(out, "  {:<6} {}", c.id, c.name);
            }
        }
        Document::TaskList(r) => {
            line(&mut out, "list call", &format!("{} tasks", r.tasks().len()));
            for t in r.tasks() {
                let state = t.task_state.as_ref().map_or("-", |s| s.as_str());
                let at = t.created_at().map(rfc3339).unwrap_or_default();
                let _ = writeln!(out, "  {}  {state:<12} {at}", t.task_id);
            }
        }
        Document::Error(r) => {
            line(&mut out, "error", &format!("{} {}", r.status.code, r.status.message));
            if let Some(p) = &r.path {
                line(&mut out, "path", p);
            }
            if let Some(ts) = &r.timestamp {
                line(&mut out, "at", ts);
            }
        }
        other => line(&mut out, "document", other.kind().as_str()),
    }
    out
}

fn line(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(out, "{label:<13}{value}");
}

fn result_summary(out: &mut String, r: &TaskResult, depth: usize) {
    let pad = "  ".repeat(depth);
    let object = r
        .object_id
        .as_ref()
        .map_or("-".to_owned(), |id| format!("{id} ({})", id.kind()));
    let name = r
        .object_name
        .as_deref()
        .map(|n| format!(" {}", plain(n)))
        .unwrap_or_default();
    let dump = if r.failure_dump_available {
        ", failure dump available"
    } else {
        ""
    };
    let elapsed = r
        .elapsed()
        .map(|d| format!(", {} ms", d.as_millis()))
        .unwrap_or_default();
    if depth == 0 {
        line(out, "object", &format!("{object}{name}"));
        line(
            out,
            "result",
            &format!(
                "{}{dump}{elapsed}",
                if r.successful { "successful" } else { "not successful" }
            ),
        );
    } else {
        out.push_str(&format!("{pad}step {object}{name}: {}{dump}{elapsed}\n", r.outcome()));
    }
    let hierarchies: Vec<_> = r.details().iter().filter_map(|d| d.hierarchy_rows()).collect();
    if !hierarchies.is_empty() {
        out.push_str(&format!(
            "{pad}  {:<24} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}\n",
            "hierarchy", "total", "success", "warnings", "failed", "ignored", "created", "updated"
        ));
        for h in hierarchies {
            out.push_str(&format!(
                "{pad}  {:<24} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}\n",
                plain(&h.hierarchy_name),
                h.total_row_count,
                h.success_row_count,
                h.warnings_row_count,
                h.failed_count,
                h.ignored_count,
                h.created_count,
                h.updated_count
            ));
        }
    }
    let items: Vec<_> = r.details().iter().filter_map(|d| d.line_item_rows()).collect();
    if !items.is_empty() {
        out.push_str(&format!("{pad}  {:<24} {:>9} {:>9}\n", "line item", "rows", "ignored"));
        for l in items {
            out.push_str(&format!(
                "{pad}  {:<24} {:>9} {:>9}\n",
                plain(&l.line_item_name),
                l.row_count,
                l.ignored()
            ));
        }
    }
    for d in r.details() {
        match &d.values {
            Some(DetailValues::HierarchyRowsProcessed(_) | DetailValues::LineItemRowsProcessed(_)) => {}
            Some(DetailValues::ExportSucceeded(e)) => {
                out.push_str(&format!("{pad}  export {}\n", plain(&e.export_name)))
            }
            _ => {
                out.push_str(&format!("{pad}  {} ({})", plain(d.code.as_str()), d.code.class()));
                match d.local_message_text.as_deref().map(str::trim_end) {
                    Some(text) if !text.is_empty() => out.push_str(&format!(": {}\n", plain(text))),
                    _ => out.push('\n'),
                }
            }
        }
    }
    for step in r.nested_results() {
        result_summary(out, step, depth + 1);
    }
}

/// A point in time as RFC 3339 text in UTC, with milliseconds.
fn rfc3339(t: SystemTime) -> String {
    let ms = match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => d.as_millis() as i128,
        Err(e) => -(e.duration().as_millis() as i128),
    };
    let (days, rem) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i128::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000
    )
}
