//! The header of a dump: its delimiter, its names, and which columns hold
//! the status, the source line, the errors and the source values.

use std::io::BufRead;
use std::sync::Arc;

use super::DumpError;
use super::input::Encoding;
use super::records::{self, Next, Records};

/// Whether the header line (the whole of it, read before the separator is
/// chosen) is tab-separated: more tabs than commas outside quotes.
pub(super) fn tab_separated(first_line: &[u8]) -> bool {
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

/// A dump's header and the place of each kind of column in it.
#[derive(Debug)]
pub(super) struct Header {
    /// Every name, in order.
    pub(super) names: Vec<String>,
    /// Whether a name was not UTF-8 (and was read as Windows-1252).
    pub(super) not_utf8: bool,
    /// `_Status_`, when there is one.
    pub(super) status: Option<usize>,
    /// `_Line_`.
    pub(super) line: usize,
    /// `_Error_1_`, `_Error_2_`, ...
    pub(super) errors: Vec<usize>,
    /// The source columns: all the others.
    pub(super) sources: Vec<usize>,
    /// The source columns' names.
    pub(super) columns: Arc<[String]>,
}

impl Header {
    /// Reads the header, the first record, and limits the records after it
    /// to its number of fields.
    ///
    /// # Errors
    ///
    /// [`DumpError::Io`], [`DumpError::Empty`], [`DumpError::HeaderTooLarge`],
    /// [`DumpError::HeaderTooWide`] or [`DumpError::MissingLineColumn`].
    pub(super) fn read<R: BufRead>(
        records: &mut Records<R>,
        max_record: usize,
        encoding: Encoding,
    ) -> Result<Self, DumpError> {
        // A header over the limit ends the reading where the limit is passed,
        // so that an endless input (`/dev/zero`) is refused at once.
        records.set_stop_over(true);
        let header = records.next().map_err(|source| DumpError::Io { line: 1, source })?;
        records.set_stop_over(false);
        match header {
            Next::End => return Err(DumpError::Empty),
            Next::TooLarge { .. } => return Err(DumpError::HeaderTooLarge { max: max_record }),
            Next::TooWide { fields, .. } => return Err(DumpError::HeaderTooWide { fields }),
            // A header alone, cut short, is read as it is: its names tell.
            Next::Record { .. } | Next::Unterminated { .. } => {}
        }
        // A row with more fields than the header is an error: its field
        // ends need not be kept.
        records.set_max_fields(records.len());
        let mut not_utf8 = false;
        let names: Vec<String> = (0..records.len())
            .map(|i| {
                let (text, utf8) = records::decode(records.field(i), encoding);
                not_utf8 |= !utf8;
                text
            })
            .collect();
        Self::from_names(names, not_utf8)
    }

    /// Finds the columns by name.
    fn from_names(names: Vec<String>, not_utf8: bool) -> Result<Self, DumpError> {
        if names.is_empty() || (names.len() == 1 && names[0].is_empty()) {
            return Err(DumpError::Empty);
        }
        let line = names
            .iter()
            .position(|n| n == "_Line_")
            .ok_or_else(|| DumpError::MissingLineColumn {
                header: crate::text::snippet(&names.join(",")),
            })?;
        let status = names.iter().position(|n| n == "_Status_");
        let is_error = |n: &str| n.strip_prefix("_Error_").and_then(|r| r.strip_suffix('_')).is_some();
        let errors: Vec<usize> = (0..names.len()).filter(|&i| is_error(&names[i])).collect();
        let sources: Vec<usize> = (0..names.len())
            .filter(|&i| i != line && Some(i) != status && !errors.contains(&i))
            .collect();
        let columns: Arc<[String]> = sources.iter().map(|&i| names[i].clone()).collect();
        Ok(Self {
            names,
            not_utf8,
            status,
            line,
            errors,
            sources,
            columns,
        })
    }
}
