//! The decoding engine, shared by the streaming and the slice paths: a
//! typed struct's keys ([`Spec`]) and the values found for them ([`Sink`]).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};

use super::count::parse_count;
use super::error::raise;
use super::{Pair, ValuesError};
use crate::read::Cause;
use crate::text::snippet;

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

impl KeySpec {
    /// Required text, never null: a `String` field.
    pub(crate) const fn text(name: &'static str) -> Self {
        Self {
            name,
            shape: Shape::Text,
            required: true,
        }
    }

    /// Optional text that may be null: an `Option<Option<String>>` field.
    pub(crate) const fn nullable_text(name: &'static str) -> Self {
        Self {
            name,
            shape: Shape::NullableText,
            required: false,
        }
    }

    /// A required count: a `u64` field.
    pub(crate) const fn count(name: &'static str) -> Self {
        Self {
            name,
            shape: Shape::Count,
            required: true,
        }
    }

    /// An optional count: an `Option<u64>` field.
    pub(crate) const fn optional_count(name: &'static str) -> Self {
        Self {
            name,
            shape: Shape::Count,
            required: false,
        }
    }

    /// The names of `keys`, in their order.
    pub(crate) const fn names<const N: usize>(keys: &[KeySpec; N]) -> [&'static str; N] {
        let mut names = [""; N];
        let mut i = 0;
        while i < N {
            names[i] = keys[i].name;
            i += 1;
        }
        names
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

impl Spec {
    /// The keys of the struct of the `detail` type, checked against the
    /// engine's limits where the constant is built: at most [`MAX_KEYS`]
    /// keys, the text keys first and at most [`MAX_TEXTS`] of them.
    pub(crate) const fn new(detail: &'static str, keys: &'static [KeySpec], index: fn(&str) -> Option<usize>) -> Self {
        assert!(keys.len() <= MAX_KEYS, "too many keys for the engine");
        let mut i = 0;
        while i < keys.len() {
            let text = !matches!(keys[i].shape, Shape::Count);
            assert!(
                !text || i < MAX_TEXTS,
                "text keys come first, at most MAX_TEXTS of them"
            );
            i += 1;
        }
        Self { detail, keys, index }
    }
}

pub(crate) const MAX_KEYS: usize = 16;
pub(crate) const MAX_TEXTS: usize = 2;
pub(crate) const UNSEEN: u32 = u32::MAX;

/// Where a key's value goes.
pub(crate) enum Target {
    Known(usize),
    Other(String),
}

/// Collects pairs for one typed struct.
pub(crate) struct Sink {
    pub(crate) spec: &'static Spec,
    /// Where each known key was first seen.
    pub(crate) first: [u32; MAX_KEYS],
    pub(crate) counts: [u64; MAX_KEYS],
    /// Text keys: `None` when absent or null (`first` tells which).
    pub(crate) texts: [Option<String>; MAX_TEXTS],
    pub(crate) other: Vec<Pair>,
    pub(crate) other_at: Vec<usize>,
    /// Where each other key was seen, once there are many of them, so that
    /// a huge array of unknown keys is checked for repeats in n log n.
    pub(crate) other_index: Option<std::collections::BTreeMap<String, usize>>,
}

/// How many other keys are checked for repeats by a linear search.
pub(crate) const LINEAR_OTHER: usize = 16;

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
    pub(crate) fn new(spec: &'static Spec) -> Self {
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
    pub(crate) fn key(&mut self, index: usize, key: &str) -> Result<Target, ValuesError> {
        match (self.spec.index)(key) {
            Some(i) if self.first[i] == UNSEEN => Ok(self.known(i, index)),
            known => self.other_key(index, key, known),
        }
    }

    /// [`Sink::key`] for the known key `i`, not seen before, at `index`.
    #[inline]
    pub(crate) fn known(&mut self, i: usize, index: usize) -> Target {
        self.first[i] = u32::try_from(index).unwrap_or(UNSEEN - 1);
        Target::Known(i)
    }

    /// [`Sink::key`] for a key not among the struct's fields, or seen twice.
    #[inline(never)]
    pub(crate) fn other_key(&mut self, index: usize, key: &str, known: Option<usize>) -> Result<Target, ValuesError> {
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
    pub(crate) fn value(
        &mut self,
        target: Target,
        index: usize,
        value: Option<Cow<'_, str>>,
    ) -> Result<(), ValuesError> {
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
    pub(crate) fn other_value(&mut self, key: String, index: usize, value: Option<Cow<'_, str>>) {
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

    pub(crate) fn target_name<'t>(&self, target: &'t Target) -> &'t str {
        match target {
            Target::Known(i) => self.spec.keys[*i].name,
            Target::Other(key) => key,
        }
    }

    /// Whether the array was complete: false for an empty array (the
    /// server sent no data), an error for a missing required key.
    pub(crate) fn complete(&self, len: usize) -> Result<bool, ValuesError> {
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
    pub(crate) fn finish(self, len: usize) -> Result<Option<Filled>, ValuesError> {
        Ok(self.complete(len)?.then_some(self))
    }
}

/// Decodes an in-memory array.
pub(crate) fn decode_slice<S: AsRef<str>>(
    spec: &'static Spec,
    values: &[Option<S>],
) -> Result<Option<Filled>, ValuesError> {
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
    static ANY: Spec = Spec::new("any detail", &[], |_| None);
    decode_slice(&ANY, values).map(drop)
}

/// Reads a key element of a streamed array into the sink.
pub(crate) struct KeySeed<'s> {
    pub(crate) sink: &'s mut Sink,
    pub(crate) index: usize,
    pub(crate) cause: Option<&'s Cause>,
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
        let cause = self.cause;
        self.sink.key(self.index, v).map_err(|e| raise(cause, e))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Target, E> {
        Err(raise(self.cause, ValuesError::NullKey { index: self.index }))
    }
    fn visit_none<E: de::Error>(self) -> Result<Target, E> {
        self.visit_unit()
    }
}

/// Reads a value element of a streamed array into the sink.
pub(crate) struct ValueSeed<'s> {
    pub(crate) sink: &'s mut Sink,
    /// Taken when the value arrives; still there when the array ended
    /// after the key, so that the odd-length error can name the key.
    pub(crate) target: &'s mut Option<Target>,
    pub(crate) index: usize,
    pub(crate) cause: Option<&'s Cause>,
}

impl ValueSeed<'_> {
    pub(crate) fn put(self, value: Option<Cow<'_, str>>) -> Result<(), ValuesError> {
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
        let cause = self.cause;
        self.put(Some(Cow::Borrowed(v))).map_err(|e| raise(cause, e))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        let cause = self.cause;
        self.put(Some(Cow::Borrowed(v))).map_err(|e| raise(cause, e))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        let cause = self.cause;
        self.put(Some(Cow::Owned(v))).map_err(|e| raise(cause, e))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        let cause = self.cause;
        self.put(None).map_err(|e| raise(cause, e))
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }
}

/// Decodes a streamed array (the `values` field while a document is read),
/// noting a typed error in the cause, when the reading keeps one.
pub(crate) struct StreamVisitor<'c>(pub(crate) &'static Spec, pub(crate) Option<&'c Cause>);

impl<'de> Visitor<'de> for StreamVisitor<'_> {
    type Value = Option<Filled>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of alternating keys and values of {}", self.0.detail)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<Filled>, A::Error> {
        let mut sink = Sink::new(self.0);
        let mut index = 0;
        let cause = self.1;
        while let Some(target) = seq.next_element_seed(KeySeed {
            sink: &mut sink,
            index,
            cause,
        })? {
            let mut target = Some(target);
            let seed = ValueSeed {
                sink: &mut sink,
                target: &mut target,
                index: index + 1,
                cause,
            };
            if seq.next_element_seed(seed)?.is_none() {
                let key = target
                    .as_ref()
                    .map_or_else(String::new, |t| snippet(sink.target_name(t)));
                return Err(raise(
                    cause,
                    ValuesError::OddLength {
                        len: index + 1,
                        key,
                        index,
                    },
                ));
            }
            index += 2;
        }
        sink.finish(index).map_err(|e| raise(cause, e))
    }
}
