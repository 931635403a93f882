//! [`CallKind`]: the kind of action a task runs, the `{kind}` segment of a
//! task endpoint's path.

use crate::model::ids::ObjectKind;

crate::enums::str_enum! {
    /// The kind of action a task runs: the `{kind}` segment of the path.
    ///
    /// Its text (`as_str`, `Display`, serde) is `import`, `export`,
    /// `action` or `process`; `FromStr` and serde read the path segment
    /// too.
    ///
    /// ```
    /// # use anaplan_task::endpoint::CallKind;
    /// let kinds: Vec<String> = CallKind::ALL.iter().map(|k| k.segment().to_owned()).collect();
    /// assert_eq!(kinds, ["imports", "exports", "actions", "processes"]);
    /// assert_eq!(CallKind::Process.as_str(), "process");
    /// assert_eq!(CallKind::Process.to_string(), "process");
    /// assert_eq!("process".parse(), Ok(CallKind::Process));
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum CallKind as "call kind", also Self::segment {
        /// `imports`.
        Import = "import",
        /// `exports`.
        Export = "export",
        /// `actions` (delete and other actions).
        Action = "action",
        /// `processes`.
        Process = "process",
    }
}

impl CallKind {
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
