//! The other bodies of the family ([`CreateTaskResponse`],
//! [`TaskListResponse`], [`ErrorResponse`]) and [`Document`], which reads
//! any of them and says which it is.

use crate::unknown::UnknownFields;
use serde::Serialize;

use crate::model::chunk::ChunkListResponse;
use crate::model::envelope::{Meta, Status, TaskResponse};
use crate::model::ids::TaskId;
use crate::model::state::TaskState;
use crate::model::task::{Task, epoch_millis};

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
    /// `taskUrl`: the URL to poll; sent by the ALM start calls
    /// (`meta.schema` `.../objects/taskWithUrl`) only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_url: Option<String>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(TaskSummary, "a task summary object", {
    task_id = "taskId" required,
    task_state = "taskState" optional,
    creation_time = "creationTime" optional,
    task_url = "taskUrl" optional,
});

impl TaskSummary {
    /// A summary with only the id.
    pub fn new(task_id: impl Into<TaskId>) -> Self {
        Self {
            task_id: task_id.into(),
            task_state: None,
            creation_time: None,
            task_url: None,
            extra: UnknownFields::new(),
        }
    }

    /// `creationTime` as a point in time.
    pub fn created_at(&self) -> Option<std::time::SystemTime> {
        epoch_millis(self.creation_time?)
    }
}

/// The body of the start call (`POST .../{kind}/{id}/tasks`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = crate::model::schema_rules::task_body_meta))]
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
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(CreateTaskResponse, "a create-task response object", {
    meta = "meta" optional,
    status = "status" optional,
    task = "task" required,
});

impl CreateTaskResponse {
    /// A start call's answer for `task`, without `meta` or `status` (set
    /// them by field: [`Meta::new`], [`Status::new`]).
    ///
    /// ```
    /// use anaplan_task::{CreateTaskResponse, Status, TaskSummary};
    /// let mut started = CreateTaskResponse::new(TaskSummary::new("1B1D84DDD53847BAA621810B593C3FC1"));
    /// started.status = Some(Status::new(200, "Success"));
    /// assert_eq!(
    ///     serde_json::to_string(&started).unwrap(),
    ///     r#"{"status":{"code":200,"message":"Success"},"task":{"taskId":"1B1D84DDD53847BAA621810B593C3FC1"}}"#
    /// );
    /// ```
    pub fn new(task: TaskSummary) -> Self {
        Self {
            meta: None,
            status: None,
            task,
            extra: UnknownFields::new(),
        }
    }
}

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
        transform = crate::model::schema_rules::list_has_tasks_or_paging
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
    pub tasks: Option<Vec<TaskSummary>>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(TaskListResponse, "a task list response object", {
    meta = "meta" optional,
    status = "status" optional,
    tasks = "tasks" optional,
});

impl TaskListResponse {
    /// A list call's answer listing `tasks`, without `meta` or `status`
    /// (set them by field: [`Meta::new`], [`Paging::new`](crate::Paging::new),
    /// [`Status::new`]).
    ///
    /// ```
    /// use anaplan_task::{TaskListResponse, TaskSummary};
    /// let list = TaskListResponse::new(vec![TaskSummary::new("1B1D84DDD53847BAA621810B593C3FC1")]);
    /// assert_eq!(list.tasks().len(), 1);
    /// ```
    pub fn new(tasks: Vec<TaskSummary>) -> Self {
        Self {
            meta: None,
            status: None,
            tasks: Some(tasks),
            extra: UnknownFields::new(),
        }
    }

    /// The tasks listed; empty when `tasks` is absent.
    pub fn tasks(&self) -> &[TaskSummary] {
        self.tasks.as_deref().unwrap_or_default()
    }
}

/// The body of a 4xx answer: `{"status": {...}, "path": ..., "timestamp": ...}`.
/// "No access" is reported as 404.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = crate::model::schema_rules::error_shape))]
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
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(ErrorResponse, "an error response object", {
    status = "status" required,
    path = "path" optional,
    timestamp = "timestamp" optional,
});

impl ErrorResponse {
    /// An error body with `status` alone (set `path` and `timestamp` by
    /// field).
    ///
    /// ```
    /// use anaplan_task::{Document, ErrorResponse, Status};
    /// let body = ErrorResponse::new(Status::new(404, "Not Found"));
    /// let text = serde_json::to_string(&body).unwrap();
    /// assert_eq!(Document::from_str(&text).unwrap(), Document::Error(body));
    /// ```
    pub fn new(status: Status) -> Self {
        Self {
            status,
            path: None,
            timestamp: None,
            extra: UnknownFields::new(),
        }
    }
}

crate::enums::str_enum! {
    /// Which body of the family a document is.
    ///
    /// ```
    /// use anaplan_task::DocumentKind;
    /// assert_eq!(DocumentKind::TaskList.as_str(), "task-list");
    /// assert_eq!("chunk-list".parse(), Ok(DocumentKind::ChunkList));
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum DocumentKind as "document kind" {
        /// The status or cancel call: [`TaskResponse`].
        TaskStatus = "task-status",
        /// The start call: [`CreateTaskResponse`].
        CreateTask = "create-task",
        /// The list call: [`TaskListResponse`].
        TaskList = "task-list",
        /// The chunk list of a failure dump or a file: [`ChunkListResponse`].
        ChunkList = "chunk-list",
        /// An error body: [`ErrorResponse`].
        Error = "error",
        /// The ALM summary report: [`SummaryReportResponse`](crate::SummaryReportResponse).
        SummaryReport = "summary-report",
    }
}

/// Any JSON document of the task family, and which one it is.
///
/// The shape decides, in this order:
/// - a `task` object is a status response, or the start call's answer when
///   the task carries only `taskId`, `taskState` and `creationTime`;
/// - `summaryReport` (or, without a task, a `meta.schema` naming
///   `summaryReport` objects) makes the ALM summary report;
/// - `tasks` makes a task list, `chunks` a chunk list; `meta.paging` alone
///   makes a list, of tasks unless `meta.schema` names chunks;
/// - an object with `taskId` or `taskState` at its top is a bare task, as
///   client libraries hand it over (`response["task"]` in Python,
///   `response.data.task` in JavaScript): [`Document::BareTask`] or, with
///   only id, state and creation time, [`Document::BareCreateTask`];
/// - a `status` with a code of 400 or more, or a `path` or `timestamp`,
///   make an error body;
/// - anything else is an error: the document is not of this family.
///
/// When `meta.schema` names the body's object ([`Meta::object`]) it must
/// agree: `task` for the task bodies (and, for ALM tasks, `syncTask` for
/// the report tasks' status and `taskWithUrl` for the start calls),
/// `chunk` for a chunk list, `summaryReport` for the ALM summary report;
/// one that contradicts the shape is an error. Any other object is
/// consulted first: the body is refused as of no known kind even when its
/// other fields could not be read.
///
/// Bodies without `meta` and `status` (documentation samples) are accepted;
/// [`Document::missing_envelope`] names what is absent.
///
/// ```
/// use anaplan_task::{Document, DocumentKind, Outcome};
/// let doc = Document::from_str(r#"{"status":{"code":404,"message":"Not Found"},"path":"/2/0/x"}"#).unwrap();
/// assert_eq!(doc.kind(), DocumentKind::Error);
/// let doc = Document::from_str(r#"{"task":{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"COMPLETE","progress":1}}"#).unwrap();
/// assert_eq!(doc.kind(), DocumentKind::TaskStatus);
/// assert_eq!(doc.missing_envelope(), ["meta", "status"]);
/// let doc = Document::from_str(r#"{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"COMPLETE",
///   "result":{"successful":true,"failureDumpAvailable":false}}"#).unwrap();
/// assert!(matches!(doc, Document::BareTask(_)));
/// assert_eq!(doc.outcome(), Some(Outcome::Succeeded));
/// assert_eq!(doc.missing_envelope(), ["task", "meta", "status"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)] // one document at a time; boxing would cost an allocation each
pub enum Document {
    /// A status or cancel response.
    TaskStatus(TaskResponse),
    /// The task object of a status response without its envelope; written
    /// back as the task object alone.
    BareTask(Task),
    /// The start call's answer.
    CreateTask(CreateTaskResponse),
    /// The task of the start call's answer without its envelope
    /// (`{"taskId": ...}`); written back as that object alone.
    BareCreateTask(TaskSummary),
    /// A list of tasks.
    TaskList(TaskListResponse),
    /// A list of chunks.
    ChunkList(ChunkListResponse),
    /// An error body.
    Error(ErrorResponse),
    /// The ALM summary report.
    SummaryReport(crate::SummaryReportResponse),
}

impl Document {
    /// Reads a document from JSON text. See [`crate::from_str`] for errors.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(json: &str) -> Result<Self, crate::DecodeError> {
        crate::from_str(json)
    }

    /// Reads a document from JSON bytes (UTF-8).
    pub fn from_slice(json: &[u8]) -> Result<Self, crate::DecodeError> {
        crate::from_slice(json)
    }

    /// Which body this is; a bare task is of the body it was taken from.
    pub fn kind(&self) -> DocumentKind {
        match self {
            Self::TaskStatus(_) | Self::BareTask(_) => DocumentKind::TaskStatus,
            Self::CreateTask(_) | Self::BareCreateTask(_) => DocumentKind::CreateTask,
            Self::TaskList(_) => DocumentKind::TaskList,
            Self::ChunkList(_) => DocumentKind::ChunkList,
            Self::Error(_) => DocumentKind::Error,
            Self::SummaryReport(_) => DocumentKind::SummaryReport,
        }
    }

    /// The status response, if this is one with its `task` envelope.
    pub fn as_task_status(&self) -> Option<&TaskResponse> {
        match self {
            Self::TaskStatus(r) => Some(r),
            _ => None,
        }
    }

    /// The task of a status response, enveloped or bare.
    pub fn task(&self) -> Option<&Task> {
        match self {
            Self::TaskStatus(r) => Some(&r.task),
            Self::BareTask(t) => Some(t),
            _ => None,
        }
    }

    /// The envelope fields a response lacks: `meta` and `status` for a
    /// `{"task": ...}` sample, `task`, `meta` and `status` for a bare task.
    /// Error bodies have no `meta` by design, so nothing is missing there
    /// (their `status` is required).
    pub fn missing_envelope(&self) -> Vec<&'static str> {
        let (meta, status) = match self {
            Self::TaskStatus(r) => return r.missing_envelope(),
            Self::BareTask(_) | Self::BareCreateTask(_) => return vec!["task", "meta", "status"],
            Self::CreateTask(r) => (r.meta.is_some(), r.status.is_some()),
            Self::TaskList(r) => (r.meta.is_some(), r.status.is_some()),
            Self::ChunkList(r) => (r.meta.is_some(), r.status.is_some()),
            Self::SummaryReport(r) => (r.meta.is_some(), r.status.is_some()),
            Self::Error(_) => (true, true),
        };
        [(!meta).then_some("meta"), (!status).then_some("status")]
            .into_iter()
            .flatten()
            .collect()
    }

    /// The outcome of the task, for a status response.
    pub fn outcome(&self) -> Option<crate::Outcome> {
        self.task().map(Task::outcome)
    }
}
