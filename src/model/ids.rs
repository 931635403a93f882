//! Identifiers: [`TaskId`] and [`ObjectId`] with the [`ObjectKind`] its prefix names.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The traits of a string id, written once for each: reading, `Display`
/// (padded), conversions from and to strings, `AsRef<str>`,
/// `Borrow<str>` (hashes and orders as its text, so a `HashSet` or
/// `BTreeMap` of ids can be looked up with a `&str`), `FromStr` (any text is
/// an id; see `is_well_formed`) and comparison with `str` both ways.
///
/// It declares the struct too, with its documentation and schema
/// description, `new` and `as_str`; what is particular to an id (its
/// well-formed shape, its kind) is written beside it.
macro_rules! str_id {
    ($(#[$meta:meta])* pub struct $ty:ident, schema $desc:literal;) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "schema", schemars(description = $desc))]
        #[serde(transparent)]
        pub struct $ty(String);

        impl $ty {
            #[doc = concat!("Wraps an id as a [`", stringify!($ty), "`].")]
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as sent.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        crate::read::direct_from!($ty: String);

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }

        impl From<String> for $ty {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl From<&str> for $ty {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $ty {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<$ty> for String {
            fn from(id: $ty) -> Self {
                id.0
            }
        }

        impl std::str::FromStr for $ty {
            type Err = std::convert::Infallible;
            /// Any text is an id; see `is_well_formed`.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(s))
            }
        }

        impl PartialEq<str> for $ty {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<$ty> for str {
            fn eq(&self, other: &$ty) -> bool {
                self == other.0
            }
        }

        impl PartialEq<$ty> for &str {
            fn eq(&self, other: &$ty) -> bool {
                *self == other.0
            }
        }
    };
}

str_id! {
    /// The id of a task, as the server sent it.
    ///
    /// Real task ids are 32 upper-case hexadecimal characters
    /// (`1B1D84DDD53847BAA621810B593C3FC1`). Any string is accepted when reading;
    /// [`TaskId::is_well_formed`] tells whether it has the real shape.
    ///
    /// ```
    /// use anaplan_task::TaskId;
    /// let id = TaskId::new("1B1D84DDD53847BAA621810B593C3FC1");
    /// assert!(id.is_well_formed());
    /// assert!(!TaskId::new("1b1d84dd").is_well_formed());
    /// // Compared with, and looked up by, its text:
    /// assert_eq!(id, "1B1D84DDD53847BAA621810B593C3FC1");
    /// let seen: std::collections::BTreeSet<TaskId> = [id].into();
    /// assert!(seen.contains("1B1D84DDD53847BAA621810B593C3FC1"));
    /// ```
    pub struct TaskId, schema "The id of a task: 32 upper-case hexadecimal characters in real responses.";
}

impl TaskId {
    /// Whether the id is 32 upper-case hexadecimal characters, as real ids are.
    pub fn is_well_formed(&self) -> bool {
        // No early exit, so the check runs over all 32 bytes without branches.
        self.0.len() == 32
            && self
                .0
                .bytes()
                .fold(true, |ok, b| ok & (b.is_ascii_digit() | (b'A'..=b'F').contains(&b)))
    }
}

str_id! {
    /// The id of a model object: the import, export, action or process that ran,
    /// or a file, list or module.
    ///
    /// Object ids are 12 decimal digits sent as a JSON string; the first three
    /// digits name the kind of object ([`ObjectKind`]).
    ///
    /// ```
    /// use anaplan_task::{ObjectId, ObjectKind};
    /// let id = ObjectId::new("112000000009");
    /// assert_eq!(id.kind(), ObjectKind::Import);
    /// assert!(id.is_well_formed());
    /// assert_eq!(ObjectId::new("999000000001").kind(), ObjectKind::Other);
    /// ```
    pub struct ObjectId, schema "The id of a model object, 12 decimal digits sent as text. The first three name its kind: 112 import, 113 file, 116 export, 117 action, 118 process, 101 list, 102 module.";
}

impl ObjectId {
    /// The kind of object, from the id's three-digit prefix.
    pub fn kind(&self) -> ObjectKind {
        ObjectKind::from_prefix(self.0.get(..3).unwrap_or(""))
    }

    /// Whether the id is 12 decimal digits, as real ids are.
    pub fn is_well_formed(&self) -> bool {
        self.0.len() == 12 && self.0.bytes().fold(true, |ok, b| ok & b.is_ascii_digit())
    }
}

crate::enums::str_enum! {
    /// The kind of model object an [`ObjectId`] names, from its prefix.
    ///
    /// ```
    /// use anaplan_task::ObjectKind;
    /// assert_eq!(ObjectKind::from_prefix("118"), ObjectKind::Process);
    /// assert_eq!(ObjectKind::Process.as_str(), "process");
    /// assert_eq!("process".parse(), Ok(ObjectKind::Process));
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[non_exhaustive]
    pub enum ObjectKind as "object kind" {
        /// Prefix `112`: an import.
        Import = "import",
        /// Prefix `113`: a file.
        File = "file",
        /// Prefix `116`: an export (its output file has the same id).
        Export = "export",
        /// Prefix `117`: an action, such as a delete action.
        Action = "action",
        /// Prefix `118`: a process.
        Process = "process",
        /// Prefix `101`: a list.
        List = "list",
        /// Prefix `102`: a module.
        Module = "module",
        /// Any other prefix.
        Other = "other",
    }
}

impl ObjectKind {
    /// The kind named by a three-digit prefix.
    pub fn from_prefix(prefix: &str) -> Self {
        match prefix {
            "112" => Self::Import,
            "113" => Self::File,
            "116" => Self::Export,
            "117" => Self::Action,
            "118" => Self::Process,
            "101" => Self::List,
            "102" => Self::Module,
            _ => Self::Other,
        }
    }

    /// The three-digit prefix of this kind, or `None` for [`ObjectKind::Other`].
    pub fn prefix(self) -> Option<&'static str> {
        Some(match self {
            Self::Import => "112",
            Self::File => "113",
            Self::Export => "116",
            Self::Action => "117",
            Self::Process => "118",
            Self::List => "101",
            Self::Module => "102",
            Self::Other => return None,
        })
    }
}
