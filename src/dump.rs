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
//! - A dump that starts with a UTF-16 byte-order mark (`FF FE` or `FE FF`,
//!   as spreadsheet tools save "Unicode text") is read as UTF-16
//!   ([`DumpReader::encoding`]); a code unit in it that is not UTF-16 (an
//!   unpaired surrogate) is read as U+FFFD and its field named in
//!   [`DumpRow::not_utf8`]. A UTF-8 byte-order mark is dropped. Record
//!   lengths are counted in UTF-8.
//! - Lines are counted at `\n`, `\r\n` and `\r` alike, inside quoted
//!   fields too; the separator is chosen from the whole header line.
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
use std::io::Read;

mod error;
mod header;
mod input;
mod records;
mod row;
mod summary;

pub use error::DumpError;
use header::Header;
use input::{Encoding, Input};
use records::{Next, Records};
pub use row::{DumpRow, RowStatus};
pub use summary::{DumpSummary, ErrorCount, OtherMessages};

/// Reads a dump row by row, holding one row at a time (at most the record
/// limit, see the [module docs](self)).
pub struct DumpReader<R: Read> {
    records: Records<Input<R>>,
    max_record: usize,
    header: Header,
    encoding: Encoding,
    row: u64,
    done: bool,
}

impl<R: Read> fmt::Debug for DumpReader<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DumpReader")
            .field("columns", &self.header.columns)
            .field("row", &self.row)
            .finish_non_exhaustive()
    }
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
        let mut input = Input::new(reader).map_err(io)?;
        let encoding = input.encoding();
        // The separator is told by the whole header line, however the
        // input comes in reads; a header without a line end within the
        // limit is refused at once, not held a second time.
        let (first, endless) = input.first_line(max_record).map_err(io)?;
        if endless {
            return Err(DumpError::HeaderTooLarge { max: max_record });
        }
        let delimiter = if header::tab_separated(first) { b'\t' } else { b',' };
        let mut records = Records::new(input, delimiter, max_record, Self::MAX_COLUMNS);
        let header = Header::read(&mut records, max_record, encoding)?;
        Ok(Self {
            records,
            max_record,
            header,
            encoding,
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
        &self.header.columns
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
        self.header.status.is_some()
    }

    /// Whether the header was not in the dump's encoding: not UTF-8 (and
    /// read as Windows-1252), or, in a UTF-16 dump, not UTF-16 (and read
    /// with U+FFFD in place of what was not).
    pub fn header_not_utf8(&self) -> bool {
        self.header.not_utf8
    }

    /// The dump's encoding, as its byte-order mark names it: `UTF-16LE` or
    /// `UTF-16BE` for a dump that a spreadsheet tool saved as "Unicode
    /// text" (`FF FE` or `FE FF`), decoded as it is read; `UTF-8` otherwise,
    /// with the UTF-8 mark (`EF BB BF`, dropped) or without one, a field
    /// that is not UTF-8 being read as Windows-1252.
    ///
    /// ```
    /// # use anaplan_task::dump::{DumpError, DumpReader};
    /// let csv = "\u{feff}\"_Status_\",\"Name\",\"_Line_\",\"_Error_1_\"\n\"W\",\"Zoë\",\"7\",\"Invalid parent\"\n";
    /// let utf16: Vec<u8> = csv.encode_utf16().flat_map(u16::to_le_bytes).collect();
    /// let mut reader = DumpReader::new(utf16.as_slice())?;
    /// assert_eq!(reader.encoding(), "UTF-16LE");
    /// assert_eq!(reader.next().unwrap()?.column("Name"), Some("Zoë"));
    /// assert_eq!(DumpReader::new(csv.as_bytes())?.encoding(), "UTF-8");
    /// # Ok::<(), DumpError>(())
    /// ```
    pub fn encoding(&self) -> &'static str {
        self.encoding.name()
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

    /// The line where the next record starts, or `None` at the end; a
    /// record too long or too wide is an error naming its row.
    fn next_record(&mut self) -> Result<Option<u64>, DumpError> {
        match self.records.next() {
            Ok(Next::End) => Ok(None),
            Ok(Next::Record { line }) => Ok(Some(line)),
            Ok(Next::TooLarge { line, bytes }) => {
                self.row += 1;
                Err(DumpError::RecordTooLarge {
                    row: self.row,
                    line,
                    bytes,
                    max: self.max_record,
                })
            }
            Ok(Next::TooWide { line, fields }) => {
                self.row += 1;
                Err(DumpError::FieldCount {
                    row: self.row,
                    line,
                    expected: self.header.names.len(),
                    found: usize::try_from(fields).unwrap_or(usize::MAX),
                })
            }
            Ok(Next::Unterminated { line }) => {
                self.row += 1;
                Err(DumpError::Unterminated { row: self.row, line })
            }
            Err(source) => Err(DumpError::Io {
                line: self.records.line(),
                source,
            }),
        }
    }

    fn read_row(&mut self) -> Result<Option<DumpRow>, DumpError> {
        let Some(line) = self.next_record()? else {
            return Ok(None);
        };
        self.row += 1;
        let (r, h) = (&self.records, &self.header);
        if r.len() != h.names.len() {
            return Err(DumpError::FieldCount {
                row: self.row,
                line,
                expected: h.names.len(),
                found: r.len(),
            });
        }
        let mut not_utf8 = Vec::new();
        let mut text = |i: usize| {
            let (text, utf8) = records::decode(r.field(i), self.encoding);
            if !utf8 {
                not_utf8.push(i);
            }
            text
        };
        let line_text = text(h.line);
        let source_line =
            crate::values::parse_count("_Line_", 0, &line_text).map_err(|_| DumpError::BadLineNumber {
                row: self.row,
                line,
                text: crate::text::snippet(&line_text),
            })?;
        let status = h.status.map(|i| RowStatus::from_wire(&text(i)));
        let values = h.sources.iter().map(|&i| text(i)).collect();
        let errors = h.errors.iter().map(|&i| text(i)).filter(|e| !e.is_empty()).collect();
        not_utf8.sort_unstable();
        Ok(Some(DumpRow {
            row: self.row,
            line,
            status,
            source_line,
            values,
            errors,
            not_utf8: not_utf8.into_iter().map(|i| h.names[i].clone()).collect(),
            columns: h.columns.clone(),
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
