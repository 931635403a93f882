//! The list of typed structs: [`DetailValues`], which holds the `values`
//! of a detail as one of them (or as the raw array), and [`TypedKind`],
//! which names one before its array is read. Their `match`es are written
//! out, each over every variant, so that a new typed struct does not build
//! until each says what to do with it.

use serde::de::Deserializer;
use serde::ser::Serializer;

use super::engine::{Filled, Spec, decode_slice};
use super::typed::Typed;
use super::{ExportSucceeded, HierarchyRowsProcessed, LineItemRowsProcessed, Pair, ValuesError};

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
    HierarchyRowsProcessed(HierarchyRowsProcessed),
    /// `lineItemRowsProcessed`.
    LineItemRowsProcessed(LineItemRowsProcessed),
    /// `exportSucceeded`.
    ExportSucceeded(ExportSucceeded),
    /// Any other detail type, or an empty array: the entries as sent.
    Raw(Vec<Option<String>>),
}

impl DetailValues {
    /// The entries as they go on the wire.
    pub fn to_values(&self) -> Vec<Option<String>> {
        match self {
            Self::HierarchyRowsProcessed(v) => v.to_values(),
            Self::LineItemRowsProcessed(v) => v.to_values(),
            Self::ExportSucceeded(v) => v.to_values(),
            Self::Raw(v) => v.clone(),
        }
    }

    /// The pairs the typed struct did not know, in order; empty for `Raw`.
    pub fn other(&self) -> &[Pair] {
        match self {
            Self::HierarchyRowsProcessed(v) => &v.other,
            Self::LineItemRowsProcessed(v) => &v.other,
            Self::ExportSucceeded(v) => &v.other,
            Self::Raw(_) => &[],
        }
    }

    /// The number of entries on the wire.
    pub fn len(&self) -> usize {
        match self {
            Self::HierarchyRowsProcessed(v) => 2 * v.pair_count(),
            Self::LineItemRowsProcessed(v) => 2 * v.pair_count(),
            Self::ExportSucceeded(v) => 2 * v.pair_count(),
            Self::Raw(v) => v.len(),
        }
    }

    /// Whether the array on the wire is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The counts of a typed detail with their keys, in the crate's order:
    /// the pairs the struct's own `counts()` gives; none for an export
    /// (which has no counts) or an array the crate does not decode (`Raw`).
    ///
    /// ```
    /// use anaplan_task::{DetailValues, HierarchyRowsProcessed};
    /// let mut rows = HierarchyRowsProcessed::new("Employees");
    /// rows.failed_count = 2;
    /// let values = DetailValues::HierarchyRowsProcessed(rows.clone());
    /// assert_eq!(values.counts(), rows.counts());
    /// assert!(DetailValues::Raw(vec![]).counts().is_empty());
    /// ```
    pub fn counts(&self) -> Vec<(&'static str, u64)> {
        match self {
            Self::HierarchyRowsProcessed(v) => v.counts().to_vec(),
            Self::LineItemRowsProcessed(v) => v.counts(),
            Self::ExportSucceeded(_) | Self::Raw(_) => Vec::new(),
        }
    }

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

impl serde::Serialize for DetailValues {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::HierarchyRowsProcessed(v) => v.serialize_values(serializer),
            Self::LineItemRowsProcessed(v) => v.serialize_values(serializer),
            Self::ExportSucceeded(v) => v.serialize_values(serializer),
            Self::Raw(v) => serializer.collect_seq(v),
        }
    }
}

impl<'de> serde::Deserialize<'de> for DetailValues {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw: Vec<Option<String>> = serde::Deserialize::deserialize(deserializer)?;
        Ok(DetailValues::infer(raw))
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

/// Which typed struct a detail type decodes into.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum TypedKind {
    Hierarchy,
    LineItem,
    Export,
}

impl TypedKind {
    /// Every kind (a test checks the list against
    /// [`DetailCode::typed`](crate::DetailCode)).
    pub(crate) const ALL: [TypedKind; 3] = [Self::Hierarchy, Self::LineItem, Self::Export];

    /// The detail types whose `values` decode into the struct;
    /// [`DetailCode::typed`](crate::DetailCode) maps them back.
    #[cfg(any(test, feature = "schema"))]
    pub(crate) const fn codes(self) -> &'static [&'static str] {
        match self {
            Self::Hierarchy => &["hierarchyRowsProcessed", "hierarchyRowsProcessedWithFailures"],
            Self::LineItem => &["lineItemRowsProcessed"],
            Self::Export => &["exportSucceeded"],
        }
    }

    /// The keys of the struct.
    pub(crate) fn spec(self) -> &'static Spec {
        match self {
            Self::Hierarchy => HierarchyRowsProcessed::SPEC,
            Self::LineItem => LineItemRowsProcessed::SPEC,
            Self::Export => ExportSucceeded::SPEC,
        }
    }

    /// The struct built from a complete array, `Raw` for an empty one.
    pub(crate) fn build(self, filled: Option<&mut Filled>) -> DetailValues {
        let Some(f) = filled else {
            return DetailValues::Raw(Vec::new());
        };
        match self {
            Self::Hierarchy => DetailValues::HierarchyRowsProcessed(HierarchyRowsProcessed::build(f)),
            Self::LineItem => DetailValues::LineItemRowsProcessed(LineItemRowsProcessed::build(f)),
            Self::Export => DetailValues::ExportSucceeded(ExportSucceeded::build(f)),
        }
    }

    /// Decodes an array already in memory.
    pub(crate) fn decode_slice<S: AsRef<str>>(self, values: &[Option<S>]) -> Result<DetailValues, ValuesError> {
        Ok(self.build(decode_slice(self.spec(), values)?.as_mut()))
    }
}
