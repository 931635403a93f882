//! The report of `validate` in each format: a record for each document
//! (none for a document that passes under `--quiet`), then a summary line
//! (text and GitHub) or the whole SARIF log at the end.
//!
//! [`text`], [`json`], [`github`] and [`sarif`] write one format each;
//! this module picks the format and what is shown. Under `--quiet` only
//! the findings that fail the run are shown: errors, and warnings under
//! `--deny-warnings`.

mod github;
mod json;
mod sarif;
mod text;

use std::io;

use anaplan_task::validate::Severity;

use super::args::{Format, ValidateArgs};
use super::color::Paint;
use super::output::Output;
use super::tally::Tally;
use super::verdict::{Source, Verdict};

/// Writes the records of a run, whole, in the format asked.
pub struct Reporter {
    format: Format,
    quiet: bool,
    deny_warnings: bool,
    out: Output,
    paint: Paint,
    /// The SARIF log, written whole at the end.
    sarif: Option<sarif::Log>,
}

impl Reporter {
    /// A report as `args` ask, on `out`, coloured with `paint`.
    pub fn new(args: &ValidateArgs, out: Output, paint: Paint) -> Self {
        Self {
            format: args.format,
            quiet: args.quiet,
            deny_warnings: args.deny_warnings,
            out,
            paint,
            sarif: (args.format == Format::Sarif).then(sarif::Log::default),
        }
    }

    /// Writes the record of a verdict (in SARIF, adds its results);
    /// `refused` when `--fail-on` refuses the document, which adds an
    /// error to it.
    pub fn record(&mut self, source: &Source<'_>, verdict: &Verdict, refused: bool) -> io::Result<()> {
        let fails = !verdict.valid || refused || (self.deny_warnings && verdict.warned);
        if self.quiet && !fails {
            return Ok(());
        }
        let gated;
        let verdict = if refused {
            gated = verdict.refused();
            &gated
        } else {
            verdict
        };
        let least = self.least_shown();
        match self.format {
            Format::Json => json::record(self.out.record(), source, verdict, least, refused)?,
            Format::Text | Format::Concise => text::record(self.out.record(), source, verdict, least, self.paint)?,
            Format::Github => github::record(self.out.record(), source, verdict, least)?,
            Format::Sarif => {
                let log = self.sarif.as_mut().expect("a SARIF run has a log");
                log.record(source, verdict, least);
                return Ok(());
            }
        }
        self.out.commit()
    }

    /// The least severity reported: every finding, or under `--quiet`
    /// those that fail the run (errors, and warnings under
    /// `--deny-warnings`).
    fn least_shown(&self) -> Severity {
        match (self.quiet, self.deny_warnings) {
            (false, _) => Severity::Info,
            (true, true) => Severity::Warning,
            (true, false) => Severity::Error,
        }
    }

    /// Writes out the records held, as when the input waits.
    pub fn write_out(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// A handle that writes out the records held, for an input to use
    /// before it waits ([`WriteOutFirst`](crate::cli::output::WriteOutFirst)).
    pub fn write_out_handle(&self) -> crate::cli::output::WriteOut {
        self.out.write_out()
    }

    /// Ends the report: the SARIF log, or the summary line (none in JSON
    /// or under `--quiet`); then writes out all that is held.
    pub fn finish(&mut self, tally: &Tally) -> io::Result<()> {
        self.summary(tally)?;
        self.out.flush()
    }

    fn summary(&mut self, tally: &Tally) -> io::Result<()> {
        if let Some(log) = &self.sarif {
            // An input that could not be read, or held no document: the
            // run did not do all it was asked.
            let text = log.to_json(tally.unreadable == 0 && tally.empty == 0);
            self.out.record().extend_from_slice(text.as_bytes());
            return self.out.commit();
        }
        if self.quiet || self.format == Format::Json {
            return Ok(());
        }
        let line = text::summary(tally);
        self.out.record().extend_from_slice(line.as_bytes());
        self.out.commit()
    }
}
