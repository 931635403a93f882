//! String enums: the two macros that write every enum of the crate whose
//! values are texts, and [`ParseEnumError`].
//!
//! The convention: a string enum is written once, each value beside its
//! text, by one of two macros, and gets the same traits either way:
//!
//! - `as_str`, the text of a value;
//! - `FromStr`, which reads that text back;
//! - `Display`, which writes it, padded (so `{:<12}` aligns it);
//! - serde, as that text both ways.
//!
//! `str_enum!` writes a closed enum, such as [`Outcome`](crate::Outcome):
//! `FromStr` and serde refuse any other text with a [`ParseEnumError`] that
//! lists the texts accepted, and `ALL` holds every value. `wire_enum!`
//! writes an open enum that mirrors a wire string, such as
//! [`TaskState`](crate::TaskState): every value has a description, and
//! `Other(String)` keeps any other text as sent, so reading never fails on
//! an unknown value.
//!
//! Methods that map a value to something else than its text (a path
//! segment, an id prefix, a file name) are written by hand beside the enum.

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
        write!(
            f,
            "unknown {} `{}`: expected ",
            self.what,
            crate::text::snippet(&self.text)
        )?;
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

/// Writes a closed string enum: the enum (with the attributes and variant
/// documentation given), `ALL`, `as_str`, and `FromStr`, `Display`,
/// `Serialize` and `Deserialize` as that text.
///
/// ```text
/// str_enum! {
///     /// How serious a finding is.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
///     pub enum Severity as "severity" {
///         /// Worth knowing.
///         Info = "info",
///         /// The document is invalid.
///         Error = "error",
///     }
/// }
/// ```
///
/// `as "severity"` names the enum in a [`ParseEnumError`]. After it,
/// `, also Self::segment` makes `FromStr` (and serde) accept a second
/// spelling, the text of that `const fn(Self) -> &'static str`; errors
/// list only the texts of `as_str`.
///
/// The form `str_enum!(@parse Type, "what", [Type::A, Type::B])` writes
/// only `FromStr` and serde, for an enum whose `as_str` (a `const fn`) and
/// `Display` are written by hand.
macro_rules! str_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident as $what:literal $(, also $also:path)? {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )*
        }
    ) => {
        $(#[$meta])*
        $vis enum $ty {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $ty {
            /// Every value, in the order of declaration.
            pub const ALL: [$ty; [$($text),*].len()] = [$($ty::$variant),*];

            /// The value's text, as `Display`, `FromStr` and serde spell it:
            ///
            $( #[doc = concat!("- `", $text, "`")] )*
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $ty::$variant => $text, )*
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        $crate::enums::str_enum!(@parse $ty, $what, [$($ty::$variant),*] $(, also $also)?);
    };
    (@parse $ty:ty, $what:literal, [$($value:expr),* $(,)?] $(, also $also:path)?) => {
        impl std::str::FromStr for $ty {
            type Err = $crate::ParseEnumError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                const NAMES: &[&str] = &[$($value.as_str()),*];
                let values = [$($value),*];
                values
                    .into_iter()
                    .find(|v| v.as_str() == s)
                    $( .or_else(|| values.into_iter().find(|v| $also(*v) == s)) )?
                    .ok_or_else(|| $crate::ParseEnumError::new($what, s, NAMES))
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

        /// One of its texts, as serde writes it.
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({"type": "string", "enum": [$($value.as_str()),*]})
            }
        }
    };
}

/// Writes an open enum that mirrors a wire string: one variant per known
/// value, with its description, and `Other(String)` that keeps any other
/// text as sent; `KNOWN`, `from_wire`, `as_str`, `is_known`,
/// `description`, `FromStr` (never fails), `From<&str>` and `Display`.
///
/// ```text
/// wire_enum! {
///     /// The state of a task.
///     pub enum TaskState expecting "a task state", schema "The state of the task." {
///         Complete = "COMPLETE" => "The task has finished running.",
///     }
/// }
/// ```
///
/// With `expecting ..., schema ...`, it writes serde as the wire text too
/// (reading fails only on a value that is not a string, with a message that
/// says what was expected) and, with the `schema` feature, a `JsonSchema`
/// that lists the known values and allows any other string. With `serde
/// derived` instead, serde is left to the caller's own derive, for an enum
/// whose serde spelling is not its wire text.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident expecting $expecting:literal, schema $schema_desc:literal {
            $( $variant:ident = $wire:literal => $desc:literal, )*
        }
    ) => {
        $crate::enums::wire_enum! {
            $(#[$meta])*
            $vis enum $ty serde derived {
                $( $variant = $wire => $desc, )*
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        $crate::read::direct_via_serde!($ty);

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        Ok($ty::from_wire(v))
                    }
                }
                deserializer.deserialize_str(V)
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let known = [$(serde_json::json!({"const": $wire, "description": $desc})),*];
                let mut any_of: Vec<serde_json::Value> = known.into();
                any_of.push(serde_json::json!({
                    "type": "string",
                    "description": "A value not listed above, kept as sent."
                }));
                schemars::json_schema!({"type": "string", "description": $schema_desc, "anyOf": any_of})
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident serde derived {
            $( $variant:ident = $wire:literal => $desc:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        $vis enum $ty {
            $( #[doc = concat!("`", $wire, "`: ", $desc)] $variant, )*
            /// A value this crate does not know, kept exactly as sent.
            Other(String),
        }

        impl $ty {
            /// Every known value, in the order the crate documents them.
            pub const KNOWN: &'static [$ty] = &[$($ty::$variant),*];

            /// Reads a wire value; unknown text becomes `Other` and is kept.
            pub fn from_wire(s: &str) -> Self {
                match s {
                    $($wire => Self::$variant,)*
                    _ => Self::Other(s.to_owned()),
                }
            }

            /// The wire spelling.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)*
                    Self::Other(s) => s,
                }
            }

            /// Whether this is a value the crate knows (not `Other`).
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }

            /// What the value means, or `None` for an unknown value.
            pub fn description(&self) -> Option<&'static str> {
                match self {
                    $(Self::$variant => Some($desc),)*
                    Self::Other(_) => None,
                }
            }
        }

        impl std::str::FromStr for $ty {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::from_wire(s))
            }
        }

        impl From<&str> for $ty {
            fn from(s: &str) -> Self {
                Self::from_wire(s)
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
}

pub(crate) use str_enum;
pub(crate) use wire_enum;
