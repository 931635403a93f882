//! The `anaplan-task` command, a module per job: `main` parses the command
//! line ([`args`]) and hands each subcommand to its module.

// The command line, and how the command ends.
pub mod args; // every subcommand, option and help text (clap)
pub mod exit; // the exit statuses; usage errors; output that cannot be written

// The subcommands.
pub mod dump; // `dump`: a failure dump's rows by status, and its frequent errors
pub mod manual; // `completions` and `man`: made from the command line's definition
pub mod schema; // `schema` and `docs`: the JSON Schemas and their Markdown
pub mod summarize; // `summarize`: one response, or each task's timeline in a poll log
pub mod validate; // `validate`: inputs read, checked (on threads), counted, reported

// What `validate` reports.
pub mod excerpt;
pub mod report; // the report formats: text, JSON, GitHub annotations, SARIF
pub mod tally; // the counts of a run: the summary line and the exit status
pub mod verdict; // what is reported of one document, and where it came from // the line a finding points at, drawn under it in the text report

// Shared by the subcommands.
pub mod color; // `--color` and the colour conventions of the environment
pub mod gate; // `--fail-on`: the outcomes that fail the run
pub mod gzip; // gzip captures, read as the bytes they hold
pub mod input; // reading files and standard input within `--max-size`
pub mod output; // standard output, written a whole record at a time
pub mod walk; // finding the captures in a folder
