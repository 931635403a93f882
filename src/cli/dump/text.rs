//! The text report of `anaplan-task dump`: the summary for a person.
//!
//! The message is the last column, so the table stays aligned whatever its
//! length; it is cut to [`MESSAGE_CHARS`] characters, and text from the
//! dump is shown through [`escape_line`], so that one row is one line. `--format
//! json` has the full text.

use std::fmt::Write as _;

use anaplan_task::dump::{DumpSummary, ErrorCount};

use anaplan_task::text::{escape_line, escape_line_within};

/// The characters of a message shown in the table.
const MESSAGE_CHARS: usize = 120;

/// What the report says of the dump besides its summary.
pub(crate) struct Dump<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its source columns.
    pub columns: &'a [String],
    /// Whether its header was not in its encoding.
    pub header_not_utf8: bool,
    /// Its encoding (`UTF-8`, `UTF-16LE`, `UTF-16BE`).
    pub encoding: &'a str,
}

impl Dump<'_> {
    /// What a field not in the dump's encoding was read as.
    fn not_read_as(&self) -> (String, &'static str) {
        if self.encoding == "UTF-8" {
            ("not UTF-8".to_owned(), "read as Windows-1252")
        } else {
            (format!("not {}", self.encoding), "read with U+FFFD")
        }
    }
}

/// The report for a person.
pub(crate) fn render(dump: &Dump<'_>, s: &DumpSummary) -> String {
    let mut out = String::new();
    counts(&mut out, dump, s);
    messages(&mut out, s);
    list(&mut out, "unreadable rows", &s.problems, s.unreadable);
    if s.too_large > 0 {
        let rows = count(s.too_large, "row");
        let _ = writeln!(out, "  ({rows} over the record limit: raise it with --max-record)");
    }
    list(
        &mut out,
        &format!("rows {}", dump.not_read_as().0),
        &s.notes,
        s.not_utf8,
    );
    if let Some(e) = &s.read_error {
        let _ = writeln!(out, "\nreading stopped: {e}");
    }
    out
}

/// The labelled lines at the top: the dump, its columns, and its rows by
/// status.
fn counts(out: &mut String, dump: &Dump<'_>, s: &DumpSummary) {
    let mut line = |label: &str, value: &str| {
        let _ = writeln!(out, "{label:<13}{value}");
    };
    line("dump", &escape_line(dump.name));
    if dump.encoding != "UTF-8" {
        line("encoding", &format!("{}, as its byte-order mark says", dump.encoding));
    }
    line("columns", &escape_line(&dump.columns.join(", ")));
    let (not, read_as) = dump.not_read_as();
    if dump.header_not_utf8 {
        line("header", &format!("{not}, {read_as}"));
    }
    line(
        "rows",
        &format!(
            "{} ({}, {}, {} other, {} unreadable)",
            s.rows,
            count(s.errors, "error"),
            count(s.warnings, "warning"),
            s.other,
            s.unreadable
        ),
    );
    if s.not_utf8 > 0 {
        let plural = if s.not_utf8 == 1 { "" } else { "s" };
        line(&not, &format!("{} row{plural}, {read_as}", s.not_utf8));
    }
}

/// The table of the most frequent messages: rows, first source lines and
/// the message, then how many rows the others had.
fn messages(out: &mut String, s: &DumpSummary) {
    let other = &s.other_messages;
    if s.messages.is_empty() && other.rows == 0 && other.untracked_rows == 0 {
        return;
    }
    let lines: Vec<String> = s.messages.iter().map(first_lines).collect();
    let width = lines.iter().map(String::len).chain([18]).max().unwrap_or(18);
    let counts = s
        .messages
        .iter()
        .map(|m| m.rows)
        .chain([other.rows, other.untracked_rows]);
    let rw = counts.map(|n| n.to_string().len()).chain([7]).max().unwrap_or(7);
    let _ = writeln!(out, "\n  {:>rw$}  {:<width$}  error", "rows", "first source lines");
    for (m, l) in s.messages.iter().zip(&lines) {
        let _ = writeln!(
            out,
            "  {:>rw$}  {l:<width$}  {}",
            m.rows,
            escape_line_within(&m.message, MESSAGE_CHARS)
        );
    }
    if other.distinct > 0 {
        let _ = writeln!(
            out,
            "  {:>rw$}  {:<width$}  ({} more messages)",
            other.rows, "", other.distinct
        );
    }
    if other.untracked_rows > 0 {
        let _ = writeln!(
            out,
            "  {:>rw$}  {:<width$}  (messages not counted one by one: past the first {} distinct, or {} bytes of them)",
            other.untracked_rows,
            "",
            DumpSummary::MAX_DISTINCT,
            DumpSummary::MAX_MESSAGE_BYTES
        );
    }
}

/// The first source lines of a message, `...` when it had more rows.
fn first_lines(m: &ErrorCount) -> String {
    let mut l: Vec<String> = m.first_lines.iter().map(u64::to_string).collect();
    if m.rows > m.first_lines.len() as u64 {
        l.push("...".to_owned());
    }
    l.join(", ")
}

/// A titled list of the kept messages, then how many more there were.
fn list(out: &mut String, title: &str, items: &[String], total: u64) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}");
    // The crate's own messages, whose quoted text is cut already: whole.
    for p in items {
        let _ = writeln!(out, "  {}", escape_line(p));
    }
    let more = total.saturating_sub(items.len() as u64);
    if more > 0 {
        let _ = writeln!(out, "  ... and {more} more");
    }
}

/// `1 error`, `2 errors`.
fn count(n: u64, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
