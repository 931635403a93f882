//! [`LineItemRowsProcessed`].

use super::declare::typed_detail;

typed_detail! {
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
    pub struct LineItemRowsProcessed for "lineItemRowsProcessed" {
        texts {
            /// the line item imported into.
            line_item_name: "lineItemName" => text,
        }
        counts {
            /// cells imported.
            row_count: "rowCount" => count,
            /// cells ignored; `None` when the key was absent (zero).
            ignored_count: "ignoredCount" => optional_count,
        }
    }
    /// A detail for the named line item with zero rows.
    fn new(line_item_name);
}

impl LineItemRowsProcessed {
    /// Cells ignored, zero when the key was absent.
    pub fn ignored(&self) -> u64 {
        self.ignored_count.unwrap_or(0)
    }
}
