//! A poll log in `summarize`: the lines of each task gathered into its
//! timeline, in the order the tasks first appear, and its outcome judged
//! by `--fail-on`: where it ended (`COMPLETE` or `CANCELLED`), the worse
//! ending when two disagree, or else its last poll's. A line after the end
//! that says otherwise is stale, and said (`terminal-state-changed`). A line that is not a task's status is reported on
//! stderr, as `validate` would, and fails the summary (status 1); the
//! warnings and errors of the other lines are listed after the timelines.
//!
//! What is kept is bounded whatever the log: at most [`MAX_TASKS`] tasks
//! are followed (the lines of others are counted and said on stderr,
//! status 1), each timeline holds at most [`TaskTimeline::MAX_POLLS`]
//! entries, the lines that made a task or an entry come to at most
//! [`MAX_KEPT`] bytes, and at most [`MAX_FINDINGS`] findings are listed.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, BufRead};

use anaplan_task::ndjson::{Line, LineReader};
use anaplan_task::summary::{TaskEnd, TaskTimeline};
use anaplan_task::text::escape_line;
use anaplan_task::{Document, Outcome, Task};

use anaplan_task::validate::{self, Code, Finding, Options, Report, Severity};

use super::{Format, Request, gate_status, json_line, text};
use crate::cli::exit::Status;
use crate::cli::output;
use crate::cli::output::note;

/// What a log of a single line is.
pub(super) enum OneLine {
    /// A timeline of one poll (the input is named as a stream).
    IsALog,
    /// One response, summarized as such.
    IsADocument,
}

/// Reads the log a line at a time, each within `--max-size`, and writes
/// each task's timeline: the text still to print (the timelines are
/// printed as they are written, so that the whole report is never held),
/// and the exit status. The error is one of writing the output.
pub(super) fn run(req: &Request<'_>, name: &str, input: impl BufRead, one: OneLine) -> io::Result<(String, Status)> {
    let mut log = Log::new(name);
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
        // One response; a read error after it still says in the status.
        let (text, status) = super::document(req, name, &bytes);
        return Ok((text, status.and(log.status)));
    }
    log.finish(req, count)
}

/// The most tasks a poll log is followed for: 10,000.
pub(super) const MAX_TASKS: usize = 10_000;

/// The most bytes of lines that made a task followed or an entry listed:
/// 64 MiB. Past it, no task is followed and no entry listed any more (a
/// followed task's last response is still kept).
const MAX_KEPT: usize = 64 << 20;

/// The size of the text at which the timelines written so far are printed.
const PRINT_AT: usize = 1 << 20;

/// The most tasks past [`MAX_TASKS`] counted one by one: 1,000,000.
const MAX_OTHERS: usize = 1_000_000;

/// The most findings listed under the timelines: 1,000.
pub(super) const MAX_FINDINGS: usize = 1000;

/// The tasks of a log read so far.
#[derive(Default)]
struct Log<'a> {
    name: &'a str,
    timelines: Vec<TaskTimeline>,
    /// The bytes of the lines that made a task followed or an entry listed
    /// (at most [`MAX_KEPT`]).
    kept: usize,
    /// Each followed task's place in `timelines`.
    index: BTreeMap<String, usize>,
    /// The warnings and errors of the lines read as polls, placed in the
    /// log (at most [`MAX_FINDINGS`]), and how many more.
    findings: Vec<String>,
    more_findings: u64,
    /// The tasks past [`MAX_TASKS`] (hashes of the first [`MAX_OTHERS`]
    /// ids, and whether there were more) and their lines.
    others: BTreeSet<u64>,
    more_others: bool,
    other_lines: u64,
    status: Status,
}

impl<'a> Log<'a> {
    fn new(name: &'a str) -> Self {
        Self {
            name,
            ..Self::default()
        }
    }

    /// Line `number` of the log: a poll of a task, or said on stderr.
    fn line(&mut self, number: u64, bytes: &[u8]) {
        let report = validate::validate_slice(bytes, &Options::default());
        let Some(task) = report.document.as_ref().and_then(Document::task) else {
            self.status = self.status.and(Status::Invalid);
            not_a_status(self.name, number, &report);
            return;
        };
        let id = task.task_id.as_str();
        // What a line may add to what is kept: its text, and some room.
        let cost = bytes.len() + 256;
        let room = self.kept + cost <= MAX_KEPT;
        let mut ended = None;
        let i = match self.index.get(id) {
            Some(&i) => {
                ended = self.timelines[i].leaves_end(task).cloned();
                if self.timelines[i].push_within(number, task, room) {
                    self.kept += cost;
                }
                i
            }
            None if room && self.timelines.len() < MAX_TASKS => {
                self.kept += cost;
                self.index.insert(id.to_owned(), self.timelines.len());
                self.timelines.push(TaskTimeline::new(number, task));
                self.timelines.len() - 1
            }
            None => return self.other_task(id),
        };
        for f in report.findings.iter().filter(|f| f.severity > Severity::Info) {
            self.finding(placed(number, f));
        }
        if let Some(end) = ended {
            self.went_back(number, &end, task, self.timelines[i].outcome());
        }
    }

    /// A finding listed under the timelines, or counted past
    /// [`MAX_FINDINGS`].
    fn finding(&mut self, placed: String) {
        if self.findings.len() < MAX_FINDINGS {
            self.findings.push(placed);
        } else {
            self.more_findings += 1;
        }
    }

    /// Line `number` says of a task that ended at `end` another state or
    /// outcome (`task`): a stale line, said; the task is `judged` by its
    /// end, the worse one when two disagree.
    fn went_back(&mut self, number: u64, end: &TaskEnd, task: &Task, judged: Outcome) {
        let message = format!(
            "task {} ended {} ({}) at line {}, but this line says {} ({}); judged {judged}",
            escape_line(task.task_id.as_str()),
            escape_line(&end.state),
            end.outcome,
            end.ndjson_line,
            escape_line(task.task_state.as_str()),
            task.outcome()
        );
        let f = Finding::new(Severity::Warning, Code::TerminalStateChanged, message);
        self.finding(placed(number, &f));
    }

    /// The summary of a log of `count` lines read: the text, and the exit
    /// status.
    fn finish(mut self, req: &Request<'_>, count: u64) -> io::Result<(String, Status)> {
        let name = self.name;
        if count == 0 && self.status < Status::Usage {
            // As `validate` says of it (unless the input could not be read).
            note!("{name}: error[no-document] .: no document: the stream holds only blank lines");
            return Ok((String::new(), Status::Usage));
        }
        if self.timelines.is_empty() {
            if count > 0 {
                // Each line said why on stderr.
                note!("{name}: no line of the poll log is a task's status");
            }
            return Ok((String::new(), self.status.and(Status::Invalid)));
        }
        if self.other_lines > 0 {
            note!(
                "{name}: {} lines of {}{} more tasks not summarized: a poll log is followed for its first {MAX_TASKS} tasks, within {MAX_KEPT} bytes of their lines",
                self.other_lines,
                self.others.len(),
                if self.more_others { " or" } else { "" }
            );
            self.status = self.status.and(Status::Invalid);
        }
        let mut out = String::new();
        for (i, t) in self.timelines.iter().enumerate() {
            // Judged by where it ended, whatever stale lines came after.
            self.status = self.status.and(gate_status(req.gate, Some(t.outcome()), None));
            match req.format {
                Format::Json => out.push_str(&json_line(t)),
                Format::Text => {
                    if i > 0 {
                        out.push('\n');
                    }
                    text::timeline(&mut out, t, req.paint);
                }
            }
            if out.len() >= PRINT_AT {
                output::print(&out)?;
                out.clear();
            }
        }
        match req.format {
            Format::Text => text::findings(&mut out, &self.findings, self.more_findings),
            // JSON holds no findings: they go to stderr, as errors do.
            Format::Json => {
                self.findings.iter().for_each(|f| note!("{name}:{f}"));
                if self.more_findings > 0 {
                    note!("{name}: ... and {} more findings", self.more_findings);
                }
            }
        }
        Ok((out, self.status))
    }

    /// A line of a task past [`MAX_TASKS`]: counted, and its task counted
    /// by a hash of its id (a few bytes each, whatever the id's length)
    /// while there are at most [`MAX_OTHERS`] of them.
    fn other_task(&mut self, id: &str) {
        use std::hash::{DefaultHasher, Hash, Hasher};
        self.other_lines += 1;
        let mut hasher = DefaultHasher::new();
        id.hash(&mut hasher);
        let key = hasher.finish();
        if self.others.len() < MAX_OTHERS {
            self.others.insert(key);
        } else if !self.others.contains(&key) {
            self.more_others = true;
        }
    }
}

/// A finding of line `number`, placed in the log: as the finding writes
/// itself, with its line counted from the log's first
/// (`line:column: severity[code] path: message`), and the line alone when
/// it has no column.
fn placed(number: u64, f: &Finding) -> String {
    let line = f.line.map_or(number, |l| number + l as u64 - 1);
    let mut at = f.clone();
    at.line = usize::try_from(line).ok();
    match at.column {
        Some(_) => at.to_string(),
        None => format!("{line}: {at}"),
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
        note!("{name}:{}", placed(number, f));
    }
}
