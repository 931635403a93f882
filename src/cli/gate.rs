//! `--fail-on`: the outcomes of a task that fail the run.

use anaplan_task::Outcome;
use clap::builder::{PossibleValuesParser, TypedValueParser};

/// The outcomes refused by `--fail-on`; none by default.
#[derive(Clone, Debug, Default)]
pub struct Gate {
    refused: Vec<Outcome>,
}

impl Gate {
    /// A gate refusing these outcomes.
    pub fn new(refused: Vec<Outcome>) -> Self {
        Self { refused }
    }

    /// Whether `outcome` is refused.
    pub fn refuses(&self, outcome: Option<Outcome>) -> bool {
        outcome.is_some_and(|o| self.refused.contains(&o))
    }
}

/// The parser of one `--fail-on` value: an outcome's name, as
/// [`Outcome::as_str`] spells it (so `--help` lists them all).
pub fn outcome_parser() -> impl TypedValueParser<Value = Outcome> {
    PossibleValuesParser::new(Outcome::ALL.map(Outcome::as_str))
        .map(|s| s.parse::<Outcome>().expect("a possible value is an outcome"))
}

/// The help of `--fail-on`.
pub const HELP: &str = "Exit with status 3 when a task's outcome is one of these (comma-separated), \
and nothing worse happened; e.g. `--fail-on failed,cancelled`";
