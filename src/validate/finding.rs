//! What the validation pass says and how it is asked:
//! [`Finding`], [`Report`] and [`Options`].

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::codes::{Code, Severity};
use crate::endpoint::CallKind;
use crate::{Document, DocumentKind, Outcome};

/// One thing the validator has to say about a document.
///
/// With serde: `{"severity": "warning", "code": "count-mismatch", "path":
/// ..., "line": 8, "column": 67, "message": ...}`, the shape of the
/// command's `--format json` findings; reading refuses a code that is not
/// a [`Code`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Finding {
    /// How serious it is: the code's [`Code::severity`], but for unknown
    /// fields and keys under strict mode and for `more-findings`.
    pub severity: Severity,
    /// What kind of finding it is; written as its stable kebab-case text.
    pub code: Code,
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
    pub fn new(severity: Severity, code: Code, message: impl Into<String>) -> Self {
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

/// A [`Finding`] as read, before its code is found among the [`Code`]s.
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
        let code = f
            .code
            .parse()
            .map_err(|_| format!("unknown finding code `{}`", crate::text::snippet(&f.code)))?;
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

impl Finding {
    /// The most characters of [`Finding::path`] a report line shows.
    pub const MAX_SHOWN_PATH: usize = crate::text::MAX_SHOWN_PATH;

    /// The path as a report line shows it: cut to
    /// [`Finding::MAX_SHOWN_PATH`] characters, `…` where cut (a path into a
    /// value nested 100,000 deep is as long as that).
    ///
    /// ```
    /// use anaplan_task::validate::{Code, Finding, Severity};
    /// let mut f = Finding::new(Severity::Error, Code::DuplicateField, "duplicate field `a`");
    /// f.path = format!("x{}", "[0]".repeat(1000));
    /// assert_eq!(f.shown_path().chars().count(), Finding::MAX_SHOWN_PATH + 1);
    /// ```
    pub fn shown_path(&self) -> std::borrow::Cow<'_, str> {
        crate::text::cut_path(&self.path)
    }
}

impl fmt::Display for Finding {
    /// `line:column: severity[code] path: message`, without the position
    /// when it is not known; the path as [`Finding::shown_path`] cuts it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, "{l}:{c}: ")?;
        }
        write!(
            f,
            "{}[{}] {}: {}",
            self.severity,
            self.code,
            self.shown_path(),
            self.message
        )
    }
}

/// How to validate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Report unknown fields and unknown `values` keys as errors, not info.
    pub strict: bool,
    /// The call the documents came from, to check the result's object id.
    pub call: Option<CallKind>,
    /// The ALM call the documents came from (model sync, comparison or
    /// summary report): its results have no `objectId` or
    /// `failureDumpAvailable`, and a successful report task's has a
    /// `reportFileUrl`.
    pub alm_call: Option<crate::endpoint::AlmCall>,
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

    /// The ALM call the documents came from.
    pub fn alm_call(mut self, call: Option<crate::endpoint::AlmCall>) -> Self {
        self.alm_call = call;
        self
    }
}

/// Everything said of one input document.
///
/// With serde: `{"document": ... or null, "findings": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
