//! Reading a `values` array inside a detail, where the detail's `type`
//! says which struct it decodes into ([`ValuesSeed`]), and finding again,
//! from the text, the typed error of a detail whose reading failed in its
//! `values` ([`detail_values_error`]).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::engine::{Shape, Sink, StreamVisitor, Target, UNSEEN};
use super::{DetailValues, TypedKind, ValuesError};
use crate::read::{Bail, DirectSeed, Flat};
use crate::text::snippet;

/// Reads the `values` field while a document streams by: straight into the
/// typed struct when the detail type is already known, into the raw array
/// otherwise. `null` reads as absent.
pub(crate) struct ValuesSeed(pub(crate) Option<TypedKind>);

impl<'de> DeserializeSeed<'de> for ValuesSeed {
    type Value = Option<DetailValues>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> DirectSeed<'de> for ValuesSeed {
    fn read_rest(self, rest: &'de str) -> Result<(Option<DetailValues>, usize), Bail> {
        // The inherent function of the same name.
        Self::read_rest(self, rest)
    }
}

impl ValuesSeed {
    /// Reads `values` at the start of `rest` in one loop over its text,
    /// refusing anything the usual reading would refuse or explain.
    pub(crate) fn read_rest(self, rest: &str) -> Result<(Option<DetailValues>, usize), Bail> {
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
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        Ok(Some(match self.0 {
            Some(kind) => kind.build(deserializer.deserialize_seq(StreamVisitor(kind.spec()))?.as_mut()),
            None => DetailValues::Raw(serde::Deserialize::deserialize(deserializer)?),
        }))
    }
}

impl TypedKind {
    /// The typed struct that the `values` of a detail with this `type`
    /// decode into, by the type's wire text, from the list's
    /// [`codes`](TypedKind::codes). Only a failed reading asks, so a search
    /// of the short list does.
    pub(crate) fn of_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.codes().contains(&code))
    }
}

/// The typed error that reading the detail object at the start of `text`
/// meets in its `values`, read again on their own as a detail reads them:
/// element by element, typed by the `type` before them, or, when `type`
/// comes after them, as a whole once it is known. `None` when that reading
/// meets no such error first (a wrong type or bad JSON instead).
///
/// This runs only to explain a document that failed to read, so that the
/// typed error travels as a value and not beside serde's error.
pub(crate) fn detail_values_error(text: &str) -> Option<ValuesError> {
    let mut cause = None;
    let mut de = serde_json::Deserializer::from_str(text);
    // The reading stops at the error, so the rest of the text is not read
    // and the deserializer's own verdict does not matter.
    let _ = (&mut de).deserialize_map(DetailCause { cause: &mut cause });
    cause
}

/// Reads a detail object to [`detail_values_error`], into `cause`.
struct DetailCause<'c> {
    cause: &'c mut Option<ValuesError>,
}

impl<'de> Visitor<'de> for DetailCause<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a detail object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // `Some(kind)` once `type` is read: what it types, if anything.
        let mut code: Option<Option<TypedKind>> = None;
        let mut raw: Option<Vec<Option<String>>> = None;
        while let Some(key) = map.next_key::<String>()? {
            match (key.as_str(), code) {
                ("type", None) => {
                    let code_text = map.next_value::<serde_json::Value>()?;
                    code = Some(code_text.as_str().and_then(TypedKind::of_code));
                }
                ("values", Some(Some(kind))) => {
                    return map.next_value_seed(StreamCause {
                        kind,
                        cause: self.cause,
                    });
                }
                ("values", Some(None)) => return Ok(()),
                ("values", None) => raw = map.next_value()?,
                _ => map.next_value::<IgnoredAny>().map(drop)?,
            }
        }
        if let (Some(Some(kind)), Some(raw)) = (code, raw) {
            *self.cause = kind.decode_slice(&raw).err();
        }
        Ok(())
    }
}

/// Reads a `values` array element by element, as [`StreamVisitor`] does,
/// into `cause`: the first typed error it meets.
struct StreamCause<'c> {
    kind: TypedKind,
    cause: &'c mut Option<ValuesError>,
}

impl<'de> DeserializeSeed<'de> for StreamCause<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for StreamCause<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of alternating keys and values, or null")
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut sink = Sink::new(self.kind.spec());
        let mut index = 0;
        // An element that is neither text nor `null` ends the reading
        // without a typed error, as it is a wrong type.
        *self.cause = loop {
            let Some(key) = seq.next_element::<Option<String>>()? else {
                break sink.complete(index).err();
            };
            let Some(key) = key else {
                break Some(ValuesError::NullKey { index });
            };
            let target = match sink.key(index, &key) {
                Ok(target) => target,
                Err(e) => break Some(e),
            };
            let Some(value) = seq.next_element::<Option<String>>()? else {
                let key = snippet(sink.target_name(&target));
                break Some(ValuesError::OddLength {
                    len: index + 1,
                    key,
                    index,
                });
            };
            if let Err(e) = sink.value(target, index + 1, value.map(Cow::Owned)) {
                break Some(e);
            }
            index += 2;
        };
        Ok(())
    }
}
