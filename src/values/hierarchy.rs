//! [`HierarchyRowsProcessed`], and what its counts must satisfy: the
//! relations between them ([`RELATIONS`]) and the message the server sends
//! with them ([`SUCCESSFUL`], [`WARNINGS_FAILED`], [`IGNORED`]), both naming
//! the counts by field ([`Count`]).

use serde::{Deserialize, Serialize};

use super::engine::{Filled, KeySpec, Spec};
use super::typed::{Out, Typed};
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
/// numbers, `other` only when not empty. In this object form a missing key
/// reads as zero (in a `values` array a missing key is an error):
///
/// ```
/// # use anaplan_task::HierarchyRowsProcessed;
/// let mut rows = HierarchyRowsProcessed::new("Employees");
/// rows.success_row_count = 90;
/// let json = serde_json::to_string(&rows).unwrap();
/// assert!(json.starts_with(r#"{"hierarchyName":"Employees","successRowCount":90,"successCreateCount":0,"#));
/// assert_eq!(serde_json::from_str::<HierarchyRowsProcessed>(&json).unwrap(), rows);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[non_exhaustive]
pub struct HierarchyRowsProcessed {
    /// `hierarchyName`: the list imported into.
    #[serde(rename = "hierarchyName")]
    pub hierarchy_name: String,
    /// `successRowCount`: rows imported without warnings.
    #[serde(rename = "successRowCount")]
    pub success_row_count: u64,
    /// `successCreateCount`: of those, items created.
    #[serde(rename = "successCreateCount")]
    pub success_create_count: u64,
    /// `successUpdateCount`: of those, items updated.
    #[serde(rename = "successUpdateCount")]
    pub success_update_count: u64,
    /// `warningsRowCount`: rows imported with warnings.
    #[serde(rename = "warningsRowCount")]
    pub warnings_row_count: u64,
    /// `warningsCreateCount`: of those, items created.
    #[serde(rename = "warningsCreateCount")]
    pub warnings_create_count: u64,
    /// `warningsUpdateCount`: of those, items updated.
    #[serde(rename = "warningsUpdateCount")]
    pub warnings_update_count: u64,
    /// `failedCount`: rows rejected.
    #[serde(rename = "failedCount")]
    pub failed_count: u64,
    /// `ignoredCount`: rows ignored (they produce no dump).
    #[serde(rename = "ignoredCount")]
    pub ignored_count: u64,
    /// `totalRowCount`: all rows read.
    #[serde(rename = "totalRowCount")]
    pub total_row_count: u64,
    /// `totalCreateCount`: items created in all.
    #[serde(rename = "totalCreateCount")]
    pub total_create_count: u64,
    /// `totalUpdateCount`: items updated in all.
    #[serde(rename = "totalUpdateCount")]
    pub total_update_count: u64,
    /// `invalidCount`: rows found invalid.
    #[serde(rename = "invalidCount")]
    pub invalid_count: u64,
    /// `updatedCount`: items updated.
    #[serde(rename = "updatedCount")]
    pub updated_count: u64,
    /// `renamedCount`: items renamed (meaning not documented).
    #[serde(rename = "renamedCount")]
    pub renamed_count: u64,
    /// `createdCount`: items created.
    #[serde(rename = "createdCount")]
    pub created_count: u64,
    /// Pairs with other keys, in the order they came.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Pair>,
}

/// The known keys, in the crate's order: the name, then the counts in the
/// order of [`Count`].
const KEY_SPECS: [KeySpec; 16] = [
    KeySpec::text("hierarchyName"),
    KeySpec::count("successRowCount"),
    KeySpec::count("successCreateCount"),
    KeySpec::count("successUpdateCount"),
    KeySpec::count("warningsRowCount"),
    KeySpec::count("warningsCreateCount"),
    KeySpec::count("warningsUpdateCount"),
    KeySpec::count("failedCount"),
    KeySpec::count("ignoredCount"),
    KeySpec::count("totalRowCount"),
    KeySpec::count("totalCreateCount"),
    KeySpec::count("totalUpdateCount"),
    KeySpec::count("invalidCount"),
    KeySpec::count("updatedCount"),
    KeySpec::count("renamedCount"),
    KeySpec::count("createdCount"),
];

/// The counts, by field, in the crate's order: `counts()[Count::x]` is the
/// count `x` with its key, found at `KEY_SPECS[1 + Count::x as usize]`.
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Count {
    success_row_count,
    success_create_count,
    success_update_count,
    warnings_row_count,
    warnings_create_count,
    warnings_update_count,
    failed_count,
    ignored_count,
    total_row_count,
    total_create_count,
    total_update_count,
    invalid_count,
    updated_count,
    renamed_count,
    created_count,
}

/// The counts with their keys, as `counts()` gives them.
pub(crate) type Counts = [(&'static str, u64); 15];

/// `counts()[Count::x]` is the count `x` with its key.
impl std::ops::Index<Count> for Counts {
    type Output = (&'static str, u64);
    #[inline]
    fn index(&self, count: Count) -> &Self::Output {
        &self[count as usize]
    }
}

impl HierarchyRowsProcessed {
    /// The keys of `values`, in the crate's order.
    pub const KEYS: [&'static str; 16] = KeySpec::names(&KEY_SPECS);

    /// A detail for the named list with every count zero.
    pub fn new(hierarchy_name: impl Into<String>) -> Self {
        Self {
            hierarchy_name: hierarchy_name.into(),
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

    /// The 15 counts with their keys, in the crate's order.
    pub fn counts(&self) -> [(&'static str, u64); 15] {
        [
            ("successRowCount", self.success_row_count),
            ("successCreateCount", self.success_create_count),
            ("successUpdateCount", self.success_update_count),
            ("warningsRowCount", self.warnings_row_count),
            ("warningsCreateCount", self.warnings_create_count),
            ("warningsUpdateCount", self.warnings_update_count),
            ("failedCount", self.failed_count),
            ("ignoredCount", self.ignored_count),
            ("totalRowCount", self.total_row_count),
            ("totalCreateCount", self.total_create_count),
            ("totalUpdateCount", self.total_update_count),
            ("invalidCount", self.invalid_count),
            ("updatedCount", self.updated_count),
            ("renamedCount", self.renamed_count),
            ("createdCount", self.created_count),
        ]
    }
}

impl Typed for HierarchyRowsProcessed {
    const SPEC: &'static Spec = &Spec::new("hierarchyRowsProcessed", &KEY_SPECS, |key| {
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
    });

    fn build(f: &mut Filled) -> Self {
        let hierarchy_name = f.text(0);
        let count = |c: Count| f.count(1 + c as usize).unwrap_or(0);
        Self {
            hierarchy_name,
            success_row_count: count(Count::success_row_count),
            success_create_count: count(Count::success_create_count),
            success_update_count: count(Count::success_update_count),
            warnings_row_count: count(Count::warnings_row_count),
            warnings_create_count: count(Count::warnings_create_count),
            warnings_update_count: count(Count::warnings_update_count),
            failed_count: count(Count::failed_count),
            ignored_count: count(Count::ignored_count),
            total_row_count: count(Count::total_row_count),
            total_create_count: count(Count::total_create_count),
            total_update_count: count(Count::total_update_count),
            invalid_count: count(Count::invalid_count),
            updated_count: count(Count::updated_count),
            renamed_count: count(Count::renamed_count),
            created_count: count(Count::created_count),
            other: std::mem::take(&mut f.other),
        }
    }

    fn known<E>(&self, f: &mut dyn FnMut(&str, Out<'_>) -> Result<(), E>) -> Result<(), E> {
        f("hierarchyName", Out::Text(&self.hierarchy_name))?;
        for (key, n) in self.counts() {
            f(key, Out::Count(n))?;
        }
        Ok(())
    }

    fn other(&self) -> &[Pair] {
        &self.other
    }
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
