//! [`Flat`]: a flat array of strings and nulls (a `values` array) read
//! element by element in one loop, and [`DirectSeed`], the hook through
//! which a reading of such an array is handed the text by the lean reader.

use serde::de::DeserializeSeed;

use super::Bail;
use super::scan::{Reader, Res, same};

/// A seed that, on the lean reader, reads its value straight from the text
/// in one loop (with [`Flat`]) instead of through serde's per-element calls;
/// any other deserializer reads it through [`DeserializeSeed`].
pub(crate) trait DirectSeed<'de>: DeserializeSeed<'de> {
    /// Reads the value at the start of `rest` (the text from the value to
    /// the end of the input): the value and the number of bytes it took.
    /// Anything the usual reading would refuse or explain is [`Bail`].
    fn read_rest(self, rest: &'de str) -> Result<(Self::Value, usize), Bail>;

    /// The seed noting in `cause` the typed error behind a failure, for a
    /// reading that keeps it (see [`Cause`](super::Cause)).
    fn noting(self, cause: Option<super::Cause>) -> Self;
}

/// A reading of a flat array of strings and nulls (a `values` array) at
/// the start of a text, element by element.
pub(crate) struct Flat<'a> {
    r: Reader<'a>,
}

impl<'a> Flat<'a> {
    /// Opens the array at the start of `text`: the reading and whether the
    /// array is empty (its `]` then read too), or for `null` the number of
    /// bytes read.
    pub(crate) fn open(text: &'a str) -> Res<Result<(Self, bool), usize>> {
        let mut r = Reader::new(text);
        match r.peek() {
            Some(b'n') => {
                r.keyword(b"null")?;
                return Ok(Err(r.pos));
            }
            Some(b'[') => r.pos += 1,
            _ => return Err(Bail),
        }
        let empty = r.peek() == Some(b']');
        if empty {
            r.pos += 1;
        }
        Ok(Ok((Self { r }, empty)))
    }

    /// Reads the next element: a string or `null`.
    #[inline(always)]
    pub(crate) fn element(&mut self) -> Res<Option<&str>> {
        match self.r.peek() {
            Some(b'"') => self.r.string().map(|t| Some(t.into_str())),
            Some(b'n') => self.r.keyword(b"null").map(|()| None),
            _ => Err(Bail),
        }
    }

    /// Reads the next element if it is exactly the string `name`, with no
    /// escapes and no white space before it; reads nothing otherwise.
    #[inline(always)]
    pub(crate) fn is(&mut self, name: &str) -> bool {
        let bytes = self.r.text.as_bytes();
        let start = self.r.pos + 1;
        let end = start + name.len();
        let quoted = bytes.get(self.r.pos) == Some(&b'"') && bytes.get(end) == Some(&b'"');
        if quoted && bytes.get(start..end).is_some_and(|text| same(text, name.as_bytes())) {
            self.r.pos = end + 1;
            true
        } else {
            false
        }
    }

    /// Reads the next element if it is a count as plain decimal text (no
    /// leading zero, at most 19 digits, so no overflow); reads nothing and
    /// gives `None` otherwise.
    #[inline(always)]
    pub(crate) fn count(&mut self) -> Option<u64> {
        let bytes = self.r.text.as_bytes();
        if bytes.get(self.r.pos) != Some(&b'"') {
            return self.count_after_space();
        }
        let start = self.r.pos + 1;
        let mut n: u64 = 0;
        let mut i = start;
        while let Some(&c) = bytes.get(i) {
            let digit = c.wrapping_sub(b'0');
            if digit >= 10 {
                break;
            }
            n = n.wrapping_mul(10).wrapping_add(u64::from(digit));
            i += 1;
        }
        let digits = i - start;
        let plain = digits == 1 || ((2..=19).contains(&digits) && bytes[start] != b'0');
        if plain && bytes.get(i) == Some(&b'"') {
            self.r.pos = i + 1;
            Some(n)
        } else {
            None
        }
    }

    /// [`Flat::count`] when the next byte is not a quote: white space may
    /// come first.
    #[cold]
    fn count_after_space(&mut self) -> Option<u64> {
        if self.r.peek() == Some(b'"') {
            self.count()
        } else {
            None
        }
    }

    /// After an element: whether another follows (its comma read), or the
    /// array ends (its `]` read).
    #[inline(always)]
    pub(crate) fn more(&mut self) -> Res<bool> {
        let more = match self.r.peek() {
            Some(b',') => true,
            Some(b']') => false,
            _ => return Err(Bail),
        };
        self.r.pos += 1;
        Ok(more)
    }

    /// The number of bytes read.
    pub(crate) fn used(&self) -> usize {
        self.r.pos
    }
}
