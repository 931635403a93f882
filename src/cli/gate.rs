//! `--fail-on`: the outcomes of a task that fail the run.

use anaplan_task::{DocumentKind, Outcome};
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

    /// Whether a document is refused: its task's outcome is one of the
    /// refused ones, or, when any outcome is refused, it is an error body
    /// (the call failed, so there is no outcome to let through).
    pub fn refuses(&self, outcome: Option<Outcome>, kind: Option<DocumentKind>) -> bool {
        !self.refused.is_empty()
            && (kind == Some(DocumentKind::Error) || outcome.is_some_and(|o| self.refused.contains(&o)))
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
and nothing worse happened; e.g. `--fail-on failed,cancelled`. An error body (a 4xx answer) is refused \
whenever --fail-on is given";
