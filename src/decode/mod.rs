//! Reading a document from text: the crate's entry points. A document is
//! read first by the lean reader ([`crate::read`]), which gives up on
//! anything unusual, and then, only if it gave up, by serde_json tracking
//! the JSON path, which decides and explains what is wrong
//! ([`DecodeError`]).

pub(crate) mod error;

#[cfg(test)]
mod tests;

use std::marker::PhantomData;

use serde::de::DeserializeSeed;
use serde_path_to_error::Segment;

use crate::DecodeError;
use crate::locate::Seg;
use crate::read::{self, Cause, Direct};
use crate::values::{Deferred, ValuesError};

/// A body of the family, or one of its objects, that [`from_str`] and
/// [`from_slice`] read: [`Document`](crate::Document),
/// [`TaskResponse`](crate::TaskResponse), the other bodies, and the objects
/// inside them. Implemented by the crate's types only.
pub trait Decode: serde::de::DeserializeOwned + sealed::Sealed {}

pub(crate) mod sealed {
    /// Keeps [`Decode`](super::Decode) to the crate's types, whose reading
    /// it gives.
    pub trait Sealed: Sized {
        /// Reads one document from `json`; see [`crate::from_str`].
        fn decode_into(json: &str, slot: &mut Option<Self>) -> Result<(), crate::DecodeError>;
    }
}

/// Every wire type reads through the lean reader first; which of them are
/// [`Decode`] is said beside them, in the model.
impl<T: Direct> sealed::Sealed for T {
    fn decode_into(json: &str, slot: &mut Option<Self>) -> Result<(), DecodeError> {
        decode_into(json, slot)
    }
}

/// Reads one JSON document of the family from text into `T`, usually
/// [`Document`](crate::Document) (any body) or
/// [`TaskResponse`](crate::TaskResponse). `TaskResponse::from_str`,
/// `Document::from_str` and `str::parse` are this same reading.
///
/// The whole input must be one document: trailing characters other than
/// white space are an error. An error names the JSON path, the line and
/// column, and what was expected; for a malformed `values` array it
/// carries the typed [`ValuesError`].
///
/// ```
/// use anaplan_task::TaskResponse;
/// let json = r#"{"task":{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"COMPLETE",
///   "result":{"successful":true,"failureDumpAvailable":false,"details":[
///     {"type":"hierarchyRowsProcessed","values":["hierarchyName","Employees","failedCount","x"]}]}}}"#;
/// let err = anaplan_task::from_str::<TaskResponse>(json).unwrap_err();
/// assert_eq!(err.path(), "task.result.details[0].values[3]");
/// assert_eq!(err.message(), "count `failedCount` at index 3 is not a plain decimal: `x`");
/// assert_eq!(err.values_error().unwrap().code(), "count-not-decimal");
/// ```
pub fn from_str<T: Decode>(json: &str) -> Result<T, DecodeError> {
    let mut slot = None;
    T::decode_into(json, &mut slot)?;
    slot.ok_or_else(|| DecodeError::at_path(".".to_owned(), serde::de::Error::custom("no value was read")))
}

/// Reads one JSON document from bytes, which must be UTF-8 (a byte-order
/// mark is an error). See [`from_str`].
pub fn from_slice<T: Decode>(json: &[u8]) -> Result<T, DecodeError> {
    from_str(text_of(json)?)
}

/// [`from_str`], building the value in `slot` (left empty on error). The
/// first reading is lean and gives up on anything unusual; only then does
/// serde_json read the document, tracking the path to say where a problem
/// is.
fn decode_into<T: Direct>(json: &str, slot: &mut Option<T>) -> Result<(), DecodeError> {
    if read::direct_str_into(json, slot).is_err() {
        *slot = None;
        *slot = Some(precise(json)?);
    }
    Ok(())
}

/// [`from_slice`] into `slot` (left empty on error), for the validation pass.
pub(crate) fn decode_slice_into<T: Decode>(json: &[u8], slot: &mut Option<T>) -> Result<(), DecodeError> {
    T::decode_into(text_of(json)?, slot)
}

/// The text of a document given as bytes, which must be UTF-8 without a
/// byte-order mark.
fn text_of(json: &[u8]) -> Result<&str, DecodeError> {
    if json.starts_with(b"\xEF\xBB\xBF") {
        return Err(DecodeError::byte_order_mark());
    }
    // A capture saved in another Unicode encoding is named as such, not
    // as bytes that are not UTF-8.
    if let Some(err) = DecodeError::other_encoding(json) {
        return Err(err);
    }
    // The SIMD check says only whether the text is UTF-8; the standard
    // library's says where it is not.
    simdutf8::basic::from_utf8(json)
        .or_else(|_| std::str::from_utf8(json))
        .map_err(|e| DecodeError::from_utf8(json, e))
}

/// Reads a document tracking the JSON path, and noting the typed error
/// behind a failure where it arises ([`Cause`]).
#[cold]
fn precise<T: Direct>(json: &str) -> Result<T, DecodeError> {
    // Text and bytes give the same error for a byte-order mark (the lean
    // reader never accepts one, so this costs nothing on the usual path).
    if json.starts_with('\u{feff}') {
        return Err(DecodeError::byte_order_mark());
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let mut track = serde_path_to_error::Track::new();
    let cause = Cause::default();
    let seed = read::Noted::<T>(Some(&cause), PhantomData);
    match seed.deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track)) {
        Ok(value) => {
            de.end().map_err(|e| DecodeError::at_path(".".to_owned(), e))?;
            Ok(value)
        }
        Err(e) => {
            // `meta.schema` is consulted first: a body that names an object
            // of no body of the family is that, whatever else is wrong
            // with it.
            if e.classify() == serde_json::error::Category::Data {
                let mut probe = serde_json::Deserializer::from_str(json);
                if let Err(foreign) = serde_path_to_error::deserialize::<_, SchemaProbe>(&mut probe) {
                    if foreign.inner().to_string().starts_with(NOT_A_TASK_RESPONSE) {
                        return Err(DecodeError::from_json(foreign));
                    }
                }
            }
            let err = serde_path_to_error::Error::new(track.path(), e);
            Err(explain(json, err, cause.take()))
        }
    }
}

/// The error of a reading, with the typed error noted as its cause when it
/// is in a detail's `values`. An error raised at a detail whose `values`
/// came before its `type` ([`Deferred`]) is moved to where it would be had
/// `type` come first: the entry it is about, or the array's end.
fn explain(
    json: &str,
    err: serde_path_to_error::Error<serde_json::Error>,
    cause: Option<Box<dyn std::error::Error + Send + Sync>>,
) -> DecodeError {
    let (values, deferred) = match cause.map(|c| c.downcast::<ValuesError>().map_err(|c| c.downcast::<Deferred>())) {
        Some(Ok(values)) => (*values, false),
        Some(Err(Ok(deferred))) => (deferred.0, true),
        _ => return DecodeError::from_json(err),
    };
    let mut path = detail_path(&err);
    let explained = DecodeError::from_json(err).with_values_error(values);
    let (true, Some(mut path)) = (deferred, path.take()) else {
        return explained;
    };
    let entry = explained.values_error().and_then(ValuesError::entry_index);
    path.push(Seg::Key("values"));
    path.extend(entry.map(Seg::Index));
    match crate::locate::find_end(json.as_bytes(), &path) {
        Some(end) => explained.moved_into_values(entry, crate::locate::line_col(json.as_bytes(), end)),
        None => explained,
    }
}

/// The path of an error, as segments to find in the text.
fn detail_path(err: &serde_path_to_error::Error<serde_json::Error>) -> Option<Vec<Seg>> {
    err.path()
        .iter()
        .map(|seg| match seg {
            Segment::Seq { index } => Some(Seg::Index(*index)),
            Segment::Map { key } => Some(Seg::Field(key.clone())),
            _ => None,
        })
        .collect()
}

/// The objects that a `meta.schema` of the family names: the task bodies
/// (`task`; the ALM report tasks' `syncTask`; the ALM start calls'
/// `taskWithUrl`), the chunk list's `chunk` and the ALM summary report's
/// `summaryReport`.
pub(crate) const FAMILY_OBJECTS: [&str; 5] = ["task", "syncTask", "taskWithUrl", "chunk", "summaryReport"];

/// How the message of a body of no known kind starts.
const NOT_A_TASK_RESPONSE: &str = "not a task response";

/// The object a `meta.schema` URL names: the segment after `/objects/`.
pub(crate) fn schema_object(schema: &str) -> Option<&str> {
    // Nearly every body names a task: say so without a search.
    if schema.ends_with("/objects/task") {
        return Some("task");
    }
    let (_, after) = schema.rsplit_once("/objects/")?;
    let name = after.split(['/', '?', '#']).next().unwrap_or_default();
    (!name.is_empty()).then_some(name)
}

/// The refusal of a body whose `meta.schema` names `object`, of no body of
/// the family.
pub(crate) fn foreign_object<E: serde::de::Error>(object: &str) -> E {
    E::custom(format_args!(
        "{NOT_A_TASK_RESPONSE}: `meta.schema` names `{}` objects; the task family's bodies hold `task`, `syncTask`, `taskWithUrl`, `chunk` or `summaryReport` objects",
        crate::text::snippet(object)
    ))
}

/// A body's `meta.schema` alone, every other field skipped: read when the
/// body could not be, so that a body naming an object of no body of the
/// family is refused as such, at the end of the object as the reading
/// refuses it. Any other problem is left to the reading's own error.
struct SchemaProbe;

/// `meta` with only its `schema`.
#[derive(serde::Deserialize)]
struct ProbeMeta {
    schema: Option<String>,
}

impl<'de> serde::Deserialize<'de> for SchemaProbe {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = SchemaProbe;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<SchemaProbe, A::Error> {
                let mut schema = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "meta" && schema.is_none() {
                        schema = map.next_value::<ProbeMeta>()?.schema;
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                match schema.as_deref().and_then(schema_object) {
                    Some(object) if !FAMILY_OBJECTS.contains(&object) => Err(foreign_object(object)),
                    _ => Ok(SchemaProbe),
                }
            }
        }
        deserializer.deserialize_map(V)
    }
}
