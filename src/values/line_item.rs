//! [`LineItemRowsProcessed`].

use serde::{Deserialize, Serialize};

use super::engine::{Filled, KeySpec, Spec};
use super::typed::{Out, Typed};
use super::{Pair, ValuesError};

/// The counts of one line item of a module import: `values` of the
/// `lineItemRowsProcessed` detail.
///
/// `ignoredCount` is sent only when it is not zero, and counts cells, so it
/// can exceed `rowCount`.
///
/// With serde: `{"lineItemName": ..., "rowCount": 12, "ignoredCount": 3}`,
/// `ignoredCount` only when present, `other` only when not empty.
///
/// ```
/// # use anaplan_task::LineItemRowsProcessed;
/// let values = ["lineItemName", "Sales", "rowCount", "12"].map(Some);
/// let rows = LineItemRowsProcessed::from_values(&values).unwrap().unwrap();
/// assert_eq!(serde_json::to_string(&rows).unwrap(), r#"{"lineItemName":"Sales","rowCount":12}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[non_exhaustive]
pub struct LineItemRowsProcessed {
    /// `lineItemName`: the line item imported into.
    #[serde(rename = "lineItemName")]
    pub line_item_name: String,
    /// `rowCount`: cells imported.
    #[serde(rename = "rowCount")]
    pub row_count: u64,
    /// `ignoredCount`: cells ignored; `None` when the key was absent (zero).
    #[serde(rename = "ignoredCount", skip_serializing_if = "Option::is_none")]
    pub ignored_count: Option<u64>,
    /// Pairs with other keys, in the order they came.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Pair>,
}

/// The known keys, in the crate's order.
const KEY_SPECS: [KeySpec; 3] = [
    KeySpec::text("lineItemName"),
    KeySpec::count("rowCount"),
    KeySpec::optional_count("ignoredCount"),
];

impl LineItemRowsProcessed {
    /// The keys of `values`, in the crate's order.
    pub const KEYS: [&'static str; 3] = KeySpec::names(&KEY_SPECS);

    /// A detail for the named line item with zero rows.
    pub fn new(line_item_name: impl Into<String>) -> Self {
        Self {
            line_item_name: line_item_name.into(),
            ..Self::default()
        }
    }

    /// Decodes a `values` array, keys in any order.
    ///
    /// An empty array decodes to `Ok(None)`: the server sent no data.
    pub fn from_values<S: AsRef<str>>(values: &[Option<S>]) -> Result<Option<Self>, ValuesError> {
        Typed::from_slice(values)
    }

    /// Encodes back to a `values` array: the known keys in the crate's
    /// order, then the other pairs in the order they came.
    pub fn to_values(&self) -> Vec<Option<String>> {
        Typed::to_values(self)
    }

    /// The counts sent, with their keys, in the crate's order: `rowCount`,
    /// then `ignoredCount` when it was sent.
    ///
    /// ```
    /// use anaplan_task::LineItemRowsProcessed;
    /// let mut rows = LineItemRowsProcessed::new("Sales");
    /// rows.row_count = 12;
    /// assert_eq!(rows.counts(), [("rowCount", 12)]);
    /// ```
    pub fn counts(&self) -> Vec<(&'static str, u64)> {
        let mut counts = vec![("rowCount", self.row_count)];
        counts.extend(self.ignored_count.map(|n| ("ignoredCount", n)));
        counts
    }

    /// Cells ignored, zero when the key was absent.
    pub fn ignored(&self) -> u64 {
        self.ignored_count.unwrap_or(0)
    }
}

impl Typed for LineItemRowsProcessed {
    const SPEC: &'static Spec = &Spec::new("lineItemRowsProcessed", &KEY_SPECS, |key| {
        Some(match key {
            "lineItemName" => 0,
            "rowCount" => 1,
            "ignoredCount" => 2,
            _ => return None,
        })
    });

    fn build(f: &mut Filled) -> Self {
        Self {
            line_item_name: f.text(0),
            row_count: f.count(1).unwrap_or(0),
            ignored_count: f.count(2),
            other: std::mem::take(&mut f.other),
        }
    }

    fn known<E>(&self, f: &mut dyn FnMut(&str, Out<'_>) -> Result<(), E>) -> Result<(), E> {
        f("lineItemName", Out::Text(&self.line_item_name))?;
        f("rowCount", Out::Count(self.row_count))?;
        if let Some(n) = self.ignored_count {
            f("ignoredCount", Out::Count(n))?;
        }
        Ok(())
    }

    fn other(&self) -> &[Pair] {
        &self.other
    }
}
