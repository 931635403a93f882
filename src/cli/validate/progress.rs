//! The progress line of `validate` on stderr: only on a terminal, and only
//! once a run has gone on for a while (a second), redrawn at most five
//! times a second and cleared at the end.

use std::io::{self, IsTerminal};
use std::time::{Duration, Instant};

use crate::cli::output::note_args;
use crate::cli::tally::Tally;

/// A progress line on stderr, only on a terminal and only once a run has
/// gone on for a while.
pub(super) struct Progress {
    enabled: bool,
    start: Instant,
    last: Instant,
    shown: bool,
}

impl Progress {
    /// A progress line starting now.
    pub(super) fn new() -> Self {
        let now = Instant::now();
        Self {
            enabled: io::stderr().is_terminal(),
            start: now,
            last: now,
            shown: false,
        }
    }

    /// Redraws the line, when it is time to (looked at every 256
    /// documents).
    pub(super) fn tick(&mut self, tally: &Tally) {
        if !self.enabled || tally.documents % 256 != 0 {
            return;
        }
        let now = Instant::now();
        if now - self.start < Duration::from_secs(1) || now - self.last < Duration::from_millis(200) {
            return;
        }
        self.last = now;
        self.shown = true;
        note_args(format_args!(
            "\r{} documents, {:.1} MB, {} invalid ",
            tally.documents,
            tally.bytes as f64 / 1e6,
            tally.invalid
        ));
    }

    /// Clears the line, if it was drawn.
    pub(super) fn clear(&mut self) {
        if self.shown {
            note_args(format_args!("\r{:60}\r", ""));
        }
    }
}
