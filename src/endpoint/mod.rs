//! Paths of the task endpoints, formatted and parsed, without any HTTP.
//!
//! A [`TaskPath`] is built for a kind of call ([`CallKind`]) and points at
//! a [`Resource`] (the task list, a task, a failure dump and its
//! [`DumpPart`]); it is written with `Display` or as a URL, and read back
//! from either with `FromStr`, whose error is a [`PathError`]. The ALM
//! endpoints, which have no workspace segment, have their own paths
//! ([`AlmPath`], [`AlmCall`]).
//!
//! ```
//! use anaplan_task::endpoint::{CallKind, DumpPart, TaskPath};
//!
//! // Ids are given as `&str`, `String`, `TaskId` or `ObjectId`.
//! let tasks = TaskPath::tasks(
//!     "8a81b09d5e8c6f27015ece3402487d33",
//!     "F1111111C11111111B11111F1111E11F",
//!     CallKind::Import,
//!     "112000000009",
//! )?;
//! // Start (POST) and list (GET):
//! assert_eq!(
//!     tasks.to_string(),
//!     "/workspaces/8a81b09d5e8c6f27015ece3402487d33/models/F1111111C11111111B11111F1111E11F/imports/112000000009/tasks"
//! );
//! // Status (GET) and cancel (DELETE), with the API's base URL:
//! let status = tasks.task("1B1D84DDD53847BAA621810B593C3FC1")?;
//! assert!(status.url(anaplan_task::endpoint::BASE_URL).ends_with("/tasks/1B1D84DDD53847BAA621810B593C3FC1"));
//! // The failure dump, chunk 0:
//! let dump = tasks.dump("1B1D84DDD53847BAA621810B593C3FC1", DumpPart::Number(0))?;
//! assert!(dump.to_string().ends_with("/tasks/1B1D84DDD53847BAA621810B593C3FC1/dump/chunks/0"));
//! // Paths and URLs parse back:
//! assert_eq!(status.url(anaplan_task::endpoint::BASE_URL).parse::<TaskPath>()?, status);
//! # Ok::<(), anaplan_task::endpoint::PathError>(())
//! ```

mod alm;
mod build;
mod error;
mod kind;
mod parse;

pub use alm::{AlmCall, AlmPath, AlmResource};
pub use error::PathError;
pub use kind::CallKind;

use crate::model::ids::{ObjectId, TaskId};

/// The base URL of version 2.0 of the Integration API.
pub const BASE_URL: &str = "https://api.anaplan.com/2/0";

/// Which part of a failure dump a path asks for.
///
/// ```
/// # use anaplan_task::endpoint::{BASE_URL, CallKind, DumpPart, PathError, Resource, TaskPath};
/// # let import = TaskPath::tasks("8a81b09d5e8c6f27015ece3402487d33", "F1111111C11111111B11111F1111E11F", CallKind::Import, "112000000009")?;
/// let list = import.dump("1B1D84DDD53847BAA621810B593C3FC1", DumpPart::List)?;
/// assert!(list.to_string().ends_with("/dump/chunks"));
/// assert_eq!(list.resource, Resource::Dump("1B1D84DDD53847BAA621810B593C3FC1".into(), DumpPart::List));
/// # Ok::<(), PathError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DumpPart {
    /// The whole dump: `.../dump` (imports) or `.../dumps/{objectId}` (processes).
    All,
    /// The list of chunks: `.../chunks`.
    List,
    /// One chunk: `.../chunks/{n}`.
    Number(u32),
}

/// What a [`TaskPath`] points at.
///
/// ```
/// # use anaplan_task::endpoint::{BASE_URL, CallKind, DumpPart, PathError, Resource, TaskPath};
/// # let import = TaskPath::tasks("8a81b09d5e8c6f27015ece3402487d33", "F1111111C11111111B11111F1111E11F", CallKind::Import, "112000000009")?;
/// assert_eq!(import.resource, Resource::Tasks);
/// assert!(matches!(import.task("1B1D84DDD53847BAA621810B593C3FC1")?.resource, Resource::Task(_)));
/// # Ok::<(), PathError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Resource {
    /// `.../tasks`: `POST` starts a task, `GET` lists them.
    Tasks,
    /// `.../tasks/{taskId}`: `GET` asks for the status, `DELETE` cancels.
    Task(TaskId),
    /// `.../imports/{id}/tasks/{taskId}/dump...`: an import's failure dump.
    Dump(TaskId, DumpPart),
    /// `.../processes/{id}/tasks/{taskId}/dumps/{objectId}...`: the failure
    /// dump of one import step of a process.
    ProcessDump(TaskId, ObjectId, DumpPart),
}

/// The path of a task endpoint: workspace, model, the action that runs, and
/// what is asked of it.
///
/// Built with [`TaskPath::tasks`] and then [`TaskPath::task`],
/// [`TaskPath::dump`] or [`TaskPath::process_dump`]; displayed as a path
/// (`/workspaces/...`); [`TaskPath::url`] prefixes a base URL; `parse`
/// reads a path or URL back, with or without the `/2/0` prefix.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TaskPath {
    /// The workspace id (32 hexadecimal characters).
    pub workspace_id: String,
    /// The model id (32 hexadecimal characters).
    pub model_id: String,
    /// The kind of action.
    pub kind: CallKind,
    /// The id of the import, export, action or process.
    pub action_id: ObjectId,
    /// What is asked.
    pub resource: Resource,
    /// Whether the status of a process task is asked with
    /// `?includeProcessDetails=true`, which makes each result carry
    /// `duration` and `startTime` (see [`TaskPath::with_process_details`]).
    pub include_process_details: bool,
}
