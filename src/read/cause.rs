//! The precise reading of the crate's own types, which carries the typed
//! error behind serde's message from where it arises ([`Cause`]), down
//! through every wire object, option and vector ([`Noted`]).

use std::cell::RefCell;
use std::error::Error;
use std::fmt;
use std::marker::PhantomData;
use std::rc::Rc;

use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};

use super::Direct;

/// Where a reading keeps the typed error behind the message it fails
/// with: serde errors carry only text, so the reader that raises one notes
/// its cause here first. Shared by the readers of one document (cloning it
/// shares it); the first cause noted is the one the reading fails with,
/// since a reading stops at its first error.
#[derive(Clone, Default)]
pub(crate) struct Cause(Rc<RefCell<Option<Box<dyn Error + Send + Sync>>>>);

impl Cause {
    /// Notes `cause`, unless one is noted already.
    pub(crate) fn note<E: Error + Send + Sync + 'static>(&self, cause: E) {
        let mut slot = self.0.borrow_mut();
        if slot.is_none() {
            *slot = Some(Box::new(cause));
        }
    }

    /// The cause noted, if any.
    pub(crate) fn take(&self) -> Option<Box<dyn Error + Send + Sync>> {
        self.0.borrow_mut().take()
    }
}

/// Reads a `T` passing `cause` down to the readers inside it.
pub(crate) struct Noted<'c, T>(pub(crate) Option<&'c Cause>, pub(crate) PhantomData<T>);

impl<'de, T: Direct> DeserializeSeed<'de> for Noted<'_, T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::noted(deserializer, self.0)
    }
}

/// An option whose value is read [`Noted`].
pub(crate) struct NotedOption<'c, T>(pub(crate) Option<&'c Cause>, pub(crate) PhantomData<T>);

impl<'de, T: Direct> Visitor<'de> for NotedOption<'_, T> {
    type Value = Option<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        T::noted(deserializer, self.0).map(Some)
    }
}

/// A sequence whose elements are read [`Noted`].
pub(crate) struct NotedSeq<'c, T>(pub(crate) Option<&'c Cause>, pub(crate) PhantomData<T>);

impl<'de, T: Direct> Visitor<'de> for NotedSeq<'_, T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // As serde's own vectors: no more room than 1 MiB ahead of the input.
        let room = seq.size_hint().unwrap_or(0).min((1 << 20) / size_of::<T>().max(1));
        let mut all = Vec::with_capacity(room);
        while let Some(item) = seq.next_element_seed(Noted(self.0, PhantomData))? {
            all.push(item);
        }
        Ok(all)
    }
}
