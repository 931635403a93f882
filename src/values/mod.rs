//! The flat key/value array `details[].values`, and the typed structs it
//! decodes into.
//!
//! On the wire `values` alternates keys and values:
//! `["hierarchyName", "Employees", "successRowCount", "90", ...]`. Keys come
//! in any order, so they are matched by name; counts are decimal text. The
//! pairs go straight from the input into the typed struct (no intermediate
//! map): a repeated key, a missing key, a key without a value, a `null`
//! where text is required and a count that is not plain decimal each get
//! their own [`ValuesError`], naming the key, its index in the array and the
//! offending text. Keys the struct does not know are kept, in order, in its
//! `other` field.
//!
//! Each typed struct is written out in its own file: the struct, the table
//! of its keys (`KEY_SPECS`: each key's name, whether it is text, nullable
//! text or a count, whether it is required), and how it is built from the
//! values found and written back ([`typed::Typed`], whose module docs list
//! the kinds of field). The hierarchy's counts are also named by field
//! ([`hierarchy::Count`]), by which its relations and message template,
//! declared next to it, refer to them. The engine ([`engine`]) decodes any
//! struct from its keys; the streamed reading of a detail is in [`seed`].
//!
//! # Adding a typed detail
//!
//! Three places, no more:
//!
//! 1. A new file `values/<name>.rs` (copy `line_item.rs`): the struct, its
//!    `KEY_SPECS`, its `impl Typed` and its public `new`, `KEYS`,
//!    `from_values` and `to_values` (and whatever rules check its values,
//!    as `hierarchy.rs` has).
//! 2. Its line in the `typed_details!` list below: the struct, its file,
//!    its [`TypedKind`] and the detail types whose `values` decode into it.
//!    The module, the re-export at the crate root, the [`DetailValues`]
//!    variant and its dispatch, and the schema's table of keys
//!    (`TYPED_DETAILS`) follow from the list.
//! 3. [`DetailCode`](crate::DetailCode) in `model/detail.rs`: the detail
//!    type's variant, if new, and its arm in `DetailCode::typed`; a test
//!    checks that arm against the list.

mod count;
mod engine;
mod error;
mod list;
mod seed;
mod typed;

pub(crate) use count::parse_count;
#[cfg(feature = "schema")]
pub(crate) use engine::Shape;
pub(crate) use engine::check_pairs;
use engine::decode_slice;
pub use error::ValuesError;
use list::typed_details;
pub(crate) use seed::{ValuesSeed, detail_values_error};

use serde::de::Deserializer;

/// A key/value pair from `values` that the typed struct does not know,
/// kept as sent.
///
/// With serde it is `{"key": "...", "value": "..." or null}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Pair {
    /// The key.
    pub key: String,
    /// The value, `None` where the server sent `null`.
    pub value: Option<String>,
}

impl Pair {
    /// A pair with a text value.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            value: Some(value.into()),
        }
    }
}

typed_details! {
    /// The `values` of a detail: the decoded struct for the detail types the
    /// crate knows the keys of, the raw array for every other type.
    ///
    /// An empty array is kept as [`DetailValues::Raw`] whatever the type: the
    /// one public sample of `hierarchyRowsProcessedWithFailures` has
    /// `values: []`.
    ///
    /// With serde it is the flat array of the wire. Inside a [`Detail`](crate::Detail)
    /// the detail's `type` says which struct the array decodes into; read on
    /// its own, an array is the typed struct whose encoding it is exactly (its
    /// name key first, then its other keys in the crate's order, counts as
    /// plain decimals, as [`DetailValues::to_values`] writes them), and `Raw`
    /// otherwise. So every value reads back as itself, except a `Raw` array
    /// that is exactly such an encoding, which reads back typed.
    ///
    /// ```
    /// use anaplan_task::{DetailValues, LineItemRowsProcessed};
    /// let values: DetailValues = serde_json::from_str(r#"["lineItemName","Sales","rowCount","12"]"#).unwrap();
    /// let DetailValues::LineItemRowsProcessed(rows) = &values else { panic!() };
    /// assert_eq!(rows.row_count, 12);
    /// let raw: DetailValues = serde_json::from_str(r#"["rowCount","12","lineItemName","Sales"]"#).unwrap();
    /// assert!(matches!(raw, DetailValues::Raw(_)));
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum DetailValues {
        /// `hierarchyRowsProcessed` or `hierarchyRowsProcessedWithFailures`.
        HierarchyRowsProcessed in hierarchy as Hierarchy
            for ["hierarchyRowsProcessed", "hierarchyRowsProcessedWithFailures"],
        /// `lineItemRowsProcessed`.
        LineItemRowsProcessed in line_item as LineItem for ["lineItemRowsProcessed"],
        /// `exportSucceeded`.
        ExportSucceeded in export as Export for ["exportSucceeded"],
        // And last `Raw(Vec<Option<String>>)`, any other detail type.
    }
}

impl TypedKind {
    /// Decodes an array already in memory.
    pub(crate) fn decode_slice<S: AsRef<str>>(self, values: &[Option<S>]) -> Result<DetailValues, ValuesError> {
        Ok(self.build(decode_slice(self.spec(), values)?.as_mut()))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for DetailValues {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Values".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "array",
            "items": {"type": ["string", "null"]},
            "description": "A flat array of alternating keys and values: key, value, key, value. Keys come in any order; counts are decimal text; a value may be null."
        })
    }
}

impl<'de> serde::Deserialize<'de> for DetailValues {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw: Vec<Option<String>> = serde::Deserialize::deserialize(deserializer)?;
        Ok(DetailValues::infer(raw))
    }
}

impl DetailValues {
    /// The typed struct whose exact encoding `raw` is, or `Raw`.
    fn infer(raw: Vec<Option<String>>) -> Self {
        for kind in TypedKind::ALL {
            if raw.first().and_then(Option::as_deref) != Some(kind.spec().keys[0].name) {
                continue;
            }
            if let Ok(typed) = kind.decode_slice(&raw) {
                if typed.to_values() == raw {
                    return typed;
                }
            }
        }
        Self::Raw(raw)
    }
}

#[cfg(test)]
mod tests;
