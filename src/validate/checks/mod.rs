//! The checks of a decoded document: the [`Checker`] that walks it and
//! records what does not add up. This file decides how a finding is
//! recorded (its severity, under `--strict` too; its path; the cap of
//! [`MAX_FINDINGS`]); the checks themselves are in one file per area of
//! the document:
//!
//! - `document`: the document's kind, its envelope (`meta`, `status`),
//!   the paging of lists and unknown fields;
//! - `task`: the task id, state and progress, and how they agree with the
//!   result;
//! - `result`: the result's object ids, failure dump and steps, and
//!   whether a failure is explained;
//! - `details`: detail codes and their `values`, counts and messages.

use serde_json::{Map, Value};

use super::place::Raw;
use super::{Code, MAX_FINDINGS, Options, Severity};
use crate::Document;
use crate::locate;
use path::At;

mod details;
mod document;
mod path;
mod result;
mod task;

/// Walks a document and records its findings, in the order of the
/// document.
pub(super) struct Checker<'o> {
    options: &'o Options,
    /// The text of `task.progress` as sent, and whether writing it back
    /// keeps it, when the input is at hand.
    progress_sent: Option<(&'o str, bool)>,
    out: Vec<Raw>,
    /// Findings past [`MAX_FINDINGS`], and the worst of them.
    dropped: usize,
    dropped_worst: Severity,
}

impl<'o> Checker<'o> {
    /// The findings of a document, not yet placed in its text. A document
    /// without findings costs no allocation.
    pub(super) fn run(doc: &Document, options: &'o Options, progress_sent: Option<(&'o str, bool)>) -> Vec<Raw> {
        let mut c = Checker {
            options,
            progress_sent,
            out: Vec::new(),
            dropped: 0,
            dropped_worst: Severity::Info,
        };
        c.document(doc, &At::Root);
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

    /// The severity of a finding with this code: the code's own, but that
    /// unknown fields and `values` keys are errors under strict mode.
    fn severity(&self, code: Code) -> Severity {
        match code {
            Code::UnknownField | Code::UnknownValuesKey if self.options.strict => Severity::Error,
            _ => code.severity(),
        }
    }

    /// Records a finding about the value at `at`.
    fn push(&mut self, code: Code, at: &At<'_>, message: String) {
        self.push_entry(code, at, None, message);
    }

    /// Records a finding about the value at `at` or, when `entry` is
    /// given, about one entry of that `values` array.
    fn push_entry(&mut self, code: Code, at: &At<'_>, entry: Option<locate::Entry>, message: String) {
        let severity = self.severity(code);
        if self.out.len() >= MAX_FINDINGS {
            self.dropped += 1;
            self.dropped_worst = self.dropped_worst.max(severity);
            return;
        }
        self.out.push(Raw {
            severity,
            code,
            path: at.segments(),
            key: entry,
            message,
        });
    }

    /// One finding for the unknown fields of an object, at the first.
    fn extra(&mut self, extra: &Map<String, Value>, at: &At<'_>) {
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
        self.push(Code::UnknownField, &at.field(first), message);
    }
}

/// `unknown field `a``, or `3 unknown fields: `a`, `b`, `c``, naming at
/// most five.
fn listing<'a>(one: &str, many: &str, suffix: &str, names: impl Iterator<Item = &'a str>, count: usize) -> String {
    const SHOWN: usize = 5;
    let quoted: Vec<String> = names
        .take(SHOWN)
        .map(|n| format!("`{}`", crate::text::snippet(n)))
        .collect();
    match count {
        1 => format!("{one} {}{suffix}", quoted[0]),
        n if n <= SHOWN => format!("{n} {many}{suffix}: {}", quoted.join(", ")),
        n => format!("{n} {many}{suffix}: {} and {} more", quoted.join(", "), n - SHOWN),
    }
}
