//! The failure dump: the CSV file that describes the rows an import
//! rejected or imported with warnings, read as a stream.
//!
//! Every field is quoted, quotes are doubled. The header is `"_Status_"`,
//! the source columns, `"_Line_"` (the 1-based line in the source file) and
//! `"_Error_1_"`, `"_Error_2_"`, ... Status is `W` (warning) or `E` (error).
//! Older dumps have no `_Status_` column and may be tab-separated; the
//! reader tells by the header.
//!
//! The reader is bounded and loses nothing:
//!
//! - A record (a row, with all its fields) longer than
//!   [`DumpReader::DEFAULT_MAX_RECORD`] bytes in the file (or the limit given
//!   to [`DumpReader::with_max_record`]) is reported as
//!   [`DumpError::RecordTooLarge`] and skipped, without being held in memory;
//!   reading goes on. The reader holds at most about three times the limit,
//!   plus 8 bytes per column, whatever the input (the header may have at most
//!   [`DumpReader::MAX_COLUMNS`] fields).
//! - A field that is not UTF-8 is read as Windows-1252, which gives each byte
//!   a character of its own; the row names such fields in
//!   [`DumpRow::not_utf8`]. A dump repeats the user's source rows, whose
//!   encoding is often Latin-1 or Windows-1252.
//! - A row with another number of fields than the header, or a `_Line_`
//!   that is not a number, is an error naming the row; reading goes on. Only
//!   an I/O error ends the reading.
//!
//! ```
//! use anaplan_task::dump::{DumpReader, RowStatus};
//! let csv = "\"_Status_\",\"Column 1\",\"Parent\",\"Code\",\"_Line_\",\"_Error_1_\"\n\
//!            \"W\",\"Max Warren\",\",,\",\"\",\"151\",\"Invalid parent\"\n\
//!            \"E\",\"\",\"Parent\",\"Code\",\"11522\",\"Invalid name: Code\"\n";
//! let mut reader = DumpReader::new(csv.as_bytes())?;
//! assert_eq!(reader.source_columns(), ["Column 1", "Parent", "Code"]);
//! let row = reader.next().unwrap()?;
//! assert_eq!(row.status, Some(RowStatus::Warning));
//! assert_eq!(row.source_line, 151);
//! assert_eq!(row.column("Parent"), Some(",,"));
//! assert_eq!(row.errors, ["Invalid parent"]);
//! # Ok::<(), anaplan_task::dump::DumpError>(())
//! ```

use std::fmt;
use std::io::{self, BufReader, Read};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

mod records;
mod summary;

use records::{Next, Records};
pub use summary::{DumpSummary, ErrorCount, OtherMessages};

/// The status of a dump row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum RowStatus {
    /// `W`: imported with a warning.
    Warning,
    /// `E`: rejected.
    Error,
    /// Any other text, kept as sent.
    Other(String),
}

impl RowStatus {
    fn from_wire(s: &str) -> Self {
        match s {
            "W" => Self::Warning,
            "E" => Self::Error,
            other => Self::Other(other.to_owned()),
        }
    }

    /// `W`, `E` or the text sent.
    ///
    /// ```
    /// # use anaplan_task::dump::RowStatus;
    /// assert_eq!(RowStatus::Warning.as_str(), "W");
    /// assert_eq!(RowStatus::Other("X".into()).as_str(), "X");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            Self::Warning => "W",
            Self::Error => "E",
            Self::Other(s) => s,
        }
    }
}

impl fmt::Display for RowStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Why a dump, or one of its rows, could not be read. Row numbers count
/// data rows from 1; lines count lines of the dump file from 1 (the header
/// is line 1).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DumpError {
    /// Reading the input failed; the reading ends here.
    #[error("cannot read the dump at line {line}: {source}")]
    Io {
        /// The line of the dump file being read.
        line: u64,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
    /// The dump is empty: it has no header.
    #[error("the dump is empty: no header")]
    Empty,
    /// The header is longer than the record limit.
    #[error("the header is longer than {max} bytes")]
    HeaderTooLarge {
        /// The record limit, in bytes.
        max: usize,
    },
    /// The header has more than [`DumpReader::MAX_COLUMNS`] fields.
    #[error("the header has {fields} fields, more than the limit of 65536")]
    HeaderTooWide {
        /// Its fields.
        fields: u64,
    },
    /// The header has no `_Line_` column.
    #[error("the header has no `_Line_` column: {header}")]
    MissingLineColumn {
        /// The header, as read (cut to 64 characters).
        header: String,
    },
    /// A row is longer than the record limit; it was skipped.
    #[error("row {row} (line {line}): {bytes} bytes, more than the limit of {max}")]
    RecordTooLarge {
        /// The data row.
        row: u64,
        /// The line of the dump file where the row starts.
        line: u64,
        /// The row's length in the file, in bytes.
        bytes: u64,
        /// The record limit, in bytes.
        max: usize,
    },
    /// A row has another number of fields than the header.
    #[error("row {row} (line {line}): {found} fields, but the header has {expected}")]
    FieldCount {
        /// The data row.
        row: u64,
        /// The line of the dump file.
        line: u64,
        /// Fields in the header.
        expected: usize,
        /// Fields in the row.
        found: usize,
    },
    /// `_Line_` is not a line number.
    #[error("row {row} (line {line}): `_Line_` is not a line number: `{text}`")]
    BadLineNumber {
        /// The data row.
        row: u64,
        /// The line of the dump file.
        line: u64,
        /// The text sent (cut to 64 characters).
        text: String,
    },
}

/// One row of a dump.
///
/// With serde, an object of the public fields; a row read back from JSON
/// has no header, so [`DumpRow::column`] finds nothing in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The header names of the fields that were not UTF-8 and were read as
    /// Windows-1252, in header order; empty for a UTF-8 row.
    pub not_utf8: Vec<String>,
    #[serde(skip)]
    columns: Arc<[String]>,
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

/// Reads a dump row by row, holding one row at a time (at most the record
/// limit, see the [module docs](self)).
pub struct DumpReader<R: Read> {
    records: Records<BufReader<R>>,
    max_record: usize,
    header: Vec<String>,
    header_not_utf8: bool,
    status: Option<usize>,
    line: usize,
    errors: Vec<usize>,
    sources: Vec<usize>,
    columns: Arc<[String]>,
    row: u64,
    done: bool,
}

impl<R: Read> fmt::Debug for DumpReader<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DumpReader")
            .field("columns", &self.columns)
            .field("row", &self.row)
            .finish_non_exhaustive()
    }
}

/// Whether the header line is tab-separated: more tabs than commas outside
/// quotes.
fn tab_separated(first_line: &[u8]) -> bool {
    let (mut tabs, mut commas, mut quoted) = (0, 0, false);
    for &b in first_line {
        match b {
            b'"' => quoted = !quoted,
            b'\t' if !quoted => tabs += 1,
            b',' if !quoted => commas += 1,
            _ => {}
        }
    }
    tabs > commas
}

impl<R: Read> DumpReader<R> {
    /// The default record limit: 1 MiB. A record is a row with all its
    /// fields, as long as it is in the file.
    pub const DEFAULT_MAX_RECORD: usize = 1024 * 1024;
    /// The most fields a header may have.
    pub const MAX_COLUMNS: usize = 65_536;

    /// Reads the header of a dump, with the default record limit.
    ///
    /// # Errors
    ///
    /// [`DumpError::Io`], [`DumpError::Empty`], [`DumpError::HeaderTooLarge`],
    /// [`DumpError::HeaderTooWide`] or [`DumpError::MissingLineColumn`].
    ///
    /// ```
    /// # use anaplan_task::dump::{DumpError, DumpReader};
    /// assert!(matches!(DumpReader::new(&b""[..]), Err(DumpError::Empty)));
    /// ```
    pub fn new(reader: R) -> Result<Self, DumpError> {
        Self::with_max_record(reader, Self::DEFAULT_MAX_RECORD)
    }

    /// Reads the header of a dump; no record (the header included) may be
    /// longer than `max_record` bytes in the file.
    ///
    /// # Errors
    ///
    /// As [`DumpReader::new`].
    ///
    /// ```
    /// # use anaplan_task::dump::{DumpError, DumpReader};
    /// let csv = "\"_Status_\",\"Name\",\"_Line_\",\"_Error_1_\"\n\"W\",\"Ann\",\"7\",\"Invalid parent\"\n";
    /// let err = DumpReader::with_max_record(csv.as_bytes(), 16).unwrap_err();
    /// assert!(matches!(err, DumpError::HeaderTooLarge { .. }));
    /// ```
    pub fn with_max_record(reader: R, max_record: usize) -> Result<Self, DumpError> {
        let io = |source| DumpError::Io { line: 1, source };
        let mut buffered = BufReader::with_capacity(64 * 1024, reader);
        let head = std::io::BufRead::fill_buf(&mut buffered).map_err(io)?;
        let first = head.split(|&b| b == b'\n').next().unwrap_or(head);
        let delimiter = if tab_separated(first) { b'\t' } else { b',' };
        let mut records = Records::new(buffered, delimiter, max_record, Self::MAX_COLUMNS);
        // A header over the limit ends the reading where the limit is passed,
        // so that an endless input (`/dev/zero`) is refused at once.
        records.set_stop_over(true);
        let header = records.next().map_err(io)?;
        records.set_stop_over(false);
        match header {
            Next::End => return Err(DumpError::Empty),
            Next::TooLarge { .. } => return Err(DumpError::HeaderTooLarge { max: max_record }),
            Next::TooWide { fields, .. } => return Err(DumpError::HeaderTooWide { fields }),
            Next::Record { .. } => {}
        }
        // A row with more fields than the header is an error: its field
        // ends need not be kept.
        records.set_max_fields(records.len());
        let mut header_not_utf8 = false;
        let header: Vec<String> = (0..records.len())
            .map(|i| {
                let (text, utf8) = records::decode(records.field(i));
                header_not_utf8 |= !utf8;
                text
            })
            .collect();
        if header.is_empty() || (header.len() == 1 && header[0].is_empty()) {
            return Err(DumpError::Empty);
        }
        let line = header
            .iter()
            .position(|n| n == "_Line_")
            .ok_or_else(|| DumpError::MissingLineColumn {
                header: crate::values::snippet(&header.join(",")),
            })?;
        let status = header.iter().position(|n| n == "_Status_");
        let is_error = |n: &str| n.strip_prefix("_Error_").and_then(|r| r.strip_suffix('_')).is_some();
        let errors: Vec<usize> = (0..header.len()).filter(|&i| is_error(&header[i])).collect();
        let sources: Vec<usize> = (0..header.len())
            .filter(|&i| i != line && Some(i) != status && !errors.contains(&i))
            .collect();
        let columns: Arc<[String]> = sources.iter().map(|&i| header[i].clone()).collect();
        Ok(Self {
            records,
            max_record,
            header,
            header_not_utf8,
            status,
            line,
            errors,
            sources,
            columns,
            row: 0,
            done: false,
        })
    }

    /// The names of the source columns, in header order.
    ///
    /// ```
    /// # use anaplan_task::dump::{DumpError, DumpReader};
    /// let csv = "\"_Status_\",\"Name\",\"_Line_\",\"_Error_1_\"\n\"W\",\"Ann\",\"7\",\"Invalid parent\"\n";
    /// assert_eq!(DumpReader::new(csv.as_bytes())?.source_columns(), ["Name"]);
    /// # Ok::<(), DumpError>(())
    /// ```
    pub fn source_columns(&self) -> &[String] {
        &self.columns
    }

    /// Whether the dump has a `_Status_` column.
    ///
    /// ```
    /// # use anaplan_task::dump::{DumpError, DumpReader};
    /// let csv = "\"_Status_\",\"Name\",\"_Line_\",\"_Error_1_\"\n\"W\",\"Ann\",\"7\",\"Invalid parent\"\n";
    /// assert!(DumpReader::new(csv.as_bytes())?.has_status());
    /// # Ok::<(), DumpError>(())
    /// ```
    pub fn has_status(&self) -> bool {
        self.status.is_some()
    }

    /// Whether the header was not UTF-8 (and was read as Windows-1252).
    pub fn header_not_utf8(&self) -> bool {
        self.header_not_utf8
    }

    /// The record limit, in bytes.
    ///
    /// ```
    /// # use anaplan_task::dump::{DumpError, DumpReader};
    /// let csv = "\"_Status_\",\"Name\",\"_Line_\",\"_Error_1_\"\n\"W\",\"Ann\",\"7\",\"Invalid parent\"\n";
    /// assert_eq!(DumpReader::new(csv.as_bytes())?.max_record(), DumpReader::<&[u8]>::DEFAULT_MAX_RECORD);
    /// # Ok::<(), DumpError>(())
    /// ```
    pub fn max_record(&self) -> usize {
        self.max_record
    }

    fn read_row(&mut self) -> Result<Option<DumpRow>, DumpError> {
        let line = match self.records.next() {
            Ok(Next::End) => return Ok(None),
            Ok(Next::Record { line }) => line,
            Ok(Next::TooLarge { line, bytes }) => {
                self.row += 1;
                return Err(DumpError::RecordTooLarge {
                    row: self.row,
                    line,
                    bytes,
                    max: self.max_record,
                });
            }
            Ok(Next::TooWide { line, fields }) => {
                self.row += 1;
                return Err(DumpError::FieldCount {
                    row: self.row,
                    line,
                    expected: self.header.len(),
                    found: usize::try_from(fields).unwrap_or(usize::MAX),
                });
            }
            Err(source) => {
                return Err(DumpError::Io {
                    line: self.records.line(),
                    source,
                });
            }
        };
        self.row += 1;
        let r = &self.records;
        if r.len() != self.header.len() {
            return Err(DumpError::FieldCount {
                row: self.row,
                line,
                expected: self.header.len(),
                found: r.len(),
            });
        }
        let mut not_utf8 = Vec::new();
        let mut text = |i: usize| {
            let (text, utf8) = records::decode(r.field(i));
            if !utf8 {
                not_utf8.push(i);
            }
            text
        };
        let line_text = text(self.line);
        let source_line =
            crate::values::parse_count("_Line_", 0, &line_text).map_err(|_| DumpError::BadLineNumber {
                row: self.row,
                line,
                text: crate::values::snippet(&line_text),
            })?;
        let status = self.status.map(|i| RowStatus::from_wire(&text(i)));
        let values = self.sources.iter().map(|&i| text(i)).collect();
        let errors = self.errors.iter().map(|&i| text(i)).filter(|e| !e.is_empty()).collect();
        not_utf8.sort_unstable();
        Ok(Some(DumpRow {
            row: self.row,
            line,
            status,
            source_line,
            values,
            errors,
            not_utf8: not_utf8.into_iter().map(|i| self.header[i].clone()).collect(),
            columns: self.columns.clone(),
        }))
    }
}

impl<R: Read> Iterator for DumpReader<R> {
    type Item = Result<DumpRow, DumpError>;

    /// The next row. A malformed or too long row is an error naming it;
    /// reading goes on with the row after it, except after an I/O error,
    /// which ends the reading.
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.read_row() {
            Ok(Some(row)) => Some(Ok(row)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                if matches!(e, DumpError::Io { .. }) {
                    self.done = true;
                }
                Some(Err(e))
            }
        }
    }
}
