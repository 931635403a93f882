//! The text report of `summarize`: a response's state, outcome, object and
//! counts (its steps indented below it), or a task's timeline in a poll
//! log, as labelled lines and small tables.
//!
//! Text from the input is shown through [`shown`]: escaped, so that a
//! response cannot break a line or drive the terminal, and cut to
//! [`MAX_SHOWN`] characters, so that a line stays short (`--format json`
//! has the full text).

use std::fmt::Write as _;
use std::time::SystemTime;

use anaplan_task::summary::{Poll, TaskTimeline};
use anaplan_task::{
    ChunkListResponse, Detail, DetailValues, Document, ErrorResponse, Outcome, SummaryReport, Task, TaskListResponse,
    TaskResult, TaskSummary,
};
use anstyle::AnsiColor;

use crate::cli::color::Paint;
use anaplan_task::text::escape_line_within;

/// Adds a task's timeline in a poll log to `out`: a line for each entry
/// (its first line, and `..` its last with `×` how many polls when several
/// in a row said the same), then the polls not listed and the last outcome.
pub(super) fn timeline(out: &mut String, t: &TaskTimeline, paint: Paint) {
    line(out, "task", &shown(&t.task_id));
    let lines = |p: &Poll| {
        if p.repeats > 0 {
            format!("{}..{} ×{}", p.ndjson_line, p.last_ndjson_line, p.repeats + 1)
        } else {
            p.ndjson_line.to_string()
        }
    };
    // As wide as the widest entry's lines, so that the columns stay aligned.
    let width = t
        .polls
        .iter()
        .map(|p| lines(p).chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    let _ = writeln!(out, "  {:>width$}  {:<12} {:>8}  step", "line", "state", "progress");
    for p in &t.polls {
        let progress = match &p.progress {
            Some(progress) => shown(progress.as_str()).into_owned(),
            None => "-".into(),
        };
        let step = p.current_step.as_deref().map_or("-".into(), shown);
        let state = shown(p.state.as_str());
        let _ = writeln!(out, "  {:>width$}  {state:<12} {progress:>8}  {step}", lines(p));
    }
    if t.polls_not_listed > 0 {
        let _ = writeln!(
            out,
            "  ... and {} more polls, not listed (at most {} entries)",
            t.polls_not_listed,
            TaskTimeline::MAX_POLLS
        );
    }
    line(
        out,
        "outcome",
        &format!("{} (line {})", paint_outcome(paint, t.outcome()), t.outcome_line()),
    );
}

/// The findings section under a summary: a line for each of `items`,
/// then how many `more` were not listed; nothing when there are none.
pub(super) fn findings(out: &mut String, items: impl IntoIterator<Item = impl std::fmt::Display>, more: u64) {
    let mut items = items.into_iter().peekable();
    if items.peek().is_none() {
        return;
    }
    out.push_str("\nfindings\n");
    for f in items {
        let _ = writeln!(out, "  {f}");
    }
    if more > 0 {
        let _ = writeln!(out, "  ... and {more} more");
    }
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

/// The summary of one response.
pub(super) fn document(doc: &Document, paint: Paint) -> String {
    let mut out = String::new();
    if let Some(t) = doc.task() {
        task(&mut out, t, paint);
        return out;
    }
    match doc {
        Document::CreateTask(r) => started(&mut out, &r.task),
        Document::BareCreateTask(t) => started(&mut out, t),
        Document::ChunkList(r) => chunk_list(&mut out, r),
        Document::TaskList(r) => task_list(&mut out, r),
        Document::Error(r) => error(&mut out, r),
        Document::SummaryReport(r) => summary_report(&mut out, &r.summary_report),
        other => line(&mut out, "document", other.kind().as_str()),
    }
    out
}

/// A task's status: its state, outcome and progress (as sent), then its
/// result.
fn task(out: &mut String, t: &Task, paint: Paint) {
    line(out, "task", &shown(t.task_id.as_str()));
    let step = t
        .current_step
        .as_deref()
        .map(|s| format!(" ({})", shown(s)))
        .unwrap_or_default();
    line(out, "state", &format!("{}{step}", shown(t.task_state.as_str())));
    line(out, "outcome", &paint_outcome(paint, t.outcome()));
    if let Some(p) = &t.progress {
        line(out, "progress", &shown(p.as_str()));
    }
    if let Some(at) = t.created_at() {
        line(out, "created", &rfc3339(at));
    }
    if let Some(by) = &t.cancelled_by {
        line(out, "cancelled by", &shown(by));
    }
    if let Some(result) = &t.result {
        result_summary(out, result, 0);
    }
}

/// The start call's answer: the task started.
fn started(out: &mut String, task: &TaskSummary) {
    line(out, "start call", "a task was started");
    line(out, "task", &shown(task.task_id.as_str()));
    if let Some(s) = &task.task_state {
        line(out, "state", &shown(s.as_str()));
    }
    if let Some(url) = &task.task_url {
        line(out, "task url", &shown(url));
    }
}

/// An ALM task's revisions, report file and, for a failure, the server's
/// title, message and subtitle.
fn alm_result(out: &mut String, r: &TaskResult) {
    let fields = [
        ("source", &r.source_revision_id),
        ("target", &r.target_revision_id),
        ("report", &r.report_file_url),
    ];
    for (label, value) in fields {
        if let Some(v) = value {
            line(out, label, &shown(v));
        }
    }
    if let Some(e) = &r.error {
        let fields = [
            ("error", &e.title),
            ("message", &e.message_text),
            ("subtitle", &e.subtitle),
        ];
        for (label, value) in fields {
            if let Some(v) = value {
                line(out, label, &shown(v));
            }
        }
    }
}

/// The ALM summary report: its revisions, totals and each category's
/// counts (0 when left out).
fn summary_report(out: &mut String, r: &SummaryReport) {
    line(out, "summary", "ALM summary report");
    if let Some(v) = &r.source_revision_id {
        line(out, "source", &shown(v));
    }
    if let Some(v) = &r.target_revision_id {
        line(out, "target", &shown(v));
    }
    let _ = writeln!(out, "  {:<16} {:>9} {:>9} {:>9}", "", "modified", "deleted", "created");
    let rows = std::iter::once(("totals", r.totals())).chain(r.categories());
    for (name, c) in rows {
        let _ = writeln!(
            out,
            "  {name:<16} {:>9} {:>9} {:>9}",
            c.modified(),
            c.deleted(),
            c.created()
        );
    }
}

fn chunk_list(out: &mut String, r: &ChunkListResponse) {
    line(out, "chunk list", &format!("{} chunks", r.chunks().len()));
    for c in r.chunks() {
        let _ = writeln!(out, "  {:<6} {}", shown(&c.id), shown(&c.name));
    }
}

fn task_list(out: &mut String, r: &TaskListResponse) {
    line(out, "list call", &format!("{} tasks", r.tasks().len()));
    for t in r.tasks() {
        let state = shown(t.task_state.as_ref().map_or("-", |s| s.as_str()));
        let at = t.created_at().map(rfc3339).unwrap_or_default();
        let _ = writeln!(out, "  {}  {state:<12} {at}", shown(t.task_id.as_str()));
    }
}

fn error(out: &mut String, r: &ErrorResponse) {
    line(out, "error", &format!("{} {}", r.status.code, shown(&r.status.message)));
    if let Some(p) = &r.path {
        line(out, "path", &shown(p));
    }
    if let Some(ts) = &r.timestamp {
        line(out, "at", &shown(ts));
    }
}

/// What marks a progress that is not the text sent.
/// The most characters of a text from the input shown: 200.
const MAX_SHOWN: usize = 200;

/// A text from the input as the report shows it: on one line, escaped,
/// and cut to [`MAX_SHOWN`] characters (marked `…`).
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    escape_line_within(text, MAX_SHOWN)
}

/// A labelled line.
fn line(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(out, "{label:<13}{value}");
}

/// A result and its details, then its steps' results, each indented one
/// level more (`depth`).
fn result_summary(out: &mut String, r: &TaskResult, depth: usize) {
    let pad = "  ".repeat(depth);
    result_head(out, r, depth, &pad);
    if depth == 0 && !r.is_bulk() {
        alm_result(out, r);
    }
    hierarchy_table(out, r, &pad);
    line_item_table(out, r, &pad);
    other_details(out, r, &pad);
    for step in r.nested_results() {
        result_summary(out, step, depth + 1);
    }
}

/// The result's object, whether it succeeded, its failure dump and its
/// time: two labelled lines at the top, one line for a step.
fn result_head(out: &mut String, r: &TaskResult, depth: usize, pad: &str) {
    let object = r
        .object_id
        .as_ref()
        .map_or("-".to_owned(), |id| format!("{} ({})", shown(id.as_str()), id.kind()));
    let name = r
        .object_name
        .as_deref()
        .map(|n| format!(" {}", shown(n)))
        .unwrap_or_default();
    let dump = if r.dump_available() {
        ", failure dump available"
    } else {
        ""
    };
    let elapsed = r
        .elapsed()
        .map(|d| format!(", {} ms", d.as_millis()))
        .unwrap_or_default();
    if depth == 0 {
        if r.is_bulk() {
            line(out, "object", &format!("{object}{name}"));
        }
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
}

/// The rows of each hierarchy imported, as a table.
fn hierarchy_table(out: &mut String, r: &TaskResult, pad: &str) {
    let hierarchies: Vec<_> = r.details().iter().filter_map(|d| d.hierarchy_rows()).collect();
    if hierarchies.is_empty() {
        return;
    }
    out.push_str(&format!(
        "{pad}  {:<24} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}\n",
        "hierarchy", "total", "success", "warnings", "failed", "ignored", "created", "updated"
    ));
    for h in hierarchies {
        out.push_str(&format!(
            "{pad}  {:<24} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}\n",
            shown(&h.hierarchy_name),
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

/// The rows of each line item imported, as a table.
fn line_item_table(out: &mut String, r: &TaskResult, pad: &str) {
    let items: Vec<_> = r.details().iter().filter_map(|d| d.line_item_rows()).collect();
    if items.is_empty() {
        return;
    }
    out.push_str(&format!("{pad}  {:<24} {:>9} {:>9}\n", "line item", "rows", "ignored"));
    for l in items {
        out.push_str(&format!(
            "{pad}  {:<24} {:>9} {:>9}\n",
            shown(&l.line_item_name),
            l.row_count,
            l.ignored()
        ));
    }
}

/// The other details, a line each: an export's name, or a detail's code,
/// class and message.
///
/// `DetailValues` is `#[non_exhaustive]` outside the library, so its match
/// needs a wildcard arm; `wildcard_enum_match_arm` makes clippy name any
/// variant that arm would take, so that a new typed detail is placed here.
#[warn(clippy::wildcard_enum_match_arm)]
fn other_details(out: &mut String, r: &TaskResult, pad: &str) {
    for d in r.details() {
        let Some(values) = &d.values else {
            message(out, d, pad);
            continue;
        };
        match values {
            DetailValues::HierarchyRowsProcessed(_) | DetailValues::LineItemRowsProcessed(_) => {}
            DetailValues::ExportSucceeded(e) => out.push_str(&format!("{pad}  export {}\n", shown(&e.export_name))),
            DetailValues::Raw(_) => message(out, d, pad),
            _ => message(out, d, pad),
        }
    }
}

/// A detail as its code, class and message.
fn message(out: &mut String, d: &Detail, pad: &str) {
    out.push_str(&format!("{pad}  {} ({})", shown(d.code.as_str()), d.code.class()));
    match d.local_message_text.as_deref().map(str::trim_end) {
        Some(text) if !text.is_empty() => out.push_str(&format!(": {}\n", shown(text))),
        _ => out.push('\n'),
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
