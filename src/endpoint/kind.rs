//! [`CallKind`]: the kind of action a task runs, the `{kind}` segment of a
//! task endpoint's path.

use std::fmt;
use std::str::FromStr;

use crate::model::ids::ObjectKind;

/// The kind of action a task runs: the `{kind}` segment of the path.
///
/// ```
/// # use anaplan_task::endpoint::CallKind;
/// let kinds: Vec<String> = CallKind::ALL.iter().map(|k| k.segment().to_owned()).collect();
/// assert_eq!(kinds, ["imports", "exports", "actions", "processes"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum CallKind {
    /// `imports`.
    Import,
    /// `exports`.
    Export,
    /// `actions` (delete and other actions).
    Action,
    /// `processes`.
    Process,
}

impl CallKind {
    /// Every kind.
    pub const ALL: [CallKind; 4] = [Self::Import, Self::Export, Self::Action, Self::Process];

    /// `import`, `export`, `action` or `process`.
    ///
    /// ```
    /// # use anaplan_task::endpoint::CallKind;
    /// assert_eq!(CallKind::Process.as_str(), "process");
    /// assert_eq!(CallKind::Process.to_string(), "process");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Import => "import",
            Self::Export => "export",
            Self::Action => "action",
            Self::Process => "process",
        }
    }

    /// The path segment: `imports`, `exports`, `actions` or `processes`.
    ///
    /// ```
    /// # use anaplan_task::endpoint::CallKind;
    /// assert_eq!(CallKind::Process.segment(), "processes");
    /// assert_eq!("processes".parse(), Ok(CallKind::Process));
    /// ```
    pub fn segment(self) -> &'static str {
        match self {
            Self::Import => "imports",
            Self::Export => "exports",
            Self::Action => "actions",
            Self::Process => "processes",
        }
    }

    /// The kind of object whose id the call takes and its result carries.
    ///
    /// ```
    /// # use anaplan_task::{ObjectId, ObjectKind, endpoint::CallKind};
    /// assert_eq!(CallKind::Export.object_kind(), ObjectKind::Export);
    /// assert_eq!(ObjectId::new("116000000001").kind(), CallKind::Export.object_kind());
    /// ```
    pub fn object_kind(self) -> ObjectKind {
        match self {
            Self::Import => ObjectKind::Import,
            Self::Export => ObjectKind::Export,
            Self::Action => ObjectKind::Action,
            Self::Process => ObjectKind::Process,
        }
    }
}

impl FromStr for CallKind {
    type Err = crate::ParseEnumError;
    /// Reads `import` or `imports`, and so on.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s || k.segment() == s)
            .ok_or_else(|| crate::ParseEnumError::new("call kind", s, &["import", "export", "action", "process"]))
    }
}

/// As its [`CallKind::as_str`] text; reads the path segment too.
impl serde::Serialize for CallKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for CallKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for CallKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}
