//! Shared machinery for reading wire objects: a key that borrows from the
//! input when it can, and the macro that writes a `Deserialize` impl which
//! matches known fields by name and keeps every other field.

use std::borrow::Cow;
use std::fmt;

use serde::Deserializer;
use serde::de::{self, Visitor};

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

/// Stores an unknown field in `extra`, refusing a second occurrence of the
/// same name instead of overwriting the first.
pub(crate) fn keep_unknown<'de, F: crate::read::lean::Fields<'de>>(
    extra: &mut serde_json::Map<String, serde_json::Value>,
    key: Cow<'de, str>,
    fields: &mut F,
) -> Result<(), F::Error> {
    if extra.contains_key(key.as_ref()) {
        return Err(de::Error::custom(format_args!(
            "duplicate field `{}`",
            crate::values::snippet(&key)
        )));
    }
    let value: serde_json::Value = fields.value()?;
    extra.insert(key.into_owned(), value);
    Ok(())
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
        $slot.unwrap_or_default()
    };
}

/// Writes the reading of a wire object: known fields are matched by their
/// wire name in any order, a repeated field is an error, and every other
/// field is kept in the struct's `extra` map. The reading is written once,
/// over [`crate::read::lean::Fields`], and serves both `Deserialize` and the
/// crate's own reader ([`crate::read::lean::Direct`]).
macro_rules! wire_deserialize {
    ($ty:ident, $expecting:literal, { $($field:ident = $wire:literal $mode:ident),* $(,)? }) => {
        impl $crate::read::lean::Wire for $ty {
            const EXPECTING: &'static str = $expecting;

            fn read_into<'de, F: $crate::read::lean::Fields<'de>>(
                mut map: F,
                slot: &mut Option<$ty>,
            ) -> Result<(), F::Error> {
                $(let mut $field = None;)*
                let mut extra = serde_json::Map::new();
                while let Some(key) = map.key()? {
                    match key.as_ref() {
                        $($wire => {
                            if $field.is_some() {
                                return Err(serde::de::Error::duplicate_field($wire));
                            }
                            map.value_into(&mut $field)?;
                        })*
                        _ => $crate::read::wire::keep_unknown(&mut extra, key, &mut map)?,
                    }
                }
                *slot = Some($ty {
                    $($field: $crate::read::wire::finish_field!($mode, $field, $wire),)*
                    extra,
                });
                Ok(())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::read::lean::deserialize_wire(deserializer)
            }
        }
    };
}

pub(crate) use finish_field;
pub(crate) use wire_deserialize;
