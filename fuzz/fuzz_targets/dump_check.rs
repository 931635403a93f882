//! The property the `dump` fuzz target checks, in a file of its own so
//! that the integration tests replay it on every dump fixture and on every
//! crash input kept under `tests/fixtures/dumps/fuzz/`.
//!
//! Any bytes read as a failure dump, a few bytes at a time, with a small
//! record limit: no panic; rows numbered 1, 2, 3, ... whether read or not;
//! lines in order, within the line ends; the summary counts every row once
//! and keeps its bounds.

use std::io::Read;

use anaplan_task::dump::{DumpError, DumpReader, DumpSummary};

/// Gives at most `step` bytes per read.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.step).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

/// Checks the reader and the summary on one fuzz input: its first byte
/// picks the record limit and the read size, the rest is the dump.
pub fn check(data: &[u8]) {
    let Some((&first, data)) = data.split_first() else {
        return;
    };
    let max = usize::from(first % 64) * 4 + 1;
    let step = usize::from(first / 64) * 5 + 1;
    // Every line end (`\n`, `\r\n`, `\r`; in UTF-16 too) holds one of these.
    let newlines = data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64;
    let reader = || DumpReader::with_max_record(Trickle { data, step }, max);
    let Ok(rows) = reader() else {
        return;
    };
    let (mut expected, mut last_line) = (1, 0);
    for row in rows {
        let (row, line) = match row {
            Ok(row) => {
                assert!(row.errors.iter().all(|e| !e.is_empty()));
                (row.row, row.line)
            }
            Err(
                DumpError::FieldCount { row, line, .. }
                | DumpError::BadLineNumber { row, line, .. }
                | DumpError::RecordTooLarge { row, line, .. }
                | DumpError::Unterminated { row, line },
            ) => (row, line),
            Err(e) => panic!("reading a slice gave {e}"),
        };
        assert_eq!(row, expected);
        expected += 1;
        assert!(line >= last_line && line <= newlines + 1, "line {line}");
        last_line = line;
    }
    let s = DumpSummary::read_top(reader().unwrap(), 3);
    assert_eq!(s.rows, expected - 1);
    assert_eq!(s.rows, s.errors + s.warnings + s.other + s.unreadable);
    assert!(s.messages.len() <= 3);
    assert!(s.problems.len() as u64 <= s.unreadable.min(DumpSummary::MAX_LISTED as u64));
    assert!(s.notes.len() as u64 <= s.not_utf8.min(DumpSummary::MAX_LISTED as u64));
    assert!(s.read_error.is_none());
}
