//! `anaplan-task validate`: checks every document of the inputs named and
//! reports them in input order, then the summary; the exit status says the
//! worst that was met (see [`crate::cli::exit`]).
//!
//! [`sources`] reads the inputs (folders, files, streams, standard input),
//! [`run`] counts and reports each verdict, [`parallel`] checks capture
//! files on several threads, and [`progress`] draws the progress line.

mod parallel;
mod progress;
mod run;
mod sources;

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use super::args::{Format, ValidateArgs};
use super::color::{ColorChoice, Paint};
use super::exit;
use super::output::Output;
use super::report::Reporter;
use crate::cli::output::note;
use run::Run;

/// Runs `validate` as `args` ask: the exit status.
pub fn command(args: &ValidateArgs, color: ColorChoice) -> ExitCode {
    let jobs = match args.jobs {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    let stdin: Vec<_> = args.paths.iter().filter(|p| is_stdin(p)).collect();
    if stdin.len() > 1 {
        let names: Vec<_> = stdin.iter().map(|p| format!("`{}`", p.display())).collect();
        note!(
            "error: standard input can be named only once (named as {})\n\nFor more information, try '--help'.",
            names.join(", ")
        );
        return ExitCode::from(2);
    }
    let out = Output::stdout();
    if let Err(e) = out.exit_on_signals() {
        note!("anaplan-task: cannot handle Ctrl-C: {e}");
    }
    let paint = Paint::new(args.format == Format::Text && color.enabled(io::stdout().is_terminal()));
    let mut run = Run::new(args, Reporter::new(args, out, paint), jobs);
    let result = run.all();
    run.progress.clear();
    if let Err(e) = result.and_then(|()| run.report.finish(&run.tally)) {
        return exit::write_failed(&e);
    }
    run.tally.status(args.deny_warnings).into()
}

/// Whether `path` names standard input: `-`, or, when standard input can
/// be read only once (a pipe, a terminal), another name of it
/// (`/dev/stdin`, `/proc/self/fd/0`), told by its device and inode without
/// opening the path (opening a pipe would wait for, and then cut off, its
/// writer). A regular file given as standard input can be read again under
/// its own name.
fn is_stdin(path: &std::path::Path) -> bool {
    if path.as_os_str() == "-" {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let stdin = io::stdin()
            .as_fd()
            .try_clone_to_owned()
            .and_then(|fd| std::fs::File::from(fd).metadata());
        let Ok(stdin) = stdin else {
            return false;
        };
        !stdin.is_file() && std::fs::metadata(path).is_ok_and(|m| (m.dev(), m.ino()) == (stdin.dev(), stdin.ino()))
    }
    #[cfg(not(unix))]
    false
}
