//! Reading NDJSON streams (one document per line) with bounded memory.
//!
//! Lines that are empty or only JSON white space ([`is_blank`]) are skipped, whatever their
//! length; a `\r` before the `\n` is dropped. A longer line than the limit
//! is not kept: it is read to its end and reported as [`Line::TooLong`], and
//! the stream goes on, so a multi-gigabyte stream is read with one line's
//! worth of memory.
//!
//! ```
//! use anaplan_task::ndjson::{Line, LineReader};
//! let input = b"{\"a\":1}\r\n\n              \n{\"b\":22222222}\n{}";
//! let mut lines = LineReader::new(&input[..], 10);
//! let mut seen = Vec::new();
//! while let Some(line) = lines.next_line()? {
//!     seen.push(match line {
//!         Line::Document { number, bytes } => format!("{number}: {}", String::from_utf8_lossy(bytes)),
//!         Line::TooLong { number, len } => format!("{number}: too long ({len} bytes)"),
//!     });
//! }
//! assert_eq!(seen, ["1: {\"a\":1}", "4: too long (14 bytes)", "5: {}"]);
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io::{self, BufRead};

/// One line of a stream.
///
/// ```
/// # use anaplan_task::ndjson::{Line, LineReader};
/// let mut lines = LineReader::new(&b"\n{}\n"[..], 100);
/// assert_eq!(lines.next_line()?, Some(Line::Document { number: 2, bytes: b"{}" }));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// A line to read as a document (without its line ending).
    Document {
        /// The 1-based line number.
        number: u64,
        /// The line.
        bytes: &'a [u8],
    },
    /// A line longer than the limit, skipped.
    TooLong {
        /// The 1-based line number.
        number: u64,
        /// Its length in bytes (without the line ending), or the length read
        /// before the limit was passed by more than a buffer.
        len: u64,
    },
}

/// Reads lines from a buffered stream, holding at most `max` bytes of one.
///
/// ```
/// # use anaplan_task::ndjson::{Line, LineReader};
/// let mut lines = LineReader::new(&b"{\"a\":1}\n[1,2,3,4,5]\n"[..], 8);
/// assert!(matches!(lines.next_line()?, Some(Line::Document { number: 1, .. })));
/// assert_eq!(lines.next_line()?, Some(Line::TooLong { number: 2, len: 11 }));
/// assert_eq!(lines.next_line()?, None);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct LineReader<R> {
    input: R,
    max: usize,
    number: u64,
    buf: Vec<u8>,
    /// Bytes of the input's buffer that the last line lent out, consumed
    /// at the next call.
    lent: usize,
}

impl<R: BufRead> LineReader<R> {
    /// A reader that keeps lines of at most `max` bytes.
    ///
    /// ```
    /// # use anaplan_task::ndjson::{Line, LineReader};
    /// let mut lines = LineReader::new(std::io::BufReader::new(&b"{}"[..]), 64 * 1024 * 1024);
    /// assert!(lines.next_line()?.is_some());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(input: R, max: usize) -> Self {
        Self {
            input,
            max,
            number: 0,
            buf: Vec::new(),
            lent: 0,
        }
    }

    /// The number of the last line read (0 before the first).
    ///
    /// ```
    /// # use anaplan_task::ndjson::{Line, LineReader};
    /// let mut lines = LineReader::new(&b"{}\n\n\n"[..], 100);
    /// assert_eq!(lines.line_number(), 0);
    /// lines.next_line()?;
    /// assert_eq!(lines.line_number(), 1);
    /// assert_eq!(lines.next_line()?, None);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn line_number(&self) -> u64 {
        self.number
    }

    /// The next non-blank line, or `None` at the end of the stream.
    ///
    /// # Errors
    ///
    /// The input's I/O error, or [`io::ErrorKind::OutOfMemory`] when a line
    /// within the limit is longer than memory allows.
    ///
    /// ```
    /// # use anaplan_task::ndjson::{Line, LineReader};
    /// let mut lines = LineReader::new(&b"  \r\n{}\r\n"[..], 100);
    /// assert_eq!(lines.next_line()?, Some(Line::Document { number: 2, bytes: b"{}" }));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.input.consume(std::mem::take(&mut self.lent));
        loop {
            // A line that is whole in the input's buffer is lent from it,
            // not copied.
            let chunk = fill(&mut self.input)?;
            if let Some(end) = memchr::memchr(b'\n', chunk) {
                self.number += 1;
                // Stops at the first character of a line that is not blank.
                if is_blank(&chunk[..end]) {
                    self.input.consume(end + 1);
                    continue;
                }
                if end > self.max {
                    self.input.consume(end + 1);
                    return Ok(Some(Line::TooLong {
                        number: self.number,
                        len: end as u64,
                    }));
                }
                // The buffer is filled, so this gives the same bytes again.
                self.lent = end + 1;
                return Ok(Some(Line::Document {
                    number: self.number,
                    bytes: text(&self.input.fill_buf()?[..end]),
                }));
            }
            self.buf.clear();
            let Some((len, blank)) = self.read_raw()? else {
                return Ok(None);
            };
            self.number += 1;
            if blank {
                continue;
            }
            if len > self.max as u64 {
                return Ok(Some(Line::TooLong {
                    number: self.number,
                    len,
                }));
            }
            return Ok(Some(Line::Document {
                number: self.number,
                bytes: text(&self.buf),
            }));
        }
    }

    /// Reads one raw line into `buf` (unless it is too long); its length
    /// and whether it is blank, or `None` at the end of the stream.
    fn read_raw(&mut self) -> io::Result<Option<(u64, bool)>> {
        let mut len: u64 = 0;
        let mut any = false;
        let mut blank = true;
        loop {
            let chunk = fill(&mut self.input)?;
            if chunk.is_empty() {
                return Ok(any.then_some((len, blank)));
            }
            any = true;
            let (take, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            };
            blank = blank && is_blank(&chunk[..take]);
            len += take as u64;
            if len <= self.max as u64 {
                // Room for the longest line at once: reserved, not
                // touched, so memory follows the line's length without the
                // copies of doubling; else doubling. A limit past the
                // memory the process may take ends the stream with an
                // error, not an abort.
                let whole = self.max.saturating_add(1).saturating_sub(self.buf.len());
                if self.buf.capacity() - self.buf.len() < take
                    && self.buf.try_reserve_exact(whole).is_err()
                    && self.buf.try_reserve(take).is_err()
                {
                    return Err(io::Error::new(
                        io::ErrorKind::OutOfMemory,
                        format!("cannot hold a line of {len} bytes in memory (lower the line limit)"),
                    ));
                }
                self.buf.extend_from_slice(&chunk[..take]);
            } else if !self.buf.is_empty() {
                self.buf = Vec::new();
            }
            self.input.consume(take + usize::from(done));
            if done {
                return Ok(Some((len, blank)));
            }
        }
    }
}

/// The input's buffer, filled when it is empty, retrying an interrupted
/// read; empty at the end of the input (which is then not asked again, as
/// that read may be interrupted too).
///
/// ```
/// let mut input = &b"{}\n"[..];
/// assert_eq!(anaplan_task::ndjson::fill(&mut input)?, b"{}\n");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn fill(input: &mut impl BufRead) -> io::Result<&[u8]> {
    let ended = loop {
        match input.fill_buf() {
            Ok(buffer) => break buffer.is_empty(),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    };
    if ended {
        // Asked again, an ended input would read again, and that read may
        // be interrupted too.
        return Ok(&[]);
    }
    // Asked again to hand it out: the buffer holds bytes, so this reads
    // nothing.
    input.fill_buf()
}

/// A raw line's text: without the `\r` of a `\r\n` ending.
fn text(raw: &[u8]) -> &[u8] {
    raw.strip_suffix(b"\r").unwrap_or(raw)
}

/// Whether a line is blank, and so skipped: empty, or only JSON's white
/// space (space, tab, `\r`, `\n`; RFC 8259, section 2). Any other byte, a
/// form feed or a vertical tab among them, makes the line a document, which
/// gets its verdict.
///
/// ```
/// use anaplan_task::ndjson::is_blank;
/// assert!(is_blank(b" \t\r"));
/// assert!(!is_blank(b"\x0c"));
/// ```
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The lines of `input` as the module documentation describes them,
    /// from the whole input at once.
    fn expected(input: &[u8], max: usize) -> Vec<String> {
        let mut raw: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
        if raw.last().is_some_and(|l| l.is_empty()) {
            raw.pop();
        }
        let mut out = Vec::new();
        for (i, line) in raw.into_iter().enumerate() {
            let number = i + 1;
            // JSON's white space: a form feed is not.
            if line.iter().all(|b| b" \t\r".contains(b)) {
                continue;
            }
            if line.len() > max {
                out.push(format!("{number}: too long ({})", line.len()));
                continue;
            }
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            out.push(format!("{number}: {line:?}"));
        }
        out
    }

    /// The lines a reader over a buffer of `capacity` bytes gives.
    fn read(input: &[u8], max: usize, capacity: usize) -> Vec<String> {
        let mut lines = LineReader::new(io::BufReader::with_capacity(capacity, input), max);
        let mut out = Vec::new();
        while let Some(line) = lines.next_line().unwrap() {
            out.push(match line {
                Line::Document { number, bytes } => format!("{number}: {bytes:?}"),
                Line::TooLong { number, len } => format!("{number}: too long ({len})"),
            });
        }
        out
    }

    proptest! {
        /// Lines whole in the buffer (lent) and lines across buffer ends
        /// (copied) read alike, whatever the buffer's size.
        #[test]
        fn lines_read_alike_whatever_the_buffer(
            input in proptest::collection::vec(prop_oneof![Just(b'\n'), Just(b'\r'), Just(b' '), Just(b'\x0c'), Just(b'x')], 0..60),
            max in 0usize..12,
            capacity in 1usize..20,
        ) {
            prop_assert_eq!(read(&input, max, capacity), expected(&input, max));
        }
    }
}
