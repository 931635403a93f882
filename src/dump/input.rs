//! The bytes of a dump as the record reader sees them: UTF-8 (or bytes in
//! a single-byte encoding, told apart field by field), whatever the
//! encoding its byte-order mark names, and the whole header line at hand
//! before the separator is chosen.
//!
//! Spreadsheet tools save a dump as "Unicode text", which is UTF-16 with a
//! byte-order mark (`FF FE` little-endian, `FE FF` big-endian); such a dump
//! is decoded here, as it is read, into UTF-8. A code unit that is not
//! UTF-16 (an unpaired surrogate, or a last byte without its pair) becomes
//! U+FFFD after a [`MARK`] byte, which UTF-8 never holds, so that the field
//! is told to be damaged and nothing is replaced silently. A UTF-8
//! byte-order mark (`EF BB BF`, as "CSV UTF-8" is saved) is dropped.
//!
//! Every read that is interrupted ([`io::ErrorKind::Interrupted`]) is
//! tried again, as users of [`Read`] expect.

use std::io::{self, BufRead, Read};

/// The bytes read at a time.
const CHUNK: usize = 64 * 1024;

/// The byte put before the U+FFFD that stands for a code unit that is not
/// UTF-16: never found in UTF-8.
pub(super) const MARK: u8 = 0xFF;

/// The encoding of a dump, as its byte-order mark names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Encoding {
    /// No byte-order mark, or the UTF-8 one: UTF-8, a field that is not
    /// read as Windows-1252.
    Utf8,
    /// `FF FE`.
    Utf16Le,
    /// `FE FF`.
    Utf16Be,
}

impl Encoding {
    /// Its name, as [`encoding_rs`] and `iconv` write it.
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
        }
    }
}

/// A dump's bytes, decoded to UTF-8 when its byte-order mark says UTF-16.
pub(super) struct Input<R> {
    inner: R,
    encoding: Encoding,
    /// The bytes ready to be handed out are `buf[pos..end]`; the rest of
    /// `buf` is room for more.
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    /// The bytes of a UTF-16 dump's last read (empty for UTF-8, which is
    /// read straight into `buf`).
    scratch: Vec<u8>,
    /// A UTF-16 dump's last byte read without its pair, and its high
    /// surrogate waiting for a low one.
    odd: Option<u8>,
    high: Option<u16>,
    eof: bool,
}

impl<R: Read> Input<R> {
    /// Reads the byte-order mark, if there is one.
    pub(super) fn new(mut inner: R) -> io::Result<Self> {
        let mut head = [0u8; 3];
        let mut len = 0;
        while len < head.len() {
            match inner.read(&mut head[len..]) {
                Ok(0) => break,
                Ok(n) => len += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        let head = &head[..len];
        let (encoding, rest) = match head {
            [0xEF, 0xBB, 0xBF] => (Encoding::Utf8, &[][..]),
            [0xFF, 0xFE, rest @ ..] => (Encoding::Utf16Le, rest),
            [0xFE, 0xFF, rest @ ..] => (Encoding::Utf16Be, rest),
            _ => (Encoding::Utf8, head),
        };
        let mut input = Self {
            inner,
            encoding,
            buf: vec![0; CHUNK],
            pos: 0,
            end: 0,
            scratch: Vec::new(),
            odd: None,
            high: None,
            eof: len < 3,
        };
        match encoding {
            Encoding::Utf8 => input.put(rest)?,
            _ => {
                input.scratch = vec![0; CHUNK];
                input.odd = rest.first().copied();
            }
        }
        Ok(input)
    }

    /// The encoding the byte-order mark named.
    pub(super) fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The bytes from here to the end of the first line that is not
    /// blank (a `\n` or `\r` outside quotes), with it, or to the end of
    /// the input, or the first `max + 1` bytes of a longer line; nothing
    /// is consumed. The header's separator is chosen from it, however the
    /// input comes in reads. The flag says that those `max + 1` bytes hold
    /// no line end at all after the blank lines: the header is longer than
    /// `max` (as the record reader would find it, after holding it again).
    pub(super) fn first_line(&mut self, max: usize) -> io::Result<(&[u8], bool)> {
        let (mut field, mut started, mut any_end) = (Field::Start, false, false);
        let mut scanned = self.pos;
        loop {
            for (i, &b) in self.buf[scanned..self.end].iter().enumerate() {
                let end = b == b'\n' || b == b'\r';
                if !started && end {
                    continue;
                }
                started = true;
                any_end |= end;
                field = match (field, b) {
                    (Field::Quoted, b'"') => Field::QuoteInQuoted,
                    (Field::Quoted, _) => Field::Quoted,
                    (Field::Start, b'"') | (Field::QuoteInQuoted, b'"') => Field::Quoted,
                    (_, b',' | b'\t') => Field::Start,
                    (_, b'\n' | b'\r') => return Ok((&self.buf[self.pos..=scanned + i], false)),
                    _ => Field::Unquoted,
                };
            }
            scanned = self.end;
            if self.eof {
                return Ok((&self.buf[self.pos..self.end], false));
            }
            if scanned - self.pos > max {
                return Ok((&self.buf[self.pos..self.end], !any_end));
            }
            let cap = max.saturating_add(CHUNK + 1);
            // A header longer than a chunk: room for the longest at once,
            // where memory allows, rather than copies as it doubles.
            if scanned - self.pos >= CHUNK && self.buf.capacity() < cap {
                let _ = self.buf.try_reserve_exact(cap - self.buf.len());
            }
            self.more(cap)?;
        }
    }

    /// Adds at least one byte to the bytes ready, unless the input has
    /// ended; `buf` grows up to `cap` bytes, by doubling.
    fn more(&mut self, cap: usize) -> io::Result<()> {
        let start = self.end;
        while self.end == start && !self.eof {
            if self.encoding == Encoding::Utf8 && self.end == self.buf.len() {
                self.grow(1, cap)?;
            }
            let into = if self.encoding == Encoding::Utf8 {
                &mut self.buf[self.end..]
            } else {
                &mut self.scratch[..]
            };
            let n = loop {
                match self.inner.read(into) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    other => break other?,
                }
            };
            self.eof = n == 0;
            match self.encoding {
                Encoding::Utf8 => self.end += n,
                _ => self.decode(n)?,
            }
        }
        Ok(())
    }

    /// Makes room in `buf` for `n` more bytes: doubled, up to `cap` when
    /// that is enough; a size past the memory the process may take is an
    /// error, not an abort.
    fn grow(&mut self, n: usize, cap: usize) -> io::Result<()> {
        let needed = self.end.saturating_add(n);
        if needed <= self.buf.len() {
            return Ok(());
        }
        let len = self.buf.len().saturating_mul(2).min(cap).max(needed);
        if self.buf.try_reserve_exact(len - self.buf.len()).is_err() {
            return Err(io::Error::new(
                io::ErrorKind::OutOfMemory,
                format!("cannot hold a header of {len} bytes in memory (lower the record limit)"),
            ));
        }
        self.buf.resize(len, 0);
        Ok(())
    }

    /// Adds `bytes` to the bytes ready.
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.grow(bytes.len(), usize::MAX)?;
        self.buf[self.end..self.end + bytes.len()].copy_from_slice(bytes);
        self.end += bytes.len();
        Ok(())
    }

    /// Decodes the first `n` bytes of `scratch`, UTF-16, onto the bytes
    /// ready; at the end of the input, what waits for its pair too.
    fn decode(&mut self, n: usize) -> io::Result<()> {
        for i in 0..n {
            let b = self.scratch[i];
            let Some(a) = self.odd.take() else {
                self.odd = Some(b);
                continue;
            };
            let unit = match self.encoding {
                Encoding::Utf16Be => u16::from_be_bytes([a, b]),
                _ => u16::from_le_bytes([a, b]),
            };
            self.unit(unit)?;
        }
        if self.eof {
            if self.high.take().is_some() {
                self.damaged()?;
            }
            if self.odd.take().is_some() {
                self.damaged()?;
            }
        }
        Ok(())
    }

    /// One UTF-16 code unit, written as UTF-8.
    fn unit(&mut self, unit: u16) -> io::Result<()> {
        match (self.high.take(), unit) {
            (Some(h), 0xDC00..=0xDFFF) => {
                let c = 0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                return self.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            (Some(_), _) => self.damaged()?,
            (None, _) => {}
        }
        match unit {
            0xD800..=0xDBFF => {
                self.high = Some(unit);
                Ok(())
            }
            0xDC00..=0xDFFF => self.damaged(),
            _ => self.push(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
    }

    fn push(&mut self, c: char) -> io::Result<()> {
        let mut utf8 = [0; 4];
        self.put(c.encode_utf8(&mut utf8).as_bytes())
    }

    /// A code unit that is not UTF-16: [`MARK`], then U+FFFD.
    fn damaged(&mut self) -> io::Result<()> {
        self.put(&[MARK])?;
        self.push(char::REPLACEMENT_CHARACTER)
    }
}

impl<R: Read> Read for Input<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Input<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.end {
            (self.pos, self.end) = (0, 0);
            // A long header line was held whole; the rows need no more
            // than a chunk at a time (twice that, decoded from UTF-16).
            if self.buf.len() > 4 * CHUNK {
                self.buf.truncate(2 * CHUNK);
                self.buf.shrink_to_fit();
            }
            self.more(CHUNK)?;
        }
        Ok(&self.buf[self.pos..self.end])
    }

    fn consume(&mut self, amount: usize) {
        self.pos = (self.pos + amount).min(self.end);
    }
}

/// Where the header's scan is in a field, as csv-core reads one: a quote
/// opens a quoted field only at its start (after a comma or a tab, either
/// of which may be the separator), and a quote inside one is doubled.
#[derive(Clone, Copy)]
enum Field {
    Start,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything an input gives, one byte per read of its source.
    fn all(bytes: &[u8]) -> (Encoding, Vec<u8>) {
        struct OneByte<'a>(&'a [u8]);
        impl Read for OneByte<'_> {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                let Some((&b, rest)) = self.0.split_first() else {
                    return Ok(0);
                };
                if out.is_empty() {
                    return Ok(0);
                }
                out[0] = b;
                self.0 = rest;
                Ok(1)
            }
        }
        let mut input = Input::new(OneByte(bytes)).unwrap();
        let mut out = Vec::new();
        input.read_to_end(&mut out).unwrap();
        (input.encoding(), out)
    }

    #[test]
    fn utf16_is_decoded_and_what_is_not_utf16_is_marked() {
        let le: Vec<u8> = [0xFEFF, 0x41, 0xE9, 0xD83D, 0xDE00, 0xD800, 0x42, 0xDC00]
            .iter()
            .flat_map(|u: &u16| u.to_le_bytes())
            .collect();
        let (encoding, out) = all(&le);
        assert_eq!(encoding, Encoding::Utf16Le);
        let fffd = "\u{fffd}".as_bytes();
        let expected = ["Aé😀".as_bytes(), &[MARK], fffd, b"B", &[MARK], fffd].concat();
        assert_eq!(out, expected);
        let be = [0xFE, 0xFF, 0x00, 0x41, 0x00];
        let (encoding, out) = all(&be);
        assert_eq!(encoding, Encoding::Utf16Be);
        assert_eq!(out, [b'A', MARK, 0xEF, 0xBF, 0xBD]);
    }

    #[test]
    fn utf8_passes_through_without_its_mark() {
        assert_eq!(all(b"\xEF\xBB\xBFa,b\n"), (Encoding::Utf8, b"a,b\n".to_vec()));
        assert_eq!(all(b"ab"), (Encoding::Utf8, b"ab".to_vec()));
        assert_eq!(all(b""), (Encoding::Utf8, Vec::new()));
        assert_eq!(all(b"\xFFx\xE9"), (Encoding::Utf8, b"\xFFx\xE9".to_vec()));
    }
}
