//! `--format github`: a GitHub Actions workflow command
//! (`::error file=…,line=…,col=…,title=code::message`) for each finding,
//! which the Actions log shows as an annotation on the file.

use std::io::{self, Write};

use anaplan_task::validate::Severity;

use crate::cli::verdict::{Source, Verdict};

/// Writes an annotation for each finding of `verdict` of at least `least`.
pub(super) fn record(out: &mut Vec<u8>, source: &Source<'_>, verdict: &Verdict, least: Severity) -> io::Result<()> {
    for f in verdict.shown(least) {
        let (line, col) = source.position(f);
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        // As the text report shows it: no control character reaches the log.
        let mut props = format!("file={}", escape_property(&crate::cli::input::shown(source.name)));
        if let Some(l) = line {
            props.push_str(&format!(",line={l}"));
        }
        if let Some(c) = col {
            props.push_str(&format!(",col={c}"));
        }
        props.push_str(&format!(",title={}", f.code));
        let message = escape_data(&format!("{}: {}", f.shown_path(), f.message));
        writeln!(out, "::{level} {props}::{message}")?;
    }
    Ok(())
}

/// Escapes the message of a GitHub workflow command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property of a GitHub workflow command.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
