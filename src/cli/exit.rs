//! The exit statuses of the command, in one place.
//!
//! A run can meet several of these at once; the most serious is the one
//! returned: unreadable input or a usage error (2) wins over an invalid
//! document (1), which wins over a refused outcome (3). A refused outcome
//! is judged only on documents that could be read, so a status of 3 says
//! that every document was read and valid, and some task ended as the
//! pipeline refused (`--fail-on`).
//!
//! Two ends come from outside a run: a usage error (or `--help`) from
//! clap, and an output that cannot be written.

use crate::cli::output::note;
use std::io::{self, Write};
use std::process::ExitCode;

/// How the command ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// 0: every document valid (warnings allowed unless
    /// `--deny-warnings`), no outcome refused.
    #[default]
    Success,
    /// 3: every document valid, but a task's outcome is one that
    /// `--fail-on` refuses.
    Refused,
    /// 1: a document is invalid (or has a warning under
    /// `--deny-warnings`), or a dump row could not be read.
    Invalid,
    /// 2: a usage error, unreadable input, or an input that holds no
    /// document.
    Usage,
}

impl Status {
    /// The number the process exits with.
    pub fn code(self) -> u8 {
        match self {
            Self::Success => 0,
            Self::Invalid => 1,
            Self::Usage => 2,
            Self::Refused => 3,
        }
    }

    /// The more serious of two statuses.
    pub fn and(self, other: Self) -> Self {
        self.max(other)
    }
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> Self {
        ExitCode::from(s.code())
    }
}

/// Help, the version, or a usage error (2). Help that cannot be written
/// fails as any other output does.
pub fn usage(e: &clap::Error) -> ExitCode {
    let printed = e.print().and_then(|()| io::stdout().flush());
    if !e.use_stderr() {
        if let Err(e) = printed {
            return write_failed(&e);
        }
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// The exit status when the output cannot be written: 0 when its reader has
/// stopped reading (a broken pipe, as `head` does), 2 otherwise, with the
/// reason.
pub fn write_failed(e: &io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    note!("anaplan-task: cannot write: {e}");
    ExitCode::from(2)
}

/// The exit statuses as `--help` and the README state them.
pub const HELP: &str = "\
Exit status:
  0  every document valid (warnings allowed unless --deny-warnings), and
     no outcome refused; also when the reader of the report stops reading
     (a broken pipe)
  1  a document is invalid (or has a warning under --deny-warnings)
  2  a usage error, unreadable input, or an input that holds no document
  3  every document valid, but a task's outcome is one --fail-on refuses
  130/143  interrupted (SIGINT/SIGTERM), after the last whole record
When several apply, 2 wins over 1, and 1 over 3.";

#[cfg(test)]
mod tests {
    use super::Status::*;

    #[test]
    fn the_most_serious_status_wins() {
        assert_eq!(Success.and(Refused), Refused);
        assert_eq!(Refused.and(Invalid), Invalid);
        assert_eq!(Invalid.and(Refused), Invalid);
        assert_eq!(Usage.and(Invalid), Usage);
        assert_eq!([Success, Invalid, Usage, Refused].map(|s| s.code()), [0, 1, 2, 3]);
    }
}
