//! The byte source of the dump reader: CSV records split by csv-core, each
//! held only while it is at most a given number of bytes long.
//!
//! The `csv` crate grows its record buffer until a record ends, so a dump
//! without a line break (300 MB of NUL bytes) became one 300 MB field and
//! gigabytes of buffers. Here a record that passes the limit is read on to
//! its end into the same buffers, overwriting them, and reported by its
//! length; past `max_fields` fields, the field ends are counted, not kept
//! (a row wider than the header is an error anyway). Memory stays at a few
//! times the byte limit plus one `usize` per kept field end, whatever the
//! input: 1 MiB of commas would otherwise need 8 MiB of field ends.

use std::io::{self, BufRead};

use csv_core::ReadRecordResult;

use super::input::{Encoding, MARK};

/// What [`Records::next`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Next {
    /// A record, now in [`Records::fields`]; `line` is where it starts.
    Record {
        /// The line of the dump file, counted from 1.
        line: u64,
    },
    /// A record longer than the limit, read to its end and dropped.
    TooLarge {
        /// The line of the dump file, counted from 1.
        line: u64,
        /// Its length in the file, in bytes.
        bytes: u64,
    },
    /// A record with more than `max_fields` fields: only counted.
    TooWide {
        /// The line of the dump file, counted from 1.
        line: u64,
        /// Its fields.
        fields: u64,
    },
    /// The last record, ended by the end of the input inside a quoted
    /// field (the dump was cut short); its fields are in
    /// [`Records::fields`] as read.
    Unterminated {
        /// The line of the dump file, counted from 1.
        line: u64,
    },
    /// The end of the input.
    End,
}

/// CSV records from a byte stream, at most `max` bytes each.
pub(super) struct Records<R> {
    input: R,
    parser: csv_core::Reader,
    max: usize,
    max_fields: usize,
    fields: Vec<u8>,
    ends: Vec<usize>,
    len: usize,
    /// Whether a record over `max` ends the reading at once instead of
    /// being read to its end (the header: nothing after it can be read).
    stop_over: bool,
    delimiter: u8,
    /// Where the reading stands in the file.
    at: Lines,
}

/// The line of the file the reading is on, counting `\n`, `\r\n` and `\r`
/// alike as one line end, inside quoted fields too (csv-core counts `\n`
/// alone: a dump saved with `\r` line ends was all on line 1).
#[derive(Debug, Clone, Copy)]
struct Lines {
    /// The line, counted from 1.
    line: u64,
    /// Whether the last byte was a `\r`, whose `\n` is the same line end.
    after_cr: bool,
}

impl Lines {
    /// Passes over `bytes`, read for one record: the line after them, and
    /// the quoting after them. One loop over the bytes, which counts a
    /// line only where the quoting sees a line end: the record reader's
    /// hot path.
    fn pass(&mut self, bytes: &[u8], delimiter: u8, quotes: &mut Quotes) {
        let Some(&last) = bytes.last() else {
            return;
        };
        // Where the last `\r` was: a `\n` right after it ends no line of
        // its own.
        let mut cr_at = if self.after_cr { Some(usize::MAX) } else { None };
        let mut line_end = |i: usize, b: u8| {
            if b == b'\r' {
                cr_at = Some(i);
                self.line += 1;
            } else if cr_at != Some(i.wrapping_sub(1)) {
                self.line += 1;
            }
        };
        let mut q = *quotes;
        for (i, &b) in bytes.iter().enumerate() {
            q = match (q, b) {
                (Quotes::Quoted, b'"') => Quotes::QuoteInQuoted,
                (Quotes::Quoted, b'\n' | b'\r') => {
                    line_end(i, b);
                    Quotes::Quoted
                }
                (Quotes::Quoted, _) => Quotes::Quoted,
                (Quotes::QuoteInQuoted, b'"') | (Quotes::StartOfField, b'"') => Quotes::Quoted,
                (_, b'\n' | b'\r') => {
                    line_end(i, b);
                    Quotes::StartOfField
                }
                (_, b) if b == delimiter => Quotes::StartOfField,
                _ => Quotes::Unquoted,
            };
        }
        *quotes = q;
        self.after_cr = last == b'\r';
    }

    /// The line of the first byte of `bytes` that is not a line end, if
    /// one is: where a record starts (csv-core passes over the line ends
    /// before a record).
    fn start(&self, bytes: &[u8]) -> Option<u64> {
        let lead = bytes.iter().position(|&b| b != b'\n' && b != b'\r')?;
        if lead == 0 {
            return Some(self.line);
        }
        let mut at = *self;
        at.pass(&bytes[..lead], b'\n', &mut Quotes::StartOfField);
        Some(at.line)
    }
}

impl<R: BufRead> Records<R> {
    pub(super) fn new(input: R, delimiter: u8, max: usize, max_fields: usize) -> Self {
        Self {
            input,
            parser: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            max,
            max_fields,
            fields: vec![0; 4096.min(max + 1)],
            ends: vec![0; 64],
            len: 0,
            stop_over: false,
            delimiter,
            at: Lines {
                line: 1,
                after_cr: false,
            },
        }
    }

    /// Reads the next record. An I/O error is returned as is (an interrupted
    /// read is retried).
    pub(super) fn next(&mut self) -> io::Result<Next> {
        // The line of the record's first byte: csv-core passes over the
        // line ends before a record.
        let mut start: Option<u64> = None;
        let (mut read, mut out, mut nends, mut over) = (0u64, 0usize, 0usize, false);
        let (mut count, mut wide) = (0u64, false);
        let mut quotes = Quotes::StartOfField;
        loop {
            let input = match self.input.fill_buf() {
                Ok(input) => input,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            let at_end = input.is_empty();
            let (res, nin, nout, nend) =
                self.parser
                    .read_record(input, &mut self.fields[out..], &mut self.ends[nends..]);
            let consumed = &input[..nin];
            if start.is_none() {
                start = self.at.start(consumed);
            }
            self.at.pass(consumed, self.delimiter, &mut quotes);
            let line = start.unwrap_or(self.at.line);
            self.input.consume(nin);
            read += nin as u64;
            count += nend as u64;
            over |= read > self.max as u64;
            wide |= count > self.max_fields as u64;
            // Past a limit the buffers are written over from the start:
            // csv-core needs room to go on, the bytes are not kept.
            out = if over { 0 } else { out + nout };
            nends = if over || wide { 0 } else { nends + nend };
            if over && self.stop_over {
                return Ok(Next::TooLarge { line, bytes: read });
            }
            match res {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull if !over => grow(&mut self.fields, self.max + 1)?,
                ReadRecordResult::OutputEndsFull if !over && !wide => {
                    grow(&mut self.ends, self.max_fields.min(self.max) + 2)?;
                }
                ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull => {}
                ReadRecordResult::Record if over => return Ok(Next::TooLarge { line, bytes: read }),
                ReadRecordResult::Record if wide => return Ok(Next::TooWide { line, fields: count }),
                ReadRecordResult::Record => {
                    self.len = nends;
                    if at_end && quotes == Quotes::Quoted {
                        return Ok(Next::Unterminated { line });
                    }
                    return Ok(Next::Record { line });
                }
                ReadRecordResult::End => return Ok(Next::End),
            }
        }
    }

    /// Whether a record over the limit ends the reading at once (for the
    /// header, after which nothing can be read) rather than being read to
    /// its end and skipped.
    pub(super) fn set_stop_over(&mut self, stop: bool) {
        self.stop_over = stop;
    }

    /// Sets the most fields a record may have.
    pub(super) fn set_max_fields(&mut self, max_fields: usize) {
        self.max_fields = max_fields;
    }

    /// The line the reading is on, counted from 1.
    pub(super) fn line(&self) -> u64 {
        self.at.line
    }

    /// One field of the last record.
    pub(super) fn field(&self, i: usize) -> &[u8] {
        if i >= self.len {
            return &[];
        }
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.fields[start..self.ends[i]]
    }

    /// How many fields the last record has.
    pub(super) fn len(&self) -> usize {
        self.len
    }
}

/// Where a record's bytes stand with respect to quoting, as csv-core reads
/// them: a `"` opens a quoted field only at the start of a field, and `""`
/// inside one is a quote. Followed to tell whether the input ended inside
/// a quoted field (see [`Lines::pass`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quotes {
    StartOfField,
    Unquoted,
    Quoted,
    /// A `"` inside a quoted field: its end, or the first of `""`.
    QuoteInQuoted,
}

/// Doubles a buffer, up to `cap` elements, or fails with
/// [`io::ErrorKind::OutOfMemory`] when memory does not allow it (a record
/// limit raised past the memory the process may take ends the reading with
/// an error, not an abort).
fn grow<T: Default + Clone>(buf: &mut Vec<T>, cap: usize) -> io::Result<()> {
    let len = (buf.len() * 2).clamp(1, cap.max(buf.len() + 1));
    buf.try_reserve_exact(len - buf.len()).map_err(|_| {
        let bytes = len.saturating_mul(size_of::<T>());
        io::Error::new(
            io::ErrorKind::OutOfMemory,
            format!("cannot hold a record of {bytes} bytes in memory (lower the record limit)"),
        )
    })?;
    buf.resize(len, T::default());
    Ok(())
}

/// A field as text, and whether it was read as its encoding says. In a
/// UTF-8 dump, a field that is not UTF-8 is read as Windows-1252 (the
/// WHATWG mapping, which gives every byte a character of its own, so
/// nothing is lost). In a UTF-16 dump, decoded to UTF-8 as it was read, a
/// code unit that was not UTF-16 is the U+FFFD after a [`MARK`].
pub(super) fn decode(bytes: &[u8], encoding: Encoding) -> (String, bool) {
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return (s.to_owned(), true);
    }
    match encoding {
        Encoding::Utf8 => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), false)
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let unmarked: Vec<u8> = bytes.iter().copied().filter(|&b| b != MARK).collect();
            (String::from_utf8_lossy(&unmarked).into_owned(), false)
        }
    }
}
