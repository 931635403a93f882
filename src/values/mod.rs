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
//! [`DetailValues`], which holds one of them, and [`TypedKind`], which names
//! one, are in [`list`].
//!
//! # Adding a typed detail
//!
//! 1. A new file `values/<name>.rs` (copy `line_item.rs`): the struct, its
//!    `KEY_SPECS`, its `impl Typed` and its public `new`, `KEYS`,
//!    `from_values` and `to_values` (and whatever rules check its values,
//!    as `hierarchy.rs` has).
//! 2. Its `mod` and `pub use` lines below, and its name in the
//!    `pub use values::{...}` line of `lib.rs`, the crate root.
//! 3. In `values/list.rs`: its [`DetailValues`] variant, its [`TypedKind`]
//!    variant with the detail types whose `values` decode into it
//!    ([`TypedKind::codes`]), and its place in [`TypedKind::ALL`]. Every
//!    `match` on either enum in the library is exhaustive, so the compiler
//!    then names each place that must say what to do with it: the arms in
//!    `list.rs`, `Detail`'s accessors and `TaskResult::has_warnings` in
//!    `model/`, `validate/checks/details.rs` and `summary.rs`. The command,
//!    to which `DetailValues` is non-exhaustive, has a wildcard arm in
//!    `cli/summarize/text.rs` that clippy's `wildcard_enum_match_arm`
//!    reports until the variant is named there.
//! 4. [`DetailCode`](crate::DetailCode) in `model/detail.rs`: the detail
//!    type's variant, if new, and its arm in `DetailCode::typed`; a test
//!    checks that arm against [`TypedKind::ALL`] and its codes.

mod count;
mod engine;
mod error;
mod export;
pub(crate) mod hierarchy;
mod line_item;
mod list;
mod seed;
mod typed;

pub(crate) use count::parse_count;
#[cfg(feature = "schema")]
pub(crate) use engine::Shape;
pub(crate) use engine::check_pairs;
pub(crate) use error::Deferred;
pub use error::ValuesError;
pub use export::ExportSucceeded;
pub use hierarchy::HierarchyRowsProcessed;
pub use line_item::LineItemRowsProcessed;
pub use list::DetailValues;
pub(crate) use list::TypedKind;
pub(crate) use seed::ValuesSeed;

/// A key/value pair from `values` that the typed struct does not know,
/// kept as sent.
///
/// With serde it is `{"key": "...", "value": "..." or null}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

#[cfg(test)]
mod tests;
