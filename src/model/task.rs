//! [`Task`]: the `task` object, and its [`Progress`].

use std::fmt;
use std::time::{Duration, SystemTime};

use serde::de;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::unknown::UnknownFields;

use crate::TaskSummary;
use crate::model::ids::TaskId;
use crate::model::result::TaskResult;
use crate::model::state::TaskState;
use crate::read::{Fields, Seen, keep_unknown};

/// The `progress` of a task: a number from 0.0 to 1.0, kept as the text it
/// was sent in.
///
/// Servers send `1`, `1.0`, `0.5`; whatever the spelling (`1.00`, `1E0`,
/// `0.50`, `1e-400`), the text is kept and written back as sent, and
/// [`Progress::value`] gives the number it denotes (the nearest double).
/// A number no double holds (`1e400`) is refused in reading, as serde_json
/// refuses it.
///
/// ```
/// use anaplan_task::Progress;
/// let p: Progress = serde_json::from_str("1.00").unwrap();
/// assert_eq!(p.value(), 1.0);
/// assert_eq!(p.as_str(), "1.00");
/// assert_eq!(serde_json::to_string(&p).unwrap(), "1.00");
/// ```
#[derive(Clone)]
pub struct Progress {
    /// The number's text as sent.
    text: Box<RawValue>,
    /// The number it denotes.
    value: f64,
}

impl Progress {
    /// The progress as a float: the double nearest to the text.
    pub fn value(&self) -> f64 {
        self.value
    }

    /// The number's text as sent (`1`, `1.0`, `0.50`, `1E0`).
    pub fn as_str(&self) -> &str {
        self.text.get()
    }

    /// A progress from the text of a JSON number, which `text` must be
    /// alone (no white space), in a range a double holds.
    fn from_text<E: de::Error>(text: Box<RawValue>) -> Result<Self, E> {
        let t = text.get();
        if !t.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
            return Err(E::invalid_type(unexpected(t, &mut String::new()), &"a JSON number"));
        }
        // serde_json's own reading decides: it refuses a number beyond a
        // double's range. The value is then the correctly rounded double.
        if let Err(e) = serde_json::from_str::<serde_json::Number>(t) {
            let message = e.to_string();
            let cut = message.find(" at line ").unwrap_or(message.len());
            return Err(E::custom(&message[..cut]));
        }
        let value = t.parse::<f64>().map_err(E::custom)?;
        Ok(Self { text, value })
    }
}

/// What a value that is not a number is, for serde's message.
fn unexpected<'a>(text: &str, buf: &'a mut String) -> de::Unexpected<'a> {
    use de::Unexpected;
    match text.as_bytes().first() {
        Some(b'"') => match serde_json::from_str::<String>(text) {
            Ok(s) => {
                *buf = s;
                Unexpected::Str(buf)
            }
            Err(_) => Unexpected::Other("a string"),
        },
        Some(b't') => Unexpected::Bool(true),
        Some(b'f') => Unexpected::Bool(false),
        Some(b'[') => Unexpected::Seq,
        Some(b'{') => Unexpected::Map,
        _ => Unexpected::Unit,
    }
}

impl PartialEq for Progress {
    /// Equal when sent in the same text.
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Progress {}

impl std::hash::Hash for Progress {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Progress")
            .field(&format_args!("{}", self.as_str()))
            .finish()
    }
}

impl Serialize for Progress {
    /// The text as sent.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.text.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Progress {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::from_text(Box::<RawValue>::deserialize(deserializer)?)
    }
}

impl crate::read::Direct for Progress {
    fn direct(r: &mut crate::read::Reader<'_>) -> Result<Self, crate::read::Bail> {
        Self::from_text(<Box<RawValue> as crate::read::Direct>::direct(r)?)
    }
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

impl From<serde_json::Number> for Progress {
    fn from(n: serde_json::Number) -> Self {
        let text = serde_json::value::to_raw_value(&n).expect("a number is written");
        let value = n.as_f64().unwrap_or(f64::NAN);
        Self { text, value }
    }
}

impl From<u32> for Progress {
    fn from(n: u32) -> Self {
        serde_json::Number::from(n).into()
    }
}

impl fmt::Display for Progress {
    /// The text as sent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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

/// The `taskUrl` of an ALM start call's task, read among the unknown
/// fields of a task; `None` unless it is a string.
fn task_url(extra: &UnknownFields) -> Option<String> {
    serde_json::from_str(extra.get("taskUrl")?.get()).ok()
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
            seen: Seen::default(),
        }
    }

    /// Reads the value of `key` when it is a field of a task; reads nothing
    /// and gives `false` otherwise.
    #[inline]
    pub(crate) fn accept<'de, F: Fields<'de>>(&mut self, key: &str, map: &mut F) -> Result<bool, F::Error> {
        accept(&mut self.task, &mut self.seen, key, map)
    }

    /// Whether `taskId` or `taskState` was read: what makes an object
    /// without an envelope a task.
    pub(crate) fn names_a_task(&self) -> bool {
        self.seen.has(ID) || self.seen.has(STATE)
    }

    /// Whether the task carries nothing beyond id, state and creation time
    /// (and no unknown field), as the start call answers.
    pub(crate) fn is_summary(&self) -> bool {
        // A field sent as `null` reads as absent, so it does not count.
        let t = &self.task;
        t.current_step.is_none()
            && t.progress.is_none()
            && t.result.is_none()
            && t.task_type.is_none()
            && t.cancelled_by.is_none()
            && (t.extra.is_empty() || (t.extra.len() == 1 && task_url(&t.extra).is_some()))
    }

    /// The full task; `taskId` and `taskState` are required.
    pub(crate) fn into_task<E: de::Error>(self) -> Result<Task, E> {
        require(self.seen, true)?;
        Ok(self.task)
    }

    /// The start call's summary of the task; `taskId` is required.
    pub(crate) fn into_summary<E: de::Error>(self) -> Result<TaskSummary, E> {
        require(self.seen, false)?;
        let mut t = self.task;
        let task_url = task_url(&t.extra);
        if task_url.is_some() {
            t.extra.remove("taskUrl");
        }
        Ok(TaskSummary {
            task_id: t.task_id,
            task_state: has_state(self.seen).then_some(t.task_state),
            creation_time: t.creation_time,
            task_url,
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
        Ok(())
    }
}

impl crate::read::Wire for TaskObject {
    const EXPECTING: &'static str = "a task object";
    fn read_into<'de, F: Fields<'de>>(map: F, slot: &mut Option<Self>) -> Result<(), F::Error> {
        let object = slot.insert(Self::empty());
        read_fields(&mut object.task, &mut object.seen, map)?;
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
