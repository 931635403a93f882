//! [`Task`]: the `task` object.

use std::time::{Duration, SystemTime};

use crate::unknown::UnknownFields;
use serde::de;
use serde::{Deserialize, Serialize};

use crate::TaskSummary;
use crate::model::ids::TaskId;
use crate::model::progress::Progress;
use crate::model::result::TaskResult;
use crate::model::state::TaskState;
use crate::read::{Fields, Seen, keep_unknown};

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "The task of a status or cancel response. A task with `taskState` `COMPLETE` has a `result`.",
        transform = crate::model::schema_rules::complete_has_result
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
    pub extra: UnknownFields,
}

/// A `task` object as it is read, before it is known whether it is a full
/// [`Task`] or the start call's [`TaskSummary`]: the one place that lists
/// the task's wire names.
///
/// The fields are read straight into a [`Task`] whose id and state hold
/// empty placeholders until their keys are read; `seen` marks each key read
/// (a `null` included), so that a repeated key is refused and a missing one
/// is named.
pub(crate) struct TaskObject {
    pub(crate) task: Task,
    /// `taskUrl`, which only an ALM start call's task has.
    task_url: Option<String>,
    seen: Seen,
}

// The fields of a task, numbered for `Seen`.
const ID: u32 = 0;
const STATE: u32 = 1;
const STEP: u32 = 2;
const PROGRESS: u32 = 3;
const RESULT: u32 = 4;
const CREATION: u32 = 5;
const TYPE: u32 = 6;
const CANCELLED_BY: u32 = 7;
/// `taskState` was sent as `null`, which reads as absent.
const NULL_STATE: u32 = 8;
/// `taskUrl`, read by a [`TaskObject`] only.
const TASK_URL: u32 = 9;

/// Reads the value of `key` into `task` when it is a field of a task,
/// marking it in `seen`; reads nothing and gives `false` otherwise.
#[inline]
fn accept<'de, F: Fields<'de>>(task: &mut Task, seen: &mut Seen, key: &str, map: &mut F) -> Result<bool, F::Error> {
    match key {
        "taskId" => {
            seen.first(ID, "taskId")?;
            task.task_id = map.value()?;
        }
        "taskState" => {
            seen.first(STATE, "taskState")?;
            // A `null` state reads as absent, as every optional field does.
            match map.value::<Option<TaskState>>()? {
                Some(state) => task.task_state = state,
                None => seen.mark(NULL_STATE),
            }
        }
        "currentStep" => map.optional_once(seen, STEP, "currentStep", &mut task.current_step)?,
        "progress" => map.optional_once(seen, PROGRESS, "progress", &mut task.progress)?,
        "result" => map.optional_once(seen, RESULT, "result", &mut task.result)?,
        "creationTime" => map.optional_once(seen, CREATION, "creationTime", &mut task.creation_time)?,
        "type" => map.optional_once(seen, TYPE, "type", &mut task.task_type)?,
        "cancelledBy" => map.optional_once(seen, CANCELLED_BY, "cancelledBy", &mut task.cancelled_by)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// Reads the rest of a `task` object into `task`, marking in `seen` the
/// fields read.
fn read_fields<'de, F: Fields<'de>>(task: &mut Task, seen: &mut Seen, mut map: F) -> Result<(), F::Error> {
    while let Some(key) = map.key()? {
        if !accept(task, seen, &key, &mut map)? {
            keep_unknown(&mut task.extra, key, &mut map)?;
        }
    }
    Ok(())
}

/// Whether `taskState` was read, and not as `null`.
fn has_state(seen: Seen) -> bool {
    seen.has(STATE) && !seen.has(NULL_STATE)
}

/// The refusal of a task without `taskId` or, when `state` is asked for,
/// without `taskState`.
fn require<E: de::Error>(seen: Seen, state: bool) -> Result<(), E> {
    if !seen.has(ID) {
        return Err(E::missing_field("taskId"));
    }
    if state && !has_state(seen) {
        return Err(E::missing_field("taskState"));
    }
    Ok(())
}

impl TaskObject {
    /// An object with no field read yet.
    pub(crate) fn empty() -> Self {
        Self {
            task: Task::new(TaskId::new(String::new()), TaskState::Other(String::new())),
            task_url: None,
            seen: Seen::default(),
        }
    }

    /// Reads the value of `key` when it is a field of a task (or the
    /// `taskUrl` of a start call's); reads nothing and gives `false`
    /// otherwise.
    #[inline]
    pub(crate) fn accept<'de, F: Fields<'de>>(&mut self, key: &str, map: &mut F) -> Result<bool, F::Error> {
        if accept(&mut self.task, &mut self.seen, key, map)? {
            return Ok(true);
        }
        if key != "taskUrl" {
            return Ok(false);
        }
        map.optional_once(&mut self.seen, TASK_URL, "taskUrl", &mut self.task_url)?;
        Ok(true)
    }

    /// Whether `taskId` or `taskState` was read: what makes an object
    /// without an envelope a task.
    pub(crate) fn names_a_task(&self) -> bool {
        self.seen.has(ID) || self.seen.has(STATE)
    }

    /// Whether the task is the start call's answer: it carries no field of
    /// a status (`currentStep`, `progress`, `result`, `type`,
    /// `cancelledBy`), and either has a `taskUrl` (an ALM start call's),
    /// no state (a status must have one), or a state a task has before it
    /// runs (`NOT_STARTED`, or one the crate does not know) and no unknown
    /// field. A task that says it runs or has ended (`IN_PROGRESS`,
    /// `COMPLETE`, ...) is a status, however little else it says.
    pub(crate) fn is_summary(&self) -> bool {
        // A field sent as `null` reads as absent, so it does not count.
        let t = &self.task;
        let status_fields = t.current_step.is_some()
            || t.progress.is_some()
            || t.result.is_some()
            || t.task_type.is_some()
            || t.cancelled_by.is_some();
        let before_start = matches!(t.task_state, TaskState::NotStarted | TaskState::Other(_));
        !status_fields && (self.task_url.is_some() || !has_state(self.seen) || (before_start && t.extra.is_empty()))
    }

    /// The full task; `taskId` and `taskState` are required. A `taskUrl`
    /// is kept among its unknown fields.
    pub(crate) fn into_task<E: de::Error>(mut self) -> Result<Task, E> {
        require(self.seen, true)?;
        if let Some(url) = self.task_url {
            self.task.extra.push_value("taskUrl", &url).map_err(E::custom)?;
        }
        Ok(self.task)
    }

    /// The start call's summary of the task; `taskId` is required.
    pub(crate) fn into_summary<E: de::Error>(self) -> Result<TaskSummary, E> {
        require(self.seen, false)?;
        let t = self.task;
        Ok(TaskSummary {
            task_id: t.task_id,
            task_state: has_state(self.seen).then_some(t.task_state),
            creation_time: t.creation_time,
            task_url: self.task_url,
            extra: t.extra,
        })
    }

    /// Puts the fields read back among `extra`, as unknown fields of a body
    /// that turned out not to be a bare task.
    pub(crate) fn stash_into<E: de::Error>(self, extra: &mut UnknownFields) -> Result<(), E> {
        fn put<E: de::Error, T: Serialize>(extra: &mut UnknownFields, key: &str, v: T) -> Result<(), E> {
            extra.push_value(key, &v).map_err(E::custom)
        }
        let (seen, t) = (self.seen, self.task);
        let read = |field: u32| seen.has(field);
        if read(ID) {
            put(extra, "taskId", t.task_id)?;
        }
        if read(NULL_STATE) {
            put(extra, "taskState", ())?;
        } else if read(STATE) {
            put(extra, "taskState", t.task_state)?;
        }
        if read(STEP) {
            put(extra, "currentStep", t.current_step)?;
        }
        if read(PROGRESS) {
            put(extra, "progress", t.progress)?;
        }
        if read(RESULT) {
            put(extra, "result", t.result)?;
        }
        if read(CREATION) {
            put(extra, "creationTime", t.creation_time)?;
        }
        if read(TYPE) {
            put(extra, "type", t.task_type)?;
        }
        if read(CANCELLED_BY) {
            put(extra, "cancelledBy", t.cancelled_by)?;
        }
        if read(TASK_URL) {
            put(extra, "taskUrl", self.task_url)?;
        }
        Ok(())
    }
}

impl crate::read::Wire for TaskObject {
    const EXPECTING: &'static str = "a task object";
    fn read_into<'de, F: Fields<'de>>(map: F, slot: &mut Option<Self>) -> Result<(), F::Error> {
        let object = slot.insert(Self::empty());
        let mut map = map;
        while let Some(key) = map.key()? {
            if !object.accept(&key, &mut map)? {
                keep_unknown(&mut object.task.extra, key, &mut map)?;
            }
        }
        // Refused here, so that the error names the `task` object.
        require(object.seen, !object.is_summary())
    }
}

impl<'de> Deserialize<'de> for TaskObject {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::read::deserialize_wire(deserializer)
    }
}

impl crate::read::Wire for Task {
    const EXPECTING: &'static str = "a task object";
    fn read_into<'de, F: Fields<'de>>(map: F, slot: &mut Option<Self>) -> Result<(), F::Error> {
        // Read in place: the task is built where the caller keeps it.
        let task = slot.insert(TaskObject::empty().task);
        let mut seen = Seen::default();
        read_fields(task, &mut seen, map)?;
        require(seen, true)
    }
}

impl<'de> Deserialize<'de> for Task {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::read::deserialize_wire(deserializer)
    }
}

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
            extra: UnknownFields::new(),
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
