//! The command's parts, apart from its arguments: finding captures in
//! folders, reading files and standard input within `--max-size`, writing
//! whole records however the run ends, the exit statuses, the outcome gate,
//! colours, the SARIF log and the `summarize` report.

pub mod color;
pub mod exit;
pub mod gate;
pub mod input;
pub mod output;
pub mod sarif;
pub mod summarize;
pub mod walk;
