//! [`Direct`]: the types the lean reader reads straight from the text,
//! without serde's visitors: the crate's wire objects (through
//! [`Wire`](super::Wire)), strings, booleans, options and vectors of such;
//! other leaves go through their own `Deserialize` on the lean reader
//! ([`direct_via_serde!`](super::direct_via_serde)).

use std::marker::PhantomData;

use super::Bail;
use super::cause::{Cause, NotedOption, NotedSeq};
use super::scan::{Reader, Res};

/// A type read straight from the lean reader, without serde's visitors:
/// wire objects match their keys as they are read and build themselves
/// from locals. Leaves without a quicker way are read through serde.
pub(crate) trait Direct: serde::de::DeserializeOwned {
    /// Reads the value at the reader's position.
    fn direct(r: &mut Reader<'_>) -> Result<Self, Bail>;

    /// Reads the value with serde, noting in `cause` the typed error behind
    /// a failure (see [`Cause`]): wire objects, options and vectors pass it
    /// down; a leaf has no typed error and reads as usual.
    fn noted<'de, D: serde::Deserializer<'de>>(deserializer: D, cause: Option<&Cause>) -> Result<Self, D::Error> {
        let _ = cause;
        Self::deserialize(deserializer)
    }

    /// Reads into `slot`, where a large value is built in place instead of
    /// being moved there.
    #[inline]
    fn direct_into(r: &mut Reader<'_>, slot: &mut Option<Self>) -> Result<(), Bail> {
        *slot = Some(Self::direct(r)?);
        Ok(())
    }
}

/// `Direct` through the type's own `Deserialize`, on the lean reader.
macro_rules! direct_via_serde {
    ($($ty:ty),* $(,)?) => {
        $(impl $crate::read::Direct for $ty {
            #[inline]
            fn direct(r: &mut $crate::read::Reader<'_>) -> Result<Self, $crate::read::Bail> {
                <$ty as serde::Deserialize>::deserialize(r)
            }
        })*
    };
}

/// `Direct` for a type made `From` another `Direct` type (an id from its
/// text).
macro_rules! direct_from {
    ($($ty:ty: $from:ty),* $(,)?) => {
        $(impl $crate::read::Direct for $ty {
            #[inline]
            fn direct(r: &mut $crate::read::Reader<'_>) -> Result<Self, $crate::read::Bail> {
                <$from as $crate::read::Direct>::direct(r).map(<$ty>::from)
            }
        })*
    };
}

pub(crate) use direct_from;
pub(crate) use direct_via_serde;

direct_via_serde!(u16, u64, i64, serde_json::Value);

impl Direct for Box<serde_json::value::RawValue> {
    /// The value's text as sent: the value is read to its end, as
    /// serde_json reads any value, and its text is then checked by
    /// serde_json itself, so that no text serde_json would refuse is kept.
    fn direct(r: &mut Reader<'_>) -> Res<Self> {
        let text = r.value_text()?;
        serde_json::value::RawValue::from_string(text.to_owned()).map_err(|_| Bail)
    }
}

impl<'a> Reader<'a> {
    /// The text of the value at the position, read to its end as serde_json
    /// reads any value (refusing what it refuses, such as a number beyond a
    /// double's range), without white space around it.
    pub(crate) fn value_text(&mut self) -> Res<&'a str> {
        self.peek().ok_or(Bail)?;
        let start = self.pos;
        <serde::de::IgnoredAny as serde::Deserialize>::deserialize(&mut *self)?;
        self.text.get(start..self.pos).ok_or(Bail)
    }

    /// The text of the number at the position, as JSON's grammar writes one
    /// (`-`, digits without a leading zero, a fraction, an exponent),
    /// without asking serde_json: the caller decides its range. Anything
    /// else is [`Bail`].
    pub(crate) fn number_text(&mut self) -> Res<&'a str> {
        self.peek().ok_or(Bail)?;
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let digits = |mut i: usize| {
            let from = i;
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            (i > from).then_some(i)
        };
        let mut i = start + usize::from(bytes.get(start) == Some(&b'-'));
        i = match bytes.get(i) {
            Some(b'0') => i + 1,
            Some(b'1'..=b'9') => digits(i).ok_or(Bail)?,
            _ => return Err(Bail),
        };
        if bytes.get(i) == Some(&b'.') {
            i = digits(i + 1).ok_or(Bail)?;
        }
        if matches!(bytes.get(i), Some(b'e' | b'E')) {
            i += 1;
            i += usize::from(matches!(bytes.get(i), Some(b'+' | b'-')));
            i = digits(i).ok_or(Bail)?;
        }
        // What follows a number: white space, a separator or the end.
        if !matches!(
            bytes.get(i),
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b'}' | b']')
        ) {
            return Err(Bail);
        }
        self.pos = i;
        self.text.get(start..i).ok_or(Bail)
    }
}

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

    fn noted<'de, D: serde::Deserializer<'de>>(deserializer: D, cause: Option<&Cause>) -> Result<Self, D::Error> {
        deserializer.deserialize_option(NotedOption(cause, PhantomData))
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

    fn noted<'de, D: serde::Deserializer<'de>>(deserializer: D, cause: Option<&Cause>) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(NotedSeq(cause, PhantomData))
    }
}
