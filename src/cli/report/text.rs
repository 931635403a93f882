//! `--format text` and `concise`: `file:line:col: severity[code] path:
//! message`, a line for each finding, the severity coloured when asked,
//! and under it (`text`) the line it points at with a caret under the
//! value; then a summary line of the counts.

use std::io::{self, Write};

use anaplan_task::Outcome;
use anaplan_task::validate::Severity;
use anstyle::AnsiColor;

use crate::cli::color::Paint;
use crate::cli::tally::Tally;
use crate::cli::verdict::{Source, Verdict};

/// Writes a line for each finding of `verdict` of at least `least`.
pub(super) fn record(
    out: &mut Vec<u8>,
    source: &Source<'_>,
    verdict: &Verdict,
    least: Severity,
    paint: Paint,
) -> io::Result<()> {
    let shown = verdict.findings.iter().enumerate().filter(|(_, f)| f.severity >= least);
    for (i, f) in shown {
        let (line, col) = source.position(f);
        let mut place = crate::cli::input::shown(source.name);
        if let Some(l) = line {
            place.push_str(&format!(":{l}"));
            if let Some(c) = col {
                place.push_str(&format!(":{c}"));
            }
        }
        let color = match f.severity {
            Severity::Error => AnsiColor::Red,
            Severity::Warning => AnsiColor::Yellow,
            Severity::Info => AnsiColor::Cyan,
        };
        let severity = paint.paint(color, &f.severity.to_string());
        writeln!(out, "{place}: {severity}[{}] {}: {}", f.code, f.shown_path(), f.message)?;
        if let (Some(excerpt), Some(line)) = (verdict.excerpt(i), line) {
            // A blank line after it, as between rustc's diagnostics.
            writeln!(
                out,
                "{}\n",
                crate::cli::excerpt::draw(excerpt, line, f.severity, paint.on())
            )?;
        }
    }
    Ok(())
}

/// The summary line: documents by verdict, then (those there are of them)
/// outcomes, refused documents, unreadable inputs, entries not read and
/// inputs without documents.
pub(super) fn summary(t: &Tally) -> String {
    let mut line = format!(
        "{} document{}: {} valid, {} with warnings, {} invalid",
        t.documents,
        if t.documents == 1 { "" } else { "s" },
        t.valid,
        t.warned,
        t.invalid
    );
    let outcomes: Vec<String> = Outcome::ALL
        .iter()
        .zip(t.outcomes)
        .filter(|(_, n)| *n > 0)
        .map(|(o, n)| format!("{n} {o}"))
        .collect();
    if !outcomes.is_empty() {
        line.push_str("; outcomes: ");
        line.push_str(&outcomes.join(", "));
    }
    if t.refused > 0 {
        line.push_str(&format!("; {} refused by --fail-on", t.refused));
    }
    if t.unreadable > 0 {
        line.push_str(&format!("; {} unreadable", t.unreadable));
    }
    if t.not_read > 0 {
        line.push_str(&format!("; {} not read", t.not_read));
    }
    if t.empty > 0 {
        let plural = if t.empty == 1 { "" } else { "s" };
        line.push_str(&format!("; {} input{plural} without documents", t.empty));
    }
    line.push('\n');
    line
}
