//! The envelope: [`TaskResponse`], its [`Meta`], [`Paging`] and [`Status`].

use crate::unknown::UnknownFields;
use serde::Serialize;

use crate::model::task::Task;

/// `meta`: where the server says what the body is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Meta {
    /// `schema`: a URL such as
    /// `https://api.anaplan.com/2/0/models/{modelId}/objects/task`; seen
    /// with a double slash and with other hosts. Its last segment names the
    /// object of the body (see `Meta::object`). Absent in the one published
    /// description of an empty list's `meta`, which shows only `paging`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// `paging`: list calls only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paging: Option<Paging>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(Meta, "a meta object", {
    schema = "schema" optional,
    paging = "paging" optional,
});

impl Meta {
    /// A `meta` with the given schema URL.
    pub fn new(schema: impl Into<String>) -> Self {
        Self {
            schema: Some(schema.into()),
            paging: None,
            extra: UnknownFields::new(),
        }
    }

    /// The object the body holds, as `schema` names it: the segment after
    /// `/objects/` (`task`, `chunk`, ...), or `None` when there is no
    /// `schema` or it names no object. The host and the rest of the path are
    /// not checked.
    ///
    /// ```
    /// use anaplan_task::Meta;
    /// let meta = Meta::new("https://api.anaplan.com//2/0/models/0A1B/objects/chunk");
    /// assert_eq!(meta.object(), Some("chunk"));
    /// assert_eq!(Meta::new("https://example.com/other").object(), None);
    /// ```
    pub fn object(&self) -> Option<&str> {
        crate::decode::schema_object(self.schema.as_deref()?)
    }
}

/// `meta.paging` of a list call. Every field is optional: a published live test describes the paging of
/// an empty list as only `{"totalSize": 0}`. The validator compares only the
/// fields that are there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Paging {
    /// `currentPageSize`: entries on this page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_page_size: Option<u64>,
    /// `offset`: index of the first entry of this page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// `totalSize`: entries on all pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_size: Option<u64>,
    /// `next`: URL of the next page, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// `previous`: URL of the previous page, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(Paging, "a paging object", {
    current_page_size = "currentPageSize" optional,
    offset = "offset" optional,
    total_size = "totalSize" optional,
    next = "next" optional,
    previous = "previous" optional,
});

impl Paging {
    /// Paging with the given sizes and no links.
    pub fn new(current_page_size: u64, offset: u64, total_size: u64) -> Self {
        Self {
            current_page_size: Some(current_page_size),
            offset: Some(offset),
            total_size: Some(total_size),
            next: None,
            previous: None,
            extra: UnknownFields::new(),
        }
    }
}

/// `status`: the HTTP status, repeated in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Status {
    /// `code`: mirrors the HTTP status code.
    pub code: u16,
    /// `message`: such as `"Success"` or `"Not Found"`.
    pub message: String,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(Status, "a status object", {
    code = "code" required,
    message = "message" required,
});

impl Status {
    /// A status with the given code and message.
    pub fn new(code: u16, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            extra: UnknownFields::new(),
        }
    }

    /// `200 Success`.
    pub fn success() -> Self {
        Self::new(200, "Success")
    }
}

/// The body of the status call (`GET .../tasks/{taskId}`) and of the cancel
/// call (`DELETE` on the same path).
///
/// `meta` and `status` are optional because documentation samples show only
/// `{"task": {...}}`; real responses always have both, and
/// [`TaskResponse::missing_envelope`] says when they are absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "The body of the status call (`GET .../tasks/{taskId}`) and of the cancel call (`DELETE` on the same path). `meta` and `status` are optional because documentation samples show only `{\"task\": {...}}`; real responses always have both.",
        transform = crate::model::schema_rules::task_body_meta
    )
)]
///
/// ```
/// use anaplan_task::{Outcome, TaskResponse, TaskState};
/// let sample = TaskResponse::from_str(r#"{"task": {"taskId": "1B1D84DDD53847BAA621810B593C3FC1", "taskState": "IN_PROGRESS", "progress": 0.5}}"#)?;
/// assert_eq!(sample.task.task_state, TaskState::InProgress);
/// assert_eq!(sample.outcome(), Outcome::Running);
/// assert_eq!(sample.missing_envelope(), ["meta", "status"]);
/// # Ok::<(), anaplan_task::DecodeError>(())
/// ```
#[non_exhaustive]
pub struct TaskResponse {
    /// `meta`: what the body is; absent only in documentation samples.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// `status`: the HTTP status; absent only in documentation samples.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// `task`: the task asked about.
    pub task: Task,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(TaskResponse, "a task status response object", {
    meta = "meta" optional,
    status = "status" optional,
    task = "task" required,
});

impl TaskResponse {
    /// A response with `200 Success` and no `meta`.
    pub fn new(task: Task) -> Self {
        Self {
            meta: None,
            status: Some(Status::success()),
            task,
            extra: UnknownFields::new(),
        }
    }

    /// The envelope fields that are absent: `["meta", "status"]` for a bare
    /// `{"task": ...}` sample, empty for a real response.
    pub fn missing_envelope(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.meta.is_none() {
            missing.push("meta");
        }
        if self.status.is_none() {
            missing.push("status");
        }
        missing
    }
}

impl TaskResponse {
    /// Reads a status response from JSON text. See [`from_str`](crate::from_str).
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(json: &str) -> Result<Self, crate::DecodeError> {
        crate::from_str(json)
    }

    /// Reads a status response from JSON bytes. See [`from_slice`](crate::from_slice).
    pub fn from_slice(json: &[u8]) -> Result<Self, crate::DecodeError> {
        crate::from_slice(json)
    }

    /// The outcome of the task; see [`Outcome`](crate::Outcome).
    pub fn outcome(&self) -> crate::Outcome {
        self.task.outcome()
    }
}
