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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// already gone.
    pub failure_dump_available: bool,
    /// `objectId`: the import, export, action or process that ran (for a
    /// nested result, the step). Present in every known sample.
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
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: UnknownFields,
}

crate::read::wire_deserialize!(TaskResult, "a task result object", {
    successful = "successful" required,
    failure_dump_available = "failureDumpAvailable" required,
    object_id = "objectId" optional,
    object_name = "objectName" optional,
    details = "details" optional,
    nested_results = "nestedResults" optional,
    duration = "duration" optional,
    start_time = "startTime" optional,
});

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
            successful,
            failure_dump_available,
            object_id: None,
            object_name: None,
            details: None,
            nested_results: None,
            duration: None,
            start_time: None,
            extra: UnknownFields::new(),
        }
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
