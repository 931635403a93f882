//! The flat key/value array `details[].values`, and the typed structs it
//! decodes into.
//!
//! On the wire `values` alternates keys and values:
//! `["hierarchyName", "Employees", "successRowCount", "90", ...]`. Keys come
//! in any order, so they are matched by name; counts are decimal text. The
//! pairs go straight from the input into the typed struct (no intermediate
//! map): a repeated key, a missing key, a key without a value, a `null`
//! where text is required and a count that is not plain decimal each get
//! their own [`ValuesError`], naming the key, its index in the array and the
//! offending text. Keys the struct does not know are kept, in order, in its
//! `other` field.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};

/// A key/value pair from `values` that the typed struct does not know,
/// kept as sent.
///
/// With serde it is `{"key": "...", "value": "..." or null}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Pair {
    /// The key.
    pub key: String,
    /// The value, `None` where the server sent `null`.
    pub value: Option<String>,
}

impl Pair {
    /// A pair with a text value.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            value: Some(value.into()),
        }
    }
}

/// Why a `values` array could not be decoded into its typed struct.
///
/// Every message names the key, its index in the array and the offending
/// text (cut to 64 characters).
///
/// ```
/// use anaplan_task::{HierarchyRowsProcessed, ValuesError};
/// let err = HierarchyRowsProcessed::from_values(&[Some("hierarchyName"), Some("Employees"), Some("failedCount")])
///     .unwrap_err();
/// assert_eq!(err.to_string(), "odd number of entries (3): key `failedCount` at index 2 has no value");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValuesError {
    /// The array has an odd number of entries: its last key has no value.
    #[error("odd number of entries ({len}): key `{key}` at index {index} has no value")]
    OddLength {
        /// Length of the array.
        len: usize,
        /// The last key.
        key: String,
        /// Its index.
        index: usize,
    },
    /// A key appears twice.
    #[error("duplicate key `{key}` at index {index} (first at index {first})")]
    DuplicateKey {
        /// The key.
        key: String,
        /// Index of the second occurrence.
        index: usize,
        /// Index of the first occurrence.
        first: usize,
    },
    /// A key the typed struct requires is absent.
    #[error("missing key `{key}` required by {detail}")]
    MissingKey {
        /// The key.
        key: &'static str,
        /// The detail type that requires it.
        detail: &'static str,
    },
    /// A key position holds `null`.
    #[error("null key at index {index}, expected a key string")]
    NullKey {
        /// Index of the `null`.
        index: usize,
    },
    /// A key that needs text (a name or a count) has a `null` value.
    #[error("null value for key `{key}` at index {index}, expected text")]
    NullValue {
        /// The key.
        key: &'static str,
        /// Index of the `null`.
        index: usize,
    },
    /// A count is not plain decimal digits (no sign, space, point or leading zero).
    #[error("count `{key}` at index {index} is not a plain decimal: `{text}`")]
    NotDecimal {
        /// The key.
        key: &'static str,
        /// Index of the value.
        index: usize,
        /// The text sent.
        text: String,
    },
    /// A count is negative.
    #[error("count `{key}` at index {index} is negative: `{text}`")]
    NegativeCount {
        /// The key.
        key: &'static str,
        /// Index of the value.
        index: usize,
        /// The text sent.
        text: String,
    },
    /// A count does not fit in 64 bits.
    #[error("count `{key}` at index {index} does not fit in 64 bits: `{text}`")]
    CountOverflow {
        /// The key.
        key: &'static str,
        /// Index of the value.
        index: usize,
        /// The text sent.
        text: String,
    },
}

impl ValuesError {
    /// A stable kebab-case code for the error, as the validator reports it:
    /// `values-odd-length`, `values-duplicate-key`, `values-missing-key`,
    /// `values-null-key`, `values-null-value`, `count-not-decimal`,
    /// `count-negative` or `count-overflow`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::OddLength { .. } => "values-odd-length",
            Self::DuplicateKey { .. } => "values-duplicate-key",
            Self::MissingKey { .. } => "values-missing-key",
            Self::NullKey { .. } => "values-null-key",
            Self::NullValue { .. } => "values-null-value",
            Self::NotDecimal { .. } => "count-not-decimal",
            Self::NegativeCount { .. } => "count-negative",
            Self::CountOverflow { .. } => "count-overflow",
        }
    }
}

thread_local! {
    /// The typed error behind the last `values` failure raised while a
    /// document was read, so that [`crate::DecodeError`] can carry it.
    static LAST: std::cell::RefCell<Option<ValuesError>> = const { std::cell::RefCell::new(None) };
}

/// Turns a `values` error into a deserializer error, keeping the typed error.
pub(crate) fn raise<E: de::Error>(e: ValuesError) -> E {
    let err = E::custom(&e);
    LAST.with(|last| *last.borrow_mut() = Some(e));
    err
}

/// Takes the typed error kept by [`raise`].
pub(crate) fn take_last() -> Option<ValuesError> {
    LAST.with(|last| last.borrow_mut().take())
}

/// Cuts text quoted in an error message to 64 characters.
pub(crate) fn snippet(text: &str) -> String {
    const MAX: usize = 64;
    let (shown, cut) = match text.char_indices().nth(MAX) {
        None => (text, ""),
        Some((at, _)) => (&text[..at], "…"),
    };
    if !shown.chars().any(char::is_control) {
        return format!("{shown}{cut}");
    }
    // Control characters (newlines, escapes) are written as escapes, so
    // that a report line stays one line and cannot drive a terminal.
    let mut out = String::with_capacity(shown.len() + 8);
    for c in shown.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out.push_str(cut);
    out
}

/// Parses a count sent as decimal text: ASCII digits, no sign, no leading
/// zero (but `"0"` itself), at most `u64::MAX`.
pub(crate) fn parse_count(key: &'static str, index: usize, text: &str) -> Result<u64, ValuesError> {
    let b = text.as_bytes();
    // One pass for the common case: at most 19 digits cannot overflow.
    if let [first, rest @ ..] = b {
        if b.len() <= 19 && (*first != b'0' || rest.is_empty()) {
            let mut n: u64 = 0;
            let mut plain = true;
            for &d in b {
                let digit = d.wrapping_sub(b'0');
                plain &= digit < 10;
                n = n.wrapping_mul(10).wrapping_add(u64::from(digit));
            }
            if plain {
                return Ok(n);
            }
        }
    }
    parse_count_slow(key, index, text)
}

/// [`parse_count`] for long text and for errors.
#[cold]
fn parse_count_slow(key: &'static str, index: usize, text: &str) -> Result<u64, ValuesError> {
    let b = text.as_bytes();
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    if !digits(b) || (b.len() > 1 && b[0] == b'0') {
        if b.first() == Some(&b'-') && digits(&b[1..]) {
            return Err(ValuesError::NegativeCount {
                key,
                index,
                text: snippet(text),
            });
        }
        return Err(ValuesError::NotDecimal {
            key,
            index,
            text: snippet(text),
        });
    }
    let mut n: u64 = 0;
    for &d in b {
        n = match n.checked_mul(10).and_then(|n| n.checked_add(u64::from(d - b'0'))) {
            Some(n) => n,
            None => {
                return Err(ValuesError::CountOverflow {
                    key,
                    index,
                    text: snippet(text),
                });
            }
        };
    }
    Ok(n)
}

// ---------------------------------------------------------------------------
// The decoding engine, shared by the streaming and the slice paths.

/// What a key's value must be.
#[derive(Clone, Copy)]
pub(crate) enum Shape {
    /// Text, never null.
    Text,
    /// Text or null.
    NullableText,
    /// A count as decimal text.
    Count,
}

/// One key a typed struct knows.
pub(crate) struct KeySpec {
    pub(crate) name: &'static str,
    pub(crate) shape: Shape,
    pub(crate) required: bool,
}

const fn count(name: &'static str) -> KeySpec {
    KeySpec {
        name,
        shape: Shape::Count,
        required: true,
    }
}

/// The keys of one typed struct. Text keys come first in `keys` (at most
/// [`MAX_TEXTS`]), counts after them.
pub(crate) struct Spec {
    pub(crate) detail: &'static str,
    pub(crate) keys: &'static [KeySpec],
    /// The index of a key in `keys`, by name.
    pub(crate) index: fn(&str) -> Option<usize>,
}

const MAX_KEYS: usize = 16;
const MAX_TEXTS: usize = 2;
const UNSEEN: u32 = u32::MAX;

/// Where a key's value goes.
enum Target {
    Known(usize),
    Other(String),
}

/// Collects pairs for one typed struct.
pub(crate) struct Sink {
    spec: &'static Spec,
    /// Where each known key was first seen.
    first: [u32; MAX_KEYS],
    counts: [u64; MAX_KEYS],
    /// Text keys: `None` when absent or null (`first` tells which).
    texts: [Option<String>; MAX_TEXTS],
    pub(crate) other: Vec<Pair>,
    other_at: Vec<usize>,
    /// Where each other key was seen, once there are many of them, so that
    /// a huge array of unknown keys is checked for repeats in n log n.
    other_index: Option<std::collections::BTreeMap<String, usize>>,
}

/// How many other keys are checked for repeats by a linear search.
const LINEAR_OTHER: usize = 16;

/// The pairs of a complete, valid array, ready to build a struct from: the
/// sink that collected them, taken from by reference so that nothing large
/// is moved.
pub(crate) type Filled = Sink;

impl Sink {
    /// A required text key.
    pub(crate) fn text(&mut self, i: usize) -> String {
        self.texts[i].take().unwrap_or_default()
    }

    /// An optional text key that may be null: `None` when absent,
    /// `Some(None)` when null.
    pub(crate) fn nullable(&mut self, i: usize) -> Option<Option<String>> {
        (self.first[i] != UNSEEN).then(|| self.texts[i].take())
    }

    /// A count key; `None` when absent.
    pub(crate) fn count(&self, i: usize) -> Option<u64> {
        (self.first[i] != UNSEEN).then_some(self.counts[i])
    }
}

impl Sink {
    fn new(spec: &'static Spec) -> Self {
        debug_assert!(spec.keys.len() <= MAX_KEYS);
        Self {
            spec,
            first: [UNSEEN; MAX_KEYS],
            counts: [0; MAX_KEYS],
            texts: Default::default(),
            other: Vec::new(),
            other_at: Vec::new(),
            other_index: None,
        }
    }

    #[inline]
    fn key(&mut self, index: usize, key: &str) -> Result<Target, ValuesError> {
        match (self.spec.index)(key) {
            Some(i) if self.first[i] == UNSEEN => Ok(self.known(i, index)),
            known => self.other_key(index, key, known),
        }
    }

    /// [`Sink::key`] for the known key `i`, not seen before, at `index`.
    #[inline]
    fn known(&mut self, i: usize, index: usize) -> Target {
        self.first[i] = u32::try_from(index).unwrap_or(UNSEEN - 1);
        Target::Known(i)
    }

    /// [`Sink::key`] for a key not among the struct's fields, or seen twice.
    #[inline(never)]
    fn other_key(&mut self, index: usize, key: &str, known: Option<usize>) -> Result<Target, ValuesError> {
        let first = match (known, &self.other_index) {
            (Some(i), _) => Some(self.first[i] as usize),
            (None, Some(seen)) => seen.get(key).copied(),
            (None, None) => self.other.iter().position(|p| p.key == key).map(|j| self.other_at[j]),
        };
        if let Some(first) = first {
            return Err(ValuesError::DuplicateKey {
                key: snippet(key),
                index,
                first,
            });
        }
        Ok(Target::Other(key.to_owned()))
    }

    #[inline]
    fn value(&mut self, target: Target, index: usize, value: Option<Cow<'_, str>>) -> Result<(), ValuesError> {
        let i = match target {
            Target::Known(i) => i,
            Target::Other(key) => {
                self.other_value(key, index, value);
                return Ok(());
            }
        };
        let spec = &self.spec.keys[i];
        match (spec.shape, value) {
            (Shape::Count, Some(s)) => self.counts[i] = parse_count(spec.name, index, &s)?,
            (Shape::Text | Shape::NullableText, Some(s)) => self.texts[i] = Some(s.into_owned()),
            (Shape::NullableText, None) => {}
            (Shape::Text | Shape::Count, None) => return Err(ValuesError::NullValue { key: spec.name, index }),
        }
        Ok(())
    }

    /// [`Sink::value`] for a key not among the struct's fields.
    #[inline(never)]
    fn other_value(&mut self, key: String, index: usize, value: Option<Cow<'_, str>>) {
        if let Some(seen) = &mut self.other_index {
            seen.insert(key.clone(), index - 1);
        }
        self.other.push(Pair {
            key,
            value: value.map(Cow::into_owned),
        });
        self.other_at.push(index - 1);
        if self.other_index.is_none() && self.other.len() >= LINEAR_OTHER {
            let seen = self
                .other
                .iter()
                .map(|p| p.key.clone())
                .zip(self.other_at.iter().copied());
            self.other_index = Some(seen.collect());
        }
    }

    fn target_name<'t>(&self, target: &'t Target) -> &'t str {
        match target {
            Target::Known(i) => self.spec.keys[*i].name,
            Target::Other(key) => key,
        }
    }

    /// Whether the array was complete: false for an empty array (the
    /// server sent no data), an error for a missing required key.
    fn complete(&self, len: usize) -> Result<bool, ValuesError> {
        if len == 0 {
            return Ok(false);
        }
        for (i, k) in self.spec.keys.iter().enumerate() {
            if k.required && self.first[i] == UNSEEN {
                return Err(ValuesError::MissingKey {
                    key: k.name,
                    detail: self.spec.detail,
                });
            }
        }
        Ok(true)
    }

    /// [`Sink::complete`], giving the sink itself to build from.
    fn finish(self, len: usize) -> Result<Option<Filled>, ValuesError> {
        Ok(self.complete(len)?.then_some(self))
    }
}

/// Decodes an in-memory array.
fn decode_slice<S: AsRef<str>>(spec: &'static Spec, values: &[Option<S>]) -> Result<Option<Filled>, ValuesError> {
    let mut sink = Sink::new(spec);
    let mut chunks = values.chunks_exact(2);
    for (n, pair) in chunks.by_ref().enumerate() {
        let index = 2 * n;
        let key = pair[0].as_ref().ok_or(ValuesError::NullKey { index })?;
        let target = sink.key(index, key.as_ref())?;
        let value = pair[1].as_ref().map(|v| Cow::Borrowed(v.as_ref()));
        sink.value(target, index + 1, value)?;
    }
    if let [last] = chunks.remainder() {
        let index = values.len() - 1;
        let key = last.as_ref().ok_or(ValuesError::NullKey { index })?;
        return Err(ValuesError::OddLength {
            len: values.len(),
            key: snippet(key.as_ref()),
            index,
        });
    }
    sink.finish(values.len())
}

/// Checks that an array pairs up: even length, no `null` key, no key twice.
pub(crate) fn check_pairs(values: &[Option<String>]) -> Result<(), ValuesError> {
    static ANY: Spec = Spec {
        detail: "any detail",
        keys: &[],
        index: |_| None,
    };
    decode_slice(&ANY, values).map(drop)
}

/// Reads a key element of a streamed array into the sink.
struct KeySeed<'s> {
    sink: &'s mut Sink,
    index: usize,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Target;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Target, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Target;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Target, E> {
        self.sink.key(self.index, v).map_err(raise)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Target, E> {
        Err(raise(ValuesError::NullKey { index: self.index }))
    }
    fn visit_none<E: de::Error>(self) -> Result<Target, E> {
        self.visit_unit()
    }
}

/// Reads a value element of a streamed array into the sink.
struct ValueSeed<'s> {
    sink: &'s mut Sink,
    /// Taken when the value arrives; still there when the array ended
    /// after the key, so that the odd-length error can name the key.
    target: &'s mut Option<Target>,
    index: usize,
}

impl ValueSeed<'_> {
    fn put(self, value: Option<Cow<'_, str>>) -> Result<(), ValuesError> {
        match self.target.take() {
            Some(target) => self.sink.value(target, self.index, value),
            None => Ok(()),
        }
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.target {
            Some(Target::Known(i)) => match self.sink.spec.keys[*i].shape {
                Shape::Count => f.write_str("a count as decimal text"),
                Shape::Text => f.write_str("text"),
                Shape::NullableText => f.write_str("text or null"),
            },
            _ => f.write_str("text or null"),
        }
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        self.put(Some(Cow::Borrowed(v))).map_err(raise)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.put(Some(Cow::Borrowed(v))).map_err(raise)
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        self.put(Some(Cow::Owned(v))).map_err(raise)
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.put(None).map_err(raise)
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }
}

/// Decodes a streamed array (the `values` field while a document is read).
struct StreamVisitor(&'static Spec);

impl<'de> Visitor<'de> for StreamVisitor {
    type Value = Option<Filled>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of alternating keys and values of {}", self.0.detail)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<Filled>, A::Error> {
        let mut sink = Sink::new(self.0);
        let mut index = 0;
        while let Some(target) = seq.next_element_seed(KeySeed { sink: &mut sink, index })? {
            let mut target = Some(target);
            let seed = ValueSeed {
                sink: &mut sink,
                target: &mut target,
                index: index + 1,
            };
            if seq.next_element_seed(seed)?.is_none() {
                let key = target
                    .as_ref()
                    .map_or_else(String::new, |t| snippet(sink.target_name(t)));
                return Err(raise(ValuesError::OddLength {
                    len: index + 1,
                    key,
                    index,
                }));
            }
            index += 2;
        }
        sink.finish(index).map_err(raise)
    }
}

// ---------------------------------------------------------------------------
// Writing pairs back.

/// A value as written back to the wire.
pub(crate) enum Out<'a> {
    Text(&'a str),
    Null,
    Count(u64),
}

/// Formats a count without allocating.
struct CountText {
    buf: [u8; 20],
    start: usize,
}

impl CountText {
    fn new(mut n: u64) -> Self {
        let mut buf = [0u8; 20];
        let mut start = buf.len();
        loop {
            start -= 1;
            buf[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        Self { buf, start }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[self.start..]).unwrap_or("0")
    }
}

/// The known keys of a typed struct, and how it is built from and written
/// back to pairs.
pub(crate) trait Typed: Sized {
    const SPEC: &'static Spec;
    fn build(filled: &mut Filled) -> Self;
    /// Calls `f` with each known key and its value, in the crate's order.
    fn known<E>(&self, f: &mut dyn FnMut(&str, Out<'_>) -> Result<(), E>) -> Result<(), E>;
    fn other(&self) -> &[Pair];

    fn from_slice<S: AsRef<str>>(values: &[Option<S>]) -> Result<Option<Self>, ValuesError> {
        Ok(decode_slice(Self::SPEC, values)?.map(|mut f| Self::build(&mut f)))
    }

    fn pair_count(&self) -> usize {
        let mut n = 0;
        let _ = self.known::<()>(&mut |_, _| {
            n += 1;
            Ok(())
        });
        n + self.other().len()
    }

    fn write_pairs<E>(&self, f: &mut dyn FnMut(&str, Out<'_>) -> Result<(), E>) -> Result<(), E> {
        self.known(f)?;
        for p in self.other() {
            f(&p.key, p.value.as_deref().map_or(Out::Null, Out::Text))?;
        }
        Ok(())
    }

    fn to_values(&self) -> Vec<Option<String>> {
        let mut out = Vec::with_capacity(2 * self.pair_count());
        let _ = self.write_pairs::<()>(&mut |k, v| {
            out.push(Some(k.to_owned()));
            out.push(match v {
                Out::Text(s) => Some(s.to_owned()),
                Out::Null => None,
                Out::Count(n) => Some(CountText::new(n).as_str().to_owned()),
            });
            Ok(())
        });
        out
    }

    fn serialize_values<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(2 * self.pair_count()))?;
        self.write_pairs(&mut |k, v| {
            seq.serialize_element(k)?;
            match v {
                Out::Text(s) => seq.serialize_element(s),
                Out::Null => seq.serialize_element(&None::<&str>),
                Out::Count(n) => seq.serialize_element(CountText::new(n).as_str()),
            }
        })?;
        seq.end()
    }
}

/// Writes the public `from_values` and `to_values` of a typed struct.
macro_rules! typed_api {
    ($ty:ident) => {
        impl $ty {
            /// Decodes a `values` array, keys in any order.
            ///
            /// An empty array decodes to `Ok(None)`: the server sent no data.
            pub fn from_values<S: AsRef<str>>(values: &[Option<S>]) -> Result<Option<Self>, ValuesError> {
                <Self as Typed>::from_slice(values)
            }

            /// Encodes back to a `values` array: the known keys in the crate's
            /// order, then the other pairs in the order they came.
            pub fn to_values(&self) -> Vec<Option<String>> {
                <Self as Typed>::to_values(self)
            }
        }
    };
}

// ---------------------------------------------------------------------------
// The typed structs.

/// The counts of a list (hierarchy) import: `values` of the
/// `hierarchyRowsProcessed` and `hierarchyRowsProcessedWithFailures` details.
///
/// ```
/// use anaplan_task::HierarchyRowsProcessed;
/// let values = [
///     "failedCount", "2", "hierarchyName", "Employees", "successRowCount", "90",
///     "successCreateCount", "0", "successUpdateCount", "90", "warningsRowCount", "0",
///     "warningsCreateCount", "0", "warningsUpdateCount", "0", "ignoredCount", "5",
///     "totalRowCount", "97", "totalCreateCount", "0", "totalUpdateCount", "90",
///     "invalidCount", "0", "updatedCount", "90", "renamedCount", "90", "createdCount", "0",
/// ].map(Some);
/// let rows = HierarchyRowsProcessed::from_values(&values).unwrap().unwrap();
/// assert_eq!(rows.hierarchy_name, "Employees");
/// assert_eq!(rows.failed_count, 2);
/// ```
///
/// With serde (not on the wire, where [`DetailValues`] writes the flat
/// array) it is an object with the keys of `values` and the counts as
/// numbers, `other` only when not empty; a missing key reads as zero:
///
/// ```
/// # use anaplan_task::HierarchyRowsProcessed;
/// let mut rows = HierarchyRowsProcessed::new("Employees");
/// rows.success_row_count = 90;
/// let json = serde_json::to_string(&rows).unwrap();
/// assert!(json.starts_with(r#"{"hierarchyName":"Employees","successRowCount":90,"successCreateCount":0,"#));
/// assert_eq!(serde_json::from_str::<HierarchyRowsProcessed>(&json).unwrap(), rows);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct HierarchyRowsProcessed {
    /// `hierarchyName`: the list imported into.
    pub hierarchy_name: String,
    /// `successRowCount`: rows imported without warnings.
    pub success_row_count: u64,
    /// `successCreateCount`: of those, items created.
    pub success_create_count: u64,
    /// `successUpdateCount`: of those, items updated.
    pub success_update_count: u64,
    /// `warningsRowCount`: rows imported with warnings.
    pub warnings_row_count: u64,
    /// `warningsCreateCount`: of those, items created.
    pub warnings_create_count: u64,
    /// `warningsUpdateCount`: of those, items updated.
    pub warnings_update_count: u64,
    /// `failedCount`: rows rejected.
    pub failed_count: u64,
    /// `ignoredCount`: rows ignored (they produce no dump).
    pub ignored_count: u64,
    /// `totalRowCount`: all rows read.
    pub total_row_count: u64,
    /// `totalCreateCount`: items created in all.
    pub total_create_count: u64,
    /// `totalUpdateCount`: items updated in all.
    pub total_update_count: u64,
    /// `invalidCount`: rows found invalid.
    pub invalid_count: u64,
    /// `updatedCount`: items updated.
    pub updated_count: u64,
    /// `renamedCount`: items renamed (meaning not documented).
    pub renamed_count: u64,
    /// `createdCount`: items created.
    pub created_count: u64,
    /// Pairs with other keys, in the order they came.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Pair>,
}

const HIERARCHY_KEYS: [KeySpec; 16] = [
    KeySpec {
        name: "hierarchyName",
        shape: Shape::Text,
        required: true,
    },
    count("successRowCount"),
    count("successCreateCount"),
    count("successUpdateCount"),
    count("warningsRowCount"),
    count("warningsCreateCount"),
    count("warningsUpdateCount"),
    count("failedCount"),
    count("ignoredCount"),
    count("totalRowCount"),
    count("totalCreateCount"),
    count("totalUpdateCount"),
    count("invalidCount"),
    count("updatedCount"),
    count("renamedCount"),
    count("createdCount"),
];

impl HierarchyRowsProcessed {
    /// The keys of `values`, in the crate's order.
    pub const KEYS: [&'static str; 16] = {
        let mut keys = [""; 16];
        let mut i = 0;
        while i < 16 {
            keys[i] = HIERARCHY_KEYS[i].name;
            i += 1;
        }
        keys
    };

    /// A detail for the named list with every count zero.
    pub fn new(hierarchy_name: impl Into<String>) -> Self {
        Self {
            hierarchy_name: hierarchy_name.into(),
            ..Self::default()
        }
    }

    /// The 15 counts with their keys, in the crate's order.
    pub fn counts(&self) -> [(&'static str, u64); 15] {
        let c = [
            self.success_row_count,
            self.success_create_count,
            self.success_update_count,
            self.warnings_row_count,
            self.warnings_create_count,
            self.warnings_update_count,
            self.failed_count,
            self.ignored_count,
            self.total_row_count,
            self.total_create_count,
            self.total_update_count,
            self.invalid_count,
            self.updated_count,
            self.renamed_count,
            self.created_count,
        ];
        std::array::from_fn(|i| (HIERARCHY_KEYS[i + 1].name, c[i]))
    }
}

impl Typed for HierarchyRowsProcessed {
    const SPEC: &'static Spec = &Spec {
        detail: "hierarchyRowsProcessed",
        keys: &HIERARCHY_KEYS,
        index: |key| {
            Some(match key {
                "hierarchyName" => 0,
                "successRowCount" => 1,
                "successCreateCount" => 2,
                "successUpdateCount" => 3,
                "warningsRowCount" => 4,
                "warningsCreateCount" => 5,
                "warningsUpdateCount" => 6,
                "failedCount" => 7,
                "ignoredCount" => 8,
                "totalRowCount" => 9,
                "totalCreateCount" => 10,
                "totalUpdateCount" => 11,
                "invalidCount" => 12,
                "updatedCount" => 13,
                "renamedCount" => 14,
                "createdCount" => 15,
                _ => return None,
            })
        },
    };
    fn build(f: &mut Filled) -> Self {
        let c = |i| f.count(i).unwrap_or(0);
        Self {
            success_row_count: c(1),
            success_create_count: c(2),
            success_update_count: c(3),
            warnings_row_count: c(4),
            warnings_create_count: c(5),
            warnings_update_count: c(6),
            failed_count: c(7),
            ignored_count: c(8),
            total_row_count: c(9),
            total_create_count: c(10),
            total_update_count: c(11),
            invalid_count: c(12),
            updated_count: c(13),
            renamed_count: c(14),
            created_count: c(15),
            hierarchy_name: f.text(0),
            other: std::mem::take(&mut f.other),
        }
    }
    fn known<E>(&self, f: &mut dyn FnMut(&str, Out<'_>) -> Result<(), E>) -> Result<(), E> {
        f("hierarchyName", Out::Text(&self.hierarchy_name))?;
        for (k, n) in self.counts() {
            f(k, Out::Count(n))?;
        }
        Ok(())
    }
    fn other(&self) -> &[Pair] {
        &self.other
    }
}

typed_api!(HierarchyRowsProcessed);

/// The counts of one line item of a module import: `values` of the
/// `lineItemRowsProcessed` detail.
///
/// `ignoredCount` is sent only when it is not zero, and counts cells, so it
/// can exceed `rowCount`.
///
/// With serde: `{"lineItemName": ..., "rowCount": 12, "ignoredCount": 3}`,
/// `ignoredCount` only when present, `other` only when not empty.
///
/// ```
/// # use anaplan_task::LineItemRowsProcessed;
/// let values = ["lineItemName", "Sales", "rowCount", "12"].map(Some);
/// let rows = LineItemRowsProcessed::from_values(&values).unwrap().unwrap();
/// assert_eq!(serde_json::to_string(&rows).unwrap(), r#"{"lineItemName":"Sales","rowCount":12}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct LineItemRowsProcessed {
    /// `lineItemName`: the line item imported into.
    pub line_item_name: String,
    /// `rowCount`: cells imported.
    pub row_count: u64,
    /// `ignoredCount`: cells ignored; `None` when the key was absent (zero).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignored_count: Option<u64>,
    /// Pairs with other keys, in the order they came.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Pair>,
}

const LINE_ITEM_KEYS: [KeySpec; 3] = [
    KeySpec {
        name: "lineItemName",
        shape: Shape::Text,
        required: true,
    },
    count("rowCount"),
    KeySpec {
        name: "ignoredCount",
        shape: Shape::Count,
        required: false,
    },
];

impl LineItemRowsProcessed {
    /// The keys of `values`, in the crate's order.
    pub const KEYS: [&'static str; 3] = ["lineItemName", "rowCount", "ignoredCount"];

    /// A detail for the named line item with zero rows.
    pub fn new(line_item_name: impl Into<String>) -> Self {
        Self {
            line_item_name: line_item_name.into(),
            ..Self::default()
        }
    }

    /// Cells ignored, zero when the key was absent.
    pub fn ignored(&self) -> u64 {
        self.ignored_count.unwrap_or(0)
    }
}

impl Typed for LineItemRowsProcessed {
    const SPEC: &'static Spec = &Spec {
        detail: "lineItemRowsProcessed",
        keys: &LINE_ITEM_KEYS,
        index: |key| LINE_ITEM_KEYS.iter().position(|k| k.name == key),
    };
    fn build(f: &mut Filled) -> Self {
        Self {
            row_count: f.count(1).unwrap_or(0),
            ignored_count: f.count(2),
            line_item_name: f.text(0),
            other: std::mem::take(&mut f.other),
        }
    }
    fn known<E>(&self, f: &mut dyn FnMut(&str, Out<'_>) -> Result<(), E>) -> Result<(), E> {
        f("lineItemName", Out::Text(&self.line_item_name))?;
        f("rowCount", Out::Count(self.row_count))?;
        if let Some(n) = self.ignored_count {
            f("ignoredCount", Out::Count(n))?;
        }
        Ok(())
    }
    fn other(&self) -> &[Pair] {
        &self.other
    }
}

typed_api!(LineItemRowsProcessed);

/// The `values` of the `exportSucceeded` detail.
///
/// With serde: `{"exportName": ..., "serverAlert": null}`, `serverAlert`
/// only when present (`null` stays `null`), `other` only when not empty.
///
/// ```
/// # use anaplan_task::ExportSucceeded;
/// let values = [Some("exportName"), Some("Grid.csv"), Some("serverAlert"), None];
/// let export = ExportSucceeded::from_values(&values).unwrap().unwrap();
/// assert_eq!(export.server_alert, Some(None));
/// let json = serde_json::to_string(&export).unwrap();
/// assert_eq!(json, r#"{"exportName":"Grid.csv","serverAlert":null}"#);
/// assert_eq!(serde_json::from_str::<ExportSucceeded>(&json).unwrap(), export);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ExportSucceeded {
    /// `exportName`: the export that ran.
    pub export_name: String,
    /// `serverAlert`: `None` when the key was absent, `Some(None)` when it
    /// was sent as `null` (as seen in real responses).
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub server_alert: Option<Option<String>>,
    /// Pairs with other keys, in the order they came.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Pair>,
}

const EXPORT_KEYS: [KeySpec; 2] = [
    KeySpec {
        name: "exportName",
        shape: Shape::Text,
        required: true,
    },
    KeySpec {
        name: "serverAlert",
        shape: Shape::NullableText,
        required: false,
    },
];

impl ExportSucceeded {
    /// The keys of `values`, in the crate's order.
    pub const KEYS: [&'static str; 2] = ["exportName", "serverAlert"];

    /// A detail for the named export, without `serverAlert`.
    pub fn new(export_name: impl Into<String>) -> Self {
        Self {
            export_name: export_name.into(),
            ..Self::default()
        }
    }
}

impl Typed for ExportSucceeded {
    const SPEC: &'static Spec = &Spec {
        detail: "exportSucceeded",
        keys: &EXPORT_KEYS,
        index: |key| EXPORT_KEYS.iter().position(|k| k.name == key),
    };
    fn build(f: &mut Filled) -> Self {
        Self {
            export_name: f.text(0),
            server_alert: f.nullable(1),
            other: std::mem::take(&mut f.other),
        }
    }
    fn known<E>(&self, f: &mut dyn FnMut(&str, Out<'_>) -> Result<(), E>) -> Result<(), E> {
        f("exportName", Out::Text(&self.export_name))?;
        if let Some(alert) = &self.server_alert {
            f("serverAlert", alert.as_deref().map_or(Out::Null, Out::Text))?;
        }
        Ok(())
    }
    fn other(&self) -> &[Pair] {
        &self.other
    }
}

typed_api!(ExportSucceeded);

// ---------------------------------------------------------------------------
// The typed view of a detail's `values`.

/// The `values` of a detail: the decoded struct for the detail types the
/// crate knows the keys of, the raw array for every other type.
///
/// An empty array is kept as [`DetailValues::Raw`] whatever the type: the
/// one public sample of `hierarchyRowsProcessedWithFailures` has
/// `values: []`.
///
/// With serde it is the flat array of the wire. Inside a [`Detail`](crate::Detail)
/// the detail's `type` says which struct the array decodes into; read on
/// its own, an array is the typed struct whose encoding it is exactly (its
/// name key first, then its other keys in the crate's order, counts as
/// plain decimals, as [`DetailValues::to_values`] writes them), and `Raw`
/// otherwise. So every value reads back as itself, except a `Raw` array
/// that is exactly such an encoding, which reads back typed.
///
/// ```
/// use anaplan_task::{DetailValues, LineItemRowsProcessed};
/// let values: DetailValues = serde_json::from_str(r#"["lineItemName","Sales","rowCount","12"]"#).unwrap();
/// let DetailValues::LineItemRowsProcessed(rows) = &values else { panic!() };
/// assert_eq!(rows.row_count, 12);
/// let raw: DetailValues = serde_json::from_str(r#"["rowCount","12","lineItemName","Sales"]"#).unwrap();
/// assert!(matches!(raw, DetailValues::Raw(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DetailValues {
    /// `hierarchyRowsProcessed` or `hierarchyRowsProcessedWithFailures`.
    HierarchyRowsProcessed(HierarchyRowsProcessed),
    /// `lineItemRowsProcessed`.
    LineItemRowsProcessed(LineItemRowsProcessed),
    /// `exportSucceeded`.
    ExportSucceeded(ExportSucceeded),
    /// Any other detail type, or an empty array: the entries as sent.
    Raw(Vec<Option<String>>),
}

/// The detail types whose `values` decode into a typed struct, with the
/// keys of that struct.
#[cfg(feature = "schema")]
pub(crate) const TYPED_DETAILS: [(&[&str], &Spec); 3] = [
    (
        &["hierarchyRowsProcessed", "hierarchyRowsProcessedWithFailures"],
        HierarchyRowsProcessed::SPEC,
    ),
    (&["lineItemRowsProcessed"], LineItemRowsProcessed::SPEC),
    (&["exportSucceeded"], ExportSucceeded::SPEC),
];

/// Which typed struct a detail type decodes into.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum TypedKind {
    Hierarchy,
    LineItem,
    Export,
}

impl TypedKind {
    fn spec(self) -> &'static Spec {
        match self {
            Self::Hierarchy => HierarchyRowsProcessed::SPEC,
            Self::LineItem => LineItemRowsProcessed::SPEC,
            Self::Export => ExportSucceeded::SPEC,
        }
    }

    fn build(self, filled: Option<&mut Filled>) -> DetailValues {
        match filled {
            None => DetailValues::Raw(Vec::new()),
            Some(f) => match self {
                Self::Hierarchy => DetailValues::HierarchyRowsProcessed(HierarchyRowsProcessed::build(f)),
                Self::LineItem => DetailValues::LineItemRowsProcessed(LineItemRowsProcessed::build(f)),
                Self::Export => DetailValues::ExportSucceeded(ExportSucceeded::build(f)),
            },
        }
    }

    /// Decodes an array already in memory.
    pub(crate) fn decode_slice<S: AsRef<str>>(self, values: &[Option<S>]) -> Result<DetailValues, ValuesError> {
        Ok(self.build(decode_slice(self.spec(), values)?.as_mut()))
    }
}

impl DetailValues {
    /// The entries as they go on the wire.
    pub fn to_values(&self) -> Vec<Option<String>> {
        match self {
            Self::HierarchyRowsProcessed(v) => v.to_values(),
            Self::LineItemRowsProcessed(v) => v.to_values(),
            Self::ExportSucceeded(v) => v.to_values(),
            Self::Raw(v) => v.clone(),
        }
    }

    /// The pairs the typed struct did not know, in order; empty for `Raw`.
    pub fn other(&self) -> &[Pair] {
        match self {
            Self::HierarchyRowsProcessed(v) => &v.other,
            Self::LineItemRowsProcessed(v) => &v.other,
            Self::ExportSucceeded(v) => &v.other,
            Self::Raw(_) => &[],
        }
    }

    /// The number of entries on the wire.
    pub fn len(&self) -> usize {
        match self {
            Self::HierarchyRowsProcessed(v) => 2 * v.pair_count(),
            Self::LineItemRowsProcessed(v) => 2 * v.pair_count(),
            Self::ExportSucceeded(v) => 2 * v.pair_count(),
            Self::Raw(v) => v.len(),
        }
    }

    /// Whether the array on the wire is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for DetailValues {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Values".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "array",
            "items": {"type": ["string", "null"]},
            "description": "A flat array of alternating keys and values: key, value, key, value. Keys come in any order; counts are decimal text; a value may be null."
        })
    }
}

impl serde::Serialize for DetailValues {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::HierarchyRowsProcessed(v) => v.serialize_values(serializer),
            Self::LineItemRowsProcessed(v) => v.serialize_values(serializer),
            Self::ExportSucceeded(v) => v.serialize_values(serializer),
            Self::Raw(v) => serializer.collect_seq(v),
        }
    }
}

impl<'de> serde::Deserialize<'de> for DetailValues {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw: Vec<Option<String>> = serde::Deserialize::deserialize(deserializer)?;
        Ok(DetailValues::infer(raw))
    }
}

impl DetailValues {
    /// The typed struct whose exact encoding `raw` is, or `Raw`.
    fn infer(raw: Vec<Option<String>>) -> Self {
        for kind in [TypedKind::Hierarchy, TypedKind::LineItem, TypedKind::Export] {
            if raw.first().and_then(Option::as_deref) != Some(kind.spec().keys[0].name) {
                continue;
            }
            if let Ok(typed) = kind.decode_slice(&raw) {
                if typed.to_values() == raw {
                    return typed;
                }
            }
        }
        Self::Raw(raw)
    }
}

/// `serverAlert` was present: `null` is `Some(None)`.
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Option<String>>, D::Error> {
    <Option<String> as serde::Deserialize>::deserialize(deserializer).map(Some)
}

/// Reads the `values` field while a document streams by: straight into the
/// typed struct when the detail type is already known, into the raw array
/// otherwise. `null` reads as absent.
pub(crate) struct ValuesSeed(pub(crate) Option<TypedKind>);

impl<'de> DeserializeSeed<'de> for ValuesSeed {
    type Value = Option<DetailValues>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        // The crate's own reader hands over the rest of the text (see
        // `fast::REST`); any other deserializer reads the array as usual.
        deserializer.deserialize_newtype_struct(crate::read::lean::REST, self)
    }
}

impl ValuesSeed {
    /// Reads `values` at the start of `rest` in one loop over its text,
    /// refusing anything the usual reading would refuse or explain.
    pub(crate) fn read_rest(self, rest: &str) -> crate::read::lean::Res<(Option<DetailValues>, usize)> {
        use crate::read::lean::{Bail, Flat};
        let (mut flat, empty) = match Flat::open(rest)? {
            Ok(opened) => opened,
            Err(used) => return Ok((None, used)),
        };
        let Some(kind) = self.0 else {
            let mut raw = Vec::new();
            if !empty {
                loop {
                    raw.push(flat.element()?.map(str::to_owned));
                    if !flat.more()? {
                        break;
                    }
                }
            }
            return Ok((Some(DetailValues::Raw(raw)), flat.used()));
        };
        let spec = kind.spec();
        let mut sink = Sink::new(spec);
        let mut index = 0;
        // Servers send the keys in the order of `spec.keys`, so the key
        // after the last known one is tried first, by comparing its text
        // in place; any other key is read and looked up.
        let mut next = 0;
        if !empty {
            loop {
                let predicted = spec
                    .keys
                    .get(next)
                    .is_some_and(|k| sink.first[next] == UNSEEN && flat.is(k.name));
                let target = if predicted {
                    sink.known(next, index)
                } else {
                    let key = flat.element()?.ok_or(Bail)?;
                    sink.key(index, key).map_err(|_| Bail)?
                };
                if let Target::Known(i) = target {
                    next = i + 1;
                }
                // An odd length is left to the full reading, which explains it.
                if !flat.more()? {
                    return Err(Bail);
                }
                index += 1;
                let counted = match target {
                    Target::Known(i) if matches!(spec.keys[i].shape, Shape::Count) => {
                        flat.count().map(|n| sink.counts[i] = n)
                    }
                    _ => None,
                };
                if counted.is_none() {
                    let value = flat.element()?.map(Cow::Borrowed);
                    sink.value(target, index, value).map_err(|_| Bail)?;
                }
                index += 1;
                if !flat.more()? {
                    break;
                }
            }
        }
        let complete = sink.complete(index).map_err(|_| Bail)?;
        Ok((Some(kind.build(complete.then_some(&mut sink))), flat.used()))
    }
}

impl<'de> Visitor<'de> for ValuesSeed {
    type Value = Option<DetailValues>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of alternating keys and values, or null")
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
    fn visit_borrowed_str<E: de::Error>(self, rest: &'de str) -> Result<Self::Value, E> {
        if !crate::read::lean::asked() {
            return Err(de::Error::invalid_type(de::Unexpected::Str(rest), &self));
        }
        let (values, used) = self
            .read_rest(rest)
            .map_err(|_| E::custom("values left to the full reading"))?;
        crate::read::lean::consumed(used);
        Ok(values)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        Ok(Some(match self.0 {
            Some(kind) => kind.build(deserializer.deserialize_seq(StreamVisitor(kind.spec()))?.as_mut()),
            None => DetailValues::Raw(serde::Deserialize::deserialize(deserializer)?),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_parse_like_the_standard_library() {
        for text in [
            "0",
            "7",
            "90",
            "1234567890123456789",
            "9999999999999999999",
            "18446744073709551615",
            "18446744073709551616",
            "00",
            "01",
            "-1",
            "-0",
            "",
            "1a",
            "+1",
            " 1",
            "1.0",
            "٣",
        ] {
            let plain = !text.starts_with('0') || text == "0";
            let expected = text.parse::<u64>().ok().filter(|_| plain && !text.starts_with('+'));
            assert_eq!(parse_count("k", 0, text).ok(), expected, "{text:?}");
        }
    }

    #[test]
    fn specs_find_every_key_and_put_text_first() {
        for spec in [
            HierarchyRowsProcessed::SPEC,
            LineItemRowsProcessed::SPEC,
            ExportSucceeded::SPEC,
        ] {
            for (i, k) in spec.keys.iter().enumerate() {
                assert_eq!((spec.index)(k.name), Some(i), "{}", k.name);
                let text = matches!(k.shape, Shape::Text | Shape::NullableText);
                assert_eq!(text, i < MAX_TEXTS && text, "{}: text keys come first", k.name);
            }
            assert_eq!((spec.index)("noSuchKey"), None);
        }
    }

    /// The quick reading tries the key after the last known one first, in
    /// place; it must read exactly what the pairs say, in any order.
    #[test]
    fn predicted_keys_read_like_any_others() {
        let kind = TypedKind::Hierarchy;
        let names: Vec<&str> = kind.spec().keys.iter().map(|k| k.name).collect();
        let pairs = |order: &[usize]| -> Vec<Option<String>> {
            order
                .iter()
                .flat_map(|&i| {
                    let value = if i == 0 {
                        "Employees".to_owned()
                    } else {
                        (i * 7).to_string()
                    };
                    [Some(names[i].to_owned()), Some(value)]
                })
                .collect()
        };
        let in_order: Vec<usize> = (0..names.len()).collect();
        let mut reversed = in_order.clone();
        reversed.reverse();
        let skipping: Vec<usize> = (0..names.len()).step_by(2).chain((1..names.len()).step_by(2)).collect();
        let mut cases: Vec<String> = [&in_order, &reversed, &skipping]
            .iter()
            .map(|order| serde_json::to_string(&pairs(order)).unwrap())
            .collect();
        let text = &cases[0].clone();
        // A known key again right after itself, and again later; an
        // unknown key between known ones; white space before a key; a key
        // with an escape; a key that the predicted one is a prefix of.
        cases.push(text.replacen(
            r#""successRowCount","7","#,
            r#""successRowCount","7","successRowCount","7","#,
            1,
        ));
        cases.push(text.replacen(r#""failedCount""#, r#""futureCount","1","failedCount""#, 1));
        cases.push(text.replacen(r#","successRowCount""#, r#", "successRowCount""#, 1));
        cases.push(text.replacen(r#""successRowCount""#, r#""success\u0052owCount""#, 1));
        cases.push(text.replacen(
            r#""successRowCount","7","#,
            r#""successRowCountX","7","successRowCount","7","#,
            1,
        ));
        // The predicted key already seen: a duplicate, refused.
        cases.push(text.replacen('[', r#"["successCreateCount","14","#, 1));
        for case in &cases {
            let raw: Vec<Option<String>> = serde_json::from_str(case).unwrap();
            let expected = kind.decode_slice(&raw).ok();
            let quick = ValuesSeed(Some(kind)).read_rest(case).ok();
            match quick {
                Some((values, used)) => {
                    assert_eq!(used, case.len(), "{case}");
                    assert_eq!(values, expected, "{case}");
                }
                // Giving up is allowed only where the slice reading fails.
                None => assert_eq!(expected, None, "{case}"),
            }
        }
    }
}
