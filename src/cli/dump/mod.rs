//! `anaplan-task dump`: reads a failure dump (CSV) and reports its rows by
//! status and its most frequent messages, as text ([`text`]) or as one
//! JSON object.
//!
//! Exit status: 0 when every row was read, 1 when a row or the header
//! could not be, 2 when the input could not be opened or read.

mod text;

use std::io::{self, Read};
use std::path::Path;
use std::process::ExitCode;

use anaplan_task::dump::{DumpError, DumpReader, DumpSummary};
use anaplan_task::text::escape_line;

use super::args::{DumpArgs, DumpFormat};
use super::exit::Status;
use super::output;
use crate::cli::output::note;

/// Reads the dump and prints its summary. The error is one of writing
/// the output; a dump that cannot be read is reported on stderr and told
/// by the exit status.
pub fn run(args: &DumpArgs) -> io::Result<ExitCode> {
    let name = if args.path.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        super::input::lossless(&args.path).into_owned()
    };
    // Standard error's lines show the name escaped; the JSON report, as it is.
    let shown = escape_line(&name);
    let reader = match open(&args.path, &shown, args.max_record) {
        Ok(reader) => reader,
        Err(status) => return Ok(status.into()),
    };
    let columns = reader.source_columns().to_vec();
    let dump = text::Dump {
        name: &name,
        columns: &columns,
        header_not_utf8: reader.header_not_utf8(),
        encoding: reader.encoding(),
    };
    let summary = DumpSummary::read_top(reader, args.top);
    let status = status(&shown, &summary);
    let text = match args.format {
        DumpFormat::Json => json(&dump, &summary)?,
        DumpFormat::Text => text::render(&dump, &summary),
    };
    output::print(&text)?;
    Ok(status.into())
}

/// The dump's reader, past its header; or, said on stderr, why there is
/// none.
fn open(path: &Path, name: &str, max_record: usize) -> Result<DumpReader<Box<dyn Read>>, Status> {
    let input: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        match crate::cli::gzip::open(path) {
            Ok(f) => f,
            Err(e) => {
                note!("{name}: cannot read: {e}");
                return Err(Status::Usage);
            }
        }
    };
    DumpReader::with_max_record(input, max_record).map_err(|e| match e {
        DumpError::Io { source, .. } => {
            note!("{name}: cannot read: {source}");
            Status::Usage
        }
        e @ DumpError::HeaderTooLarge { .. } => {
            note!("{name}: {e} (raise it with --max-record)");
            Status::Invalid
        }
        e => {
            note!("{name}: {e}");
            Status::Invalid
        }
    })
}

/// The exit status of a dump read: 2 when reading stopped (said on
/// stderr), 1 when a row could not be read, 0 otherwise.
fn status(name: &str, summary: &DumpSummary) -> Status {
    match (&summary.read_error, summary.unreadable) {
        (Some(e), _) => {
            note!("{name}: {e}");
            Status::Usage
        }
        (None, 0) => Status::Success,
        (None, _) => Status::Invalid,
    }
}

/// The summary as one line of JSON: the source, its encoding, its
/// columns, whether the header was not in that encoding, and the summary.
fn json(dump: &text::Dump<'_>, summary: &DumpSummary) -> io::Result<String> {
    #[derive(serde::Serialize)]
    struct JsonDump<'a> {
        source: &'a str,
        encoding: &'a str,
        columns: &'a [String],
        header_not_utf8: bool,
        summary: &'a DumpSummary,
    }
    let value = JsonDump {
        source: dump.name,
        encoding: dump.encoding,
        columns: dump.columns,
        header_not_utf8: dump.header_not_utf8,
        summary,
    };
    let mut text = serde_json::to_string(&value).map_err(io::Error::other)?;
    text.push('\n');
    Ok(text)
}
