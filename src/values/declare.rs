//! The macro that declares a typed struct of `values` once
//! ([`typed_detail!`]), and the helpers it expands to.
//!
//! A declaration names, for each field, its wire key and its kind; the
//! struct, its serde attributes, its keys ([`Spec`](super::engine::Spec)),
//! its decoding from a [`Sink`](super::engine::Sink), its encoding, `new`,
//! `KEYS`, `from_values`, `to_values` and (when asked) `counts()` all
//! follow from it:
//!
//! ```text
//! typed_detail! {
//!     /// The struct's docs.
//!     pub struct LineItemRowsProcessed for "lineItemRowsProcessed" {
//!         texts {
//!             /// the line item imported into.
//!             line_item_name: "lineItemName" => text,
//!         }
//!         counts {
//!             /// cells imported.
//!             row_count: "rowCount" => count,
//!             /// cells ignored; `None` when the key was absent (zero).
//!             ignored_count: "ignoredCount" => optional_count,
//!         }
//!     }
//!     /// A detail for the named line item with zero rows.
//!     fn new(line_item_name);
//!     // Only with `fn counts();`: `counts()`, `Counts`, `COUNTS`.
//! }
//! ```
//!
//! | kind | field type | key | serde |
//! |---|---|---|---|
//! | `text` | `String` | required, never null | as is |
//! | `nullable_text` | `Option<Option<String>>` | optional, may be null | skipped when absent; `null` stays `null` |
//! | `count` | `u64` | required, decimal text | a number |
//! | `optional_count` | `Option<u64>` | optional, decimal text | skipped when absent |
//!
//! Text keys come first (the engine keeps at most
//! [`MAX_TEXTS`](super::engine::MAX_TEXTS) of them), counts after them; the
//! crate's order of the keys is the order of the declaration. Each field's
//! rustdoc starts with its wire key. The expansion also defines, in the
//! declaring module (one declaration per file): `enum Text` and `enum Count`
//! naming the keys by field, whose discriminants are the field's place among
//! the texts and among the counts (so `Count::x` indexes `counts()`), and
//! `TEXTS`, the number of text keys (so a count's index in the `Spec` is
//! `TEXTS + Count::x`).

use serde::de::Deserializer;

/// `serverAlert` was present: `null` is `Some(None)`.
pub(crate) fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Option<String>>, D::Error> {
    <Option<String> as serde::Deserialize>::deserialize(deserializer).map(Some)
}

/// Declares a typed struct of `values`; see the module docs.
macro_rules! typed_detail {
    (
        $(#[$meta:meta])*
        pub struct $ty:ident for $detail:literal {
            texts {
                $( $(#[$tdoc:meta])* $tf:ident: $tw:literal => $tk:ident, )+
            }
            counts {
                $( $(#[$cdoc:meta])* $cf:ident: $cw:literal => $ck:ident, )*
            }
        }
        $(#[$newdoc:meta])*
        fn new($name:ident);
        $( $(#[$countsdoc:meta])* fn $counts:ident(); )?
    ) => {
        $crate::values::declare::typed_struct! {
            [$(#[$meta])* $ty]
            []
            $( $(#[$tdoc])* $tf: $tw => $tk, )+
            $( $(#[$cdoc])* $cf: $cw => $ck, )*
        }
        $crate::values::declare::typed_keys! { [$($tf $tw $tk)+] [$($cf $cw $ck)*] }
        $crate::values::declare::typed_api! { $ty [$(#[$newdoc])*] $name [$($tw)+ $($cw)*] }
        $crate::values::declare::typed_codec! { $ty $detail [$($tf $tw $tk)+] [$($cf $cw $ck)*] }
        $crate::values::declare::typed_counts! {
            ($($counts)?) $ty [$($(#[$countsdoc])*)?] $($cf: $cw)*
        }
    };
}

/// The keys of [`typed_detail!`]: `Text` and `Count`, naming them by
/// field, `TEXTS` and `KEY_SPECS`, checked against the engine's limits.
macro_rules! typed_keys {
    ([$($tf:ident $tw:literal $tk:ident)+] [$($cf:ident $cw:literal $ck:ident)*]) => {
        /// The text keys, by field; the discriminant is the key's place.
        #[allow(non_camel_case_types, dead_code)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub(crate) enum Text {
            $( $tf, )+
        }

        /// The count keys, by field; the discriminant is the key's place
        /// among the counts.
        #[allow(non_camel_case_types, dead_code)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub(crate) enum Count {
            $( $cf, )*
        }

        /// The number of text keys: where the counts start in the `Spec`.
        const TEXTS: usize = <[&str]>::len(&[$($tw),+]);

        /// The known keys, in the crate's order.
        const KEY_SPECS: [$crate::values::engine::KeySpec; TEXTS + <[&str]>::len(&[$($cw),*])] = [
            $( $crate::values::declare::text_field!(@spec $tk, $tw), )+
            $( $crate::values::declare::count_field!(@spec $ck, $cw), )*
        ];

        const _: () = assert!(
            TEXTS <= $crate::values::engine::MAX_TEXTS && KEY_SPECS.len() <= $crate::values::engine::MAX_KEYS
        );
    };
}

/// The public constructor, keys and conversions of [`typed_detail!`].
macro_rules! typed_api {
    ($ty:ident [$(#[$newdoc:meta])*] $name:ident [$($w:literal)+]) => {
        impl $ty {
            /// The keys of `values`, in the crate's order.
            pub const KEYS: [&'static str; { KEY_SPECS.len() }] = [$($w),+];

            $(#[$newdoc])*
            pub fn new($name: impl Into<String>) -> Self {
                Self {
                    $name: $name.into(),
                    ..Self::default()
                }
            }

            /// Decodes a `values` array, keys in any order.
            ///
            /// An empty array decodes to `Ok(None)`: the server sent no data.
            pub fn from_values<S: AsRef<str>>(values: &[Option<S>]) -> Result<Option<Self>, $crate::values::ValuesError> {
                <Self as $crate::values::typed::Typed>::from_slice(values)
            }

            /// Encodes back to a `values` array: the known keys in the crate's
            /// order, then the other pairs in the order they came.
            pub fn to_values(&self) -> Vec<Option<String>> {
                <Self as $crate::values::typed::Typed>::to_values(self)
            }
        }
    };
}

/// [`Typed`](super::typed::Typed) for [`typed_detail!`]: the `Spec`, the
/// building from a sink and the encoding, each key by its field.
macro_rules! typed_codec {
    ($ty:ident $detail:literal [$($tf:ident $tw:literal $tk:ident)+] [$($cf:ident $cw:literal $ck:ident)*]) => {
        impl $crate::values::typed::Typed for $ty {
            const SPEC: &'static $crate::values::engine::Spec = &$crate::values::engine::Spec {
                detail: $detail,
                keys: &KEY_SPECS,
                index: |key| {
                    Some(match key {
                        $( $tw => Text::$tf as usize, )+
                        $( $cw => TEXTS + Count::$cf as usize, )*
                        _ => return None,
                    })
                },
            };

            fn build(f: &mut $crate::values::engine::Filled) -> Self {
                Self {
                    $( $tf: $crate::values::declare::text_field!(@build $tk, f, Text::$tf as usize), )+
                    $( $cf: $crate::values::declare::count_field!(@build $ck, f, TEXTS + Count::$cf as usize), )*
                    other: std::mem::take(&mut f.other),
                }
            }

            fn known<E>(&self, f: &mut dyn FnMut(&str, $crate::values::typed::Out<'_>) -> Result<(), E>) -> Result<(), E> {
                $( $crate::values::declare::text_field!(@known $tk, f, $tw, &self.$tf); )+
                $( $crate::values::declare::count_field!(@known $ck, f, $cw, self.$cf); )*
                Ok(())
            }

            fn other(&self) -> &[$crate::values::Pair] {
                &self.other
            }
        }
    };
}

/// The struct of [`typed_detail!`], built field by field: each kind has
/// its own type and serde attributes.
macro_rules! typed_struct {
    ([$(#[$meta:meta])* $ty:ident] [$($fields:tt)*]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
        #[serde(default)]
        #[non_exhaustive]
        pub struct $ty {
            $($fields)*
            /// Pairs with other keys, in the order they came.
            #[serde(skip_serializing_if = "Vec::is_empty")]
            pub other: Vec<$crate::values::Pair>,
        }
    };
    ($head:tt [$($fields:tt)*] $(#[$doc:meta])* $f:ident: $w:literal => text, $($rest:tt)*) => {
        $crate::values::declare::typed_struct! { $head [$($fields)*
            #[doc = concat!("`", $w, "`:")]
            $(#[$doc])*
            #[serde(rename = $w)]
            pub $f: String,
        ] $($rest)* }
    };
    ($head:tt [$($fields:tt)*] $(#[$doc:meta])* $f:ident: $w:literal => nullable_text, $($rest:tt)*) => {
        $crate::values::declare::typed_struct! { $head [$($fields)*
            #[doc = concat!("`", $w, "`:")]
            $(#[$doc])*
            #[serde(
                rename = $w,
                skip_serializing_if = "Option::is_none",
                deserialize_with = "crate::values::declare::present"
            )]
            pub $f: Option<Option<String>>,
        ] $($rest)* }
    };
    ($head:tt [$($fields:tt)*] $(#[$doc:meta])* $f:ident: $w:literal => count, $($rest:tt)*) => {
        $crate::values::declare::typed_struct! { $head [$($fields)*
            #[doc = concat!("`", $w, "`:")]
            $(#[$doc])*
            #[serde(rename = $w)]
            pub $f: u64,
        ] $($rest)* }
    };
    ($head:tt [$($fields:tt)*] $(#[$doc:meta])* $f:ident: $w:literal => optional_count, $($rest:tt)*) => {
        $crate::values::declare::typed_struct! { $head [$($fields)*
            #[doc = concat!("`", $w, "`:")]
            $(#[$doc])*
            #[serde(rename = $w, skip_serializing_if = "Option::is_none")]
            pub $f: Option<u64>,
        ] $($rest)* }
    };
}

/// A text key of [`typed_detail!`]: its [`KeySpec`](super::engine::KeySpec),
/// how it is built from the sink, how it is encoded.
macro_rules! text_field {
    (@spec text, $w:literal) => {
        $crate::values::engine::KeySpec {
            name: $w,
            shape: $crate::values::engine::Shape::Text,
            required: true,
        }
    };
    (@spec nullable_text, $w:literal) => {
        $crate::values::engine::KeySpec {
            name: $w,
            shape: $crate::values::engine::Shape::NullableText,
            required: false,
        }
    };
    (@build text, $f:ident, $i:expr) => {
        $f.text($i)
    };
    (@build nullable_text, $f:ident, $i:expr) => {
        $f.nullable($i)
    };
    (@known text, $f:ident, $w:literal, $v:expr) => {
        $f($w, $crate::values::typed::Out::Text($v))?
    };
    (@known nullable_text, $f:ident, $w:literal, $v:expr) => {
        if let Some(v) = $v {
            $f(
                $w,
                v.as_deref()
                    .map_or($crate::values::typed::Out::Null, $crate::values::typed::Out::Text),
            )?;
        }
    };
}

/// A count key of [`typed_detail!`]: its [`KeySpec`](super::engine::KeySpec),
/// how it is built from the sink, how it is encoded.
macro_rules! count_field {
    (@spec count, $w:literal) => {
        $crate::values::engine::KeySpec {
            name: $w,
            shape: $crate::values::engine::Shape::Count,
            required: true,
        }
    };
    (@spec optional_count, $w:literal) => {
        $crate::values::engine::KeySpec {
            name: $w,
            shape: $crate::values::engine::Shape::Count,
            required: false,
        }
    };
    (@build count, $f:ident, $i:expr) => {
        $f.count($i).unwrap_or(0)
    };
    (@build optional_count, $f:ident, $i:expr) => {
        $f.count($i)
    };
    (@known count, $f:ident, $w:literal, $v:expr) => {
        $f($w, $crate::values::typed::Out::Count($v))?
    };
    (@known optional_count, $f:ident, $w:literal, $v:expr) => {
        if let Some(n) = $v {
            $f($w, $crate::values::typed::Out::Count(n))?;
        }
    };
}

/// `counts()` of [`typed_detail!`], when the declaration asks for it: every
/// count must then be of kind `count`. Also `Counts`, its type, and
/// indexing it by [`Count`](super::hierarchy::Count).
macro_rules! typed_counts {
    (() $($rest:tt)*) => {};
    ((counts) $ty:ident [$(#[$doc:meta])*] $($cf:ident: $cw:literal)*) => {
        /// The number of counts.
        pub(crate) const COUNTS: usize = <[&str]>::len(&[$($cw),*]);

        /// The counts with their keys, as `counts()` gives them.
        pub(crate) type Counts = [(&'static str, u64); COUNTS];

        impl $ty {
            $(#[$doc])*
            pub fn counts(&self) -> [(&'static str, u64); { COUNTS }] {
                [$(($cw, self.$cf)),*]
            }
        }

        /// `counts()[Count::x]` is the count `x` with its key.
        impl std::ops::Index<Count> for Counts {
            type Output = (&'static str, u64);
            #[inline]
            fn index(&self, count: Count) -> &Self::Output {
                &self[count as usize]
            }
        }
    };
}

pub(crate) use {
    count_field, text_field, typed_api, typed_codec, typed_counts, typed_detail, typed_keys, typed_struct,
};
