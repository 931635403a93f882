//! One row of a dump: [`DumpRow`] and its [`RowStatus`].

use std::sync::Arc;

use serde::{Deserialize, Serialize};

crate::enums::wire_enum! {
    /// The status of a dump row (`_Status_`): an open set.
    ///
    /// `as_str`, `Display` and `FromStr` use the text of the dump (`W`,
    /// `E`); serde writes the variant's name in lower case (`"warning"`,
    /// `"error"`, `{"other": "X"}`).
    ///
    /// ```
    /// # use anaplan_task::dump::RowStatus;
    /// assert_eq!(RowStatus::Warning.as_str(), "W");
    /// assert_eq!(RowStatus::Other("X".into()).as_str(), "X");
    /// assert_eq!("E".parse(), Ok(RowStatus::Error));
    /// assert_eq!(serde_json::to_string(&RowStatus::Warning).unwrap(), r#""warning""#);
    /// ```
    #[derive(Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(rename_all = "lowercase")]
    pub enum RowStatus serde derived {
        Warning = "W" => "imported with a warning.",
        Error = "E" => "rejected.",
    }
}

/// One row of a dump.
///
/// With serde, an object of the public fields; a row read back from JSON
/// has no header, so [`DumpRow::column`] finds nothing in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DumpRow {
    /// The data row, counted from 1.
    pub row: u64,
    /// The line of the dump file where the row starts, counted from 1 (the
    /// header is line 1).
    pub line: u64,
    /// `_Status_`; `None` in older dumps without that column.
    pub status: Option<RowStatus>,
    /// `_Line_`: the 1-based line of the source file.
    pub source_line: u64,
    /// The source columns, in header order.
    pub values: Vec<String>,
    /// The errors (`_Error_1_`, ...), empty cells left out.
    pub errors: Vec<String>,
    /// The header names of the fields that were not in the dump's
    /// encoding, in header order: not UTF-8, and read as Windows-1252; in
    /// a UTF-16 dump, not UTF-16, and read with U+FFFD in place of what was
    /// not. Empty for a row read as its encoding says.
    pub not_utf8: Vec<String>,
    /// The source columns' names, shared by every row of the dump.
    #[serde(skip)]
    pub(super) columns: Arc<[String]>,
}

impl DumpRow {
    /// The value of a source column, by header name.
    ///
    /// ```
    /// # use anaplan_task::dump::{DumpReader, RowStatus};
    /// let csv = "\"_Status_\",\"Name\",\"_Line_\",\"_Error_1_\"\n\"W\",\"Ann\",\"7\",\"Invalid parent\"\n";
    /// let row = DumpReader::new(csv.as_bytes())?.next().unwrap()?;
    /// assert_eq!((&row.status, row.column("Name"), row.column("Age")), (&Some(RowStatus::Warning), Some("Ann"), None));
    /// # Ok::<(), anaplan_task::dump::DumpError>(())
    /// ```
    pub fn column(&self, name: &str) -> Option<&str> {
        let i = self.columns.iter().position(|c| c == name)?;
        self.values.get(i).map(String::as_str)
    }

    /// The source columns with their values, in header order.
    ///
    /// ```
    /// # use anaplan_task::dump::DumpReader;
    /// let csv = "\"_Status_\",\"Name\",\"_Line_\",\"_Error_1_\"\n\"W\",\"Ann\",\"7\",\"Invalid parent\"\n";
    /// let row = DumpReader::new(csv.as_bytes())?.next().unwrap()?;
    /// assert_eq!(row.columns().collect::<Vec<_>>(), [("Name", "Ann")]);
    /// # Ok::<(), anaplan_task::dump::DumpError>(())
    /// ```
    pub fn columns(&self) -> impl Iterator<Item = (&str, &str)> {
        self.columns
            .iter()
            .map(String::as_str)
            .zip(self.values.iter().map(String::as_str))
    }
}
