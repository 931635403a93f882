//! The command line: every subcommand, option and help text, as clap
//! derives them. Nothing here runs a command; `main` parses these and hands
//! each subcommand to its module.

use std::io;
use std::path::PathBuf;

use anaplan_task::Outcome;
use anaplan_task::dump::{DumpReader, DumpSummary};
use anaplan_task::endpoint::{AlmCall, CallKind};
use anaplan_task::schema::SchemaKind;
use clap::{Parser, Subcommand, ValueEnum};

use super::color::ColorChoice;
use super::input::{self, StdinFormat};
use super::{exit, gate};

const VALIDATE_EXAMPLES: &str = "\
Examples:
  anaplan-task validate examples/responses
  anaplan-task validate --format json captures/*.ndjson
  curl -s ... | anaplan-task validate --call import -
  anaplan-task validate --format github --deny-warnings tests/captures
  anaplan-task validate --fail-on failed,cancelled captures/
  anaplan-task validate --format sarif captures/ > anaplan-task.sarif
";

const SUMMARIZE_EXAMPLES: &str = "\
Examples:
  anaplan-task summarize examples/responses/process-failed-step.json
  anaplan-task summarize examples/responses/poll-log.ndjson
  anaplan-task summarize --format json response.json | jq .rows.failed
  anaplan-task summarize --fail-on failed,succeeded-with-warnings response.json

Exit status: 0 when the input was summarised and no outcome refused; 1 when
a response (or a line of a poll log) is not a readable document; 2 on usage
errors or unreadable input; 3 when a task's (last) outcome is one --fail-on
refuses. When several apply, 2 wins over 1, and 1 over 3.";

// The whole command line. (No doc comment: clap would take it for the
// long about text.)
#[derive(Parser)]
#[command(
    name = "anaplan-task",
    version,
    about = "Validate and summarise task-status responses of Anaplan's Integration API",
    after_help = "Examples:\n  anaplan-task validate examples/responses\n  anaplan-task summarize examples/responses/seed.json\n  anaplan-task schema --kind status > task-response.schema.json"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// When to colour the report: `auto` on a terminal unless NO_COLOR is
    /// set or TERM=dumb (CLICOLOR_FORCE forces it).
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

impl Cli {
    /// Parses the command line, with its errors coloured as `--color`
    /// says (clap alone colours them by the environment) and quoting each
    /// argument escaped as a report quotes input (clap would write a
    /// terminal escape given in an argument as it is, or strip it and so
    /// misquote the argument).
    pub fn parse_args() -> Result<Self, clap::Error> {
        use clap::{CommandFactory, FromArgMatches};
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let color = match color_asked(&args) {
            Some(ColorChoice::Always) => clap::ColorChoice::Always,
            Some(ColorChoice::Never) => clap::ColorChoice::Never,
            _ => clap::ColorChoice::Auto,
        };
        let parse = |args: &[std::ffi::OsString]| {
            Self::command()
                .color(color)
                .try_get_matches_from(args)
                .and_then(|m| Self::from_arg_matches(&m))
        };
        let error = match parse(&args) {
            Ok(cli) => return Ok(cli),
            Err(e) => e,
        };
        let shown: Vec<std::ffi::OsString> = args
            .iter()
            .map(|a| input::shown(std::path::Path::new(a)).into())
            .collect();
        if !error.use_stderr() || shown == args {
            return Err(error);
        }
        // The same command line, quoted safely, gives the same error, but
        // for a short flag (`-\x01`), whose escape clap would read as other
        // flags: then the error as clap wrote it, escaped, without styles.
        let flag = |(a, s): (&std::ffi::OsString, &std::ffi::OsString)| {
            a != s && a.as_encoded_bytes().starts_with(b"-") && !a.as_encoded_bytes().starts_with(b"--")
        };
        match parse(&shown) {
            Err(e) if !args.iter().zip(&shown).any(flag) => Err(e),
            _ => {
                let text: Vec<String> = error
                    .render()
                    .to_string()
                    .lines()
                    .map(|l| anaplan_task::text::escape_line(l).into_owned())
                    .collect();
                let text = text.join("\n") + "\n";
                // `raw` adds clap's own `error: `.
                Err(clap::Error::raw(
                    error.kind(),
                    text.strip_prefix("error: ").unwrap_or(&text),
                ))
            }
        }
    }
}

/// The last `--color` given before `--`, when it is a valid one.
fn color_asked(args: &[std::ffi::OsString]) -> Option<ColorChoice> {
    let mut asked = None;
    let mut words = args.iter().skip(1).map(|a| a.to_str());
    while let Some(word) = words.next() {
        let value = match word {
            Some("--") => break,
            Some("--color") => words.next().flatten(),
            Some(w) => w.strip_prefix("--color="),
            None => None,
        };
        if let Some(v) = value {
            asked = ColorChoice::from_str(v, false).ok();
        }
    }
    asked
}

// The subcommands; the doc comment of each is its `--help` text.
#[derive(Subcommand)]
pub enum Command {
    /// Check captured responses: files, folders (`*.json`, `*.ndjson`, `*.jsonl`), or `-` for stdin.
    #[command(after_help = format!("{VALIDATE_EXAMPLES}\n{}", exit::HELP))]
    Validate(ValidateArgs),
    /// Show one response (state, outcome, object and counts), or each
    /// task's timeline in a poll log (NDJSON).
    #[command(after_help = SUMMARIZE_EXAMPLES)]
    Summarize(SummarizeArgs),
    /// Print the JSON Schema of a response body.
    #[command(after_help = "Example:\n  anaplan-task schema --body list > task-list-response.schema.json")]
    Schema {
        /// Which body.
        #[arg(long, alias = "kind", value_enum, default_value_t = SchemaArg::Status)]
        body: SchemaArg,
    },
    /// Summarise a failure dump (CSV): rows by status and the most frequent errors.
    #[command(
        after_help = "Example:\n  anaplan-task dump examples/dumps/employees-dump.csv\n  anaplan-task dump --format json dump.csv\n\nExit status: 0 when every row was read, 1 when a row or the header could not\nbe, 2 on usage errors or unreadable input."
    )]
    Dump(DumpArgs),
    /// Print the Markdown documentation of the schemas.
    #[command(after_help = "Example:\n  anaplan-task docs > schema.md")]
    Docs,
    /// Print a shell's completion script.
    #[command(
        after_help = "Examples:\n  anaplan-task completions bash > ~/.local/share/bash-completion/completions/anaplan-task\n  anaplan-task completions zsh > ~/.zfunc/_anaplan-task"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  anaplan-task man > anaplan-task.1 && man ./anaplan-task.1")]
    Man,
}

// The arguments of `validate`. (No doc comment: clap would take it for the
// subcommand's about text.)
#[derive(clap::Args)]
pub struct ValidateArgs {
    /// Files, folders or `-` (stdin). Folders are searched recursively.
    #[arg(default_value = "-")]
    pub paths: Vec<PathBuf>,
    /// How to report.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Report unknown fields and `values` keys as errors.
    #[arg(long)]
    pub strict: bool,
    /// Exit with status 1 when any document has a warning.
    #[arg(long)]
    pub deny_warnings: bool,
    #[arg(long, value_delimiter = ',', value_parser = gate::outcome_parser(), value_name = "OUTCOMES", help = gate::HELP)]
    pub fail_on: Vec<Outcome>,
    /// The call the captures came from: a bulk call checks the result's
    /// object id and dump flag, an ALM call (sync, comparison-report,
    /// summary-report) what its result has.
    #[arg(long, alias = "kind", value_enum)]
    pub call: Option<KindArg>,
    /// Report only documents with errors (or a refused outcome), only their
    /// errors, and no summary: the same in every format.
    #[arg(long, short)]
    pub quiet: bool,
    /// The largest document (or NDJSON line) read: bytes, or a size such
    /// as `64MiB` or `1GB`.
    #[arg(long, default_value = "64MiB", value_parser = input::parse_size)]
    pub max_size: u64,
    /// How to read stdin (and a pipe or device named): `auto` reads NDJSON
    /// when one of its first two non-blank lines is a JSON value by itself
    /// (or it is larger than --max-size before the end of the second), one
    /// document otherwise.
    #[arg(long, value_enum, default_value_t = StdinFormat::Auto)]
    pub stdin_format: StdinFormat,
    /// How many threads check documents (default: one per CPU): files at
    /// once, or the lines of an NDJSON stream. The report is the same
    /// whatever the number.
    #[arg(long, short, value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

// The arguments of `summarize`.
#[derive(clap::Args)]
pub struct SummarizeArgs {
    /// The response or poll log to show (`-` for stdin).
    pub path: PathBuf,
    /// The largest input read: bytes, or a size such as `64MiB` or `1GB`.
    #[arg(long, default_value = "64MiB", value_parser = input::parse_size)]
    pub max_size: u64,
    /// How to report.
    #[arg(long, value_enum, default_value_t = SummarizeFormat::Text)]
    pub format: SummarizeFormat,
    #[arg(long, value_delimiter = ',', value_parser = gate::outcome_parser(), value_name = "OUTCOMES", help = gate::HELP)]
    pub fail_on: Vec<Outcome>,
}

// The arguments of `dump`.
#[derive(clap::Args)]
pub struct DumpArgs {
    /// The dump file (`-` for stdin).
    pub path: PathBuf,
    /// How to report.
    #[arg(long, value_enum, default_value_t = DumpFormat::Text)]
    pub format: DumpFormat,
    /// How many of the most frequent messages to list.
    #[arg(long, default_value_t = DumpSummary::DEFAULT_TOP)]
    pub top: usize,
    /// The longest record (a row, in the file) read: bytes, or a size
    /// such as 64k or 1MiB; a longer one is reported and skipped.
    #[arg(long, default_value_t = DumpReader::<io::Empty>::DEFAULT_MAX_RECORD, value_parser = input::parse_record_size)]
    pub max_record: usize,
}

/// How `validate` reports. (The comment of each is its `--help` text.)
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `file:line:col: severity[code] path: message`, the line it points
    /// at with a caret under the value, then a summary.
    Text,
    /// `file:line:col: severity[code] path: message`, one line a finding
    /// (for editors' problem matchers and grep), then a summary.
    Concise,
    /// One JSON object per document.
    Json,
    /// GitHub Actions annotations.
    Github,
    /// One SARIF 2.1.0 log, for code-scanning views.
    Sarif,
}

/// How `summarize` reports.
#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
pub enum SummarizeFormat {
    /// A summary for a person.
    Text,
    /// One JSON object (a poll log: one per task, a line each); see the
    /// `anaplan_task::summary` module for its shape.
    Json,
}

/// How `dump` reports.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DumpFormat {
    /// A summary for a person.
    Text,
    /// One JSON object.
    Json,
}

/// `validate --call`: the call the captures came from, a bulk call or an
/// ALM one.
#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    Import,
    Export,
    Action,
    Process,
    Sync,
    ComparisonReport,
    SummaryReport,
}

impl KindArg {
    /// The bulk call, if it is one.
    pub fn bulk(self) -> Option<CallKind> {
        match self {
            KindArg::Import => Some(CallKind::Import),
            KindArg::Export => Some(CallKind::Export),
            KindArg::Action => Some(CallKind::Action),
            KindArg::Process => Some(CallKind::Process),
            KindArg::Sync | KindArg::ComparisonReport | KindArg::SummaryReport => None,
        }
    }

    /// The ALM call, if it is one.
    pub fn alm(self) -> Option<AlmCall> {
        match self {
            KindArg::Sync => Some(AlmCall::Sync),
            KindArg::ComparisonReport => Some(AlmCall::ComparisonReport),
            KindArg::SummaryReport => Some(AlmCall::SummaryReport),
            KindArg::Import | KindArg::Export | KindArg::Action | KindArg::Process => None,
        }
    }
}

/// `schema --body`: which body's schema.
#[derive(Clone, Copy, ValueEnum)]
pub enum SchemaArg {
    Status,
    Create,
    List,
    Chunks,
    Error,
    SummaryReport,
}

impl From<SchemaArg> for SchemaKind {
    fn from(body: SchemaArg) -> Self {
        match body {
            SchemaArg::Status => SchemaKind::TaskStatus,
            SchemaArg::Create => SchemaKind::CreateTask,
            SchemaArg::List => SchemaKind::TaskList,
            SchemaArg::Chunks => SchemaKind::ChunkList,
            SchemaArg::Error => SchemaKind::Error,
            SchemaArg::SummaryReport => SchemaKind::SummaryReport,
        }
    }
}
