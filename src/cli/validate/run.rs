//! A run of `validate`: each verdict counted, shown on the progress line
//! and reported, in input order; files waiting in the batch are checked and
//! reported before anything that comes after them.

use std::io;
use std::path::Path;

use anaplan_task::validate::{Code, Options};

use super::parallel::Batch;
use super::progress::Progress;
use crate::cli::args::{Format, KindArg, ValidateArgs};
use crate::cli::gate::Gate;
use crate::cli::input::Unchecked;
use crate::cli::report::Reporter;
use crate::cli::tally::Tally;
use crate::cli::verdict::{Source, Verdict};
use crate::cli::walk::Seen;

/// The state of a run.
pub(super) struct Run<'a> {
    pub(super) args: &'a ValidateArgs,
    options: Options,
    gate: Gate,
    pub(super) report: Reporter,
    pub(super) tally: Tally,
    pub(super) progress: Progress,
    pub(super) batch: Batch,
    /// The folders searched so far, over every path named (the walk holds
    /// it while it goes).
    pub(super) seen: Seen,
    /// The files read so far, over every path named.
    pub(super) files: Seen,
    /// The files named that were noted before they were read (by their
    /// `stat`), until they are: the one check after their reading is
    /// theirs already.
    pub(super) named: std::collections::BTreeSet<std::path::PathBuf>,
}

impl<'a> Run<'a> {
    /// A run as `args` ask, reporting with `report`, checking files on
    /// `jobs` threads.
    pub(super) fn new(args: &'a ValidateArgs, report: Reporter, jobs: usize) -> Self {
        Self {
            args,
            options: Options::default()
                .strict(args.strict)
                .call(args.call.and_then(KindArg::bulk))
                .alm_call(args.call.and_then(KindArg::alm)),
            gate: Gate::new(args.fail_on.clone()),
            report,
            tally: Tally::default(),
            progress: Progress::new(),
            batch: Batch::new(jobs),
            seen: Seen::default(),
            files: Seen::default(),
            named: std::collections::BTreeSet::new(),
        }
    }
}

impl Run<'_> {
    /// How documents are checked.
    pub(super) fn options(&self) -> &Options {
        &self.options
    }

    /// Checks one document and reports it.
    pub(super) fn document(&mut self, source: &Source<'_>, bytes: &[u8]) -> io::Result<()> {
        self.tally.bytes += bytes.len() as u64;
        let verdict = Verdict::checked(bytes, &self.options, self.args.format == Format::Text);
        self.emit(source, &verdict)
    }

    /// Counts a document's verdict and reports it, after the files waiting
    /// in the batch (which came first).
    pub(super) fn emit(&mut self, source: &Source<'_>, verdict: &Verdict) -> io::Result<()> {
        if !self.batch.is_empty() {
            self.flush()?;
        }
        let refused = self.gate.refuses(verdict.outcome, verdict.kind);
        self.tally.count(verdict, refused);
        self.progress.tick(&self.tally);
        self.report.record(source, verdict, refused)
    }

    /// Reports a verdict that is not counted as a document's, after the
    /// files waiting in the batch, as [`Run::emit`] does.
    pub(super) fn report(&mut self, source: &Source<'_>, verdict: &Verdict) -> io::Result<()> {
        self.flush()?;
        let refused = self.gate.refuses(verdict.outcome, verdict.kind);
        self.report.record(source, verdict, refused)
    }

    /// Checks the files of the batch, spread over the jobs, and reports
    /// them in order.
    pub(super) fn flush(&mut self) -> io::Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let (files, checked) = self
            .batch
            .check(self.args.max_size, &self.options, self.args.format == Format::Text);
        // A failed write ends the run, and the batch with it.
        for (path, c) in files.iter().zip(checked) {
            match c {
                Ok((len, verdict, meta)) => match self.read_before(path, &meta) {
                    Some(first) => self.skipped(path, crate::cli::walk::read_already(&first))?,
                    None => {
                        self.tally.bytes += len as u64;
                        self.emit(&Source { name: path, line: None }, &verdict)?;
                    }
                },
                Err(why) => self.unchecked(path, why)?,
            }
        }
        self.batch.reuse(files);
        Ok(())
    }

    /// The name under which the file at `path`, with metadata `meta` (as
    /// the system says once it is open), was read already in this run, if
    /// it was; otherwise it is noted.
    pub(super) fn read_before(&mut self, path: &Path, meta: &std::fs::Metadata) -> Option<std::path::PathBuf> {
        if self.named.remove(path) {
            return None;
        }
        self.files.again_at(path, meta)
    }

    /// Reports a capture file that was not checked.
    pub(super) fn unchecked(&mut self, path: &Path, why: Unchecked) -> io::Result<()> {
        match why {
            Unchecked::TooLarge(message) => self.too_large(&Source { name: path, line: None }, message),
            Unchecked::Unreadable(error) => self.unreadable(path, &error),
        }
    }

    /// Reports a document over `--max-size`.
    pub(super) fn too_large(&mut self, source: &Source<'_>, message: String) -> io::Result<()> {
        self.emit(source, &Verdict::error(Code::TooLarge, message))
    }

    /// Reports an entry passed over: a warning, so that nothing found goes
    /// unsaid, counted apart from the documents (it is none).
    pub(super) fn skipped(&mut self, name: &Path, why: String) -> io::Result<()> {
        self.tally.not_read += 1;
        self.report(&Source { name, line: None }, &Verdict::skipped(why))
    }

    /// Reports an input that could not be read.
    pub(super) fn unreadable(&mut self, name: &Path, error: &str) -> io::Result<()> {
        self.tally.unreadable += 1;
        let verdict = Verdict::error(Code::IoError, format!("cannot read: {error}"));
        self.emit(&Source { name, line: None }, &verdict)
    }
}
