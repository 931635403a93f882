//! The macro that declares the list of typed structs ([`typed_details!`]),
//! called once, in `values/mod.rs`.

/// Declares the list of typed structs, in `values/mod.rs`: for each, its
/// file (module), its [`TypedKind`](super::TypedKind) and the detail types
/// whose `values` decode into it. From the list follow the modules and
/// their re-exports, the variants of [`DetailValues`](super::DetailValues)
/// and how it dispatches to them, `TypedKind` and `TYPED_DETAILS`.
macro_rules! typed_details {
    (
        $(#[$meta:meta])*
        pub enum DetailValues {
            $(
                $(#[$vdoc:meta])*
                $ty:ident in $module:ident as $kind:ident for [$($code:literal),+],
            )+
        }
    ) => {
        $(
            pub(crate) mod $module;
            pub use $module::$ty;
        )+

        /// The typed structs, re-exported at the crate root.
        pub(crate) mod structs {
            pub use super::{$($ty),+};
        }

        $(#[$meta])*
        pub enum DetailValues {
            $( $(#[$vdoc])* $ty($ty), )+
            /// Any other detail type, or an empty array: the entries as sent.
            Raw(Vec<Option<String>>),
        }

        $crate::values::list::typed_kinds! { $( $ty $kind [$($code),+] )+ }
        $crate::values::list::values_dispatch! { $($ty)+ }
    };
}

/// `TypedKind` and `TYPED_DETAILS` of [`typed_details!`].
macro_rules! typed_kinds {
    ($( $ty:ident $kind:ident [$($code:literal),+] )+) => {
        /// The detail types whose `values` decode into a typed struct, with
        /// the keys of that struct.
        #[cfg(feature = "schema")]
        pub(crate) const TYPED_DETAILS: [(&[&str], &$crate::values::engine::Spec); TypedKind::ALL.len()] =
            [$( (TypedKind::$kind.codes(), <$ty as $crate::values::typed::Typed>::SPEC), )+];

        /// Which typed struct a detail type decodes into.
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub(crate) enum TypedKind {
            $( $kind, )+
        }

        impl TypedKind {
            /// Every kind, in the order of the list.
            pub(crate) const ALL: [TypedKind; <[&str]>::len(&[$(stringify!($kind)),+])] = [$(Self::$kind),+];

            /// The detail types whose `values` decode into the struct;
            /// [`DetailCode::typed`](crate::DetailCode) maps them back.
            pub(crate) const fn codes(self) -> &'static [&'static str] {
                match self {
                    $( Self::$kind => &[$($code),+], )+
                }
            }

            /// The keys of the struct.
            pub(crate) fn spec(self) -> &'static $crate::values::engine::Spec {
                match self {
                    $( Self::$kind => <$ty as $crate::values::typed::Typed>::SPEC, )+
                }
            }

            /// The struct built from a complete array, `Raw` for an empty one.
            pub(crate) fn build(self, filled: Option<&mut $crate::values::engine::Filled>) -> DetailValues {
                let Some(f) = filled else {
                    return DetailValues::Raw(Vec::new());
                };
                match self {
                    $( Self::$kind => DetailValues::$ty(<$ty as $crate::values::typed::Typed>::build(f)), )+
                }
            }
        }
    };
}

/// How [`DetailValues`](super::DetailValues) dispatches to the typed
/// structs of [`typed_details!`]: its methods and its serde encoding.
macro_rules! values_dispatch {
    ($($ty:ident)+) => {
        impl DetailValues {
            /// The entries as they go on the wire.
            pub fn to_values(&self) -> Vec<Option<String>> {
                match self {
                    $( Self::$ty(v) => v.to_values(), )+
                    Self::Raw(v) => v.clone(),
                }
            }

            /// The pairs the typed struct did not know, in order; empty for `Raw`.
            pub fn other(&self) -> &[$crate::values::Pair] {
                match self {
                    $( Self::$ty(v) => &v.other, )+
                    Self::Raw(_) => &[],
                }
            }

            /// The number of entries on the wire.
            pub fn len(&self) -> usize {
                match self {
                    $( Self::$ty(v) => 2 * $crate::values::typed::Typed::pair_count(v), )+
                    Self::Raw(v) => v.len(),
                }
            }

            /// Whether the array on the wire is empty.
            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }
        }

        impl serde::Serialize for DetailValues {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Self::$ty(v) => $crate::values::typed::Typed::serialize_values(v, serializer), )+
                    Self::Raw(v) => serializer.collect_seq(v),
                }
            }
        }
    };
}

pub(crate) use {typed_details, typed_kinds, values_dispatch};
