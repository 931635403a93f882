//! Reading a `values` array inside a detail, where the detail's `type`
//! says which struct it decodes into ([`ValuesSeed`]).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use super::engine::{Shape, Sink, StreamVisitor, Target, UNSEEN};
use super::{DetailValues, TypedKind};
use crate::read::{Bail, Cause, DirectSeed, Flat};

/// Reads the `values` field while a document streams by: straight into the
/// typed struct when the detail type (`kind`) is already known, into the
/// raw array otherwise. `null` reads as absent. A typed error is noted in
/// `cause` when the reading keeps one.
pub(crate) struct ValuesSeed {
    kind: Option<TypedKind>,
    cause: Option<Cause>,
}

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

    fn noting(self, cause: Option<Cause>) -> Self {
        Self { cause, ..self }
    }
}

impl ValuesSeed {
    /// The seed of a detail whose `type` decodes into `kind`, if any.
    pub(crate) fn new(kind: Option<TypedKind>) -> Self {
        Self { kind, cause: None }
    }

    /// Reads `values` at the start of `rest` in one loop over its text,
    /// refusing anything the usual reading would refuse or explain.
    pub(crate) fn read_rest(self, rest: &str) -> Result<(Option<DetailValues>, usize), Bail> {
        let (mut flat, empty) = match Flat::open(rest)? {
            Ok(opened) => opened,
            Err(used) => return Ok((None, used)),
        };
        let Some(kind) = self.kind else {
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
        Ok(Some(match self.kind {
            Some(kind) => {
                let mut filled = deserializer.deserialize_seq(StreamVisitor(kind.spec(), self.cause.as_ref()))?;
                kind.build(filled.as_mut())
            }
            None => DetailValues::Raw(serde::Deserialize::deserialize(deserializer)?),
        }))
    }
}
