//! The common traits of the crate's small string enums: `FromStr` with an
//! error type, and serde as their text.

use std::fmt;

/// Why a text is not one of the values of a string enum (such as
/// [`Outcome`](crate::Outcome) or [`Severity`](crate::validate::Severity)).
///
/// ```
/// use anaplan_task::{Outcome, ParseEnumError};
/// let err: ParseEnumError = "done".parse::<Outcome>().unwrap_err();
/// assert_eq!(err.text(), "done");
/// assert_eq!(
///     err.to_string(),
///     "unknown outcome `done`: expected pending, running, succeeded, succeeded-with-warnings, failed, cancelling, cancelled or unknown"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParseEnumError {
    what: &'static str,
    text: String,
    expected: &'static [&'static str],
}

impl ParseEnumError {
    pub(crate) fn new(what: &'static str, text: &str, expected: &'static [&'static str]) -> Self {
        Self {
            what,
            text: text.to_owned(),
            expected,
        }
    }

    /// The text that was read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The values that are accepted.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for ParseEnumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}`: expected ", self.what, self.text)?;
        for (i, e) in self.expected.iter().enumerate() {
            let sep = match i {
                0 => "",
                _ if i + 1 == self.expected.len() => " or ",
                _ => ", ",
            };
            write!(f, "{sep}{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseEnumError {}

/// Writes `FromStr` (through `as_str`), `Serialize` and `Deserialize` (as
/// that text) for a fieldless enum, given every variant and its name.
macro_rules! str_enum {
    ($ty:ty, $what:literal, [$($variant:expr),* $(,)?]) => {
        impl $ty {
            const PARSE_NAMES: &'static [&'static str] = &[$($variant.as_str()),*];
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::ParseEnumError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                [$($variant),*]
                    .into_iter()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| $crate::ParseEnumError::new($what, s, Self::PARSE_NAMES))
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

str_enum!(
    crate::Outcome,
    "outcome",
    [
        crate::Outcome::Pending,
        crate::Outcome::Running,
        crate::Outcome::Succeeded,
        crate::Outcome::SucceededWithWarnings,
        crate::Outcome::Failed,
        crate::Outcome::Cancelling,
        crate::Outcome::Cancelled,
        crate::Outcome::Unknown,
    ]
);

str_enum!(
    crate::DocumentKind,
    "document kind",
    [
        crate::DocumentKind::TaskStatus,
        crate::DocumentKind::CreateTask,
        crate::DocumentKind::TaskList,
        crate::DocumentKind::ChunkList,
        crate::DocumentKind::Error,
    ]
);

str_enum!(
    crate::validate::Severity,
    "severity",
    [
        crate::validate::Severity::Info,
        crate::validate::Severity::Warning,
        crate::validate::Severity::Error,
    ]
);

str_enum!(
    crate::ObjectKind,
    "object kind",
    [
        crate::ObjectKind::Import,
        crate::ObjectKind::File,
        crate::ObjectKind::Export,
        crate::ObjectKind::Action,
        crate::ObjectKind::Process,
        crate::ObjectKind::List,
        crate::ObjectKind::Module,
        crate::ObjectKind::Other,
    ]
);

str_enum!(
    crate::DetailClass,
    "detail class",
    [
        crate::DetailClass::Completion,
        crate::DetailClass::Failure,
        crate::DetailClass::DataError,
        crate::DetailClass::Unknown,
    ]
);

#[cfg(feature = "schema")]
str_enum!(
    crate::schema::SchemaKind,
    "schema",
    [
        crate::schema::SchemaKind::TaskStatus,
        crate::schema::SchemaKind::CreateTask,
        crate::schema::SchemaKind::TaskList,
        crate::schema::SchemaKind::ChunkList,
        crate::schema::SchemaKind::Error,
    ]
);

/// Reads a status response from JSON text, as [`crate::from_str`] does.
///
/// ```
/// use anaplan_task::{Outcome, TaskResponse};
/// let json = include_str!("../../tests/fixtures/valid/seed.json");
/// let response: TaskResponse = json.parse()?;
/// assert_eq!(response.outcome(), Outcome::Succeeded);
/// # Ok::<(), anaplan_task::DecodeError>(())
/// ```
impl std::str::FromStr for crate::TaskResponse {
    type Err = crate::DecodeError;
    fn from_str(json: &str) -> Result<Self, Self::Err> {
        crate::decode::decode(json)
    }
}

/// Reads any document of the family from JSON text, as
/// [`Document::from_str`](crate::Document::from_str) does.
///
/// ```
/// use anaplan_task::{Document, DocumentKind};
/// let doc: Document = r#"{"status": {"code": 404, "message": "Not Found"}}"#.parse()?;
/// assert_eq!(doc.kind(), DocumentKind::Error);
/// # Ok::<(), anaplan_task::DecodeError>(())
/// ```
impl std::str::FromStr for crate::Document {
    type Err = crate::DecodeError;
    fn from_str(json: &str) -> Result<Self, Self::Err> {
        crate::Document::from_str(json)
    }
}

#[cfg(feature = "schema")]
impl fmt::Display for crate::schema::SchemaKind {
    /// The name used on the command line, as [`as_str`](crate::schema::SchemaKind::as_str).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}
