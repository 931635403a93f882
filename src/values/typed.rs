//! What every typed struct has: its keys, how it is built from pairs and
//! written back to them ([`Typed`]).
//!
//! Each typed struct is written out in its own file (`line_item.rs` is the
//! shortest to copy): the struct, whose fields each have a kind; its keys
//! (`KEY_SPECS`, a [`KeySpec`](super::engine::KeySpec) per field, text keys
//! first, the crate's order being their order); its `impl Typed`, which
//! gives the [`Spec`] (the table and a `match` from key to its place in it),
//! builds the struct from the values found and writes the known keys back;
//! and its public `new`, `KEYS`, `from_values` and `to_values`, which call
//! the trait. Each field's rustdoc starts with its wire key.
//!
//! | kind | field type | `KeySpec` | built by | serde |
//! |---|---|---|---|---|
//! | text | `String` | `text`: required, never null | `Filled::text` | `rename` |
//! | nullable text | `Option<Option<String>>` | `nullable_text`: optional, may be null | `Filled::nullable` | skipped when absent; `null` stays `null` |
//! | count | `u64` | `count`: required, decimal text | `Filled::count`, `unwrap_or(0)` | a number |
//! | optional count | `Option<u64>` | `optional_count`: optional, decimal text | `Filled::count` | skipped when absent |
//!
//! Every struct also has `#[serde(default)]`, `#[non_exhaustive]` and
//! `other: Vec<Pair>`, skipped when empty.

use serde::ser::{SerializeSeq, Serializer};

use super::engine::{Filled, Spec, decode_slice};
use super::{Pair, ValuesError};

/// A value as written back to the wire.
pub(crate) enum Out<'a> {
    Text(&'a str),
    Null,
    Count(u64),
}

/// Formats a count without allocating.
pub(crate) struct CountText {
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
