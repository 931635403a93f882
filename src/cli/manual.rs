//! `anaplan-task completions` and `anaplan-task man`: a shell's completion
//! script and the manual page, both made from the command line's
//! definition (clap_complete and clap_mangen).

use std::io;

use clap::CommandFactory;

use super::args::Cli;
use super::output;

/// Prints the completion script of `shell`.
pub fn completions(shell: clap_complete::Shell) -> io::Result<()> {
    let mut text = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "anaplan-task", &mut text);
    output::print(&String::from_utf8_lossy(&text))
}

/// Prints the manual page (roff).
pub fn man() -> io::Result<()> {
    let mut text = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut text)?;
    output::print(&String::from_utf8_lossy(&text))
}
