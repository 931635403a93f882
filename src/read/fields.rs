//! The reading of a wire object, written once over [`Fields`] (where its
//! fields come from: serde's map access, or the lean reader), and [`Seen`],
//! the one convention for "a field, read once".

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Visitor};

use super::cause::{Cause, Noted};
use super::scan::{Access, Reader, Res, Text};
use super::{Bail, Direct, DirectSeed, WireStr};

/// A wire object: its reading is written once, over [`Fields`], and
/// serves both its `Deserialize` ([`deserialize_wire`]) and [`Direct`].
pub(crate) trait Wire: serde::de::DeserializeOwned {
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

    fn noted<'de, D: de::Deserializer<'de>>(deserializer: D, cause: Option<&Cause>) -> Result<Self, D::Error> {
        deserializer.deserialize_map(WireVisitor(cause.cloned(), PhantomData))
    }
}

/// `Deserialize` for a wire object, through its map ([`SerdeFields`]).
pub(crate) fn deserialize_wire<'de, T: Wire, D: de::Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(WireVisitor(None, PhantomData))
}

/// Reads a wire object's map, passing `cause` (when the reading notes
/// one) to the fields.
struct WireVisitor<T>(Option<Cause>, PhantomData<T>);

impl<'de, T: Wire> Visitor<'de> for WireVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::read(SerdeFields(map, self.0))
    }
}

/// Which fields of one object were read, by number (below 32): the
/// crate's one convention for "a field, read once". A field is marked with
/// [`Seen::first`] before its value is read (as [`Fields::required_once`]
/// and [`Fields::optional_once`] do), so that a second occurrence is
/// refused with serde's duplicate-field error and a field sent as `null`
/// still counts as read.
#[derive(Clone, Copy, Default)]
pub(crate) struct Seen(u32);

impl Seen {
    /// Marks field `field` (named `name` on the wire) read; refuses a
    /// second occurrence with serde's duplicate-field error.
    #[inline(always)]
    pub(crate) fn first<E: de::Error>(&mut self, field: u32, name: &'static str) -> Result<(), E> {
        let bit = 1 << field;
        if self.0 & bit != 0 {
            return Err(E::duplicate_field(name));
        }
        self.0 |= bit;
        Ok(())
    }

    /// [`Seen::first`] for a field read into `slot`, which is empty until
    /// the field is read. That the slot is empty is checked too, though
    /// `field` says it already: then storing the value drops nothing.
    #[inline(always)]
    pub(crate) fn first_into<E: de::Error, T>(
        &mut self,
        field: u32,
        name: &'static str,
        slot: &Option<T>,
    ) -> Result<(), E> {
        if slot.is_some() {
            return Err(E::duplicate_field(name));
        }
        self.first(field, name)
    }

    /// Marks `field` without a check: for a mark that is not a field of
    /// the wire, such as how a field was sent.
    #[inline(always)]
    pub(crate) fn mark(&mut self, field: u32) {
        self.0 |= 1 << field;
    }

    /// Whether `field` was read.
    #[inline(always)]
    pub(crate) fn has(self, field: u32) -> bool {
        self.0 & (1 << field) != 0
    }

    /// Whether any field was read.
    #[inline(always)]
    pub(crate) fn any(self) -> bool {
        self.0 != 0
    }
}

/// Where the fields of a wire object come from: serde's map access
/// ([`SerdeFields`]), or the lean reader ([`Object`]). The objects' reading
/// is written once, over this.
pub(crate) trait Fields<'de> {
    type Error: de::Error;
    /// The next key, or `None` at the end of the object.
    fn key(&mut self) -> Result<Option<Cow<'de, str>>, Self::Error>;
    /// The value of the key just read.
    fn value<T: Direct>(&mut self) -> Result<T, Self::Error>;
    /// The value of the key just read, into `slot`.
    fn value_into<T: Direct>(&mut self, slot: &mut Option<T>) -> Result<(), Self::Error>;
    /// The value of the key just read, which may be `null`, into `slot`
    /// (`None` for `null`).
    fn optional_into<T: Direct>(&mut self, slot: &mut Option<T>) -> Result<(), Self::Error>;
    /// The value of the key just read, through `seed` (in one loop over
    /// the text on the lean reader).
    fn value_seed<S: DirectSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Self::Error>;
    /// Notes the typed error behind a failure about to be raised, when the
    /// reading keeps one (see [`Cause`]); the lean reader keeps none.
    fn note<E: std::error::Error + Send + Sync + 'static>(&self, cause: E) {
        let _ = cause;
    }

    /// [`Fields::value_into`] for field `field` (named `name`) of the
    /// object, which is read once (see [`Seen`]).
    #[inline(always)]
    fn required_once<T: Direct>(
        &mut self,
        seen: &mut Seen,
        field: u32,
        name: &'static str,
        slot: &mut Option<T>,
    ) -> Result<(), Self::Error> {
        seen.first_into(field, name, slot)?;
        self.value_into(slot)
    }

    /// [`Fields::optional_into`] for field `field` (named `name`) of the
    /// object, which is read once (see [`Seen`]).
    #[inline(always)]
    fn optional_once<T: Direct>(
        &mut self,
        seen: &mut Seen,
        field: u32,
        name: &'static str,
        slot: &mut Option<T>,
    ) -> Result<(), Self::Error> {
        seen.first_into(field, name, slot)?;
        self.optional_into(slot)
    }
}

/// The fields of an object from serde's map access, and where the reading
/// notes the cause of a failure, when it does ([`Direct::noted`]).
pub(crate) struct SerdeFields<A>(pub(crate) A, pub(crate) Option<Cause>);

impl<A> SerdeFields<A> {
    /// The value of the key just read, through serde, noting the cause of a
    /// failure when the reading does.
    #[inline]
    fn next<'de, T: Direct>(&mut self) -> Result<T, A::Error>
    where
        A: de::MapAccess<'de>,
    {
        match &self.1 {
            None => self.0.next_value(),
            Some(cause) => self.0.next_value_seed(Noted(Some(cause), PhantomData)),
        }
    }
}

impl<'de, A: de::MapAccess<'de>> Fields<'de> for SerdeFields<A> {
    type Error = A::Error;
    #[inline]
    fn key(&mut self) -> Result<Option<Cow<'de, str>>, A::Error> {
        Ok(self.0.next_key::<WireStr<'de>>()?.map(|k| k.0))
    }
    #[inline]
    fn value<T: Direct>(&mut self) -> Result<T, A::Error> {
        self.next()
    }
    #[inline]
    fn value_into<T: Direct>(&mut self, slot: &mut Option<T>) -> Result<(), A::Error> {
        *slot = Some(self.next()?);
        Ok(())
    }
    #[inline]
    fn optional_into<T: Direct>(&mut self, slot: &mut Option<T>) -> Result<(), A::Error> {
        *slot = self.next()?;
        Ok(())
    }
    fn value_seed<S: DirectSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.0.next_value_seed(seed.noting(self.1.clone()))
    }
    fn note<E: std::error::Error + Send + Sync + 'static>(&self, cause: E) {
        if let Some(noted) = &self.1 {
            noted.note(cause);
        }
    }
}

impl<'a> Reader<'a> {
    /// Reads the object at the position with `read`, which takes its
    /// fields from [`Object`].
    #[inline]
    fn object_fields<T>(&mut self, read: impl FnOnce(Object<'_, 'a>) -> Res<T>) -> Res<T> {
        if self.peek() != Some(b'{') {
            return Err(Bail);
        }
        self.nested(b'}', |entries| read(Object(entries)))
    }
}

/// The fields of an object read straight from the lean reader.
pub(crate) struct Object<'r, 'a>(Access<'r, 'a>);

impl<'a> Fields<'a> for Object<'_, 'a> {
    type Error = Bail;
    #[inline]
    fn key(&mut self) -> Res<Option<Cow<'a, str>>> {
        if !self.0.more(b'}')? {
            return Ok(None);
        }
        let r = &mut *self.0.de;
        if r.peek() != Some(b'"') {
            return Err(Bail);
        }
        let key = match r.string()? {
            Text::Borrowed(s) => Cow::Borrowed(s),
            Text::Copied(s) => Cow::Owned(s.to_owned()),
        };
        r.expect(b':')?;
        Ok(Some(key))
    }
    #[inline]
    fn value<T: Direct>(&mut self) -> Res<T> {
        T::direct(self.0.de)
    }
    #[inline]
    fn value_into<T: Direct>(&mut self, slot: &mut Option<T>) -> Res<()> {
        T::direct_into(self.0.de, slot)
    }
    #[inline]
    fn optional_into<T: Direct>(&mut self, slot: &mut Option<T>) -> Res<()> {
        let r = &mut *self.0.de;
        if r.peek() == Some(b'n') {
            *slot = None;
            return r.keyword(b"null");
        }
        T::direct_into(r, slot)
    }
    fn value_seed<S: DirectSeed<'a>>(&mut self, seed: S) -> Res<S::Value> {
        let r = &mut *self.0.de;
        r.peek().ok_or(Bail)?;
        let (value, used) = seed.read_rest(r.text.get(r.pos..).ok_or(Bail)?)?;
        r.pos += used;
        Ok(value)
    }
}
