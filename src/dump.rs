//! The failure dump: the CSV file that describes the rows an import
//! rejected or imported with warnings, read as a stream.
//!
//! Every field is quoted, quotes are doubled. The header is `"_Status_"`,
//! the source columns, `"_Line_"` (the 1-based line in the source file) and
//! `"_Error_1_"`, `"_Error_2_"`, ... Status is `W` (warning) or `E` (error).
//! Older dumps have no `_Status_` column and may be tab-separated; the
//! reader tells by the header.
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
use std::io::{BufRead, BufReader, Read};

use serde::Serialize;

/// The status of a dump row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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
        f.write_str(self.as_str())
    }
}

/// Why a dump could not be read. Row numbers count data rows from 1; lines
/// count lines of the dump file from 1 (the header is line 1).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DumpError {
    /// The CSV itself is broken, or could not be read.
    #[error("line {line}: {message}")]
    Csv {
        /// The line of the dump file.
        line: u64,
        /// What the CSV reader said.
        message: String,
    },
    /// The dump is empty: it has no header.
    #[error("the dump is empty: no header")]
    Empty,
    /// The header has no `_Line_` column.
    #[error("the header has no `_Line_` column: {header}")]
    MissingLineColumn {
        /// The header, as read.
        header: String,
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
        /// The text sent.
        text: String,
    },
}

/// One row of a dump.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DumpRow {
    /// The data row, counted from 1.
    pub row: u64,
    /// `_Status_`; `None` in older dumps without that column.
    pub status: Option<RowStatus>,
    /// `_Line_`: the 1-based line of the source file.
    pub source_line: u64,
    /// The source columns, in header order.
    pub values: Vec<String>,
    /// The errors (`_Error_1_`, ...), empty cells left out.
    pub errors: Vec<String>,
    #[serde(skip)]
    columns: std::sync::Arc<[String]>,
}

impl DumpRow {
    /// The value of a source column, by header name.
    pub fn column(&self, name: &str) -> Option<&str> {
        let i = self.columns.iter().position(|c| c == name)?;
        self.values.get(i).map(String::as_str)
    }

    /// The source columns with their values, in header order.
    pub fn columns(&self) -> impl Iterator<Item = (&str, &str)> {
        self.columns
            .iter()
            .map(String::as_str)
            .zip(self.values.iter().map(String::as_str))
    }
}

/// Reads a dump row by row, without holding it in memory.
pub struct DumpReader<R: Read> {
    csv: csv::Reader<BufReader<R>>,
    width: usize,
    status: Option<usize>,
    line: usize,
    errors: Vec<usize>,
    sources: Vec<usize>,
    columns: std::sync::Arc<[String]>,
    record: csv::StringRecord,
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

fn csv_error(e: &csv::Error) -> DumpError {
    DumpError::Csv {
        line: e.position().map_or(0, csv::Position::line),
        message: match e.kind() {
            csv::ErrorKind::Utf8 { err, .. } => format!("invalid UTF-8 in field {}", err.field() + 1),
            csv::ErrorKind::Io(io) => io.to_string(),
            _ => e.to_string(),
        },
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
    /// Reads the header of a dump.
    pub fn new(reader: R) -> Result<Self, DumpError> {
        let mut buffered = BufReader::with_capacity(64 * 1024, reader);
        let head = buffered.fill_buf().map_err(|e| DumpError::Csv {
            line: 1,
            message: e.to_string(),
        })?;
        let first = head.split(|&b| b == b'\n').next().unwrap_or(head);
        let delimiter = if tab_separated(first) { b'\t' } else { b',' };
        let mut csv = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(true)
            .flexible(true)
            .from_reader(buffered);
        let header = csv.headers().map_err(|e| csv_error(&e))?.clone();
        if header.is_empty() || (header.len() == 1 && header[0].is_empty()) {
            return Err(DumpError::Empty);
        }
        let name = |i: usize| header.get(i).unwrap_or("");
        let line = (0..header.len())
            .find(|&i| name(i) == "_Line_")
            .ok_or_else(|| DumpError::MissingLineColumn {
                header: crate::values::snippet(&header.iter().collect::<Vec<_>>().join(",")),
            })?;
        let status = (0..header.len()).find(|&i| name(i) == "_Status_");
        let is_error = |n: &str| n.strip_prefix("_Error_").and_then(|r| r.strip_suffix('_')).is_some();
        let errors: Vec<usize> = (0..header.len()).filter(|&i| is_error(name(i))).collect();
        let sources: Vec<usize> = (0..header.len())
            .filter(|&i| i != line && Some(i) != status && !errors.contains(&i))
            .collect();
        let columns: std::sync::Arc<[String]> = sources.iter().map(|&i| name(i).to_owned()).collect();
        Ok(Self {
            width: header.len(),
            csv,
            status,
            line,
            errors,
            sources,
            columns,
            record: csv::StringRecord::new(),
            row: 0,
            done: false,
        })
    }

    /// The names of the source columns, in header order.
    pub fn source_columns(&self) -> &[String] {
        &self.columns
    }

    /// Whether the dump has a `_Status_` column.
    pub fn has_status(&self) -> bool {
        self.status.is_some()
    }

    fn read_row(&mut self) -> Result<Option<DumpRow>, DumpError> {
        if !self.csv.read_record(&mut self.record).map_err(|e| csv_error(&e))? {
            return Ok(None);
        }
        self.row += 1;
        let line = self.record.position().map_or(0, csv::Position::line);
        let r = &self.record;
        if r.len() != self.width {
            return Err(DumpError::FieldCount {
                row: self.row,
                line,
                expected: self.width,
                found: r.len(),
            });
        }
        let text = r.get(self.line).unwrap_or("");
        let source_line = crate::values::parse_count("_Line_", 0, text).map_err(|_| DumpError::BadLineNumber {
            row: self.row,
            line,
            text: crate::values::snippet(text),
        })?;
        Ok(Some(DumpRow {
            row: self.row,
            status: self.status.map(|i| RowStatus::from_wire(r.get(i).unwrap_or(""))),
            source_line,
            values: self
                .sources
                .iter()
                .map(|&i| r.get(i).unwrap_or("").to_owned())
                .collect(),
            errors: self
                .errors
                .iter()
                .filter_map(|&i| r.get(i))
                .filter(|e| !e.is_empty())
                .map(str::to_owned)
                .collect(),
            columns: self.columns.clone(),
        }))
    }
}

impl<R: Read> Iterator for DumpReader<R> {
    type Item = Result<DumpRow, DumpError>;

    /// The next row. A malformed row is an error naming it; reading goes on
    /// with the row after it, except after a broken CSV stream, which ends
    /// the reading.
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
                if matches!(e, DumpError::Csv { .. }) {
                    self.done = true;
                }
                Some(Err(e))
            }
        }
    }
}

/// One error message of a dump, with how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ErrorCount {
    /// The message.
    pub message: String,
    /// Rows that carry it.
    pub rows: u64,
    /// The first source lines that carry it (at most [`DumpSummary::SAMPLE_LINES`]).
    pub first_lines: Vec<u64>,
}

/// What a dump holds, counted in one pass.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct DumpSummary {
    /// Rows read.
    pub rows: u64,
    /// Rows with status `W`.
    pub warnings: u64,
    /// Rows with status `E`.
    pub errors: u64,
    /// Rows without a status, or with another one.
    pub other: u64,
    /// The error messages, most frequent first (ties in order of first
    /// appearance).
    pub messages: Vec<ErrorCount>,
    /// The rows that could not be read, as messages naming them.
    pub problems: Vec<String>,
    #[serde(skip)]
    index: std::collections::BTreeMap<String, usize>,
}

impl DumpSummary {
    /// How many source lines each message keeps.
    pub const SAMPLE_LINES: usize = 5;

    /// Reads a whole dump and counts it. A malformed row is counted among
    /// `problems` and reading goes on.
    pub fn read<R: Read>(reader: DumpReader<R>) -> Self {
        let mut s = Self::default();
        for row in reader {
            match row {
                Ok(row) => s.add(&row),
                Err(e) => s.problems.push(e.to_string()),
            }
        }
        s.messages.sort_by_key(|m| std::cmp::Reverse(m.rows));
        s.index.clear();
        s
    }

    fn add(&mut self, row: &DumpRow) {
        self.rows += 1;
        match row.status {
            Some(RowStatus::Warning) => self.warnings += 1,
            Some(RowStatus::Error) => self.errors += 1,
            _ => self.other += 1,
        }
        for e in &row.errors {
            let i = match self.index.get(e.as_str()) {
                Some(&i) => i,
                None => {
                    self.index.insert(e.clone(), self.messages.len());
                    self.messages.push(ErrorCount {
                        message: e.clone(),
                        rows: 0,
                        first_lines: Vec::new(),
                    });
                    self.messages.len() - 1
                }
            };
            let entry = &mut self.messages[i];
            entry.rows += 1;
            if entry.first_lines.len() < Self::SAMPLE_LINES {
                entry.first_lines.push(row.source_line);
            }
        }
    }
}
