//! The counts of a `validate` run: documents by verdict and by outcome,
//! inputs that failed, bytes read. They make the summary line and the exit
//! status.

use anaplan_task::Outcome;

use super::exit::Status;
use super::verdict::Verdict;

/// The counts behind the summary line and the exit status.
#[derive(Default)]
pub struct Tally {
    /// Documents reported (an input that could not be read is one).
    pub documents: u64,
    /// Documents without findings above info.
    pub valid: u64,
    /// Documents with warnings and no error.
    pub warned: u64,
    /// Documents with errors.
    pub invalid: u64,
    /// Inputs that could not be read.
    pub unreadable: u64,
    /// Documents by outcome, in the order of [`Outcome::ALL`].
    pub outcomes: [u64; Outcome::ALL.len()],
    /// Documents whose outcome `--fail-on` refuses.
    pub refused: u64,
    /// Paths named that held no document.
    pub empty: u64,
    /// Entries passed over (`not-read`): reported as warnings, not counted
    /// as documents.
    pub not_read: u64,
    /// Bytes of the documents checked.
    pub bytes: u64,
}

impl Tally {
    /// Counts one document's verdict, `refused` or not by `--fail-on`.
    pub fn count(&mut self, verdict: &Verdict, refused: bool) {
        self.documents += 1;
        if !verdict.valid {
            self.invalid += 1;
        } else if verdict.warned {
            self.warned += 1;
        } else {
            self.valid += 1;
        }
        if let Some(o) = verdict.outcome {
            if let Some(i) = Outcome::ALL.iter().position(|x| *x == o) {
                self.outcomes[i] += 1;
            }
        }
        if refused {
            self.refused += 1;
        }
    }

    /// The exit status of the run (see [`Status`]).
    pub fn status(&self, deny_warnings: bool) -> Status {
        let mut status = Status::Success;
        if self.refused > 0 {
            status = status.and(Status::Refused);
        }
        if self.invalid > 0 || (deny_warnings && (self.warned > 0 || self.not_read > 0)) {
            status = status.and(Status::Invalid);
        }
        if self.unreadable > 0 || self.empty > 0 {
            status = status.and(Status::Usage);
        }
        status
    }
}
