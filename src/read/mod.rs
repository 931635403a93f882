//! The lean reader: the first reading of a document, made for the shapes
//! of this crate, and the machinery its wire types are read with.
//!
//! It accepts a document only when serde_json would accept it and read the
//! same values: on anything it does not handle, or handles only slowly, it
//! gives up with [`Bail`], and the caller reads the document again with
//! serde_json, which decides and explains. So it has no error messages, no
//! positions, and never needs to be right about why input is bad.
//!
//! What makes it quick: strings are scanned eight bytes at a time and
//! handed out borrowed; plain non-negative integers are read directly;
//! anything else numeric is passed to serde_json on its own text; the
//! crate's wire types are read straight from the text ([`Direct`]), their
//! objects matching their keys as they read them and building themselves
//! from locals; `values` arrays are read in one loop ([`Flat`], handed the
//! text through [`DirectSeed`]); there is no position tracking and no
//! error formatting.
//!
//! This module is contained: it imports nothing else of the crate but
//! [`snippet`](crate::text::snippet) for a message, and
//! the rest of the crate reaches it only through what this file exports,
//! its one entry point:
//! - [`direct_str_into`], the lean reading of a document, and [`Noted`]
//!   with [`Cause`], the precise one's, which carries the typed error
//!   behind a failure from where it arises;
//! - [`Wire`] and [`Fields`], over which a wire object's reading is written
//!   once, with [`Seen`] for "a field, read once", [`keep_unknown`] for the
//!   other fields, [`deserialize_wire`] for its `Deserialize`, and the
//!   macro [`wire_deserialize!`] that writes all this for the plain cases
//!   (`wire_enum!` in `enums.rs` gives its enums [`Direct`] too);
//! - [`Direct`] (with [`direct_via_serde!`] and [`direct_from!`]) for the
//!   leaves, and [`DirectSeed`] with [`Flat`] for a `values` array;
//!
//! The files hold one concern each: `scan` the byte scanner ([`Reader`]),
//! `de` the serde `Deserializer` over it, `direct` the [`Direct`] types,
//! `fields` the wire objects' reading, `flat` the `values` arrays, `wire`
//! the shared helpers and macros.

mod cause;
mod de;
mod direct;
mod fields;
mod flat;
mod scan;
mod wire;

#[cfg(test)]
mod tests;

use std::fmt;

use serde::de as serde_de;

pub(crate) use cause::{Cause, Noted};
pub(crate) use direct::{Direct, direct_from, direct_via_serde};
pub(crate) use fields::{Fields, Seen, Wire, deserialize_wire};
pub(crate) use flat::{DirectSeed, Flat};
pub(crate) use scan::Reader;
pub(crate) use wire::{WireStr, finish_field, keep_unknown, read_field, wire_deserialize};

/// The lean reader gives up; serde_json reads the document instead.
#[derive(Debug)]
pub(crate) struct Bail;

impl fmt::Display for Bail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("left to serde_json")
    }
}

impl std::error::Error for Bail {}

impl serde_de::Error for Bail {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Bail
    }
}

/// Reads one document of any type `T` from `text`, which must hold nothing
/// else but white space, through `T`'s serde visitor: how the tests compare
/// the lean reader with serde_json.
#[cfg(test)]
pub(crate) fn lean_str<'a, T: serde_de::Deserialize<'a>>(text: &'a str) -> Result<T, Bail> {
    let mut reader = Reader::new(text);
    let value = T::deserialize(&mut reader);
    match reader.peek() {
        None => value,
        Some(_) => Err(Bail),
    }
}

/// Reads one document of a wire type straight from `text`, which must hold
/// nothing else but white space, building it in `slot`.
pub(crate) fn direct_str_into<T: Direct>(text: &str, slot: &mut Option<T>) -> Result<(), Bail> {
    let mut reader = Reader::new(text);
    T::direct_into(&mut reader, slot)?;
    match reader.peek() {
        None => Ok(()),
        Some(_) => Err(Bail),
    }
}
