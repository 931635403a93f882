//! The inputs of `validate`, in the order named: a folder is searched for
//! captures, a capture file is one document (`*.json`) or an NDJSON stream
//! (`*.ndjson`, `*.jsonl`), and `-` is standard input, read as one or the
//! other (as is a pipe or a device named). A path that yields no document is reported as such.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::path::Path;

use anaplan_task::validate::Code;

use super::run::Run;
use crate::cli::input::{self, Stdin};
use crate::cli::output::WriteOutFirst;
use crate::cli::output::note;
use crate::cli::verdict::{Source, Verdict};
use crate::cli::walk::{self, Found};

/// The buffer of a stream's reader.
pub(super) const STREAM_BUFFER: usize = 256 * 1024;

impl Run<'_> {
    /// Every path named, in order, then the files still waiting.
    pub(super) fn all(&mut self) -> io::Result<()> {
        for path in &self.args.paths {
            let before = self.reported();
            if path.as_os_str() == "-" {
                // A regular file redirected to standard input is a file
                // like any other: read once under all its names.
                let file = super::stdin_metadata().filter(std::fs::Metadata::is_file);
                match file.and_then(|meta| self.files.again_held(Path::new("<stdin>"), &meta)) {
                    Some(first) => self.skipped(Path::new("<stdin>"), walk::read_already(&first))?,
                    None => self.stdin()?,
                }
            } else {
                self.path(path)?;
            }
            if self.reported() == before {
                self.empty(path)?;
            }
        }
        self.flush()
    }

    /// The inputs reported or waiting in the batch so far.
    pub(super) fn reported(&self) -> u64 {
        self.tally.documents + self.tally.not_read + self.tally.empty + self.batch.len() as u64
    }

    /// A path that held no document: an empty folder named (or one without
    /// captures), or an NDJSON stream of blank lines, named or found.
    pub(super) fn empty(&mut self, path: &Path) -> io::Result<()> {
        self.tally.empty += 1;
        let message = if path.is_dir() {
            "no document: the folder holds no `*.json`, `*.ndjson` or `*.jsonl` file"
        } else {
            "no document: the stream holds only blank lines"
        };
        let name = if path.as_os_str() == "-" {
            Path::new("<stdin>")
        } else {
            path
        };
        // Reported, but not counted as a document.
        self.report(
            &Source { name, line: None },
            &Verdict::error(Code::NoDocument, message.to_owned()),
        )
    }

    /// A path named on the command line: a folder is searched; a regular
    /// file is read as its name says; a pipe or a device, as standard
    /// input is (unless its name says it is a stream), since `<(...)` and
    /// `/dev/fd/N` have names that say nothing.
    fn path(&mut self, path: &Path) -> io::Result<()> {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => self.folder(path),
            // Noted before it is read, so that standard input and the
            // paths after it find it, whenever it is read.
            Ok(meta) if meta.is_file() => match self.files.again_at(path, &meta) {
                Some(first) => self.skipped(path, walk::read_already(&first)),
                None => {
                    self.named.insert(path.to_owned());
                    self.file(path)
                }
            },
            Ok(_) if walk::is_stream(path) => self.file(path),
            Ok(_) => match File::open(path) {
                Ok(file) => self.unnamed(
                    path,
                    BufReader::with_capacity(STREAM_BUFFER, self.write_out_first(file)),
                ),
                Err(e) => self.unreadable(path, &e.to_string()),
            },
            Err(e) => self.unreadable(path, &e.to_string()),
        }
    }

    /// The captures in a folder and its subfolders, in name order; a
    /// folder searched, or a file read, already in this run is passed over.
    fn folder(&mut self, path: &Path) -> io::Result<()> {
        let mut seen = std::mem::take(&mut self.seen);
        let result = self.captures(path, &mut seen);
        self.seen = seen;
        result
    }

    fn captures(&mut self, path: &Path, seen: &mut walk::Seen) -> io::Result<()> {
        for found in walk::captures(path, seen) {
            match found {
                Found::Capture(file) => self.file(&file)?,
                Found::Unreadable(name, error) => self.unreadable(&name, &error)?,
                Found::Skipped(name, why) => self.skipped(&name, why)?,
            }
        }
        Ok(())
    }

    /// A capture file: an NDJSON stream by its name, one document otherwise
    /// (waiting in the batch, with more than one job).
    fn file(&mut self, path: &Path) -> io::Result<()> {
        if walk::is_stream(path) {
            // Few: asked what they are before they are read.
            let meta = std::fs::metadata(path).ok();
            if let Some(first) = meta.as_ref().and_then(|meta| self.read_before(path, meta)) {
                return self.skipped(path, walk::read_already(&first));
            }
            return match crate::cli::gzip::open(path) {
                Ok(file) => self.stream(
                    path,
                    BufReader::with_capacity(STREAM_BUFFER, self.write_out_first(file)),
                ),
                Err(e) => self.unreadable(path, &e.to_string()),
            };
        }
        if self.batch.batches() {
            return if self.batch.push(path) { self.flush() } else { Ok(()) };
        }
        let mut buffer = self.batch.take_buffer();
        let result = match input::read_file(path, self.args.max_size, &mut buffer) {
            Ok(meta) => match self.read_before(path, &meta) {
                Some(first) => self.skipped(path, walk::read_already(&first)),
                None => self.document(&Source { name: path, line: None }, &buffer),
            },
            Err(why) => self.unchecked(path, why),
        };
        self.batch.restore_buffer(buffer);
        result
    }

    /// `input`, which writes out what was reported before each of its
    /// reads: a stream's writer may be slow, and its reader waits for it.
    fn write_out_first<R: Read>(&self, input: R) -> WriteOutFirst<R> {
        WriteOutFirst {
            input,
            out: self.report.write_out_handle(),
        }
    }

    /// Standard input: one document or an NDJSON stream, as
    /// `--stdin-format` says (see [`input::StdinFormat::Auto`]).
    fn stdin(&mut self) -> io::Result<()> {
        if io::stdin().is_terminal() {
            note!("anaplan-task: reading from the terminal; end the input with Ctrl-D (or name files to check)");
        }
        // Not locked: the stream's lines may be read on a thread of their own.
        let input = BufReader::with_capacity(STREAM_BUFFER, self.write_out_first(io::stdin()));
        self.unnamed(Path::new("<stdin>"), input)
    }

    /// Standard input, or a pipe or device named: one document or an
    /// NDJSON stream, as `--stdin-format` says.
    fn unnamed(&mut self, name: &Path, mut input: impl BufRead + Send) -> io::Result<()> {
        let limit = self.args.max_size;
        let source = Source { name, line: None };
        match input::classify(&mut input, self.args.stdin_format, limit) {
            Err(e) => self.unreadable(name, &e.to_string()),
            Ok(Stdin::Stream(head)) => self.stream(name, io::Cursor::new(head).chain(input)),
            Ok(Stdin::Document(bytes)) => self.document(&source, &bytes),
            Ok(Stdin::TooLarge) => {
                let message = input::too_large_input_message(limit);
                self.too_large(&source, message)
            }
        }
    }
}
