//! The byte scanner under the lean reader: [`Reader`], a position in JSON
//! text, with the reading of white space, keywords and strings (scanned
//! eight bytes at a time, handed out borrowed), and [`Access`], the entries
//! of an object or array between its brackets.
//!
//! Nothing here has an error message: anything unusual is [`Bail`].

use super::Bail;

pub(super) type Res<T> = Result<T, Bail>;

/// serde_json refuses documents nested 128 levels deep; this reader gives
/// up well before, so it never accepts what serde_json refuses.
const MAX_DEPTH: u32 = 100;

/// Bytes that end the plain run of a string: the quote, the backslash and
/// the control characters (which JSON forbids raw).
pub(super) static SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        table[i] = true;
        i += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// A position in JSON text, read forwards.
pub(crate) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
    depth: u32,
    /// The unescaped text of the last string that had escapes.
    scratch: String,
}

/// A string read: borrowed from the input, or unescaped into the scratch.
pub(super) enum Text<'a, 's> {
    Borrowed(&'a str),
    Copied(&'s str),
}

impl<'a: 's, 's> Text<'a, 's> {
    pub(super) fn into_str(self) -> &'s str {
        match self {
            Text::Borrowed(s) | Text::Copied(s) => s,
        }
    }
}

impl<'a> Reader<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            pos: 0,
            depth: 0,
            scratch: String::new(),
        }
    }

    /// Skips white space and returns the next byte, not consumed. Compact
    /// JSON has no white space, so the byte at the position is looked at
    /// first, and every byte above the space is a token.
    #[inline(always)]
    pub(super) fn peek(&mut self) -> Option<u8> {
        match self.text.as_bytes().get(self.pos) {
            Some(&c) if c > b' ' => Some(c),
            _ => self.skip_space(),
        }
    }

    /// [`Reader::peek`] when white space may come first.
    fn skip_space(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(&c) = bytes.get(self.pos) {
            match c {
                b' ' | b'\n' | b'\r' | b'\t' => self.pos += 1,
                _ => return Some(c),
            }
        }
        None
    }

    /// Skips white space and consumes `c`.
    #[inline]
    pub(super) fn expect(&mut self, c: u8) -> Res<()> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Bail)
        }
    }

    /// Consumes the keyword `word` (`null`, `true`, `false`) at the position.
    pub(super) fn keyword(&mut self, word: &[u8]) -> Res<()> {
        let end = self.pos + word.len();
        if self.text.as_bytes().get(self.pos..end) == Some(word) {
            self.pos = end;
            Ok(())
        } else {
            Err(Bail)
        }
    }

    /// Reads the string whose opening quote is at the position.
    #[inline(always)]
    pub(super) fn string(&mut self) -> Res<Text<'a, '_>> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let start = self.pos + 1;
        let end = start + plain_run(bytes.get(start..).ok_or(Bail)?);
        if bytes.get(end) == Some(&b'"') {
            self.pos = end + 1;
            // Both ends are next to a quote, so on character boundaries.
            text.get(start..end).map(Text::Borrowed).ok_or(Bail)
        } else {
            self.escaped(start, end)
        }
    }

    /// Finishes a string with escapes into the scratch: `start` is the
    /// first byte of the string's text, `at` the byte that ended its plain
    /// run (anything but a backslash there is refused).
    #[cold]
    fn escaped(&mut self, start: usize, mut at: usize) -> Res<Text<'a, '_>> {
        let bytes = self.text.as_bytes();
        if bytes.get(at) != Some(&b'\\') {
            return Err(Bail);
        }
        self.scratch.clear();
        self.scratch.push_str(self.text.get(start..at).ok_or(Bail)?);
        loop {
            // `at` is on a backslash.
            let (unescaped, next) = unescape(bytes, at)?;
            self.scratch.push(unescaped);
            at = next + plain_run(bytes.get(next..).ok_or(Bail)?);
            self.scratch.push_str(self.text.get(next..at).ok_or(Bail)?);
            match bytes.get(at) {
                Some(b'"') => {
                    self.pos = at + 1;
                    return Ok(Text::Copied(&self.scratch));
                }
                Some(b'\\') => {}
                _ => return Err(Bail),
            }
        }
    }

    /// Reads the entries of an object or array, from its opening bracket
    /// at the position to `close`.
    #[inline]
    pub(super) fn nested<T>(&mut self, close: u8, read: impl FnOnce(Access<'_, 'a>) -> Res<T>) -> Res<T> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Bail);
        }
        self.pos += 1;
        // The value stays in its `Result`, so a large struct is not moved.
        let value = read(Access { de: self, first: true });
        self.depth -= 1;
        if value.is_ok() {
            self.expect(close)?;
        }
        value
    }
}

/// The character of the escape whose backslash is at `at`, and the
/// position after the escape.
fn unescape(bytes: &[u8], at: usize) -> Res<(char, usize)> {
    let c = *bytes.get(at + 1).ok_or(Bail)?;
    let simple = match c {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => return unicode_escape(bytes, at + 2),
        _ => return Err(Bail),
    };
    Ok((simple, at + 2))
}

/// The character of a `\u` escape whose four digits are at `at` (a
/// surrogate pair takes a second escape), and the position after it.
fn unicode_escape(bytes: &[u8], mut at: usize) -> Res<(char, usize)> {
    let unit = hex4(bytes, at)?;
    at += 4;
    let code = match unit {
        0xD800..=0xDBFF => {
            if bytes.get(at..at + 2) != Some(b"\\u") {
                return Err(Bail);
            }
            let low = hex4(bytes, at + 2)?;
            if !(0xDC00..=0xDFFF).contains(&low) {
                return Err(Bail);
            }
            at += 6;
            0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        }
        0xDC00..=0xDFFF => return Err(Bail),
        _ => unit,
    };
    Ok((char::from_u32(code).ok_or(Bail)?, at))
}

/// Whether two texts of the same length are equal: for 8 to 24 bytes
/// (every `values` key) by three overlapping eight-byte words, without a
/// call to `memcmp`.
#[inline(always)]
pub(super) fn same(a: &[u8], b: &[u8]) -> bool {
    fn word(s: &[u8], at: usize) -> u64 {
        let mut w = [0; 8];
        w.copy_from_slice(&s[at..at + 8]);
        u64::from_ne_bytes(w)
    }
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if !(8..=24).contains(&n) {
        return a == b;
    }
    let middle = (n - 8) / 2;
    (word(a, 0) ^ word(b, 0)) | (word(a, middle) ^ word(b, middle)) | (word(a, n - 8) ^ word(b, n - 8)) == 0
}

/// How many bytes at the start of `bytes` are plain string text (none of
/// [`SPECIAL`]): eight at a time, then byte by byte for the last few.
#[inline]
pub(super) fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        // A high bit marks a byte equal to `"` or `\`, or below 0x20; bytes
        // above the first marked one may be marked wrongly, so only the
        // lowest mark counts. Flipping bit 1 turns `"` (0x22) into 0x20 and
        // keeps every byte below 0x20 below it, so one comparison, "below
        // 0x21", finds both.
        let low = v ^ (ONES * 0x02);
        let backslash = v ^ (ONES * u64::from(b'\\'));
        let marks = (low.wrapping_sub(ONES * 0x21) & !low) | (backslash.wrapping_sub(ONES) & !backslash);
        let marks = marks & HIGH;
        if marks != 0 {
            return i + (marks.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&c) = bytes.get(i) {
        if SPECIAL[usize::from(c)] {
            break;
        }
        i += 1;
    }
    i
}

/// The value of four hexadecimal digits at `at`.
fn hex4(bytes: &[u8], at: usize) -> Res<u32> {
    let digits = bytes.get(at..at + 4).ok_or(Bail)?;
    digits.iter().try_fold(0u32, |acc, &d| {
        let v = char::from(d).to_digit(16).ok_or(Bail)?;
        Ok(acc << 4 | v)
    })
}

/// The entries of an object or the elements of an array.
pub(super) struct Access<'r, 'a> {
    pub(super) de: &'r mut Reader<'a>,
    first: bool,
}

impl Access<'_, '_> {
    /// Whether another entry follows before `close`; consumes the comma.
    #[inline]
    pub(super) fn more(&mut self, close: u8) -> Res<bool> {
        let c = self.de.peek().ok_or(Bail)?;
        if self.first {
            self.first = false;
            return Ok(c != close);
        }
        if c == close {
            return Ok(false);
        }
        if c != b',' {
            return Err(Bail);
        }
        self.de.pos += 1;
        Ok(true)
    }
}
