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

mod count;
mod engine;
mod error;
mod export;
mod hierarchy;
mod line_item;
mod seed;
mod typed;

pub(crate) use count::parse_count;
#[cfg(any(test, feature = "schema"))]
pub(crate) use engine::Shape;
pub(crate) use engine::check_pairs;
use engine::{Filled, Spec, decode_slice};
pub use error::ValuesError;
pub(crate) use error::snippet;
pub use export::ExportSucceeded;
pub use hierarchy::HierarchyRowsProcessed;
pub use line_item::LineItemRowsProcessed;
pub(crate) use seed::{ValuesSeed, detail_values_error};
use typed::Typed;

use serde::de::Deserializer;
use serde::ser::Serializer;

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

/// The detail types whose `values` decode into a typed struct, with the
/// keys of that struct.
#[cfg(feature = "schema")]
pub(crate) const TYPED_DETAILS: [(&[&str], &Spec); 3] = [
    (
        &["hierarchyRowsProcessed", "hierarchyRowsProcessedWithFailures"],
        HierarchyRowsProcessed::SPEC,
    ),
    (&["lineItemRowsProcessed"], LineItemRowsProcessed::SPEC),
    (&["exportSucceeded"], ExportSucceeded::SPEC),
];

/// Which typed struct a detail type decodes into.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum TypedKind {
    Hierarchy,
    LineItem,
    Export,
}

impl TypedKind {
    fn spec(self) -> &'static Spec {
        match self {
            Self::Hierarchy => HierarchyRowsProcessed::SPEC,
            Self::LineItem => LineItemRowsProcessed::SPEC,
            Self::Export => ExportSucceeded::SPEC,
        }
    }

    fn build(self, filled: Option<&mut Filled>) -> DetailValues {
        match filled {
            None => DetailValues::Raw(Vec::new()),
            Some(f) => match self {
                Self::Hierarchy => DetailValues::HierarchyRowsProcessed(HierarchyRowsProcessed::build(f)),
                Self::LineItem => DetailValues::LineItemRowsProcessed(LineItemRowsProcessed::build(f)),
                Self::Export => DetailValues::ExportSucceeded(ExportSucceeded::build(f)),
            },
        }
    }

    /// Decodes an array already in memory.
    pub(crate) fn decode_slice<S: AsRef<str>>(self, values: &[Option<S>]) -> Result<DetailValues, ValuesError> {
        Ok(self.build(decode_slice(self.spec(), values)?.as_mut()))
    }
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

impl DetailValues {
    /// The typed struct whose exact encoding `raw` is, or `Raw`.
    fn infer(raw: Vec<Option<String>>) -> Self {
        for kind in [TypedKind::Hierarchy, TypedKind::LineItem, TypedKind::Export] {
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

/// `serverAlert` was present: `null` is `Some(None)`.
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Option<String>>, D::Error> {
    <Option<String> as serde::Deserialize>::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::engine::MAX_TEXTS;
    use super::*;

    #[test]
    fn counts_parse_like_the_standard_library() {
        for text in [
            "0",
            "7",
            "90",
            "1234567890123456789",
            "9999999999999999999",
            "18446744073709551615",
            "18446744073709551616",
            "00",
            "01",
            "-1",
            "-0",
            "",
            "1a",
            "+1",
            " 1",
            "1.0",
            "٣",
        ] {
            let plain = !text.starts_with('0') || text == "0";
            let expected = text.parse::<u64>().ok().filter(|_| plain && !text.starts_with('+'));
            assert_eq!(parse_count("k", 0, text).ok(), expected, "{text:?}");
        }
    }

    #[test]
    fn specs_find_every_key_and_put_text_first() {
        for spec in [
            HierarchyRowsProcessed::SPEC,
            LineItemRowsProcessed::SPEC,
            ExportSucceeded::SPEC,
        ] {
            for (i, k) in spec.keys.iter().enumerate() {
                assert_eq!((spec.index)(k.name), Some(i), "{}", k.name);
                let text = matches!(k.shape, Shape::Text | Shape::NullableText);
                assert_eq!(text, i < MAX_TEXTS && text, "{}: text keys come first", k.name);
            }
            assert_eq!((spec.index)("noSuchKey"), None);
        }
    }

    /// The quick reading tries the key after the last known one first, in
    /// place; it must read exactly what the pairs say, in any order.
    #[test]
    fn predicted_keys_read_like_any_others() {
        let kind = TypedKind::Hierarchy;
        let names: Vec<&str> = kind.spec().keys.iter().map(|k| k.name).collect();
        let pairs = |order: &[usize]| -> Vec<Option<String>> {
            order
                .iter()
                .flat_map(|&i| {
                    let value = if i == 0 {
                        "Employees".to_owned()
                    } else {
                        (i * 7).to_string()
                    };
                    [Some(names[i].to_owned()), Some(value)]
                })
                .collect()
        };
        let in_order: Vec<usize> = (0..names.len()).collect();
        let mut reversed = in_order.clone();
        reversed.reverse();
        let skipping: Vec<usize> = (0..names.len()).step_by(2).chain((1..names.len()).step_by(2)).collect();
        let mut cases: Vec<String> = [&in_order, &reversed, &skipping]
            .iter()
            .map(|order| serde_json::to_string(&pairs(order)).unwrap())
            .collect();
        let text = &cases[0].clone();
        // A known key again right after itself, and again later; an
        // unknown key between known ones; white space before a key; a key
        // with an escape; a key that the predicted one is a prefix of.
        cases.push(text.replacen(
            r#""successRowCount","7","#,
            r#""successRowCount","7","successRowCount","7","#,
            1,
        ));
        cases.push(text.replacen(r#""failedCount""#, r#""futureCount","1","failedCount""#, 1));
        cases.push(text.replacen(r#","successRowCount""#, r#", "successRowCount""#, 1));
        cases.push(text.replacen(r#""successRowCount""#, r#""success\u0052owCount""#, 1));
        cases.push(text.replacen(
            r#""successRowCount","7","#,
            r#""successRowCountX","7","successRowCount","7","#,
            1,
        ));
        // The predicted key already seen: a duplicate, refused.
        cases.push(text.replacen('[', r#"["successCreateCount","14","#, 1));
        for case in &cases {
            let raw: Vec<Option<String>> = serde_json::from_str(case).unwrap();
            let expected = kind.decode_slice(&raw).ok();
            let quick = ValuesSeed(Some(kind)).read_rest(case).ok();
            match quick {
                Some((values, used)) => {
                    assert_eq!(used, case.len(), "{case}");
                    assert_eq!(values, expected, "{case}");
                }
                // Giving up is allowed only where the slice reading fails.
                None => assert_eq!(expected, None, "{case}"),
            }
        }
    }
}
