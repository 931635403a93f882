//! The first reading of [`crate::from_str`]: a lean serde `Deserializer`
//! over JSON text, made for the shapes of this crate, and the crate's wire
//! types read straight from it ([`Direct`]), without serde's visitors.
//!
//! It accepts a document only when serde_json would accept it and read the
//! same values: on anything it does not handle, or handles only slowly, it
//! gives up with [`Bail`], and the caller reads the document again with
//! serde_json, which decides and explains. So it has no error messages, no
//! positions, and never needs to be right about why input is bad.
//!
//! What makes it quick: strings are scanned eight bytes at a time and
//! handed out borrowed; plain non-negative integers are read directly;
//! anything else numeric is passed to serde_json on its own text; `values`
//! arrays are read in one loop (see [`REST`]); wire objects match their
//! keys as they read them and build themselves from locals; there is no
//! position tracking and no error formatting.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};

/// serde_json refuses documents nested 128 levels deep; this reader gives
/// up well before, so it never accepts what serde_json refuses.
const MAX_DEPTH: u32 = 100;

/// This reader gives up; serde_json reads the document instead.
#[derive(Debug)]
pub(crate) struct Bail;

impl fmt::Display for Bail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("left to serde_json")
    }
}

impl std::error::Error for Bail {}

impl de::Error for Bail {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Bail
    }
}

pub(crate) type Res<T> = Result<T, Bail>;

/// Bytes that end the plain run of a string: the quote, the backslash and
/// the control characters (which JSON forbids raw).
static SPECIAL: [bool; 256] = {
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

/// Reads one document of type `T` from `text`, which must hold nothing
/// else but white space.
pub(crate) fn from_str<'a, T: de::Deserialize<'a>>(text: &'a str) -> Res<T> {
    let mut reader = Reader::new(text);
    let value = T::deserialize(&mut reader);
    match reader.peek() {
        None => value,
        Some(_) => Err(Bail),
    }
}

/// Reads one document of a wire type straight from `text`, which must hold
/// nothing else but white space, building it in `slot`.
pub(crate) fn direct_str_into<T: Direct>(text: &str, slot: &mut Option<T>) -> Res<()> {
    let mut reader = Reader::new(text);
    T::direct_into(&mut reader, slot)?;
    match reader.peek() {
        None => Ok(()),
        Some(_) => Err(Bail),
    }
}

/// The newtype name through which a caller asks this reader for the rest
/// of the input: the reader answers `visit_borrowed_str` with the text from
/// the next value to the end, and the visitor reports how much of it it read
/// with [`consumed`]. Other deserializers treat it as a plain newtype, so
/// the visitor then reads the value the usual way. The `values` arrays are
/// read like this, with [`Flat`], without serde's per-element calls.
pub(crate) const REST: &str = "$anaplan_task::rest";

thread_local! {
    static CONSUMED: Cell<Option<usize>> = const { Cell::new(None) };
    /// The depth of the reader that handed out the rest of its input.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Marks, in [`CONSUMED`], that the reader asked for a reading of the rest.
const ASKED: usize = usize::MAX;

/// Whether the string a visitor was given is the rest of the input asked
/// for with [`REST`] (and not a string value from some other format).
pub(crate) fn asked() -> bool {
    CONSUMED.get() == Some(ASKED)
}

/// Reports, from a visitor given the rest of the input, how many bytes of
/// it the visitor read.
pub(crate) fn consumed(bytes: usize) {
    CONSUMED.set(Some(bytes));
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

pub(crate) struct Reader<'a> {
    text: &'a str,
    pos: usize,
    depth: u32,
    /// The unescaped text of the last string that had escapes.
    scratch: String,
}

/// A string read: borrowed from the input, or unescaped into the scratch.
enum Text<'a, 's> {
    Borrowed(&'a str),
    Copied(&'s str),
}

impl<'a: 's, 's> Text<'a, 's> {
    fn into_str(self) -> &'s str {
        match self {
            Text::Borrowed(s) | Text::Copied(s) => s,
        }
    }

    fn visit<V: Visitor<'a>>(self, visitor: V) -> Res<V::Value> {
        match self {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Copied(s) => visitor.visit_str(s),
        }
    }
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
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
    fn peek(&mut self) -> Option<u8> {
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
    fn expect(&mut self, c: u8) -> Res<()> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Bail)
        }
    }

    /// Consumes the keyword `word` (`null`, `true`, `false`) at the position.
    fn keyword(&mut self, word: &[u8]) -> Res<()> {
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
    fn string(&mut self) -> Res<Text<'a, '_>> {
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
            let c = *bytes.get(at + 1).ok_or(Bail)?;
            at += 2;
            let unescaped = match c {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
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
                    char::from_u32(code).ok_or(Bail)?
                }
                _ => return Err(Bail),
            };
            self.scratch.push(unescaped);
            let run = at;
            at += plain_run(bytes.get(at..).ok_or(Bail)?);
            self.scratch.push_str(self.text.get(run..at).ok_or(Bail)?);
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

    /// Reads a number: plain non-negative integers here, everything else
    /// by serde_json on the number's own text, so the value is exactly the
    /// one serde_json would give.
    fn number<V: Visitor<'a>>(&mut self, visitor: V) -> Res<V::Value> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut i = start;
        let mut n: u64 = 0;
        let mut plain = true;
        while let Some(&c) = bytes.get(i) {
            if !c.is_ascii_digit() {
                break;
            }
            match n.checked_mul(10).and_then(|n| n.checked_add(u64::from(c - b'0'))) {
                Some(m) => n = m,
                None => plain = false,
            }
            i += 1;
        }
        let digits = i - start;
        let leading_zero = digits > 1 && bytes[start] == b'0';
        let more = matches!(bytes.get(i), Some(b'.' | b'e' | b'E' | b'-' | b'+'));
        if plain && digits > 0 && !leading_zero && !more {
            self.pos = i;
            return visitor.visit_u64(n);
        }
        while matches!(bytes.get(i), Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'-' | b'+')) {
            i += 1;
        }
        let span = self.text.get(start..i).ok_or(Bail)?;
        let mut de = serde_json::Deserializer::from_str(span);
        let value = de::Deserializer::deserialize_any(&mut de, visitor).map_err(|_| Bail)?;
        de.end().map_err(|_| Bail)?;
        self.pos = i;
        Ok(value)
    }

    /// Reads an object whose `{` is at the position.
    fn object<V: Visitor<'a>>(&mut self, visitor: V) -> Res<V::Value> {
        self.nested(b'}', |entries| visitor.visit_map(entries))
    }

    /// Reads an array whose `[` is at the position.
    fn array<V: Visitor<'a>>(&mut self, visitor: V) -> Res<V::Value> {
        self.nested(b']', |elements| visitor.visit_seq(elements))
    }

    /// Reads the entries of an object or array, from its opening bracket
    /// at the position to `close`.
    #[inline]
    fn nested<T>(&mut self, close: u8, read: impl FnOnce(Access<'_, 'a>) -> Res<T>) -> Res<T> {
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

/// Whether two texts of the same length are equal: for 8 to 24 bytes
/// (every `values` key) by three overlapping eight-byte words, without a
/// call to `memcmp`.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
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
fn plain_run(bytes: &[u8]) -> usize {
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

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.peek().ok_or(Bail)? {
            b'"' => self.string()?.visit(visitor),
            b'{' => self.object(visitor),
            b'[' => self.array(visitor),
            b'n' => {
                self.keyword(b"null")?;
                visitor.visit_unit()
            }
            b't' => {
                self.keyword(b"true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.keyword(b"false")?;
                visitor.visit_bool(false)
            }
            b'-' | b'0'..=b'9' => self.number(visitor),
            _ => Err(Bail),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        if self.peek() == Some(b'n') {
            self.keyword(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.peek() {
            Some(b'"') => self.string()?.visit(visitor),
            _ => Err(Bail),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.peek() {
            Some(b'{') => self.object(visitor),
            _ => Err(Bail),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Res<V::Value> {
        self.deserialize_map(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.peek() {
            Some(b'[') => self.array(visitor),
            _ => Err(Bail),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Res<V::Value> {
        if name == REST {
            self.peek().ok_or(Bail)?;
            let rest = self.text.get(self.pos..).ok_or(Bail)?;
            CONSUMED.set(Some(ASKED));
            DEPTH.set(self.depth);
            let value = visitor.visit_borrowed_str(rest);
            let used = CONSUMED.take().filter(|&n| n != ASKED).ok_or(Bail);
            self.pos += used?;
            return value;
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        _visitor: V,
    ) -> Res<V::Value> {
        Err(Bail)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
        unit unit_struct tuple tuple_struct identifier ignored_any
    }
}

/// The entries of an object or the elements of an array.
struct Access<'r, 'a> {
    de: &'r mut Reader<'a>,
    first: bool,
}

impl Access<'_, '_> {
    /// Whether another entry follows before `close`; consumes the comma.
    #[inline]
    fn more(&mut self, close: u8) -> Res<bool> {
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

impl<'de> de::SeqAccess<'de> for Access<'_, 'de> {
    type Error = Bail;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Res<Option<T::Value>> {
        if !self.more(b']')? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }
}

impl<'de> de::MapAccess<'de> for Access<'_, 'de> {
    type Error = Bail;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Res<Option<K::Value>> {
        if !self.more(b'}')? {
            return Ok(None);
        }
        if self.de.peek() != Some(b'"') {
            return Err(Bail);
        }
        seed.deserialize(Key(&mut *self.de)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Res<V::Value> {
        self.de.expect(b':')?;
        seed.deserialize(&mut *self.de)
    }
}

/// An object key: a string, whatever the caller asks for (a caller that
/// wants a number from it gets a string and refuses it).
struct Key<'r, 'a>(&'r mut Reader<'a>);

impl<'de> de::Deserializer<'de> for Key<'_, 'de> {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        self.0.string()?.visit(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

/// Reads a wire type from the rest of the input handed out for [`REST`]
/// (see [`asked`]), straight from the text, and reports what it read.
pub(crate) fn resume<T: Direct>(rest: &str) -> Res<T> {
    let mut reader = Reader::new(rest);
    reader.depth = DEPTH.get();
    let value = T::direct(&mut reader)?;
    consumed(reader.pos);
    Ok(value)
}

/// A wire object: its reading is written once, over [`Fields`], and
/// serves both its `Deserialize` ([`deserialize_wire`]) and [`Direct`].
pub(crate) trait Wire: Sized {
    /// What the object is, for the message about a value of another type.
    const EXPECTING: &'static str;

    /// Reads the object's fields and builds it in `slot`.
    fn read_into<'de, F: Fields<'de>>(fields: F, slot: &mut Option<Self>) -> Result<(), F::Error>;

    /// Reads the object's fields.
    fn read<'de, F: Fields<'de>>(fields: F) -> Result<Self, F::Error> {
        let mut slot = None;
        Self::read_into(fields, &mut slot)?;
        slot.ok_or_else(|| de::Error::custom("unreachable: no value was read"))
    }
}

impl<T: Wire> Direct for T {
    #[inline]
    fn direct(r: &mut Reader<'_>) -> Res<Self> {
        r.object_fields(|fields| T::read(fields))
    }

    #[inline]
    fn direct_into(r: &mut Reader<'_>, slot: &mut Option<Self>) -> Res<()> {
        r.object_fields(|fields| T::read_into(fields, slot))
    }
}

/// `Deserialize` for a wire object. It asks the deserializer for the rest
/// of its input under [`REST`]: this reader hands it out, and the object is
/// read straight from it; any other deserializer treats the name as a plain
/// newtype, and the object is read from its map.
pub(crate) fn deserialize_wire<'de, T: Wire, D: de::Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_newtype_struct(REST, WireVisitor(std::marker::PhantomData))
}

struct WireVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Wire> Visitor<'de> for WireVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::read(SerdeFields(map))
    }
    fn visit_newtype_struct<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_map(self)
    }
    /// The rest of the input when this reader handed it out; otherwise a
    /// string, which the object is not.
    fn visit_borrowed_str<E: de::Error>(self, rest: &'de str) -> Result<T, E> {
        if !asked() {
            return Err(E::invalid_type(de::Unexpected::Str(rest), &self));
        }
        resume(rest).map_err(|Bail| E::custom("left to the full reading"))
    }
}

/// A type read straight from this reader, without serde's visitors: wire
/// objects match their keys as they are read and build themselves from
/// locals. Leaves without a quicker way are read through serde.
pub(crate) trait Direct: Sized {
    fn direct(r: &mut Reader<'_>) -> Res<Self>;

    /// Reads into `slot`, where a large value is built in place instead of
    /// being moved there.
    #[inline]
    fn direct_into(r: &mut Reader<'_>, slot: &mut Option<Self>) -> Res<()> {
        *slot = Some(Self::direct(r)?);
        Ok(())
    }
}

/// `Direct` through the type's own `Deserialize`, on this reader.
macro_rules! direct_via_serde {
    ($($ty:ty),* $(,)?) => {
        $(impl $crate::read::lean::Direct for $ty {
            #[inline]
            fn direct(r: &mut $crate::read::lean::Reader<'_>) -> $crate::read::lean::Res<Self> {
                <$ty as serde::Deserialize>::deserialize(r)
            }
        })*
    };
}

direct_via_serde!(
    u16,
    u64,
    i64,
    serde_json::Value,
    crate::TaskState,
    crate::Progress,
    crate::DetailCode
);

impl Direct for String {
    #[inline]
    fn direct(r: &mut Reader<'_>) -> Res<Self> {
        match r.peek() {
            Some(b'"') => Ok(r.string()?.into_str().to_owned()),
            _ => Err(Bail),
        }
    }
}

impl Direct for bool {
    fn direct(r: &mut Reader<'_>) -> Res<Self> {
        match r.peek() {
            Some(b't') => r.keyword(b"true").map(|()| true),
            Some(b'f') => r.keyword(b"false").map(|()| false),
            _ => Err(Bail),
        }
    }
}

impl<T: Direct> Direct for Option<T> {
    #[inline]
    fn direct(r: &mut Reader<'_>) -> Res<Self> {
        if r.peek() == Some(b'n') {
            r.keyword(b"null").map(|()| None)
        } else {
            T::direct(r).map(Some)
        }
    }

    #[inline]
    fn direct_into(r: &mut Reader<'_>, slot: &mut Option<Self>) -> Res<()> {
        if r.peek() == Some(b'n') {
            *slot = Some(None);
            return r.keyword(b"null");
        }
        T::direct_into(r, slot.insert(None))
    }
}

impl<T: Direct> Direct for Vec<T> {
    fn direct(r: &mut Reader<'_>) -> Res<Self> {
        if r.peek() != Some(b'[') {
            return Err(Bail);
        }
        r.nested(b']', |mut items| {
            let mut all = Vec::new();
            while items.more(b']')? {
                all.push(T::direct(items.de)?);
            }
            Ok(all)
        })
    }
}

impl<'a> Reader<'a> {
    /// Reads the object at the position with `read`, which takes its
    /// fields from [`Object`].
    #[inline]
    pub(crate) fn object_fields<T>(&mut self, read: impl FnOnce(Object<'_, 'a>) -> Res<T>) -> Res<T> {
        if self.peek() != Some(b'{') {
            return Err(Bail);
        }
        self.nested(b'}', |entries| read(Object(entries)))
    }
}

/// Where the fields of a wire object come from: serde's map access
/// ([`SerdeFields`]), or this reader ([`Object`]). The objects' reading is
/// written once, over this.
pub(crate) trait Fields<'de> {
    type Error: de::Error;
    /// The next key, or `None` at the end of the object.
    fn key(&mut self) -> Result<Option<std::borrow::Cow<'de, str>>, Self::Error>;
    /// The value of the key just read.
    fn value<T: Direct + de::Deserialize<'de>>(&mut self) -> Result<T, Self::Error>;
    /// The value of the key just read, into `slot`.
    fn value_into<T: Direct + de::Deserialize<'de>>(&mut self, slot: &mut Option<T>) -> Result<(), Self::Error>;
    /// The value of the key just read, which may be `null`, into `slot`
    /// (`None` for `null`).
    fn optional_into<T: Direct + de::Deserialize<'de>>(&mut self, slot: &mut Option<T>) -> Result<(), Self::Error>;
    /// The value of the key just read, a `values` array.
    fn values(&mut self, seed: crate::values::ValuesSeed) -> Result<Option<crate::DetailValues>, Self::Error>;
}

/// The fields of an object from serde's map access.
pub(crate) struct SerdeFields<A>(pub(crate) A);

impl<'de, A: de::MapAccess<'de>> Fields<'de> for SerdeFields<A> {
    type Error = A::Error;
    #[inline]
    fn key(&mut self) -> Result<Option<std::borrow::Cow<'de, str>>, A::Error> {
        Ok(self.0.next_key::<crate::read::wire::WireStr<'de>>()?.map(|k| k.0))
    }
    #[inline]
    fn value<T: Direct + de::Deserialize<'de>>(&mut self) -> Result<T, A::Error> {
        self.0.next_value()
    }
    #[inline]
    fn value_into<T: Direct + de::Deserialize<'de>>(&mut self, slot: &mut Option<T>) -> Result<(), A::Error> {
        *slot = Some(self.0.next_value()?);
        Ok(())
    }
    #[inline]
    fn optional_into<T: Direct + de::Deserialize<'de>>(&mut self, slot: &mut Option<T>) -> Result<(), A::Error> {
        *slot = self.0.next_value()?;
        Ok(())
    }
    fn values(&mut self, seed: crate::values::ValuesSeed) -> Result<Option<crate::DetailValues>, A::Error> {
        self.0.next_value_seed(seed)
    }
}

/// The fields of an object read straight from this reader.
pub(crate) struct Object<'r, 'a>(Access<'r, 'a>);

impl<'a> Fields<'a> for Object<'_, 'a> {
    type Error = Bail;
    #[inline]
    fn key(&mut self) -> Res<Option<std::borrow::Cow<'a, str>>> {
        if !self.0.more(b'}')? {
            return Ok(None);
        }
        let r = &mut *self.0.de;
        if r.peek() != Some(b'"') {
            return Err(Bail);
        }
        let key = match r.string()? {
            Text::Borrowed(s) => std::borrow::Cow::Borrowed(s),
            Text::Copied(s) => std::borrow::Cow::Owned(s.to_owned()),
        };
        r.expect(b':')?;
        Ok(Some(key))
    }
    #[inline]
    fn value<T: Direct + de::Deserialize<'a>>(&mut self) -> Res<T> {
        T::direct(self.0.de)
    }
    #[inline]
    fn value_into<T: Direct + de::Deserialize<'a>>(&mut self, slot: &mut Option<T>) -> Res<()> {
        T::direct_into(self.0.de, slot)
    }
    #[inline]
    fn optional_into<T: Direct + de::Deserialize<'a>>(&mut self, slot: &mut Option<T>) -> Res<()> {
        let r = &mut *self.0.de;
        if r.peek() == Some(b'n') {
            *slot = None;
            return r.keyword(b"null");
        }
        T::direct_into(r, slot)
    }
    fn values(&mut self, seed: crate::values::ValuesSeed) -> Res<Option<crate::DetailValues>> {
        let r = &mut *self.0.de;
        r.peek().ok_or(Bail)?;
        let (values, used) = seed.read_rest(r.text.get(r.pos..).ok_or(Bail)?)?;
        r.pos += used;
        Ok(values)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    /// What this reader gives, checked against serde_json: the same value,
    /// or a refusal.
    fn same(text: &str) -> bool {
        let fast = from_str::<Value>(text).ok();
        let slow = serde_json::from_str::<Value>(text).ok();
        if let Some(v) = &fast {
            assert_eq!(Some(v), slow.as_ref(), "{text}");
        }
        fast.is_some()
    }

    #[test]
    fn flat_counts_are_exactly_the_plain_decimal_counts() {
        for count in [
            "0",
            "7",
            "90",
            "00",
            "01",
            "-1",
            "+1",
            "1a",
            "",
            " 1",
            "1 ",
            "1.0",
            "1234567890123456789",
            "9999999999999999999",
            "12345678901234567890",
            "18446744073709551616",
        ] {
            let text = format!(r#"["{count}"]"#);
            let (mut flat, empty) = Flat::open(&text).unwrap().unwrap();
            assert!(!empty);
            let parsed = crate::values::parse_count("k", 1, count).ok();
            // Longer counts are left to the count parser, which has the
            // overflow check.
            let expected = parsed.filter(|_| count.len() <= 19);
            assert_eq!(flat.count(), expected, "{count:?}");
            if expected.is_none() {
                // Nothing was read: the element is still there as text.
                assert_eq!(flat.element().unwrap(), Some(count), "{count:?}");
            }
            assert!(!flat.more().unwrap());
            assert_eq!(flat.used(), text.len());
        }
    }

    #[test]
    fn flat_reads_strings_nulls_and_white_space() {
        let text = r#"[ "a" , null,"b\"c","é" ]  tail"#;
        let (mut flat, empty) = Flat::open(text).unwrap().unwrap();
        assert!(!empty);
        let mut seen = Vec::new();
        loop {
            seen.push(flat.element().unwrap().map(str::to_owned));
            if !flat.more().unwrap() {
                break;
            }
        }
        assert_eq!(seen, [Some("a".into()), None, Some("b\"c".into()), Some("é".into())]);
        assert_eq!(&text[flat.used()..], "  tail");
        // A count after white space, as in pretty-printed captures.
        let (mut flat, _) = Flat::open("[\n  \"k\",\n  \"12\"\n]").unwrap().unwrap();
        assert_eq!(flat.element().unwrap(), Some("k"));
        assert!(flat.more().unwrap());
        assert_eq!(flat.count(), Some(12));
        assert!(!flat.more().unwrap());
        assert_eq!(Flat::open("null,").unwrap().err(), Some(4));
        assert!(Flat::open(" [ ] ").unwrap().unwrap().1);
        for bad in ["", "{}", "[1]", "[\"a\" \"b\"]", "[\"a\",]", "[\"a"] {
            let refused = match Flat::open(bad) {
                Err(Bail) => true,
                Ok(Err(_)) => false,
                Ok(Ok((mut flat, _))) => (|| {
                    loop {
                        flat.element()?;
                        if !flat.more()? {
                            return Ok::<(), Bail>(());
                        }
                    }
                })()
                .is_err(),
            };
            assert!(refused, "{bad:?}");
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"a":[1,2.5,-3,0,1e3,true,false,null,"x"],"b":{}}"#,
            " [ ] ",
            r#""tab\there \"quoted\" \\ \/ \u00e9 \ud83d\ude00""#,
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "0.1",
            "1.0",
            "-0",
            r#"{"é":"ü"}"#,
        ] {
            assert!(same(text), "refused {text}");
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses_or_is_unusual() {
        for text in [
            "",
            "01",
            "1.",
            "[1,]",
            r#"{"a":1,}"#,
            "[1 2]",
            r#"{"a" 1}"#,
            "nul",
            "[1]x",
            "\"\u{1}\"",
            r#""\ud800""#,
            r#""\x""#,
            "1e999",
            &"[".repeat(101),
        ] {
            assert!(!same(text), "accepted {text:?}");
        }
    }

    #[test]
    fn same_compares_every_byte() {
        for n in 0..30 {
            let a: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            assert!(super::same(&a, &a.clone()), "{n}");
            for at in 0..n {
                let mut b = a.clone();
                b[at] ^= 0x20;
                assert!(!super::same(&a, &b), "{n} bytes, differing at {at}");
            }
            assert!(!super::same(&a, &a[..n.saturating_sub(1)]) || n == 0);
        }
    }

    #[test]
    fn plain_runs_end_at_the_first_special_byte() {
        // Every byte value, in every lane of the eight-byte scan and in the
        // byte-by-byte tail.
        for byte in 0..=u8::MAX {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 20];
                bytes[at] = byte;
                let expected = if SPECIAL[usize::from(byte)] { at } else { 20 };
                assert_eq!(plain_run(&bytes), expected, "{byte:#x} at {at}");
            }
        }
        for special in [b'"', b'\\', 0x00, 0x1f] {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 20];
                bytes[at] = special;
                // bytes past the special one must not matter
                if at + 1 < bytes.len() {
                    bytes[at + 1] = 0x80;
                }
                assert_eq!(plain_run(&bytes), at, "{special:#x} at {at}");
            }
        }
        assert_eq!(plain_run("éééééé\"abcdefgh".as_bytes()), 12);
        assert_eq!(plain_run(b"abc"), 3);
        assert_eq!(plain_run(b"abcdefghij"), 10);
        assert_eq!(plain_run(&[0x7f, 0x20, b'!', b'#', b'[', b']', 0xff, 0xc3]), 8);
    }

    #[test]
    fn stops_before_serde_json_depth_limit() {
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(same(&nested(100)));
        assert!(!same(&nested(101)));
    }
}
