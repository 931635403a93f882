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
mod stream;

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
    if let Some(message) = named_twice(&args.paths) {
        note!("error: {message}\n\nFor more information, try '--help'.");
        return ExitCode::from(2);
    }
    let out = Output::stdout();
    if let Err(e) = out.exit_on_signals() {
        note!("anaplan-task: cannot handle Ctrl-C: {e}");
    }
    let paint =
        Paint::new(matches!(args.format, Format::Text | Format::Concise) && color.enabled(io::stdout().is_terminal()));
    let mut run = Run::new(args, Reporter::new(args, out, paint), jobs);
    let result = run.all();
    run.progress.clear();
    if let Err(e) = result.and_then(|()| run.report.finish(&run.tally)) {
        return exit::write_failed(&e);
    }
    run.tally.status(args.deny_warnings).into()
}

/// Why the paths cannot be read, if one that can be read only once (standard
/// input, a pipe, a device) is named twice: the second reading would wait
/// forever or find nothing. Standard input counts under any of its names
/// (`-`, `/dev/stdin`, `/proc/self/fd/0`) when it is not a regular file.
/// Told by device and inode, without opening the paths (opening a pipe
/// would wait for, and then cut off, its writer).
fn named_twice(paths: &[std::path::PathBuf]) -> Option<String> {
    let stdin = stdin_metadata().as_ref().and_then(read_once);
    let key = |p: &std::path::Path| {
        if p.as_os_str() == "-" {
            return Some(stdin.unwrap_or((u64::MAX, u64::MAX)));
        }
        std::fs::metadata(p).ok().as_ref().and_then(read_once)
    };
    let keys: Vec<_> = paths.iter().map(|p| key(p)).collect();
    let twice = keys
        .iter()
        .enumerate()
        .find_map(|(i, k)| k.filter(|k| keys[..i].contains(&Some(*k))))?;
    let names: Vec<_> = paths
        .iter()
        .zip(&keys)
        .filter(|(_, k)| **k == Some(twice))
        .map(|(p, _)| format!("`{}`", super::input::shown(p)))
        .collect();
    Some(if Some(twice) == stdin || twice == (u64::MAX, u64::MAX) {
        format!("standard input can be named only once (named as {})", names.join(", "))
    } else {
        format!(
            "a pipe or device can be named only once (named as {})",
            names.join(", ")
        )
    })
}

/// Standard input's metadata, from its descriptor.
#[cfg(unix)]
fn stdin_metadata() -> Option<std::fs::Metadata> {
    use std::os::fd::AsFd;
    let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
    std::fs::File::from(fd).metadata().ok()
}

#[cfg(not(unix))]
fn stdin_metadata() -> Option<std::fs::Metadata> {
    None
}

/// The device and inode of a file that can be read only once: not a
/// regular file, nor a folder.
#[cfg(unix)]
fn read_once(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    (!meta.is_file() && !meta.is_dir()).then(|| (meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn read_once(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}
