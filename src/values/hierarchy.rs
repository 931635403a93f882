//! [`HierarchyRowsProcessed`].

use super::engine::{Filled, KeySpec, Shape, Spec, count};
use super::typed::{Out, Typed, typed_api};
use super::{Pair, ValuesError};

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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct HierarchyRowsProcessed {
    /// `hierarchyName`: the list imported into.
    pub hierarchy_name: String,
    /// `successRowCount`: rows imported without warnings.
    pub success_row_count: u64,
    /// `successCreateCount`: of those, items created.
    pub success_create_count: u64,
    /// `successUpdateCount`: of those, items updated.
    pub success_update_count: u64,
    /// `warningsRowCount`: rows imported with warnings.
    pub warnings_row_count: u64,
    /// `warningsCreateCount`: of those, items created.
    pub warnings_create_count: u64,
    /// `warningsUpdateCount`: of those, items updated.
    pub warnings_update_count: u64,
    /// `failedCount`: rows rejected.
    pub failed_count: u64,
    /// `ignoredCount`: rows ignored (they produce no dump).
    pub ignored_count: u64,
    /// `totalRowCount`: all rows read.
    pub total_row_count: u64,
    /// `totalCreateCount`: items created in all.
    pub total_create_count: u64,
    /// `totalUpdateCount`: items updated in all.
    pub total_update_count: u64,
    /// `invalidCount`: rows found invalid.
    pub invalid_count: u64,
    /// `updatedCount`: items updated.
    pub updated_count: u64,
    /// `renamedCount`: items renamed (meaning not documented).
    pub renamed_count: u64,
    /// `createdCount`: items created.
    pub created_count: u64,
    /// Pairs with other keys, in the order they came.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Pair>,
}

pub(crate) const HIERARCHY_KEYS: [KeySpec; 16] = [
    KeySpec {
        name: "hierarchyName",
        shape: Shape::Text,
        required: true,
    },
    count("successRowCount"),
    count("successCreateCount"),
    count("successUpdateCount"),
    count("warningsRowCount"),
    count("warningsCreateCount"),
    count("warningsUpdateCount"),
    count("failedCount"),
    count("ignoredCount"),
    count("totalRowCount"),
    count("totalCreateCount"),
    count("totalUpdateCount"),
    count("invalidCount"),
    count("updatedCount"),
    count("renamedCount"),
    count("createdCount"),
];

impl HierarchyRowsProcessed {
    /// The keys of `values`, in the crate's order.
    pub const KEYS: [&'static str; 16] = {
        let mut keys = [""; 16];
        let mut i = 0;
        while i < 16 {
            keys[i] = HIERARCHY_KEYS[i].name;
            i += 1;
        }
        keys
    };

    /// A detail for the named list with every count zero.
    pub fn new(hierarchy_name: impl Into<String>) -> Self {
        Self {
            hierarchy_name: hierarchy_name.into(),
            ..Self::default()
        }
    }

    /// The 15 counts with their keys, in the crate's order.
    pub fn counts(&self) -> [(&'static str, u64); 15] {
        let c = [
            self.success_row_count,
            self.success_create_count,
            self.success_update_count,
            self.warnings_row_count,
            self.warnings_create_count,
            self.warnings_update_count,
            self.failed_count,
            self.ignored_count,
            self.total_row_count,
            self.total_create_count,
            self.total_update_count,
            self.invalid_count,
            self.updated_count,
            self.renamed_count,
            self.created_count,
        ];
        std::array::from_fn(|i| (HIERARCHY_KEYS[i + 1].name, c[i]))
    }
}

impl Typed for HierarchyRowsProcessed {
    const SPEC: &'static Spec = &Spec {
        detail: "hierarchyRowsProcessed",
        keys: &HIERARCHY_KEYS,
        index: |key| {
            Some(match key {
                "hierarchyName" => 0,
                "successRowCount" => 1,
                "successCreateCount" => 2,
                "successUpdateCount" => 3,
                "warningsRowCount" => 4,
                "warningsCreateCount" => 5,
                "warningsUpdateCount" => 6,
                "failedCount" => 7,
                "ignoredCount" => 8,
                "totalRowCount" => 9,
                "totalCreateCount" => 10,
                "totalUpdateCount" => 11,
                "invalidCount" => 12,
                "updatedCount" => 13,
                "renamedCount" => 14,
                "createdCount" => 15,
                _ => return None,
            })
        },
    };
    fn build(f: &mut Filled) -> Self {
        let c = |i| f.count(i).unwrap_or(0);
        Self {
            success_row_count: c(1),
            success_create_count: c(2),
            success_update_count: c(3),
            warnings_row_count: c(4),
            warnings_create_count: c(5),
            warnings_update_count: c(6),
            failed_count: c(7),
            ignored_count: c(8),
            total_row_count: c(9),
            total_create_count: c(10),
            total_update_count: c(11),
            invalid_count: c(12),
            updated_count: c(13),
            renamed_count: c(14),
            created_count: c(15),
            hierarchy_name: f.text(0),
            other: std::mem::take(&mut f.other),
        }
    }
    fn known<E>(&self, f: &mut dyn FnMut(&str, Out<'_>) -> Result<(), E>) -> Result<(), E> {
        f("hierarchyName", Out::Text(&self.hierarchy_name))?;
        for (k, n) in self.counts() {
            f(k, Out::Count(n))?;
        }
        Ok(())
    }
    fn other(&self) -> &[Pair] {
        &self.other
    }
}

typed_api!(HierarchyRowsProcessed);
