//! [`TaskResult`]: the `result` of a task, and of each step of a process.

use std::time::{Duration, SystemTime};

use crate::unknown::UnknownFields;
use serde::Serialize;

use crate::model::detail::Detail;
use crate::model::ids::ObjectId;

/// The `result` of a finished task; for a process, also each entry of
/// `nestedResults` (one per step), recursively.
///
/// `successful: true` does not mean that no row failed: an import with
/// rejected rows can be successful and have a failure dump. Use
/// [`TaskResult::outcome`] for the verdict a user needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "The result of a finished task; for a process, also each entry of `nestedResults` (one per step), recursively. `successful: true` does not mean that no row failed: an import with rejected rows can be successful and have a failure dump."
    )
)]
///
/// ```
/// # use std::time::{Duration, SystemTime};
/// # use anaplan_task::TaskResult;
/// let json = r#"{"successful": true, "failureDumpAvailable": false, "objectId": "118000000001",
///   "duration": "1500", "startTime": "1700000000000",
///   "nestedResults": [{"successful": true, "failureDumpAvailable": false, "objectId": "112000000009"}]}"#;
/// let result: TaskResult = serde_json::from_str(json)?;
/// assert_eq!(result.nested_results()[0].object_id.as_ref().map(|id| id.as_str()), Some("112000000009"));
/// assert_eq!(result.elapsed(), Some(Duration::from_millis(1500)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[non_exhaustive]
pub struct TaskResult {
    /// `successful`: whether the task (or step) succeeded.
    pub successful: bool,
    /// `failureDumpAvailable`: whether a failure dump was written. Always
    /// false for delete actions; can be true for an old task whose dump is
    /// already gone. Sent by every bulk task (import, export, action,
    /// process), never by an ALM task: it is optional in reading, and the
    /// validation pass asks for it where the task is a bulk one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_dump_available: Option<bool>,
    /// `objectId`: the import, export, action or process that ran (for a
    /// nested result, the step). Present in every known sample of a bulk
    /// task; ALM tasks have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object_id: Option<ObjectId>,
    /// `objectName`: rarely present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object_name: Option<String>,
    /// `details`: messages with their data; absent on some results.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<Detail>>,
    /// `nestedResults`: one result per step, for processes only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nested_results: Option<Vec<TaskResult>>,
    /// `duration`: milliseconds as decimal text; sent only with
    /// `?includeProcessDetails=true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// `startTime`: epoch milliseconds as decimal text; sent only with
    /// `?includeProcessDetails=true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// `sourceRevisionId`: ALM tasks only; the revision compared or synced from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_revision_id: Option<String>,
    /// `targetRevisionId`: ALM tasks only; the revision compared against or synced to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_revision_id: Option<String>,
    /// `reportFileUrl`: successful ALM report tasks only; where the report is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report_file_url: Option<String>,
    /// `error`: ALM tasks only, when `successful` is false; the server's own
    /// explanation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<AlmError>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(TaskResult, "a task result object", {
    successful = "successful" required,
    failure_dump_available = "failureDumpAvailable" optional,
    object_id = "objectId" optional,
    object_name = "objectName" optional,
    details = "details" optional,
    nested_results = "nestedResults" optional,
    duration = "duration" optional,
    start_time = "startTime" optional,
    source_revision_id = "sourceRevisionId" optional,
    target_revision_id = "targetRevisionId" optional,
    report_file_url = "reportFileUrl" optional,
    error = "error" optional,
});

/// The `error` of a failed ALM task (model sync, comparison or summary
/// report): the server's title, message and, sometimes, a subtitle.
///
/// Every field is optional in reading: the documented samples always hold
/// `title` and `messageText`, but the evidence is thin, so a body without
/// them is read, and what is not known is kept in `extra`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AlmError {
    /// `title`: what failed (`"Model Synchronization Failed"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `messageText`: why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_text: Option<String>,
    /// `subtitle`: what to do about it; may be absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(AlmError, "an ALM error object", {
    title = "title" optional,
    message_text = "messageText" optional,
    subtitle = "subtitle" optional,
});

impl AlmError {
    /// An error with a title and a message.
    ///
    /// ```
    /// # use anaplan_task::AlmError;
    /// let e = AlmError::new("Model Synchronization Failed", "No space left.");
    /// assert_eq!(e.subtitle, None);
    /// ```
    pub fn new(title: impl Into<String>, message_text: impl Into<String>) -> Self {
        Self {
            title: Some(title.into()),
            message_text: Some(message_text.into()),
            subtitle: None,
            extra: UnknownFields::new(),
        }
    }
}

/// Parses decimal text without sign or leading zero.
fn decimal(text: &str) -> Option<u64> {
    crate::values::parse_count("", 0, text).ok()
}

impl TaskResult {
    /// A result with no details.
    ///
    /// ```
    /// # use std::time::{Duration, SystemTime};
    /// # use anaplan_task::TaskResult;
    /// let result = TaskResult::new(true, false);
    /// assert!(result.details().is_empty() && result.object_id.is_none());
    /// ```
    pub fn new(successful: bool, failure_dump_available: bool) -> Self {
        Self {
            failure_dump_available: Some(failure_dump_available),
            ..Self::alm(successful)
        }
    }

    /// The result of an ALM task (model sync, comparison or summary
    /// report): only `successful`, without `failureDumpAvailable`.
    ///
    /// ```
    /// # use anaplan_task::{AlmError, Outcome, TaskResult};
    /// let mut result = TaskResult::alm(false);
    /// result.error = Some(AlmError::new("Model Synchronization Failed", "No space left."));
    /// assert!(result.is_alm());
    /// assert_eq!(result.outcome(), Outcome::Failed);
    /// ```
    pub fn alm(successful: bool) -> Self {
        Self {
            successful,
            failure_dump_available: None,
            object_id: None,
            object_name: None,
            details: None,
            nested_results: None,
            duration: None,
            start_time: None,
            source_revision_id: None,
            target_revision_id: None,
            report_file_url: None,
            error: None,
            extra: UnknownFields::new(),
        }
    }

    /// Whether this is the result of a bulk task (import, export, action,
    /// process), told by its fields: `objectId`, `failureDumpAvailable`,
    /// `details` or `nestedResults`.
    pub fn is_bulk(&self) -> bool {
        self.object_id.is_some()
            || self.failure_dump_available.is_some()
            || self.details.is_some()
            || self.nested_results.is_some()
    }

    /// Whether this is the result of an ALM task: one of its fields
    /// (`sourceRevisionId`, `targetRevisionId`, `reportFileUrl`, `error`),
    /// or none of a bulk task's (`{"successful": true}`, a finished sync).
    pub fn is_alm(&self) -> bool {
        self.source_revision_id.is_some()
            || self.target_revision_id.is_some()
            || self.report_file_url.is_some()
            || self.error.is_some()
            || !self.is_bulk()
    }

    /// Whether a failure dump was written: `failureDumpAvailable`, false
    /// when absent.
    pub fn dump_available(&self) -> bool {
        self.failure_dump_available.unwrap_or(false)
    }

    /// The details, empty when absent.
    ///
    /// ```
    /// # use std::time::{Duration, SystemTime};
    /// # use anaplan_task::TaskResult;
    /// assert!(TaskResult::new(true, false).details().is_empty());
    /// ```
    pub fn details(&self) -> &[Detail] {
        self.details.as_deref().unwrap_or_default()
    }

    /// The nested results (process steps), empty when absent.
    ///
    /// ```
    /// # use std::time::{Duration, SystemTime};
    /// # use anaplan_task::TaskResult;
    /// assert!(TaskResult::new(true, false).nested_results().is_empty());
    /// ```
    pub fn nested_results(&self) -> &[TaskResult] {
        self.nested_results.as_deref().unwrap_or_default()
    }

    /// `duration` as a [`Duration`]; `None` when absent or not plain decimal text.
    ///
    /// ```
    /// # use std::time::{Duration, SystemTime};
    /// # use anaplan_task::TaskResult;
    /// let mut result = TaskResult::new(true, false);
    /// result.duration = Some("250".into());
    /// assert_eq!(result.elapsed(), Some(Duration::from_millis(250)));
    /// ```
    pub fn elapsed(&self) -> Option<Duration> {
        self.duration.as_deref().and_then(decimal).map(Duration::from_millis)
    }

    /// `startTime` as a point in time; `None` when absent or not plain decimal text.
    ///
    /// ```
    /// # use std::time::{Duration, SystemTime};
    /// # use anaplan_task::TaskResult;
    /// let mut result = TaskResult::new(true, false);
    /// result.start_time = Some("1000".into());
    /// assert_eq!(result.started_at(), Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1)));
    /// ```
    pub fn started_at(&self) -> Option<SystemTime> {
        let ms = self.start_time.as_deref().and_then(decimal)?;
        SystemTime::UNIX_EPOCH.checked_add(Duration::from_millis(ms))
    }
}
