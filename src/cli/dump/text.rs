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

/// The report for a person.
pub(crate) fn render(name: &str, columns: &[String], header_not_utf8: bool, s: &DumpSummary) -> String {
    let mut out = String::new();
    counts(&mut out, name, columns, header_not_utf8, s);
    messages(&mut out, s);
    list(&mut out, "unreadable rows", &s.problems, s.unreadable);
    if s.too_large > 0 {
        let rows = count(s.too_large, "row");
        let _ = writeln!(out, "  ({rows} over the record limit: raise it with --max-record)");
    }
    list(&mut out, "rows not UTF-8", &s.notes, s.not_utf8);
    if let Some(e) = &s.read_error {
        let _ = writeln!(out, "\nreading stopped: {e}");
    }
    out
}

/// The labelled lines at the top: the dump, its columns, and its rows by
/// status.
fn counts(out: &mut String, name: &str, columns: &[String], header_not_utf8: bool, s: &DumpSummary) {
    let mut line = |label: &str, value: &str| {
        let _ = writeln!(out, "{label:<13}{value}");
    };
    line("dump", &escape_line(name));
    line("columns", &escape_line(&columns.join(", ")));
    if header_not_utf8 {
        line("header", "not UTF-8, read as Windows-1252");
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
        line(
            "not UTF-8",
            &format!("{} row{plural}, read as Windows-1252", s.not_utf8),
        );
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
