//! The command's inputs and output, apart from what it reports: finding
//! captures in folders, reading files and standard input within
//! `--max-size`, and writing whole records however the run ends.

pub mod input;
pub mod output;
pub mod walk;
