//! `--format json`: one JSON object per document, a line each: its source,
//! NDJSON line, kind, validity, outcome, whether `--fail-on` refused it,
//! and its findings placed in the file.

use std::io;

use anaplan_task::validate::Severity;
use anaplan_task::{DocumentKind, Outcome};

use crate::cli::verdict::{Source, Verdict};

// Structs, not `json!` maps, keep the keys in this order (serde_json sorts
// the keys of its maps).

#[derive(serde::Serialize)]
struct JsonFinding<'a> {
    severity: Severity,
    code: &'a str,
    path: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
}

#[derive(serde::Serialize)]
struct JsonVerdict<'a> {
    source: String,
    ndjson_line: Option<usize>,
    kind: &'a str,
    valid: bool,
    outcome: Option<Outcome>,
    refused: bool,
    findings: Vec<JsonFinding<'a>>,
}

/// Writes the object of `verdict`, with its findings of at least `least`.
pub(super) fn record(
    out: &mut Vec<u8>,
    source: &Source<'_>,
    verdict: &Verdict,
    least: Severity,
    refused: bool,
) -> io::Result<()> {
    let findings: Vec<JsonFinding<'_>> = verdict
        .shown(least)
        .map(|f| {
            let (line, column) = source.position(f);
            JsonFinding {
                severity: f.severity,
                code: f.code.as_str(),
                path: &f.path,
                line,
                column,
                message: &f.message,
            }
        })
        .collect();
    let line = JsonVerdict {
        source: crate::cli::input::lossless(source.name).into_owned(),
        ndjson_line: source.line,
        kind: verdict.kind.map_or("unknown", DocumentKind::as_str),
        valid: verdict.valid,
        outcome: verdict.outcome,
        refused,
        findings,
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.push(b'\n');
    Ok(())
}
