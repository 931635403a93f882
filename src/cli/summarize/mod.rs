//! `anaplan-task summarize`: one response for a person (or, with
//! `--format json`, for a script), or the timeline of each task in a poll
//! log.
//!
//! A poll log is NDJSON, one response per line, as a polling loop writes
//! them: a file named `*.ndjson` or `*.jsonl`, or any input of more than
//! one non-blank line one of whose first two non-blank lines is a JSON
//! value by itself (the rule of `validate --stdin-format auto`). It is read
//! a line at a time, so `--max-size` bounds each line, as in `validate`.
//!
//! This module reads the input and tells the two apart; [`poll_log`]
//! follows the tasks of a log, and [`text`] writes the text report.

mod poll_log;
mod text;

use crate::cli::gzip;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::path::Path;
use std::process::ExitCode;

use anaplan_task::summary::TaskSummaryReport;
use anaplan_task::validate::{self, Code, Finding, Options, Severity};
use anaplan_task::{DocumentKind, Outcome};

use super::args::{SummarizeArgs, SummarizeFormat as Format};
use super::color::{ColorChoice, Paint};
use super::exit::Status;
use super::gate::Gate;
use super::input::{self, Stdin, StdinFormat};
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
    let (text, status) = run(&request)?;
    output::print(&text)?;
    Ok(status.into())
}

/// Reads the input and writes the summary: the text still to print (a
/// poll log's timelines are printed as they are written), and the exit
/// status. The error is one of writing the output.
pub fn run(req: &Request<'_>) -> io::Result<(String, Status)> {
    if req.path.as_os_str() == "-" {
        let input = BufReader::with_capacity(BUFFER, io::stdin().lock());
        let too_large = input::too_large_input_message(req.max);
        return read(req, "<stdin>", input, &too_large);
    }
    let name = input::shown(req.path);
    let file = std::fs::metadata(req.path).and_then(|meta| Ok((meta, gzip::open(req.path)?)));
    match file {
        Ok((meta, file)) => {
            let too_large = match gzip::is_gzip(req.path) {
                true => input::too_large_gzip_message(req.max),
                false => input::too_large_message(meta.is_file().then_some(meta.len()), req.max),
            };
            read(req, &name, BufReader::with_capacity(BUFFER, file), &too_large)
        }
        Err(e) => Ok(unreadable(&name, &e)),
    }
}

/// The buffer of the input's reader.
const BUFFER: usize = 256 * 1024;

/// Tells a poll log from one response and summarizes it: a poll log is
/// read a line at a time, each line within `--max-size`; one response is
/// read whole, within it, or refused with the `too_large` message.
fn read(req: &Request<'_>, name: &str, mut input: impl BufRead, too_large: &str) -> io::Result<(String, Status)> {
    if walk::is_stream(req.path) {
        return poll_log::run(req, name, input, poll_log::OneLine::IsALog);
    }
    let too_large = || {
        let message = too_large.to_owned();
        note!("{name}: {}", Finding::new(Severity::Error, Code::TooLarge, message));
        (String::new(), Status::Invalid)
    };
    match input::classify(&mut input, StdinFormat::Auto, req.max) {
        Err(e) => Ok(unreadable(name, &e)),
        Ok(Stdin::Document(bytes)) => Ok(document(req, name, &bytes)),
        Ok(Stdin::TooLarge) => Ok(too_large()),
        // A first line too large to tell is a log's line, as in `validate`.
        Ok(Stdin::Stream(head)) => {
            let input = io::Cursor::new(head).chain(input);
            poll_log::run(req, name, input, poll_log::OneLine::IsADocument)
        }
    }
}

/// An input that could not be read: said on stderr, status 2.
fn unreadable(name: &str, e: &io::Error) -> (String, Status) {
    note!("{name}: cannot read: {e}");
    (String::new(), Status::Usage)
}

/// One response: its summary, and its warnings and errors; a response that
/// is not a readable document is reported on stderr (status 1).
fn document(req: &Request<'_>, name: &str, bytes: &[u8]) -> (String, Status) {
    let report = validate::validate_slice(bytes, &Options::default());
    let Some(doc) = &report.document else {
        for f in &report.findings {
            note_finding(name, f);
        }
        return (String::new(), Status::Invalid);
    };
    let status = gate_status(req.gate, doc.outcome(), Some(doc.kind()));
    let out = match req.format {
        Format::Json => {
            // JSON holds no findings: they go to stderr, as errors do.
            for f in report.findings.iter().filter(|f| f.severity > Severity::Info) {
                note_finding(name, f);
            }
            json_line(&TaskSummaryReport::from_document(doc))
        }
        Format::Text => {
            let mut out = text::document(doc, req.paint);
            let shown = report.findings.iter().filter(|f| f.severity > Severity::Info);
            text::findings(&mut out, shown, 0);
            out
        }
    };
    (out, status)
}

/// A finding of the input on stderr: `name:line:column: ...`, or
/// `name: ...` when it has no place.
fn note_finding(name: &str, f: &Finding) {
    if f.line.is_some() {
        note!("{name}:{f}");
    } else {
        note!("{name}: {f}");
    }
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
