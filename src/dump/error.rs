//! [`DumpError`]: why a dump, or one of its rows, could not be read.

use std::io;

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
    #[error("the header is longer than the record limit of {max} bytes")]
    HeaderTooLarge {
        /// The record limit, in bytes.
        max: usize,
    },
    /// The header has more than [`DumpReader::MAX_COLUMNS`](super::DumpReader::MAX_COLUMNS) fields.
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
    #[error("row {row} (line {line}): {bytes} bytes, more than the record limit of {max} bytes")]
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
    #[error("row {row} (line {line}): {}, but the header has {expected}", fields(*.found))]
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
    /// The dump ends inside a quoted field of this row: it was cut short
    /// (the last row, without a line break, ends in a field that opened
    /// with `"` and did not close).
    #[error("row {row} (line {line}): the dump ends inside a quoted field (cut short?)")]
    Unterminated {
        /// The data row.
        row: u64,
        /// The line of the dump file where the row starts.
        line: u64,
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

/// `1 field`, `3 fields`.
fn fields(n: usize) -> String {
    if n == 1 {
        "1 field".to_owned()
    } else {
        format!("{n} fields")
    }
}
