//! The semantic validation pass: what a decoded document says that does not
//! add up, as [`Finding`]s with a severity, a stable code, the JSON path,
//! the line and column, and a message.
//!
//! Reading is lenient; this pass is where strictness lives. Every code is
//! listed in [`CODES`] with its severity and meaning.
//!
//! ```
//! use anaplan_task::validate::{self, Options, Severity};
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
//! assert_eq!((f.severity, f.code), (Severity::Warning, "count-mismatch"));
//! assert_eq!(f.path, "task.result.details[0].values[19]");
//! assert_eq!((f.line, f.column), (Some(8), Some(67)));
//! assert_eq!(
//!     f.message,
//!     "successRowCount + warningsRowCount + failedCount + ignoredCount = 2 + 0 + 0 + 0 = 2, but totalRowCount is 3"
//! );
//! ```

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

mod counts;

use crate::locate::{self, Seg};
use crate::{
    Detail, DetailClass, DetailCode, DetailValues, Document, DocumentKind, HierarchyRowsProcessed, ObjectKind, Outcome,
    Pair, Task, TaskResponse, TaskResult, TaskState, TaskSummary,
};
use counts::{Counts, RELATIONS, message_is, write_message};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; nothing wrong.
    Info,
    /// Suspicious: the document is still valid.
    Warning,
    /// The document is invalid.
    Error,
}

impl Severity {
    /// `info`, `warning` or `error`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// One thing the validator has to say about a document.
///
/// With serde: `{"severity": "warning", "code": "count-mismatch", "path":
/// ..., "line": 8, "column": 67, "message": ...}`, the shape of the
/// command's `--format json` findings; reading refuses a code not in
/// [`CODES`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// A stable kebab-case code, listed in [`CODES`].
    pub code: &'static str,
    /// The JSON path it is about, such as `task.result.details[0].values[15]`;
    /// `.` for the document itself.
    pub path: String,
    /// The 1-based line in the input, when known.
    pub line: Option<usize>,
    /// The 1-based column (in bytes) in the input, when known.
    pub column: Option<usize>,
    /// What is wrong, naming the values involved.
    pub message: String,
}

impl Finding {
    /// A finding about a whole input, with no path or position (such as an
    /// input that could not be read).
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity,
            code,
            path: ".".into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

/// A [`Finding`] as read, before its code is found in [`CODES`].
#[derive(Deserialize)]
struct FindingData {
    severity: Severity,
    code: String,
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        FindingData::deserialize(deserializer)?
            .try_into()
            .map_err(serde::de::Error::custom)
    }
}

impl TryFrom<FindingData> for Finding {
    type Error = String;
    fn try_from(f: FindingData) -> Result<Self, String> {
        let code = CODES
            .iter()
            .find(|c| c.code == f.code)
            .map(|c| c.code)
            .ok_or_else(|| format!("unknown finding code `{}`", f.code))?;
        Ok(Self {
            severity: f.severity,
            code,
            path: f.path,
            line: f.line,
            column: f.column,
            message: f.message,
        })
    }
}

impl fmt::Display for Finding {
    /// `line:column: severity[code] path: message`, without the position
    /// when it is not known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, "{l}:{c}: ")?;
        }
        write!(f, "{}[{}] {}: {}", self.severity, self.code, self.path, self.message)
    }
}

pub use crate::endpoint::CallKind;

/// How to validate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Report unknown fields and unknown `values` keys as errors, not info.
    pub strict: bool,
    /// The call the documents came from, to check the result's object id.
    pub call: Option<CallKind>,
}

impl Options {
    /// Strict or not.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// The call the documents came from.
    pub fn call(mut self, call: Option<CallKind>) -> Self {
        self.call = call;
        self
    }
}

/// Everything said of one input document.
///
/// With serde: `{"document": ... or null, "findings": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// The document, when it could be decoded.
    pub document: Option<Document>,
    /// The findings, in the order of the document.
    pub findings: Vec<Finding>,
}

impl Report {
    /// The report of an input that yielded no document.
    pub fn without_document(findings: Vec<Finding>) -> Self {
        Self {
            document: None,
            findings,
        }
    }

    /// Which body the document is, when it could be decoded.
    pub fn kind(&self) -> Option<DocumentKind> {
        self.document.as_ref().map(Document::kind)
    }

    /// The task's outcome, for a status response.
    pub fn outcome(&self) -> Option<Outcome> {
        self.document.as_ref().and_then(Document::outcome)
    }

    /// The most serious finding's severity.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// Whether the document is valid: it decoded and no finding is an error.
    pub fn is_valid(&self) -> bool {
        self.document.is_some() && self.worst() < Some(Severity::Error)
    }

    /// Whether a finding is a warning (or worse).
    pub fn has_warnings(&self) -> bool {
        self.worst() >= Some(Severity::Warning)
    }
}

/// A code the validator reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CodeInfo {
    /// The code.
    pub code: &'static str,
    /// Its severity (unknown fields and keys become errors under strict mode).
    pub severity: Severity,
    /// What it means.
    pub meaning: &'static str,
}

const fn code(code: &'static str, severity: Severity, meaning: &'static str) -> CodeInfo {
    CodeInfo {
        code,
        severity,
        meaning,
    }
}

/// Every code the validator reports, with its severity and meaning.
pub const CODES: &[CodeInfo] = &[
    code(
        "empty-document",
        Severity::Error,
        "The input holds no document (empty or white space only).",
    ),
    code("invalid-utf8", Severity::Error, "The input is not UTF-8."),
    code("invalid-json", Severity::Error, "The input is not valid JSON."),
    code("truncated-json", Severity::Error, "The input ends inside the document."),
    code(
        "trailing-characters",
        Severity::Error,
        "More text follows the document.",
    ),
    code(
        "too-deep",
        Severity::Error,
        "Nesting of 128 levels or more (at most 127 are read).",
    ),
    code(
        "unknown-document",
        Severity::Error,
        "A JSON object that is none of the task bodies.",
    ),
    code("missing-field", Severity::Error, "A required field is absent."),
    code(
        "duplicate-field",
        Severity::Error,
        "A field appears twice in one object.",
    ),
    code("wrong-type", Severity::Error, "A field has the wrong JSON type."),
    code(
        "invalid-value",
        Severity::Error,
        "A number is out of range for its field.",
    ),
    code("invalid-data", Severity::Error, "Any other mismatch with the model."),
    code(
        "values-odd-length",
        Severity::Error,
        "A `values` array has an odd length: its last key has no value.",
    ),
    code(
        "values-duplicate-key",
        Severity::Error,
        "A key appears twice in a `values` array.",
    ),
    code(
        "values-missing-key",
        Severity::Error,
        "A key that the detail type requires is absent from `values`.",
    ),
    code(
        "values-null-key",
        Severity::Error,
        "A key position of `values` holds `null`.",
    ),
    code(
        "values-null-value",
        Severity::Error,
        "A name or count in `values` is `null`.",
    ),
    code(
        "count-not-decimal",
        Severity::Error,
        "A count is not plain decimal text (sign, space, point, leading zero).",
    ),
    code("count-negative", Severity::Error, "A count is negative."),
    code("count-overflow", Severity::Error, "A count does not fit in 64 bits."),
    code(
        "complete-without-result",
        Severity::Error,
        "A `COMPLETE` task has no `result`.",
    ),
    code(
        "progress-out-of-range",
        Severity::Error,
        "`progress` is below 0 or above 1.",
    ),
    code(
        "object-kind-mismatch",
        Severity::Error,
        "The result's `objectId` is not of the kind of the call named with `--call`.",
    ),
    code(
        "missing-envelope",
        Severity::Warning,
        "`meta` or `status` is absent, as in documentation samples, or the body is a bare task object as client libraries hand it over.",
    ),
    code(
        "malformed-task-id",
        Severity::Warning,
        "A task id is not 32 upper-case hexadecimal characters.",
    ),
    code(
        "malformed-object-id",
        Severity::Warning,
        "An object id is not 12 decimal digits.",
    ),
    code(
        "result-before-start",
        Severity::Warning,
        "A task that is `NOT_STARTED` or `IN_PROGRESS` has a `result`.",
    ),
    code(
        "progress-incomplete",
        Severity::Warning,
        "A `COMPLETE` task has `progress` below 1.",
    ),
    code(
        "progress-not-kept",
        Severity::Warning,
        "`progress` is not written in the shortest form of its number (`-0`, `0.50`, `1e0`, `1E-400`, more digits than a double holds), so it is not written back as sent.",
    ),
    code(
        "failed-step-successful",
        Severity::Warning,
        "`currentStep` is `\"Failed.\"` but the result says successful.",
    ),
    code(
        "step-kind-mismatch",
        Severity::Warning,
        "A process step's `objectId` is not an import, export or action.",
    ),
    code(
        "dump-on-delete-action",
        Severity::Warning,
        "A delete action's result says a failure dump is available.",
    ),
    code(
        "unexplained-failure",
        Severity::Warning,
        "A task failed, but no failed step, no detail and no failure dump explains it.",
    ),
    code(
        "count-mismatch",
        Severity::Warning,
        "The counts of a `hierarchyRowsProcessed` detail do not add up.",
    ),
    code(
        "message-mismatch",
        Severity::Warning,
        "`localMessageText` disagrees with the counts of its detail.",
    ),
    code(
        "paging-mismatch",
        Severity::Warning,
        "`meta.paging` disagrees with the list: `currentPageSize` differs from the number of `tasks` or `chunks`, or `offset` plus the page's size exceeds `totalSize`.",
    ),
    code("unknown-state", Severity::Info, "A task state the crate does not know."),
    code(
        "unknown-detail-code",
        Severity::Info,
        "A detail code the crate does not know.",
    ),
    code(
        "unknown-field",
        Severity::Info,
        "A field the crate does not know (an error under `--strict`).",
    ),
    code(
        "unknown-values-key",
        Severity::Info,
        "A `values` key a typed detail does not know (an error under `--strict`).",
    ),
    code(
        "io-error",
        Severity::Error,
        "The input could not be read (command line only).",
    ),
    code(
        "too-large",
        Severity::Error,
        "A document or NDJSON line is larger than `--max-size` (command line only).",
    ),
    code(
        "not-read",
        Severity::Warning,
        "An entry of a folder was passed over: a pipe, a device, a link back into a folder being searched (command line only).",
    ),
    code(
        "no-document",
        Severity::Error,
        "A path named on the command line holds no document (command line only).",
    ),
    code(
        "outcome-refused",
        Severity::Error,
        "The task's outcome is one that `--fail-on` refuses (command line only).",
    ),
    code(
        "more-findings",
        Severity::Info,
        "A document has more than 1,000 findings: the rest are counted in this one, with the severity of the worst of them.",
    ),
];

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
                code: "empty-document",
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
    match crate::decode::decode_slice_into::<Document>(bytes, &mut report.document) {
        Err(e) => report.findings.push(Finding {
            severity: Severity::Error,
            code: e.code(),
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
    code: &'static str,
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
                code: "more-findings",
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

    fn push(&mut self, severity: Severity, code: &'static str, message: String) {
        self.push_at(severity, code, Vec::new(), None, message);
    }

    fn push_at(
        &mut self,
        severity: Severity,
        code: &'static str,
        sub: Vec<Seg>,
        key: Option<locate::Entry>,
        message: String,
    ) {
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
            "unknown-field",
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
                "missing-envelope",
                "a bare task object, without the `task`, `meta` and `status` of its envelope: as a client library hands it over (`response[\"task\"]`)".into(),
            );
        } else if !missing.is_empty() {
            let what = missing.join("` and `");
            self.push(
                Severity::Warning,
                "missing-envelope",
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
                "paging-mismatch",
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
        self.push_at(Severity::Warning, "paging-mismatch", at("totalSize"), None, message);
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
                "malformed-task-id",
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
                "unknown-state",
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
                "progress-not-kept",
                vec![Seg::Key("progress")],
                None,
                message,
            );
        }
        if progress.is_some_and(|p| !(0.0..=1.0).contains(&p)) {
            let shown = shown();
            self.push_at(
                Severity::Error,
                "progress-out-of-range",
                vec![Seg::Key("progress")],
                None,
                format!("progress is {shown}, expected a number from 0 to 1"),
            );
        }
        match (&t.task_state, &t.result) {
            (TaskState::Complete, None) => self.push(
                Severity::Error,
                "complete-without-result",
                "the task is COMPLETE but has no result".into(),
            ),
            (TaskState::NotStarted | TaskState::InProgress, Some(_)) => self.push_at(
                Severity::Warning,
                "result-before-start",
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
                "progress-incomplete",
                vec![Seg::Key("progress")],
                None,
                format!("the task is COMPLETE but progress is {shown}"),
            );
        }
        if let Some(result) = &t.result {
            if t.step_failed() && result.successful {
                self.push_at(
                    Severity::Warning,
                    "failed-step-successful",
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
                    "unexplained-failure",
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
                    "malformed-object-id",
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
                    "object-kind-mismatch",
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
                        "step-kind-mismatch",
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
                "dump-on-delete-action",
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
                "unknown-detail-code",
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
                    self.push_at(Severity::Error, e.code(), vec![Seg::Key("values")], None, e.to_string());
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
            "unknown-values-key",
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
                "count-mismatch",
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
            "message-mismatch",
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
