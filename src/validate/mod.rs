//! The semantic validation pass: what a decoded document says that does not
//! add up, as [`Finding`]s with a severity, a stable code, the JSON path,
//! the line and column, and a message.
//!
//! Reading is lenient; this pass is where strictness lives. Every code is
//! a [`Code`], with its severity and meaning.

//!
//! ```
//! use anaplan_task::validate::{self, Code, Options, Severity};
//! let json = r#"{"meta": {"schema": "https://api.anaplan.com/2/0/models/M/objects/task"},
//!   "status": {"code": 200, "message": "Success"},
//!   "task": {"taskId": "1B1D84DDD53847BAA621810B593C3FC1", "taskState": "COMPLETE", "progress": 1,
//!     "result": {"successful": true, "failureDumpAvailable": false, "objectId": "112000000009",
//!       "details": [{"type": "hierarchyRowsProcessed", "values": ["hierarchyName", "E",
//!         "successRowCount", "2", "successCreateCount", "0", "successUpdateCount", "2",
//!         "warningsRowCount", "0", "warningsCreateCount", "0", "warningsUpdateCount", "0",
//!         "failedCount", "0", "ignoredCount", "0", "totalRowCount", "3", "totalCreateCount", "0",
//!         "totalUpdateCount", "2", "invalidCount", "0", "updatedCount", "2", "renamedCount", "2",
//!         "createdCount", "0"]}]}}}"#;
//! let report = validate::validate_str(json, &Options::default());
//! assert!(report.is_valid());
//! let f = &report.findings[0];
//! assert_eq!((f.severity, f.code), (Severity::Warning, Code::CountMismatch));
//! assert_eq!(f.path, "task.result.details[0].values[19]");
//! assert_eq!((f.line, f.column), (Some(8), Some(67)));
//! assert_eq!(
//!     f.message,
//!     "successRowCount + warningsRowCount + failedCount + ignoredCount = 2 + 0 + 0 + 0 = 2, but totalRowCount is 3"
//! );
//! ```

use serde_json::{Map, Value};
use std::borrow::Cow;

mod codes;
mod counts;
mod finding;

pub use crate::endpoint::CallKind;
#[allow(deprecated)]
pub use codes::{CODES, Code, CodeInfo};
pub use finding::{Finding, Options, Report, Severity};

use crate::locate::{self, Seg};
use crate::{
    Detail, DetailClass, DetailCode, DetailValues, Document, HierarchyRowsProcessed, ObjectKind, Pair, Task,
    TaskResponse, TaskResult, TaskState, TaskSummary,
};
use counts::{Counts, RELATIONS, message_is, write_message};

/// Reads and checks one document from text.
pub fn validate_str(text: &str, options: &Options) -> Report {
    validate_slice(text.as_bytes(), options)
}

/// Reads and checks one document from bytes: decoding errors become a
/// single error finding; a decoded document gets the checks of [`check`],
/// placed at their line and column in `bytes`.
pub fn validate_slice(bytes: &[u8], options: &Options) -> Report {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Report {
            document: None,
            findings: vec![Finding {
                severity: Severity::Error,
                code: Code::EmptyDocument,
                path: ".".into(),
                line: Some(1),
                column: Some(1),
                message: "no document: the input is empty or white space only".into(),
            }],
        };
    }
    let mut report = Report {
        document: None,
        findings: Vec::new(),
    };
    // The document is built in the report, not moved there.
    match crate::read::decode_slice_into::<Document>(bytes, &mut report.document) {
        Err(e) => report.findings.push(Finding {
            severity: Severity::Error,
            code: Code::from(&e),
            path: e.path().to_owned(),
            line: Some(e.line()),
            column: Some(e.column()),
            message: e.message().to_owned(),
        }),
        Ok(()) => {
            if let Some(doc) = &report.document {
                let mut budget = LOCATE_BUDGET.saturating_mul(bytes.len()).saturating_add(1 << 20);
                let sent = crate::model::task::progress_text(bytes, doc);
                report.findings = Checker::run(doc, options, sent)
                    .into_iter()
                    .map(|raw| raw.place(Some(bytes), &mut budget))
                    .collect();
            }
        }
    }
    report
}

/// Checks a decoded document. The findings have no line and column: use
/// [`validate_slice`] to have them placed in the input.
pub fn check(doc: &Document, options: &Options) -> Vec<Finding> {
    Checker::run(doc, options, None)
        .into_iter()
        .map(|raw| raw.place(None, &mut 0))
        .collect()
}

/// A finding before it is placed in the input.
struct Raw {
    severity: Severity,
    code: Code,
    path: Vec<Seg>,
    /// For a finding about one entry of a `values` array: which.
    key: Option<locate::Entry>,
    message: String,
}

/// How many findings one document lists; the rest are counted in one
/// `more-findings` finding.
pub const MAX_FINDINGS: usize = 1000;

/// Bytes the locator may scan to place the findings of one document, as a
/// multiple of its size: past that, findings keep their path but no line
/// and column, so that placing them stays linear in the input.
const LOCATE_BUDGET: usize = 16;

impl Raw {
    /// Places the finding in `text`, spending from `budget` the bytes scanned.
    fn place(self, text: Option<&[u8]>, budget: &mut usize) -> Finding {
        let mut path = self.path;
        let mut at = None;
        if let Some(text) = text.filter(|_| *budget > 0) {
            let found = locate::find(text, &path, self.key.as_ref());
            *budget = budget.saturating_sub(found.map_or(text.len(), |(offset, _)| offset.max(1)));
            if let Some((offset, index)) = found {
                if let Some(i) = index {
                    path.push(Seg::Index(i));
                }
                at = Some(locate::line_col(text, offset));
            }
        }
        Finding {
            severity: self.severity,
            code: self.code,
            path: locate::render(&path),
            line: at.map(|a| a.0),
            column: at.map(|a| a.1),
            message: self.message,
        }
    }
}

thread_local! {
    /// The checks' path stack, kept between documents: checking one that
    /// has no findings then allocates nothing.
    static PATH: std::cell::Cell<Vec<Seg>> = const { std::cell::Cell::new(Vec::new()) };
}

struct Checker<'o> {
    options: &'o Options,
    /// The text of `task.progress` as sent, when the input is at hand.
    /// The text of `progress` as sent, and whether writing it back keeps it.
    progress_sent: Option<(&'o str, bool)>,
    path: Vec<Seg>,
    out: Vec<Raw>,
    /// Findings past [`MAX_FINDINGS`], and the worst of them.
    dropped: usize,
    dropped_worst: Severity,
}

impl<'o> Checker<'o> {
    fn run(doc: &Document, options: &'o Options, progress_sent: Option<(&'o str, bool)>) -> Vec<Raw> {
        let mut c = Checker {
            options,
            progress_sent,
            path: PATH.take(),
            out: Vec::new(),
            dropped: 0,
            dropped_worst: Severity::Info,
        };
        c.document(doc);
        let mut path = std::mem::take(&mut c.path);
        path.clear();
        PATH.set(path);
        if c.dropped > 0 {
            c.out.push(Raw {
                severity: c.dropped_worst,
                code: Code::MoreFindings,
                path: Vec::new(),
                key: None,
                message: format!(
                    "{} more findings are not listed (at most {MAX_FINDINGS} are), the worst of them {}",
                    c.dropped,
                    match c.dropped_worst {
                        Severity::Error => "an error",
                        Severity::Warning => "a warning",
                        Severity::Info => "info",
                    }
                ),
            });
        }
        c.out
    }

    fn push(&mut self, severity: Severity, code: Code, message: String) {
        self.push_at(severity, code, Vec::new(), None, message);
    }

    fn push_at(&mut self, severity: Severity, code: Code, sub: Vec<Seg>, key: Option<locate::Entry>, message: String) {
        if self.out.len() >= MAX_FINDINGS {
            self.dropped += 1;
            self.dropped_worst = self.dropped_worst.max(severity);
            return;
        }
        let mut path = self.path.clone();
        path.extend(sub);
        self.out.push(Raw {
            severity,
            code,
            path,
            key,
            message,
        });
    }

    fn within(&mut self, seg: Seg, f: impl FnOnce(&mut Self)) {
        self.path.push(seg);
        f(self);
        self.path.pop();
    }

    fn unknown_severity(&self) -> Severity {
        if self.options.strict {
            Severity::Error
        } else {
            Severity::Info
        }
    }

    /// One finding for the unknown fields of an object, at the first.
    fn extra(&mut self, extra: &Map<String, Value>) {
        let Some(first) = extra.keys().next() else {
            return;
        };
        let message = listing(
            "unknown field",
            "unknown fields",
            "",
            extra.keys().map(String::as_str),
            extra.len(),
        );
        self.push_at(
            self.unknown_severity(),
            Code::UnknownField,
            vec![Seg::Field(first.clone())],
            None,
            message,
        );
    }

    fn document(&mut self, doc: &Document) {
        let missing = doc.missing_envelope();
        if missing.first() == Some(&"task") {
            self.push(
                Severity::Warning,
                Code::MissingEnvelope,
                "a bare task object, without the `task`, `meta` and `status` of its envelope: as a client library hands it over (`response[\"task\"]`)".into(),
            );
        } else if !missing.is_empty() {
            let what = missing.join("` and `");
            self.push(
                Severity::Warning,
                Code::MissingEnvelope,
                format!("no `{what}`: a documentation sample rather than a captured response?"),
            );
        }
        match doc {
            Document::TaskStatus(r) => self.status(r),
            Document::CreateTask(r) => {
                self.envelope(r.meta.as_ref(), r.status.as_ref());
                self.within(Seg::Key("task"), |c| c.summary(&r.task));
                self.extra(&r.extra);
            }
            Document::BareTask(t) => self.task(t),
            Document::BareCreateTask(t) => self.summary(t),
            Document::TaskList(r) => {
                self.envelope(r.meta.as_ref(), r.status.as_ref());
                self.paging(r.meta.as_ref(), r.tasks().len(), "tasks");
                for (i, t) in r.tasks().iter().enumerate() {
                    self.within(Seg::Key("tasks"), |c| c.within(Seg::Index(i), |c| c.summary(t)));
                }
                self.extra(&r.extra);
            }
            Document::ChunkList(r) => {
                self.envelope(r.meta.as_ref(), r.status.as_ref());
                self.paging(r.meta.as_ref(), r.chunks().len(), "chunks");
                for (i, chunk) in r.chunks().iter().enumerate() {
                    self.within(Seg::Key("chunks"), |c| {
                        c.within(Seg::Index(i), |c| c.extra(&chunk.extra))
                    });
                }
                self.extra(&r.extra);
            }
            Document::Error(r) => {
                self.within(Seg::Key("status"), |c| c.extra(&r.status.extra));
                self.extra(&r.extra);
            }
        }
    }

    /// The paging of a list against the entries it lists, comparing only
    /// the fields that are there.
    fn paging(&mut self, meta: Option<&crate::Meta>, listed: usize, what: &str) {
        let Some(p) = meta.and_then(|m| m.paging.as_ref()) else {
            return;
        };
        let listed = listed as u64;
        let at = |field| vec![Seg::Key("meta"), Seg::Key("paging"), Seg::Key(field)];
        if let Some(size) = p.current_page_size.filter(|&n| n != listed) {
            let message = format!("currentPageSize is {size} but the page lists {listed} {what}");
            self.push_at(
                Severity::Warning,
                Code::PagingMismatch,
                at("currentPageSize"),
                None,
                message,
            );
        }
        let on_page = p.current_page_size.unwrap_or(listed);
        let Some(total) = p.total_size else {
            return;
        };
        let message = match p.offset {
            Some(offset) if u128::from(offset) + u128::from(on_page) > u128::from(total) => format!(
                "totalSize is {total} but offset + page size = {offset} + {on_page} = {}",
                u128::from(offset) + u128::from(on_page)
            ),
            None if on_page > total => format!("totalSize is {total} but the page holds {on_page} {what}"),
            _ => return,
        };
        self.push_at(Severity::Warning, Code::PagingMismatch, at("totalSize"), None, message);
    }

    fn envelope(&mut self, meta: Option<&crate::Meta>, status: Option<&crate::Status>) {
        if let Some(m) = meta {
            self.within(Seg::Key("meta"), |c| {
                c.extra(&m.extra);
                if let Some(p) = &m.paging {
                    c.within(Seg::Key("paging"), |c| c.extra(&p.extra));
                }
            });
        }
        if let Some(s) = status {
            self.within(Seg::Key("status"), |c| c.extra(&s.extra));
        }
    }

    fn task_id(&mut self, id: &crate::TaskId) {
        if !id.is_well_formed() {
            self.push_at(
                Severity::Warning,
                Code::MalformedTaskId,
                vec![Seg::Key("taskId")],
                None,
                format!(
                    "task id `{}` is not 32 upper-case hexadecimal characters",
                    crate::values::snippet(id.as_str())
                ),
            );
        }
    }

    fn state(&mut self, state: &TaskState) {
        if !state.is_known() {
            self.push_at(
                Severity::Info,
                Code::UnknownState,
                vec![Seg::Key("taskState")],
                None,
                format!("unknown task state `{}`", crate::values::snippet(state.as_str())),
            );
        }
    }

    fn summary(&mut self, t: &TaskSummary) {
        self.task_id(&t.task_id);
        if let Some(s) = &t.task_state {
            self.state(s);
        }
        self.extra(&t.extra);
    }

    fn status(&mut self, r: &TaskResponse) {
        self.envelope(r.meta.as_ref(), r.status.as_ref());
        self.within(Seg::Key("task"), |c| c.task(&r.task));
        self.extra(&r.extra);
    }

    fn task(&mut self, t: &Task) {
        self.task_id(&t.task_id);
        self.state(&t.task_state);
        let progress = t.progress.as_ref().map(crate::Progress::value);
        // Messages quote the progress as sent, not as read.
        let sent = self.progress_sent.map(|(text, _)| text);
        let kept = self.progress_sent.is_none_or(|(_, kept)| kept);
        let shown = || match sent {
            Some(sent) => crate::values::snippet(sent),
            None => t.progress.as_ref().map(ToString::to_string).unwrap_or_default(),
        };
        if t.progress.is_some() && !kept {
            let message = format!(
                "progress `{}` is not kept as sent: only the shortest form of a number (such as `1`, `1.0` or `0.25`) is written back unchanged",
                shown()
            );
            self.push_at(
                Severity::Warning,
                Code::ProgressNotKept,
                vec![Seg::Key("progress")],
                None,
                message,
            );
        }
        if progress.is_some_and(|p| !(0.0..=1.0).contains(&p)) {
            let shown = shown();
            self.push_at(
                Severity::Error,
                Code::ProgressOutOfRange,
                vec![Seg::Key("progress")],
                None,
                format!("progress is {shown}, expected a number from 0 to 1"),
            );
        }
        match (&t.task_state, &t.result) {
            (TaskState::Complete, None) => self.push(
                Severity::Error,
                Code::CompleteWithoutResult,
                "the task is COMPLETE but has no result".into(),
            ),
            (TaskState::NotStarted | TaskState::InProgress, Some(_)) => self.push_at(
                Severity::Warning,
                Code::ResultBeforeStart,
                vec![Seg::Key("result")],
                None,
                format!("the task is {} but has a result", t.task_state),
            ),
            _ => {}
        }
        if t.task_state == TaskState::Complete && progress.is_some_and(|p| (0.0..1.0).contains(&p)) {
            let shown = shown();
            self.push_at(
                Severity::Warning,
                Code::ProgressIncomplete,
                vec![Seg::Key("progress")],
                None,
                format!("the task is COMPLETE but progress is {shown}"),
            );
        }
        if let Some(result) = &t.result {
            if t.step_failed() && result.successful {
                self.push_at(
                    Severity::Warning,
                    Code::FailedStepSuccessful,
                    vec![Seg::Key("currentStep")],
                    None,
                    "currentStep is \"Failed.\" but the result says successful".into(),
                );
            }
            self.within(Seg::Key("result"), |c| c.result(result, true));
            if t.task_state == TaskState::Complete && (t.step_failed() || result.failed()) && !explains_failure(result)
            {
                let steps = if result.nested_results().is_empty() {
                    ""
                } else {
                    "no step failed, "
                };
                self.push_at(
                    Severity::Warning,
                    Code::UnexplainedFailure,
                    vec![Seg::Key("result"), Seg::Key("successful")],
                    None,
                    format!(
                        "the task failed, but nothing in the response explains it: {steps}no detail reports a failure or rejected rows, and no failure dump is available"
                    ),
                );
            }
        }
        self.extra(&t.extra);
    }

    fn result(&mut self, r: &TaskResult, top: bool) {
        let kind = r.object_id.as_ref().map(crate::ObjectId::kind);
        if let Some(id) = &r.object_id {
            if !id.is_well_formed() {
                self.push_at(
                    Severity::Warning,
                    Code::MalformedObjectId,
                    vec![Seg::Key("objectId")],
                    None,
                    format!(
                        "object id `{}` is not 12 decimal digits",
                        crate::values::snippet(id.as_str())
                    ),
                );
            }
            match (top, self.options.call) {
                (true, Some(call)) if kind != Some(call.object_kind()) => self.push_at(
                    Severity::Error,
                    Code::ObjectKindMismatch,
                    vec![Seg::Key("objectId")],
                    None,
                    format!(
                        "object id `{}` is of {}, but the call is for {}",
                        crate::values::snippet(id.as_str()),
                        with_article(id.kind().as_str()),
                        with_article(&call.to_string())
                    ),
                ),
                (false, _) if !matches!(kind, Some(ObjectKind::Import | ObjectKind::Export | ObjectKind::Action)) => {
                    self.push_at(
                        Severity::Warning,
                        Code::StepKindMismatch,
                        vec![Seg::Key("objectId")],
                        None,
                        format!(
                            "process step `{}` is of {}, expected an import, export or action",
                            crate::values::snippet(id.as_str()),
                            with_article(id.kind().as_str())
                        ),
                    )
                }
                _ => {}
            }
        }
        let delete = kind == Some(ObjectKind::Action) || (top && self.options.call == Some(CallKind::Action));
        if delete && r.failure_dump_available {
            self.push_at(
                Severity::Warning,
                Code::DumpOnDeleteAction,
                vec![Seg::Key("failureDumpAvailable")],
                None,
                "a delete action never writes a failure dump, but failureDumpAvailable is true".into(),
            );
        }
        for (i, d) in r.details().iter().enumerate() {
            self.within(Seg::Key("details"), |c| c.within(Seg::Index(i), |c| c.detail(d)));
        }
        for (i, n) in r.nested_results().iter().enumerate() {
            self.within(Seg::Key("nestedResults"), |c| {
                c.within(Seg::Index(i), |c| c.result(n, false))
            });
        }
        self.extra(&r.extra);
    }

    fn detail(&mut self, d: &Detail) {
        if d.code.class() == DetailClass::Unknown {
            self.push_at(
                Severity::Info,
                Code::UnknownDetailCode,
                vec![Seg::Key("type")],
                None,
                format!("unknown detail code `{}`", crate::values::snippet(d.code.as_str())),
            );
        }
        match &d.values {
            Some(DetailValues::HierarchyRowsProcessed(h)) => {
                let counts = h.counts();
                self.other_keys(&h.other);
                self.counts(&counts);
                self.message(d, h, &counts);
            }
            Some(DetailValues::LineItemRowsProcessed(l)) => self.other_keys(&l.other),
            Some(DetailValues::ExportSucceeded(e)) => self.other_keys(&e.other),
            Some(DetailValues::Raw(raw)) if !raw.is_empty() => {
                if let Err(e) = crate::values::check_pairs(raw) {
                    self.push_at(
                        Severity::Error,
                        Code::from(&e),
                        vec![Seg::Key("values")],
                        None,
                        e.to_string(),
                    );
                }
            }
            _ => {}
        }
        self.extra(&d.extra);
    }

    /// One finding for the unknown keys of a `values` array, at the first.
    fn other_keys(&mut self, other: &[Pair]) {
        let Some(first) = other.first() else {
            return;
        };
        let names = other.iter().map(|p| p.key.as_str());
        let message = listing("unknown key", "unknown keys", " in values", names, other.len());
        self.push_at(
            self.unknown_severity(),
            Code::UnknownValuesKey,
            vec![Seg::Key("values")],
            Some(locate::Entry::Key(Cow::Owned(first.key.clone()))),
            message,
        );
    }

    fn counts(&mut self, counts: &Counts) {
        for (lhs, rhs) in RELATIONS {
            let sum: u128 = lhs.iter().map(|&i| u128::from(counts[i].1)).sum();
            let (rhs_key, expected) = counts[rhs];
            if sum == u128::from(expected) {
                continue;
            }
            let message = if let [only] = lhs {
                format!("{} is {sum}, but {rhs_key} is {expected}", counts[*only].0)
            } else {
                let keys: Vec<&str> = lhs.iter().map(|&i| counts[i].0).collect();
                let terms: Vec<String> = lhs.iter().map(|&i| counts[i].1.to_string()).collect();
                format!(
                    "{} = {} = {sum}, but {rhs_key} is {expected}",
                    keys.join(" + "),
                    terms.join(" + ")
                )
            };
            self.push_at(
                Severity::Warning,
                Code::CountMismatch,
                vec![Seg::Key("values")],
                Some(locate::Entry::ValueOf(Cow::Borrowed(rhs_key))),
                message,
            );
        }
    }

    fn message(&mut self, d: &Detail, h: &HierarchyRowsProcessed, counts: &Counts) {
        let Some(text) = &d.local_message_text else {
            return;
        };
        let said = text.trim_end();
        if message_is(said, h, counts) {
            return;
        }
        let with_failures = d.code == DetailCode::HierarchyRowsProcessedWithFailures;
        let mut expected = String::new();
        write_message(&mut expected, h, with_failures);
        self.push_at(
            Severity::Warning,
            Code::MessageMismatch,
            vec![Seg::Key("localMessageText")],
            None,
            format!(
                "the message says \"{}\" but the counts say \"{expected}\"",
                crate::values::snippet(said)
            ),
        );
    }
}

/// Whether a result, or one of its steps, says why a task failed: a step
/// that failed, a detail that is not a plain completion or that counts
/// failed rows, or a failure dump.
fn explains_failure(r: &TaskResult) -> bool {
    let step_failed = r.nested_results().iter().any(|n| !n.successful);
    let detail = r.details().iter().any(|d| {
        d.code.class() != DetailClass::Completion
            || matches!(
                d.code,
                DetailCode::HierarchyRowsProcessedWithFailures | DetailCode::LineItemRowsProcessedWithFailures
            )
            || d.hierarchy_rows().is_some_and(|h| h.failed_count > 0)
    });
    step_failed || detail || r.failure_dump_available || r.nested_results().iter().any(explains_failure)
}

/// `unknown field `a``, or `3 unknown fields: `a`, `b`, `c``, naming at
/// most five.
fn listing<'a>(one: &str, many: &str, suffix: &str, names: impl Iterator<Item = &'a str>, count: usize) -> String {
    const SHOWN: usize = 5;
    let quoted: Vec<String> = names
        .take(SHOWN)
        .map(|n| format!("`{}`", crate::values::snippet(n)))
        .collect();
    match count {
        1 => format!("{one} {}{suffix}", quoted[0]),
        n if n <= SHOWN => format!("{n} {many}{suffix}: {}", quoted.join(", ")),
        n => format!("{n} {many}{suffix}: {} and {} more", quoted.join(", "), n - SHOWN),
    }
}

/// A kind's name after its indefinite article: `an import`, `a process`;
/// `other` (no known prefix) as `an unknown kind`.
fn with_article(kind: &str) -> String {
    match kind {
        "other" => "an unknown kind".to_owned(),
        k if k.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {k}"),
        k => format!("a {k}"),
    }
}
