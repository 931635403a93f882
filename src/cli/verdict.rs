//! What `validate` reports of one document, and where it came from: the
//! verdict a check hands over (the document itself is dropped where it was
//! checked, so a job hands over only this), the verdicts of inputs that
//! yielded no document, and where each finding lies in its file.

use std::path::Path;

use anaplan_task::validate::{self, Code, Finding, Options, Report, Severity};

use crate::cli::excerpt::Excerpt;
use anaplan_task::{DocumentKind, Outcome};

/// Where a document came from.
pub struct Source<'a> {
    /// The file, shown only when a finding is reported.
    pub name: &'a Path,
    /// The NDJSON line, for a document that is one line of a stream.
    pub line: Option<usize>,
}

impl Source<'_> {
    /// The 1-based line and column of a finding in the file: its place in
    /// the document, moved down to the document's line in a stream.
    pub fn position(&self, f: &Finding) -> (Option<usize>, Option<usize>) {
        match (self.line, f.line) {
            (Some(n), Some(l)) => (Some(n + l - 1), f.column),
            (Some(n), None) => (Some(n), None),
            (None, l) => (l, f.column),
        }
    }
}

/// What is reported of one document.
pub struct Verdict {
    /// What the document is, when it could be read.
    pub kind: Option<DocumentKind>,
    /// No error.
    pub valid: bool,
    /// A warning.
    pub warned: bool,
    /// The task's outcome, for a task's status.
    pub outcome: Option<Outcome>,
    /// The findings, in the order of the input.
    pub findings: Vec<Finding>,
    /// The line each finding points at, by index (none kept when the
    /// report shows no excerpts).
    pub excerpts: Vec<Option<Excerpt>>,
}

impl From<Report> for Verdict {
    /// The findings in the order of the input, as the report gives them.
    fn from(report: Report) -> Self {
        Self {
            kind: report.kind(),
            valid: report.is_valid(),
            warned: report.has_warnings(),
            outcome: report.outcome(),
            findings: report.findings,
            excerpts: Vec::new(),
        }
    }
}

impl Verdict {
    /// The verdict on the document in `bytes`, with the line each finding
    /// points at when `excerpts` is asked.
    pub fn checked(bytes: &[u8], options: &Options, excerpts: bool) -> Self {
        let mut verdict = Self::from(validate::validate_slice(bytes, options));
        if excerpts {
            verdict.excerpts = crate::cli::excerpt::excerpts(bytes, &verdict.findings);
        }
        verdict
    }

    /// The excerpt of finding `i`, if it was taken.
    pub fn excerpt(&self, i: usize) -> Option<&Excerpt> {
        self.excerpts.get(i)?.as_ref()
    }

    /// The verdict on an input that yielded no document: one error.
    pub fn error(code: Code, message: String) -> Self {
        Report::without_document(vec![Finding::new(Severity::Error, code, message)]).into()
    }

    /// The verdict on an entry of a folder passed over: a warning, so that
    /// nothing found goes unsaid.
    pub fn skipped(why: String) -> Self {
        Self {
            kind: None,
            valid: true,
            warned: true,
            outcome: None,
            findings: vec![Finding::new(Severity::Warning, Code::NotRead, why)],
            excerpts: Vec::new(),
        }
    }

    /// This verdict with the error `--fail-on` adds to a refused document:
    /// the task's outcome, or the failed call of an error body.
    pub fn refused(&self) -> Self {
        let mut with = self.findings.clone();
        let (path, message) = match self.outcome {
            Some(outcome) => (
                "task",
                format!("the task's outcome is `{outcome}`, which --fail-on refuses"),
            ),
            None => (
                "status",
                "the call failed: an error body has no task outcome, and --fail-on refuses it".to_owned(),
            ),
        };
        let mut f = Finding::new(Severity::Error, Code::OutcomeRefused, message);
        f.path = path.into();
        with.push(f);
        Self {
            findings: with,
            excerpts: self.excerpts.clone(),
            ..*self
        }
    }

    /// The findings of at least the severity `least`, in order.
    pub fn shown(&self, least: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity >= least)
    }
}
