//! [`Task`]: the `task` object, and its [`Progress`].

use std::fmt;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use crate::ids::TaskId;
use crate::result::TaskResult;
use crate::state::TaskState;

/// The `progress` of a task: a number from 0.0 to 1.0.
///
/// Most samples send the integer `1`, the seed sends `1.0`; both are kept as
/// sent, so a response written back is unchanged. It is read as an integer
/// or the nearest double and written in the shortest form of that number,
/// so another spelling (`0.50`, `-0`, `1E-400`) is not written back as sent;
/// the validation pass reports it as `progress-not-kept`.
///
/// ```
/// use anaplan_task::Progress;
/// let p: Progress = serde_json::from_str("1").unwrap();
/// assert_eq!(p.value(), 1.0);
/// assert_eq!(serde_json::to_string(&p).unwrap(), "1");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Progress(Number);

impl Progress {
    /// The progress as a float.
    pub fn value(&self) -> f64 {
        self.0.as_f64().unwrap_or(f64::NAN)
    }

    /// The number as read: an integer, or the nearest double.
    pub fn as_number(&self) -> &Number {
        &self.0
    }

    /// Whether `sent`, the text this progress was read from, is what
    /// writing it back gives: the shortest form of the number.
    pub(crate) fn is_kept_as(&self, sent: &str) -> bool {
        serde_json::to_string(&self.0).is_ok_and(|written| written == sent)
    }
}

/// The text of `task.progress` in `bytes`, the input `doc` was read from.
pub(crate) fn progress_text<'a>(bytes: &'a [u8], doc: &crate::Document) -> Option<&'a str> {
    use crate::locate::{self, Seg};
    match doc {
        crate::Document::TaskStatus(r) if r.task.progress.is_some() => {}
        _ => return None,
    }
    let (at, _) = locate::find(bytes, &[Seg::Key("task"), Seg::Key("progress")], None)?;
    let len = bytes[at..]
        .iter()
        .take_while(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
        .count();
    std::str::from_utf8(&bytes[at..at + len]).ok()
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Progress {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Progress".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "A number from 0 to 1; sent as the integer `1` or as `1.0` when done."
        })
    }
}

impl From<Number> for Progress {
    fn from(n: Number) -> Self {
        Self(n)
    }
}

impl From<u32> for Progress {
    fn from(n: u32) -> Self {
        Self(n.into())
    }
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The `task` of a status (or cancel) response.
///
/// ```
/// use anaplan_task::{Outcome, Task, TaskState};
/// let task: Task = serde_json::from_str(
///     r#"{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"IN_PROGRESS","progress":0.5}"#,
/// ).unwrap();
/// assert_eq!(task.task_state, TaskState::InProgress);
/// assert_eq!(task.outcome(), Outcome::Running);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "The task of a status or cancel response. A task with `taskState` `COMPLETE` has a `result`.",
        transform = crate::schema::complete_has_result
    )
)]
#[non_exhaustive]
pub struct Task {
    /// `taskId`: the task asked about.
    pub task_id: TaskId,
    /// `taskState`: where the task is.
    pub task_state: TaskState,
    /// `currentStep`: `"Complete."`, `"Failed."` or other text; optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_step: Option<String>,
    /// `progress`: 0.0 to 1.0; optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    /// `result`: present when the task is `COMPLETE`, and sometimes when `CANCELLED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<TaskResult>,
    /// `creationTime`: epoch milliseconds (`1571258347545` is
    /// 2019-10-16T20:39:07.545Z); optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_time: Option<i64>,
    /// `type`: the only value seen is `"taskInformation"`; optional.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub task_type: Option<String>,
    /// `cancelledBy`: the full name of the user who cancelled the task, when
    /// not its owner; optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancelled_by: Option<String>,
    /// Fields this crate does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::wire::wire_deserialize!(Task, "a task object", {
    task_id = "taskId" required,
    task_state = "taskState" required,
    current_step = "currentStep" optional,
    progress = "progress" optional,
    result = "result" optional,
    creation_time = "creationTime" optional,
    task_type = "type" optional,
    cancelled_by = "cancelledBy" optional,
});

/// The point in time of an epoch-milliseconds value.
pub(crate) fn epoch_millis(ms: i64) -> Option<SystemTime> {
    let d = Duration::from_millis(ms.unsigned_abs());
    if ms >= 0 {
        SystemTime::UNIX_EPOCH.checked_add(d)
    } else {
        SystemTime::UNIX_EPOCH.checked_sub(d)
    }
}

impl Task {
    /// A task with only its id and state.
    pub fn new(task_id: impl Into<TaskId>, task_state: TaskState) -> Self {
        Self {
            task_id: task_id.into(),
            task_state,
            current_step: None,
            progress: None,
            result: None,
            creation_time: None,
            task_type: None,
            cancelled_by: None,
            extra: Map::new(),
        }
    }

    /// `creationTime` as a point in time.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use anaplan_task::{Task, TaskState};
    /// let mut task = Task::new("1B1D84DDD53847BAA621810B593C3FC1", TaskState::Complete);
    /// task.creation_time = Some(1571258347545);
    /// let at = task.created_at().unwrap();
    /// assert_eq!(at.duration_since(SystemTime::UNIX_EPOCH).unwrap(), Duration::from_millis(1571258347545));
    /// ```
    pub fn created_at(&self) -> Option<SystemTime> {
        epoch_millis(self.creation_time?)
    }

    /// Whether `currentStep` is `"Failed."`.
    pub fn step_failed(&self) -> bool {
        self.current_step.as_deref() == Some("Failed.")
    }
}
