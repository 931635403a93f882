//! A dump counted in one pass, in bounded memory.

use std::collections::BTreeMap;
use std::io::Read;

use serde::{Deserialize, Serialize};

use super::{DumpError, DumpReader, DumpRow, RowStatus};

/// One error message of a dump, with how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ErrorCount {
    /// The message.
    pub message: String,
    /// Rows that carry it (a row that carries it in two error cells counts
    /// twice).
    pub rows: u64,
    /// The first source lines that carry it (at most [`DumpSummary::SAMPLE_LINES`]).
    pub first_lines: Vec<u64>,
}

/// The error messages a summary does not list one by one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct OtherMessages {
    /// Distinct messages counted but left out of the list, which holds only
    /// the most frequent ones.
    pub distinct: u64,
    /// Rows that carry them.
    pub rows: u64,
    /// Rows that carry a message first seen after the summary already
    /// counted [`DumpSummary::MAX_DISTINCT`] distinct messages (or
    /// [`DumpSummary::MAX_MESSAGE_BYTES`] bytes of them): counted here, not
    /// by message.
    pub untracked_rows: u64,
}

/// What a dump holds, counted in one pass.
///
/// Every data row is counted once: `rows = errors + warnings + other +
/// unreadable`. What is kept is bounded whatever the dump: the most frequent
/// messages (100 by default), each with at most [`DumpSummary::SAMPLE_LINES`]
/// source lines, the first [`DumpSummary::MAX_LISTED`] problems and notes,
/// and counts for the rest.
///
/// ```
/// use anaplan_task::dump::{DumpReader, DumpSummary};
/// let csv = "\"_Status_\",\"Name\",\"_Line_\",\"_Error_1_\"\n\"E\",\"Ann\",\"7\",\"Invalid parent\"\n\"W\",\"Bob\",\"9\",\"Invalid parent\"\n";
/// let summary = DumpSummary::read(DumpReader::new(csv.as_bytes())?);
/// assert_eq!((summary.rows, summary.errors, summary.warnings), (2, 1, 1));
/// assert_eq!((summary.messages[0].message.as_str(), summary.messages[0].rows), ("Invalid parent", 2));
/// assert_eq!(summary.messages[0].first_lines, [7, 9]);
/// # Ok::<(), anaplan_task::dump::DumpError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DumpSummary {
    /// Data rows in the dump.
    pub rows: u64,
    /// Rows read with status `W`.
    pub warnings: u64,
    /// Rows read with status `E`.
    pub errors: u64,
    /// Rows read without a status, or with another one.
    pub other: u64,
    /// Rows that could not be read (see `problems`).
    pub unreadable: u64,
    /// Of the `unreadable` rows, those longer than the record limit
    /// ([`DumpError::RecordTooLarge`]). Absent in JSON written before it
    /// was counted, and then 0.
    #[serde(default)]
    pub too_large: u64,
    /// The most frequent error messages, most frequent first (ties in order
    /// of first appearance).
    pub messages: Vec<ErrorCount>,
    /// The messages not in `messages`.
    pub other_messages: OtherMessages,
    /// The first [`DumpSummary::MAX_LISTED`] rows that could not be read, as
    /// messages naming them; `unreadable` counts them all.
    pub problems: Vec<String>,
    /// Rows read with a field that is not in the dump's encoding: not
    /// UTF-8 (read as Windows-1252), or in a UTF-16 dump, not UTF-16 (read
    /// with U+FFFD).
    pub not_utf8: u64,
    /// The first [`DumpSummary::MAX_LISTED`] of those rows, as messages
    /// naming the row and the fields.
    pub notes: Vec<String>,
    /// The I/O error that ended the reading early, if any: the counts cover
    /// the rows before it.
    pub read_error: Option<String>,
}

/// What a reading keeps besides the summary: where each message counted
/// by message is in `messages`, and their bytes.
#[derive(Default)]
struct Index {
    at: BTreeMap<String, usize>,
    bytes: usize,
}

impl DumpSummary {
    /// How many source lines each message keeps.
    pub const SAMPLE_LINES: usize = 5;
    /// How many messages [`DumpSummary::read`] lists.
    pub const DEFAULT_TOP: usize = 100;
    /// How many problems, and notes, are kept.
    pub const MAX_LISTED: usize = 100;
    /// How many distinct messages are counted by message.
    pub const MAX_DISTINCT: usize = 10_000;
    /// How many bytes of distinct messages are counted by message.
    pub const MAX_MESSAGE_BYTES: usize = 16 * 1024 * 1024;

    /// Reads a whole dump and counts it, listing the
    /// [`DumpSummary::DEFAULT_TOP`] most frequent messages. A row that cannot
    /// be read is counted among the problems and reading goes on.
    pub fn read<R: Read>(reader: DumpReader<R>) -> Self {
        Self::read_top(reader, Self::DEFAULT_TOP)
    }

    /// As [`DumpSummary::read`], listing the `top` most frequent messages.
    pub fn read_top<R: Read>(reader: DumpReader<R>, top: usize) -> Self {
        let mut s = Self::default();
        let mut index = Index::default();
        let encoding = reader.encoding();
        for row in reader {
            match row {
                Ok(row) => s.add(&row, encoding, &mut index),
                Err(e @ DumpError::Io { .. }) => s.read_error = Some(e.to_string()),
                Err(e) => {
                    s.rows += 1;
                    s.unreadable += 1;
                    s.too_large += u64::from(matches!(e, DumpError::RecordTooLarge { .. }));
                    if s.problems.len() < Self::MAX_LISTED {
                        s.problems.push(e.to_string());
                    }
                }
            }
        }
        // Stable: ties stay in order of first appearance.
        s.messages.sort_by_key(|m| std::cmp::Reverse(m.rows));
        for m in s.messages.drain(top.min(s.messages.len())..) {
            s.other_messages.distinct += 1;
            s.other_messages.rows += m.rows;
        }
        s
    }

    fn add(&mut self, row: &DumpRow, encoding: &str, index: &mut Index) {
        self.rows += 1;
        match row.status {
            Some(RowStatus::Warning) => self.warnings += 1,
            Some(RowStatus::Error) => self.errors += 1,
            _ => self.other += 1,
        }
        if !row.not_utf8.is_empty() {
            self.not_utf8 += 1;
            if self.notes.len() < Self::MAX_LISTED {
                let fields: Vec<String> = row.not_utf8.iter().map(|f| format!("`{f}`")).collect();
                let fields = crate::text::snippet(&fields.join(", "));
                let how = if encoding == "UTF-8" {
                    format!("not UTF-8 in {fields}; read as Windows-1252")
                } else {
                    format!("not {encoding} in {fields}; read with U+FFFD in place of what is not")
                };
                self.notes.push(format!("row {} (line {}): {how}", row.row, row.line));
            }
        }
        for e in &row.errors {
            let i = match index.at.get(e.as_str()) {
                Some(&i) => i,
                None if self.messages.len() < Self::MAX_DISTINCT
                    && index.bytes + e.len() <= Self::MAX_MESSAGE_BYTES =>
                {
                    index.bytes += e.len();
                    index.at.insert(e.clone(), self.messages.len());
                    self.messages.push(ErrorCount {
                        message: e.clone(),
                        rows: 0,
                        first_lines: Vec::new(),
                    });
                    self.messages.len() - 1
                }
                None => {
                    self.other_messages.untracked_rows += 1;
                    continue;
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
