//! The other bodies of the family ([`CreateTaskResponse`],
//! [`TaskListResponse`], [`ErrorResponse`]) and [`Document`], which reads
//! any of them and says which it is.

use std::fmt;

use serde::Serialize;
use serde::de::{self, Deserializer};
use serde_json::{Map, Value};

use crate::envelope::{Meta, Status, TaskResponse};
use crate::fast::Fields;
use crate::ids::TaskId;
use crate::state::TaskState;
use crate::task::{Task, epoch_millis};
use crate::wire::keep_unknown;

/// A task as the start and list calls report it: id, state and creation time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TaskSummary {
    /// `taskId`: the task started or listed.
    pub task_id: TaskId,
    /// `taskState`: always in list entries, optional in the start call's answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_state: Option<TaskState>,
    /// `creationTime`: epoch milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_time: Option<i64>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::wire::wire_deserialize!(TaskSummary, "a task summary object", {
    task_id = "taskId" required,
    task_state = "taskState" optional,
    creation_time = "creationTime" optional,
});

impl TaskSummary {
    /// A summary with only the id.
    pub fn new(task_id: impl Into<TaskId>) -> Self {
        Self {
            task_id: task_id.into(),
            task_state: None,
            creation_time: None,
            extra: Map::new(),
        }
    }

    /// `creationTime` as a point in time.
    pub fn created_at(&self) -> Option<std::time::SystemTime> {
        epoch_millis(self.creation_time?)
    }

    /// Whether a task carries nothing beyond id, state and creation time,
    /// as the start call answers.
    fn is_bare(task: &Task) -> bool {
        task.current_step.is_none()
            && task.progress.is_none()
            && task.result.is_none()
            && task.task_type.is_none()
            && task.cancelled_by.is_none()
            && task.extra.is_empty()
    }

    /// The summary of a bare task (see [`TaskSummary::is_bare`]).
    fn from_bare(task: Task) -> Self {
        Self {
            task_id: task.task_id,
            task_state: Some(task.task_state),
            creation_time: task.creation_time,
            extra: task.extra,
        }
    }
}

/// The body of the start call (`POST .../{kind}/{id}/tasks`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateTaskResponse {
    /// `meta`: what the body is; absent only in documentation samples.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// `status`: the HTTP status; absent only in documentation samples.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// `task`: the task started.
    pub task: TaskSummary,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::wire::wire_deserialize!(CreateTaskResponse, "a create-task response object", {
    meta = "meta" optional,
    status = "status" optional,
    task = "task" required,
});

/// The body of the list call (`GET .../{kind}/{id}/tasks`).
///
/// The server leaves `tasks` out when there are none; [`TaskListResponse::tasks`]
/// then gives an empty slice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "The body of the list call (`GET .../{kind}/{id}/tasks`). The server leaves `tasks` out when there are none, so a list has `tasks`, `meta.paging` or both.",
        transform = crate::schema::list_has_tasks_or_paging
    )
)]
#[non_exhaustive]
pub struct TaskListResponse {
    /// `meta`: what the body is, with `paging`; absent only in documentation samples.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// `status`: the HTTP status; absent only in documentation samples.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// `tasks`: absent when there are none.
    #[serde(rename = "tasks", skip_serializing_if = "Option::is_none")]
    pub task_list: Option<Vec<TaskSummary>>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::wire::wire_deserialize!(TaskListResponse, "a task list response object", {
    meta = "meta" optional,
    status = "status" optional,
    task_list = "tasks" optional,
});

impl TaskListResponse {
    /// The tasks listed; empty when `tasks` is absent.
    pub fn tasks(&self) -> &[TaskSummary] {
        self.task_list.as_deref().unwrap_or_default()
    }
}

/// The body of a 4xx answer: `{"status": {...}, "path": ..., "timestamp": ...}`.
/// "No access" is reported as 404.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = crate::schema::error_shape))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ErrorResponse {
    /// `status`: the HTTP status and its message.
    pub status: Status,
    /// `path`: the path called; may be missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// `timestamp`: RFC 3339 text; may be missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::wire::wire_deserialize!(ErrorResponse, "an error response object", {
    status = "status" required,
    path = "path" optional,
    timestamp = "timestamp" optional,
});

/// Which body of the family a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum DocumentKind {
    /// The status or cancel call: [`TaskResponse`].
    TaskStatus,
    /// The start call: [`CreateTaskResponse`].
    CreateTask,
    /// The list call: [`TaskListResponse`].
    TaskList,
    /// An error body: [`ErrorResponse`].
    Error,
}

impl DocumentKind {
    /// `task-status`, `create-task`, `task-list` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TaskStatus => "task-status",
            Self::CreateTask => "create-task",
            Self::TaskList => "task-list",
            Self::Error => "error",
        }
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Any JSON document of the task family, and which one it is.
///
/// The shape decides:
/// - a `task` object is a status response, or the start call's answer when
///   the task carries only `taskId`, `taskState` and `creationTime`;
/// - otherwise `tasks` or `meta.paging` make a list;
/// - otherwise a `status` with a code of 400 or more, or a `path` or
///   `timestamp`, make an error body;
/// - anything else is an error: the document is not of this family.
///
/// Bodies without `meta` and `status` (documentation samples) are accepted;
/// [`Document::missing_envelope`] names what is absent.
///
/// ```
/// use anaplan_task::{Document, DocumentKind};
/// let doc = Document::from_str(r#"{"status":{"code":404,"message":"Not Found"},"path":"/2/0/x"}"#).unwrap();
/// assert_eq!(doc.kind(), DocumentKind::Error);
/// let doc = Document::from_str(r#"{"task":{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"COMPLETE","progress":1}}"#).unwrap();
/// assert_eq!(doc.kind(), DocumentKind::TaskStatus);
/// assert_eq!(doc.missing_envelope(), ["meta", "status"]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)] // one document at a time; boxing would cost an allocation each
pub enum Document {
    /// A status or cancel response.
    TaskStatus(TaskResponse),
    /// The start call's answer.
    CreateTask(CreateTaskResponse),
    /// A list of tasks.
    TaskList(TaskListResponse),
    /// An error body.
    Error(ErrorResponse),
}

impl Document {
    /// Reads a document from JSON text. See [`crate::from_str`] for errors.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(json: &str) -> Result<Self, crate::DecodeError> {
        crate::decode(json)
    }

    /// Reads a document from JSON bytes (UTF-8).
    pub fn from_slice(json: &[u8]) -> Result<Self, crate::DecodeError> {
        crate::decode_slice(json)
    }

    /// Which body this is.
    pub fn kind(&self) -> DocumentKind {
        match self {
            Self::TaskStatus(_) => DocumentKind::TaskStatus,
            Self::CreateTask(_) => DocumentKind::CreateTask,
            Self::TaskList(_) => DocumentKind::TaskList,
            Self::Error(_) => DocumentKind::Error,
        }
    }

    /// The status response, if this is one.
    pub fn as_task_status(&self) -> Option<&TaskResponse> {
        match self {
            Self::TaskStatus(r) => Some(r),
            _ => None,
        }
    }

    /// The envelope fields (`meta`, `status`) a response lacks. Error bodies
    /// have no `meta` by design, so only `status` can be missing there (and
    /// it is required).
    pub fn missing_envelope(&self) -> Vec<&'static str> {
        let (meta, status) = match self {
            Self::TaskStatus(r) => return r.missing_envelope(),
            Self::CreateTask(r) => (r.meta.is_some(), r.status.is_some()),
            Self::TaskList(r) => (r.meta.is_some(), r.status.is_some()),
            Self::Error(_) => (true, true),
        };
        [(!meta).then_some("meta"), (!status).then_some("status")]
            .into_iter()
            .flatten()
            .collect()
    }

    /// The outcome of the task, for a status response.
    pub fn outcome(&self) -> Option<crate::Outcome> {
        self.as_task_status().map(|r| r.task.outcome())
    }
}

impl<'de> serde::Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::fast::deserialize_wire(deserializer)
    }
}

impl crate::fast::Wire for Document {
    const EXPECTING: &'static str = "a JSON object (a task status, create-task, task list or error response)";
    fn read_into<'de, F: Fields<'de>>(fields: F, slot: &mut Option<Self>) -> Result<(), F::Error> {
        read_document_into(fields, slot)
    }
}

/// Puts a field back among the unknown ones of the kind chosen.
fn stash<E: de::Error, T: Serialize>(extra: &mut Map<String, Value>, key: &str, value: Option<T>) -> Result<(), E> {
    if let Some(v) = value {
        extra.insert(key.to_owned(), serde_json::to_value(v).map_err(E::custom)?);
    }
    Ok(())
}

/// Reads an optional field into its slot, refusing a second occurrence;
/// `seen` marks it read, as a `null` leaves the slot empty.
macro_rules! read_once {
    ($map:ident, $seen:ident, $slot:ident, $wire:literal) => {{
        if $seen {
            return Err(de::Error::duplicate_field($wire));
        }
        $seen = true;
        $map.optional_into(&mut $slot)?;
    }};
}

/// Reads any body of the family, decides which it is, and builds it in
/// `slot`.
fn read_document_into<'de, F: Fields<'de>>(mut map: F, slot: &mut Option<Document>) -> Result<(), F::Error> {
    let mut meta: Option<Meta> = None;
    let mut status: Option<Status> = None;
    let mut task: Option<Task> = None;
    let mut tasks: Option<Vec<crate::TaskSummary>> = None;
    let mut path: Option<String> = None;
    let mut timestamp: Option<String> = None;
    let [
        mut seen_meta,
        mut seen_status,
        mut seen_tasks,
        mut seen_path,
        mut seen_timestamp,
    ] = [false; 5];
    let mut extra = Map::new();
    while let Some(key) = map.key()? {
        match key.as_ref() {
            "meta" => read_once!(map, seen_meta, meta, "meta"),
            "status" => read_once!(map, seen_status, status, "status"),
            "task" => {
                if task.is_some() {
                    return Err(de::Error::duplicate_field("task"));
                }
                map.value_into(&mut task)?;
            }
            "tasks" => read_once!(map, seen_tasks, tasks, "tasks"),
            "path" => read_once!(map, seen_path, path, "path"),
            "timestamp" => read_once!(map, seen_timestamp, timestamp, "timestamp"),
            _ => keep_unknown(&mut extra, key, &mut map)?,
        }
    }
    if let Some(task) = task {
        stash(&mut extra, "tasks", tasks)?;
        stash(&mut extra, "path", path)?;
        stash(&mut extra, "timestamp", timestamp)?;
        *slot = Some(if TaskSummary::is_bare(&task) {
            Document::CreateTask(CreateTaskResponse {
                meta,
                status,
                task: TaskSummary::from_bare(task),
                extra,
            })
        } else {
            Document::TaskStatus(TaskResponse {
                meta,
                status,
                task,
                extra,
            })
        });
        return Ok(());
    }
    let paged = meta.as_ref().is_some_and(|m| m.paging.is_some());
    if tasks.is_some() || paged {
        stash(&mut extra, "path", path)?;
        stash(&mut extra, "timestamp", timestamp)?;
        *slot = Some(Document::TaskList(TaskListResponse {
            meta,
            status,
            task_list: tasks,
            extra,
        }));
        return Ok(());
    }
    let failing = status.as_ref().is_some_and(|s| s.code >= 400);
    if let Some(status) = status.filter(|_| failing || path.is_some() || timestamp.is_some()) {
        stash(&mut extra, "meta", meta)?;
        *slot = Some(Document::Error(ErrorResponse {
            status,
            path,
            timestamp,
            extra,
        }));
        return Ok(());
    }
    Err(de::Error::custom(
        "not a task response: expected `task` (status or start call), `tasks` or `meta.paging` (list call), or an error `status`",
    ))
}
