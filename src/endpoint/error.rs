//! [`PathError`]: why a task endpoint's path could not be built or read.

use super::CallKind;
use crate::model::ids::ObjectKind;

/// Why a path could not be built or read.
///
/// ```
/// # use anaplan_task::endpoint::{BASE_URL, CallKind, DumpPart, PathError, Resource, TaskPath};
/// let err = TaskPath::tasks("abc", "F1111111C11111111B11111F1111E11F", CallKind::Import, "112000000009").unwrap_err();
/// assert_eq!(err.to_string(), "workspace id `abc` is not 32 hexadecimal characters");
/// assert_eq!("/workspaces".parse::<TaskPath>().unwrap_err().to_string(),
///     "not a task endpoint path: expected /workspaces/{id}/models/{id}/{kind}/{id}/tasks in `/workspaces`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PathError {
    /// A workspace or model id is not 32 hexadecimal characters.
    #[error("{what} `{id}` is not 32 hexadecimal characters")]
    BadHexId {
        /// `workspace id` or `model id`.
        what: &'static str,
        /// The id given.
        id: String,
    },
    /// A task id is not 32 upper-case hexadecimal characters.
    #[error("task id `{0}` is not 32 upper-case hexadecimal characters")]
    BadTaskId(String),
    /// An object id is not 12 decimal digits.
    #[error("object id `{0}` is not 12 decimal digits")]
    BadObjectId(String),
    /// The action's id is of another kind than the path says.
    #[error("object id `{id}` is of {}, but the path is for {}", crate::text::with_article(found.as_str()), kind.segment())]
    KindMismatch {
        /// The id.
        id: String,
        /// The kind of call.
        kind: CallKind,
        /// The kind its prefix names.
        found: ObjectKind,
    },
    /// A dump of the wrong kind of call: import dumps are for imports,
    /// step dumps for processes.
    #[error("{what} is only for {}", kind.segment())]
    DumpKind {
        /// What was asked.
        what: &'static str,
        /// The kind it is for.
        kind: CallKind,
    },
    /// A chunk number that is not a plain decimal `u32`.
    #[error("chunk `{0}` is not a chunk number")]
    BadChunk(String),
    /// The text is not a task endpoint path.
    #[error("not a task endpoint path: {0}")]
    Shape(String),
    /// `includeProcessDetails` asked of anything but a process task's status.
    #[error("process details are only for the status of a process task")]
    ProcessDetails,
}
