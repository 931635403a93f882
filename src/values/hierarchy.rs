//! [`HierarchyRowsProcessed`], and what its counts must satisfy: the
//! relations between them ([`RELATIONS`]) and the message the server sends
//! with them ([`SUCCESSFUL`], [`WARNINGS_FAILED`], [`IGNORED`]), both naming
//! the counts by field ([`Count`]).

use super::declare::typed_detail;

typed_detail! {
    /// The counts of a list (hierarchy) import: `values` of the
    /// `hierarchyRowsProcessed` and `hierarchyRowsProcessedWithFailures` details.
    ///
    /// ```
    /// use anaplan_task::HierarchyRowsProcessed;
    /// let values = [
    ///     "failedCount", "2", "hierarchyName", "Employees", "successRowCount", "90",
    ///     "successCreateCount", "0", "successUpdateCount", "90", "warningsRowCount", "0",
    ///     "warningsCreateCount", "0", "warningsUpdateCount", "0", "ignoredCount", "5",
    ///     "totalRowCount", "97", "totalCreateCount", "0", "totalUpdateCount", "90",
    ///     "invalidCount", "0", "updatedCount", "90", "renamedCount", "90", "createdCount", "0",
    /// ].map(Some);
    /// let rows = HierarchyRowsProcessed::from_values(&values).unwrap().unwrap();
    /// assert_eq!(rows.hierarchy_name, "Employees");
    /// assert_eq!(rows.failed_count, 2);
    /// ```
    ///
    /// With serde (not on the wire, where [`DetailValues`](crate::DetailValues) writes the flat
    /// array) it is an object with the keys of `values` and the counts as
    /// numbers, `other` only when not empty; a missing key reads as zero:
    ///
    /// ```
    /// # use anaplan_task::HierarchyRowsProcessed;
    /// let mut rows = HierarchyRowsProcessed::new("Employees");
    /// rows.success_row_count = 90;
    /// let json = serde_json::to_string(&rows).unwrap();
    /// assert!(json.starts_with(r#"{"hierarchyName":"Employees","successRowCount":90,"successCreateCount":0,"#));
    /// assert_eq!(serde_json::from_str::<HierarchyRowsProcessed>(&json).unwrap(), rows);
    /// ```
    pub struct HierarchyRowsProcessed for "hierarchyRowsProcessed" {
        texts {
            /// the list imported into.
            hierarchy_name: "hierarchyName" => text,
        }
        counts {
            /// rows imported without warnings.
            success_row_count: "successRowCount" => count,
            /// of those, items created.
            success_create_count: "successCreateCount" => count,
            /// of those, items updated.
            success_update_count: "successUpdateCount" => count,
            /// rows imported with warnings.
            warnings_row_count: "warningsRowCount" => count,
            /// of those, items created.
            warnings_create_count: "warningsCreateCount" => count,
            /// of those, items updated.
            warnings_update_count: "warningsUpdateCount" => count,
            /// rows rejected.
            failed_count: "failedCount" => count,
            /// rows ignored (they produce no dump).
            ignored_count: "ignoredCount" => count,
            /// all rows read.
            total_row_count: "totalRowCount" => count,
            /// items created in all.
            total_create_count: "totalCreateCount" => count,
            /// items updated in all.
            total_update_count: "totalUpdateCount" => count,
            /// rows found invalid.
            invalid_count: "invalidCount" => count,
            /// items updated.
            updated_count: "updatedCount" => count,
            /// items renamed (meaning not documented).
            renamed_count: "renamedCount" => count,
            /// items created.
            created_count: "createdCount" => count,
        }
    }
    /// A detail for the named list with every count zero.
    fn new(hierarchy_name);
    /// The 15 counts with their keys, in the crate's order.
    fn counts();
}

/// The relations between hierarchy counts that hold in every known sample:
/// the sum of the left-hand counts equals the right-hand count.
pub(crate) const RELATIONS: [(&[Count], Count); 7] = {
    use Count::*;
    [
        (
            &[success_row_count, warnings_row_count, failed_count, ignored_count],
            total_row_count,
        ),
        (&[success_create_count, success_update_count], success_row_count),
        (&[warnings_create_count, warnings_update_count], warnings_row_count),
        (&[success_create_count, warnings_create_count], total_create_count),
        (&[success_update_count, warnings_update_count], total_update_count),
        (&[total_create_count], created_count),
        (&[total_update_count], updated_count),
    ]
};

/// One piece of the message the server sends with hierarchy counts.
pub(crate) enum Piece {
    Text(&'static str),
    /// The hierarchy's name.
    Name,
    Count(Count),
}

/// `Employees: 90 (0/90) rows successful`
pub(crate) const SUCCESSFUL: [Piece; 8] = [
    Piece::Name,
    Piece::Text(": "),
    Piece::Count(Count::success_row_count),
    Piece::Text(" ("),
    Piece::Count(Count::success_create_count),
    Piece::Text("/"),
    Piece::Count(Count::success_update_count),
    Piece::Text(") rows successful"),
];

/// `, 2 (1/1) rows has warnings, 3 failed`, in the form with failures.
pub(crate) const WARNINGS_FAILED: [Piece; 9] = [
    Piece::Text(", "),
    Piece::Count(Count::warnings_row_count),
    Piece::Text(" ("),
    Piece::Count(Count::warnings_create_count),
    Piece::Text("/"),
    Piece::Count(Count::warnings_update_count),
    Piece::Text(") rows has warnings, "),
    Piece::Count(Count::failed_count),
    Piece::Text(" failed"),
];

/// `, 5 ignored`
pub(crate) const IGNORED: [Piece; 3] = [
    Piece::Text(", "),
    Piece::Count(Count::ignored_count),
    Piece::Text(" ignored"),
];
