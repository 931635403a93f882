//! [`ValuesError`]: why a `values` array could not be decoded.

use crate::codes::Code;
use crate::read::Cause;
use serde::de::{self};

/// Why a `values` array could not be decoded into its typed struct.
///
/// Every message names the key, its index in the array and the offending
/// text (cut to 64 characters).
///
/// ```
/// use anaplan_task::{HierarchyRowsProcessed, ValuesError};
/// let err = HierarchyRowsProcessed::from_values(&[Some("hierarchyName"), Some("Employees"), Some("failedCount")])
///     .unwrap_err();
/// assert_eq!(err.to_string(), "odd number of entries (3): key `failedCount` at index 2 has no value");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValuesError {
    /// The array has an odd number of entries: its last key has no value.
    #[error("odd number of entries ({len}): key `{key}` at index {index} has no value")]
    OddLength {
        /// Length of the array.
        len: usize,
        /// The last key.
        key: String,
        /// Its index.
        index: usize,
    },
    /// A key appears twice.
    #[error("duplicate key `{key}` at index {index} (first at index {first})")]
    DuplicateKey {
        /// The key.
        key: String,
        /// Index of the second occurrence.
        index: usize,
        /// Index of the first occurrence.
        first: usize,
    },
    /// A key the typed struct requires is absent.
    #[error("missing key `{key}` required by {detail}")]
    MissingKey {
        /// The key.
        key: &'static str,
        /// The detail type that requires it.
        detail: &'static str,
    },
    /// A key position holds `null`.
    #[error("null key at index {index}, expected a key string")]
    NullKey {
        /// Index of the `null`.
        index: usize,
    },
    /// A key that needs text (a name or a count) has a `null` value.
    #[error("null value for key `{key}` at index {index}, expected text")]
    NullValue {
        /// The key.
        key: &'static str,
        /// Index of the `null`.
        index: usize,
    },
    /// A count is not plain decimal digits (no sign, space, point or leading zero).
    #[error("count `{key}` at index {index} is not a plain decimal: `{text}`")]
    NotDecimal {
        /// The key.
        key: &'static str,
        /// Index of the value.
        index: usize,
        /// The text sent.
        text: String,
    },
    /// A count is below zero (`-0` is [`NotDecimal`](Self::NotDecimal)).
    #[error("count `{key}` at index {index} is negative: `{text}`")]
    NegativeCount {
        /// The key.
        key: &'static str,
        /// Index of the value.
        index: usize,
        /// The text sent.
        text: String,
    },
    /// A count does not fit in 64 bits.
    #[error("count `{key}` at index {index} does not fit in 64 bits: `{text}`")]
    CountOverflow {
        /// The key.
        key: &'static str,
        /// Index of the value.
        index: usize,
        /// The text sent.
        text: String,
    },
}

impl ValuesError {
    /// The finding code of the error, as the validator reports it:
    /// `values-odd-length`, `values-duplicate-key`, `values-missing-key`,
    /// `values-null-key`, `values-null-value`, `count-not-decimal`,
    /// `count-negative` or `count-overflow`.
    pub fn code(&self) -> Code {
        match self {
            Self::OddLength { .. } => Code::ValuesOddLength,
            Self::DuplicateKey { .. } => Code::ValuesDuplicateKey,
            Self::MissingKey { .. } => Code::ValuesMissingKey,
            Self::NullKey { .. } => Code::ValuesNullKey,
            Self::NullValue { .. } => Code::ValuesNullValue,
            Self::NotDecimal { .. } => Code::CountNotDecimal,
            Self::NegativeCount { .. } => Code::CountNegative,
            Self::CountOverflow { .. } => Code::CountOverflow,
        }
    }
}

impl ValuesError {
    /// The index of the entry the error is about (the key or value that is
    /// wrong), or `None` when it is about the array as a whole (an odd
    /// length, a missing key).
    pub(crate) fn entry_index(&self) -> Option<usize> {
        match self {
            Self::OddLength { .. } | Self::MissingKey { .. } => None,
            Self::DuplicateKey { index, .. }
            | Self::NullKey { index }
            | Self::NullValue { index, .. }
            | Self::NotDecimal { index, .. }
            | Self::NegativeCount { index, .. }
            | Self::CountOverflow { index, .. } => Some(*index),
        }
    }
}

impl From<&ValuesError> for Code {
    /// [`ValuesError::code`].
    fn from(e: &ValuesError) -> Self {
        e.code()
    }
}

/// Turns a `values` error into a deserializer error with its message,
/// noting the typed error in `cause` when the reading keeps it, so that
/// [`crate::DecodeError`] carries it.
pub(crate) fn raise<E: de::Error>(cause: Option<&Cause>, e: ValuesError) -> E {
    let error = E::custom(&e);
    if let Some(cause) = cause {
        cause.note(e);
    }
    error
}

/// A `values` error of a detail whose `values` came before its `type`:
/// raised at the detail once its type is known, as the cause noted.
#[derive(Debug, thiserror::Error)]
#[error("values: {0}")]
pub(crate) struct Deferred(pub(crate) ValuesError);
