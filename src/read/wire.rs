//! Shared machinery for the crate's wire types: a key that borrows from
//! the input when it can, the keeping of unknown fields, the macro that
//! writes a wire object's reading ([`wire_deserialize!`]), which matches
//! known fields by name and keeps every other field.

use std::borrow::Cow;
use std::fmt;

use serde::Deserializer;
use serde::de::{self, Visitor};

use super::Fields;
use crate::unknown::UnknownFields;

/// An object key or short string, borrowed from the input when the input
/// allows it (no escapes), owned otherwise.
pub(crate) struct WireStr<'de>(pub(crate) Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for WireStr<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = WireStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(WireStr(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(WireStr(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(WireStr(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(V)
    }
}

/// Keeps an unknown field in `extra` as the text that was sent, after the
/// others; a name sent twice is kept twice (the validation pass reports
/// it).
pub(crate) fn keep_unknown<'de, F: Fields<'de>>(
    extra: &mut UnknownFields,
    key: Cow<'de, str>,
    fields: &mut F,
) -> Result<(), F::Error> {
    let value: Box<serde_json::value::RawValue> = fields.value()?;
    extra.push(key.into_owned(), value);
    Ok(())
}

/// Reads the value of field `$n` of a wire object into `$slot`, once: a
/// required field's value must not be `null` (unless its type reads
/// `null`); an optional field's `null` leaves it `None`.
macro_rules! read_field {
    (required, $map:ident, $seen:ident, $n:expr, $wire:literal, $slot:ident) => {
        $map.required_once(&mut $seen, $n, $wire, &mut $slot)?
    };
    (optional, $map:ident, $seen:ident, $n:expr, $wire:literal, $slot:ident) => {
        $map.optional_once(&mut $seen, $n, $wire, &mut $slot)?
    };
}

/// Finishes one field of a wire object after the whole object was read.
macro_rules! finish_field {
    (required, $slot:ident, $wire:literal) => {
        match $slot {
            Some(v) => v,
            None => return Err(serde::de::Error::missing_field($wire)),
        }
    };
    (optional, $slot:ident, $wire:literal) => {
        $slot
    };
}

/// Writes the reading of a wire object: known fields are matched by their
/// wire name in any order, each is read once ([`Seen`](crate::read::Seen)),
/// and every other field is kept in the struct's `extra` map. The reading
/// is written once, over [`Fields`], and serves both `Deserialize` and the
/// lean reader ([`Direct`](crate::read::Direct)).
macro_rules! wire_deserialize {
    ($ty:ident, $expecting:literal, { $($field:ident = $wire:literal $mode:ident),* $(,)? }) => {
        impl $crate::read::Wire for $ty {
            const EXPECTING: &'static str = $expecting;

            fn read_into<'de, F: $crate::read::Fields<'de>>(
                mut map: F,
                slot: &mut Option<$ty>,
            ) -> Result<(), F::Error> {
                // The fields, numbered for `Seen`.
                #[allow(non_camel_case_types)]
                enum Field { $($field,)* }
                let mut seen = $crate::read::Seen::default();
                $(let mut $field = None;)*
                let mut extra = $crate::UnknownFields::new();
                while let Some(key) = map.key()? {
                    match key.as_ref() {
                        $($wire => $crate::read::read_field!($mode, map, seen, Field::$field as u32, $wire, $field),)*
                        _ => $crate::read::keep_unknown(&mut extra, key, &mut map)?,
                    }
                }
                *slot = Some($ty {
                    $($field: $crate::read::finish_field!($mode, $field, $wire),)*
                    extra,
                });
                Ok(())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::read::deserialize_wire(deserializer)
            }
        }
    };
}

pub(crate) use finish_field;
pub(crate) use read_field;
pub(crate) use wire_deserialize;
