//! The semantic validation pass: what a decoded document says that does not
//! add up, as [`Finding`]s with a severity, a stable code, the JSON path,
//! the line and column, and a message.
//!
//! Reading is lenient; this pass is where strictness lives. Every code is
//! a [`Code`], with its severity and meaning.
//!
//! [`validate_str`] and [`validate_slice`] read and check a document,
//! giving a [`Report`]: the document (when it reads) and its findings,
//! placed at their line and column. [`check`] checks a document already
//! decoded. [`Options`] sets strict mode and the call the body answers; at
//! most [`MAX_FINDINGS`] findings are listed for one document.
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

mod checks;
mod counts;
mod finding;
mod place;

pub use crate::codes::{Code, Severity};
pub use finding::{Finding, Options, Report};

use crate::Document;
use checks::Checker;

/// How many findings one document lists; the rest are counted in one
/// `more-findings` finding.
pub const MAX_FINDINGS: usize = 1000;

/// Reads and checks one document from text.
pub fn validate_str(text: &str, options: &Options) -> Report {
    validate_slice(text.as_bytes(), options)
}

/// Reads and checks one document from bytes: decoding errors become a
/// single error finding; a decoded document gets the checks of [`check`],
/// placed at their line and column in `bytes` and in that order (findings
/// about the whole document, with no place, last).
pub fn validate_slice(bytes: &[u8], options: &Options) -> Report {
    // Empty, or only JSON's white space (RFC 8259, section 2).
    if bytes.iter().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
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
    match crate::decode::decode_slice_into::<Document>(bytes, &mut report.document) {
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
                report.findings = place::place_all(Checker::run(doc, options), Some(bytes));
                // In the order of the input: by line, then column (the
                // checks' order where those are the same); those about the
                // whole document, with no place, last.
                report.findings.sort_by_key(|f| (f.line.is_none(), f.line, f.column));
            }
        }
    }
    report
}

/// Checks a decoded document. The findings have no line and column: use
/// [`validate_slice`] to have them placed in the input.
pub fn check(doc: &Document, options: &Options) -> Vec<Finding> {
    place::place_all(Checker::run(doc, options), None)
}
