//! `anaplan-task`: validate captured task responses of Anaplan's
//! Integration API, summarise a task, and print the JSON Schema and its
//! documentation. A thin layer over the `anaplan_task` library: this file
//! parses the command line and hands each subcommand to its module under
//! `cli/`.

mod cli;

use std::process::ExitCode;

use cli::args::{Cli, Command};
use cli::{dump, exit, manual, schema, summarize, validate};

/// Validation allocates a few short strings for every document and frees
/// them when its verdict is out; mimalloc serves that pattern with a
/// fraction of the system allocator's work (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::parse_args() {
        Ok(cli) => cli,
        Err(e) => return exit::usage(&e),
    };
    let result = match cli.command {
        Command::Validate(args) => return validate::command(&args, cli.color),
        Command::Summarize(args) => summarize::command(&args, cli.color),
        Command::Dump(args) => dump::run(&args),
        Command::Schema { body } => schema::schema(body).map(|()| ExitCode::SUCCESS),
        Command::Docs => schema::docs().map(|()| ExitCode::SUCCESS),
        Command::Completions { shell } => manual::completions(shell).map(|()| ExitCode::SUCCESS),
        Command::Man => manual::man().map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|e| exit::write_failed(&e))
}
