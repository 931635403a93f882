//! `anaplan-task summarize`: one response for a person (or, with
//! `--format json`, for a script), or the timeline of each task in a poll
//! log.
//!
//! A poll log is NDJSON, one response per line, as a polling loop writes
//! them: a file named `*.ndjson` or `*.jsonl`, or any input of more than
//! one non-blank line one of whose first two non-blank lines is a JSON
//! value by itself (the rule of `validate --stdin-format auto`).
//!
//! This module reads the input and tells the two apart; [`poll_log`]
//! follows the tasks of a log, and [`text`] writes the text report.

mod poll_log;
mod text;

use std::fmt::Write as _;
use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use anaplan_task::summary::TaskSummaryReport;
use anaplan_task::validate::{self, Code, Finding, Options, Severity};
use anaplan_task::{DocumentKind, Outcome};

use super::args::{SummarizeArgs, SummarizeFormat as Format};
use super::color::{ColorChoice, Paint};
use super::exit::Status;
use super::gate::Gate;
use super::input::{self, Stdin, StdinFormat, Unchecked};
use super::{output, walk};
use crate::cli::output::note;

/// What `summarize` was asked.
pub struct Request<'a> {
    /// The input, `-` for stdin.
    pub path: &'a Path,
    /// `--max-size`.
    pub max: u64,
    /// `--format`.
    pub format: Format,
    /// `--fail-on`.
    pub gate: &'a Gate,
    /// Whether to colour text.
    pub paint: Paint,
}

/// The `summarize` command: prints the summary, and returns the exit
/// status. The error is one of writing the output.
pub fn command(args: &SummarizeArgs, color: ColorChoice) -> io::Result<ExitCode> {
    let request = Request {
        path: &args.path,
        max: args.max_size,
        format: args.format,
        gate: &Gate::new(args.fail_on.clone()),
        paint: Paint::new(color.enabled(io::stdout().is_terminal())),
    };
    let (text, status) = run(&request);
    output::print(&text)?;
    Ok(status.into())
}

/// Reads the input and writes the summary: the text on success, and the
/// exit status.
pub fn run(req: &Request<'_>) -> (String, Status) {
    let name = if req.path.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        req.path.display().to_string()
    };
    let bytes = match read(req, &name) {
        Ok(bytes) => bytes,
        Err(status) => return (String::new(), status),
    };
    if is_poll_log(req, &bytes) {
        return poll_log::run(req, &name, &bytes);
    }
    document(req, &name, &bytes)
}

/// The whole input, within `--max-size`; or, said on stderr, why not.
fn read(req: &Request<'_>, name: &str) -> Result<Vec<u8>, Status> {
    let mut bytes = Vec::new();
    let read = if req.path.as_os_str() == "-" {
        input::read_within(io::stdin().lock(), req.max, &mut bytes).map_err(|e| Unchecked::Unreadable(e.to_string()))
    } else {
        input::read_file(req.path, req.max, &mut bytes).map(|()| true)
    };
    match read {
        Ok(true) => Ok(bytes),
        Ok(false) => {
            let message = format!("the input is more than the limit of {} bytes (--max-size)", req.max);
            note!("{name}: {}", Finding::new(Severity::Error, Code::TooLarge, message));
            Err(Status::Invalid)
        }
        Err(Unchecked::TooLarge(message)) => {
            note!("{name}: {}", Finding::new(Severity::Error, Code::TooLarge, message));
            Err(Status::Invalid)
        }
        Err(Unchecked::Unreadable(e)) => {
            note!("{name}: cannot read: {e}");
            Err(Status::Usage)
        }
    }
}

/// Whether the input is a poll log: named as a stream, or more than one
/// non-blank line read as a stream would be (a document on one line stays
/// a document).
fn is_poll_log(req: &Request<'_>, bytes: &[u8]) -> bool {
    let lines = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    walk::is_stream(req.path)
        || (lines > 1
            && matches!(
                input::classify(&mut &bytes[..], StdinFormat::Auto, req.max),
                Ok(Stdin::Stream(_))
            ))
}

/// One response: its summary, and its warnings and errors; a response that
/// is not a readable document is reported on stderr (status 1).
fn document(req: &Request<'_>, name: &str, bytes: &[u8]) -> (String, Status) {
    let report = validate::validate_slice(bytes, &Options::default());
    let Some(doc) = &report.document else {
        for f in &report.findings {
            note!("{name}:{f}");
        }
        return (String::new(), Status::Invalid);
    };
    let status = gate_status(req.gate, doc.outcome(), Some(doc.kind()));
    let out = match req.format {
        Format::Json => json_line(&TaskSummaryReport::from_document(doc)),
        Format::Text => {
            let mut out = text::document(doc, req.paint);
            let shown: Vec<&Finding> = report.findings.iter().filter(|f| f.severity > Severity::Info).collect();
            if !shown.is_empty() {
                out.push_str("\nfindings\n");
                for f in shown {
                    let _ = writeln!(out, "  {f}");
                }
            }
            out
        }
    };
    (out, status)
}

/// 3 when `--fail-on` refuses the outcome, 0 otherwise.
fn gate_status(gate: &Gate, outcome: Option<Outcome>, kind: Option<DocumentKind>) -> Status {
    if gate.refuses(outcome, kind) {
        Status::Refused
    } else {
        Status::Success
    }
}

/// A value as one line of JSON.
fn json_line<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string(value).expect("a summary serialises");
    text.push('\n');
    text
}
