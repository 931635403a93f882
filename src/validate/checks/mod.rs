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

use crate::unknown::UnknownFields;

use super::place::Raw;
use super::{Code, MAX_FINDINGS, Options, Severity};
use crate::Document;
use crate::locate;
use path::At;

mod details;
mod document;
mod path;
mod repeated;
mod result;
mod task;

/// Walks a document and records its findings, in the order of the
/// document.
pub(super) struct Checker<'o> {
    options: &'o Options,
    out: Vec<Raw>,
    /// Findings past [`MAX_FINDINGS`], and the worst of them.
    dropped: usize,
    dropped_worst: Severity,
}

impl<'o> Checker<'o> {
    /// The findings of a document, not yet placed in its text. A document
    /// without findings costs no allocation.
    pub(super) fn run(doc: &Document, options: &'o Options) -> Vec<Raw> {
        let mut c = Checker {
            options,
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
        self.push_path(code, at.segments(), entry, message);
    }

    /// [`Checker::push_entry`] at a path given by its segments.
    fn push_path(&mut self, code: Code, path: Vec<locate::Seg>, entry: Option<locate::Entry>, message: String) {
        let severity = self.severity(code);
        if self.out.len() >= MAX_FINDINGS {
            self.dropped += 1;
            self.dropped_worst = self.dropped_worst.max(severity);
            return;
        }
        self.out.push(Raw {
            severity,
            code,
            path,
            key: entry,
            message,
        });
    }

    /// One finding for the unknown fields of an object, at the first, and
    /// one for each object among them, or among their values, that repeats
    /// a key.
    fn extra(&mut self, extra: &UnknownFields, at: &At<'_>) {
        let Some(first) = extra.keys().next() else {
            return;
        };
        let message = listing("unknown field", "unknown fields", "", extra.keys(), extra.len());
        self.push(Code::UnknownField, &at.field(first), message);
        // How many times each name was sent before: a name is reported at
        // its second sending, and what is found inside a later copy is
        // placed in that copy.
        let mut sent = std::collections::BTreeMap::new();
        for (name, value) in extra {
            let earlier = sent.entry(name).or_insert(0_usize);
            let mut at_value = at.field(name).segments();
            if *earlier > 0 {
                at_value.pop();
                at_value.push(locate::Seg::Nth(name.to_owned(), *earlier));
            }
            if *earlier == 1 {
                self.duplicate(at.segments(), name);
            }
            *earlier += 1;
            repeated::keys(value.get(), |inner, key| {
                let mut path = at_value.clone();
                path.extend(inner);
                self.duplicate(path, key);
            });
        }
    }

    /// A `duplicate-field` error: `key` sent twice in the object at `path`.
    fn duplicate(&mut self, path: Vec<locate::Seg>, key: &str) {
        let message = format!("duplicate field `{}`", crate::text::snippet(key));
        self.push_path(Code::DuplicateField, path, None, message);
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
