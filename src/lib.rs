#![doc = include_str!("lib.md")]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod fast;
mod locate;
mod wire;

mod chunk;
mod detail;
mod document;
mod envelope;
mod error;
mod ids;
mod outcome;
mod result;
mod state;
mod task;
mod traits;
mod values;

#[cfg(feature = "dump")]
pub mod dump;
pub mod endpoint;
pub mod ndjson;
pub mod poll;
pub mod summary;
pub mod validate;

#[cfg(feature = "schema")]
pub mod schema;

/// The `schemars` crate this crate's `schema` feature builds on, so that
/// [`schemars::JsonSchema`] and [`schemars::SchemaGenerator`] can be used
/// without a `schemars` line (of a matching version) in your manifest.
#[cfg(feature = "schema")]
pub use schemars;

pub use chunk::{Chunk, ChunkListResponse};
pub use detail::{Detail, DetailClass, DetailCode};
pub use document::{CreateTaskResponse, Document, DocumentKind, ErrorResponse, TaskListResponse, TaskSummary};
pub use envelope::{Meta, Paging, Status, TaskResponse};
pub use error::{DecodeError, ErrorCategory};
pub use ids::{ObjectId, ObjectKind, TaskId};
pub use outcome::Outcome;
pub use result::TaskResult;
pub use state::TaskState;
pub use task::{Progress, Task};
pub use traits::ParseEnumError;
pub use values::{DetailValues, ExportSucceeded, HierarchyRowsProcessed, LineItemRowsProcessed, Pair, ValuesError};

use serde::de::DeserializeOwned;

/// The README's Rust examples, compiled and run as doctests so that the
/// repository's front page cannot rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// Reads one JSON document of the family from text into `T` (any type of
/// this crate, usually [`Document`] or [`TaskResponse`]).
///
/// The whole input must be one document: trailing characters other than
/// white space are an error. An error names the JSON path, the line and
/// column, and what was expected.
///
/// ```
/// use anaplan_task::TaskResponse;
/// let json = r#"{"task":{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"COMPLETE",
///   "result":{"successful":true,"failureDumpAvailable":false,"details":[
///     {"type":"hierarchyRowsProcessed","values":["hierarchyName","Employees","failedCount","x"]}]}}}"#;
/// let err = anaplan_task::from_str::<TaskResponse>(json).unwrap_err();
/// assert_eq!(err.path(), "task.result.details[0].values[3]");
/// assert_eq!(err.message(), "count `failedCount` at index 3 is not a plain decimal: `x`");
/// ```
pub fn from_str<T: DeserializeOwned>(json: &str) -> Result<T, DecodeError> {
    // The first reading is lean and gives up on anything unusual; only then
    // does serde_json read the document, tracking the path to say where a
    // problem is.
    fast::from_str(json).or_else(|fast::Bail| precise(json))
}

/// [`from_str`] for the crate's own wire types, which its first reading
/// reads straight from the text.
pub(crate) fn decode<T: DeserializeOwned + fast::Direct>(json: &str) -> Result<T, DecodeError> {
    let mut slot = None;
    decode_into(json, &mut slot)?;
    match slot {
        Some(value) => Ok(value),
        None => precise(json),
    }
}

/// [`decode`], building the value in `slot` (left empty on error).
fn decode_into<T: DeserializeOwned + fast::Direct>(json: &str, slot: &mut Option<T>) -> Result<(), DecodeError> {
    if fast::direct_str_into(json, slot).is_err() {
        *slot = None;
        *slot = Some(precise(json)?);
    }
    Ok(())
}

/// [`from_slice`] for the crate's own wire types; see [`decode`].
pub(crate) fn decode_slice<T: DeserializeOwned + fast::Direct>(json: &[u8]) -> Result<T, DecodeError> {
    decode(text_of(json)?)
}

/// The text of a document given as bytes, which must be UTF-8 without a
/// byte-order mark.
fn text_of(json: &[u8]) -> Result<&str, DecodeError> {
    if json.starts_with(b"\xEF\xBB\xBF") {
        return Err(DecodeError::byte_order_mark());
    }
    // The SIMD check says only whether the text is UTF-8; the standard
    // library's says where it is not.
    simdutf8::basic::from_utf8(json)
        .or_else(|_| std::str::from_utf8(json))
        .map_err(|e| DecodeError::from_utf8(json, e))
}

/// [`decode_slice`], building the value in `slot` (left empty on error).
pub(crate) fn decode_slice_into<T: DeserializeOwned + fast::Direct>(
    json: &[u8],
    slot: &mut Option<T>,
) -> Result<(), DecodeError> {
    decode_into(text_of(json)?, slot)
}

/// Reads a document tracking the JSON path.
#[cold]
fn precise<T: DeserializeOwned>(json: &str) -> Result<T, DecodeError> {
    // Text and bytes give the same error for a byte-order mark (the lean
    // reader never accepts one, so this costs nothing on the usual path).
    if json.starts_with('\u{feff}') {
        return Err(DecodeError::byte_order_mark());
    }
    let mut de = serde_json::Deserializer::from_str(json);
    values::take_last();
    let value = serde_path_to_error::deserialize::<_, T>(&mut de)
        .map_err(|e| DecodeError::from_json(e).with_values_error(values::take_last()))?;
    de.end().map_err(|e| DecodeError::at_path(".".to_owned(), e))?;
    Ok(value)
}

/// Reads one JSON document from bytes, which must be UTF-8 (a byte-order
/// mark is an error). See [`from_str`].
pub fn from_slice<T: DeserializeOwned>(json: &[u8]) -> Result<T, DecodeError> {
    from_str(text_of(json)?)
}

impl TaskResponse {
    /// Reads a status response from JSON text. See [`from_str`].
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(json: &str) -> Result<Self, DecodeError> {
        decode(json)
    }

    /// Reads a status response from JSON bytes. See [`from_slice`].
    pub fn from_slice(json: &[u8]) -> Result<Self, DecodeError> {
        decode_slice(json)
    }

    /// The outcome of the task; see [`Outcome`].
    pub fn outcome(&self) -> Outcome {
        self.task.outcome()
    }
}
