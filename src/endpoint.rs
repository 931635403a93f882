//! Paths of the task endpoints, formatted and parsed, without any HTTP.
//!
//! ```
//! use anaplan_task::endpoint::{CallKind, Chunk, TaskPath};
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
//! let dump = tasks.dump("1B1D84DDD53847BAA621810B593C3FC1", Chunk::Number(0))?;
//! assert!(dump.to_string().ends_with("/tasks/1B1D84DDD53847BAA621810B593C3FC1/dump/chunks/0"));
//! // Paths and URLs parse back:
//! assert_eq!(status.url(anaplan_task::endpoint::BASE_URL).parse::<TaskPath>()?, status);
//! # Ok::<(), anaplan_task::endpoint::PathError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::model::ids::{ObjectId, ObjectKind, TaskId};

/// The base URL of version 2.0 of the Integration API.
pub const BASE_URL: &str = "https://api.anaplan.com/2/0";

/// The kind of action a task runs: the `{kind}` segment of the path.
///
/// ```
/// # use anaplan_task::endpoint::CallKind;
/// let kinds: Vec<String> = CallKind::ALL.iter().map(|k| k.segment().to_owned()).collect();
/// assert_eq!(kinds, ["imports", "exports", "actions", "processes"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum CallKind {
    /// `imports`.
    Import,
    /// `exports`.
    Export,
    /// `actions` (delete and other actions).
    Action,
    /// `processes`.
    Process,
}

impl CallKind {
    /// Every kind.
    pub const ALL: [CallKind; 4] = [Self::Import, Self::Export, Self::Action, Self::Process];

    /// `import`, `export`, `action` or `process`.
    ///
    /// ```
    /// # use anaplan_task::endpoint::CallKind;
    /// assert_eq!(CallKind::Process.as_str(), "process");
    /// assert_eq!(CallKind::Process.to_string(), "process");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Import => "import",
            Self::Export => "export",
            Self::Action => "action",
            Self::Process => "process",
        }
    }

    /// The path segment: `imports`, `exports`, `actions` or `processes`.
    ///
    /// ```
    /// # use anaplan_task::endpoint::CallKind;
    /// assert_eq!(CallKind::Process.segment(), "processes");
    /// assert_eq!("processes".parse(), Ok(CallKind::Process));
    /// ```
    pub fn segment(self) -> &'static str {
        match self {
            Self::Import => "imports",
            Self::Export => "exports",
            Self::Action => "actions",
            Self::Process => "processes",
        }
    }

    /// The kind of object whose id the call takes and its result carries.
    ///
    /// ```
    /// # use anaplan_task::{ObjectId, ObjectKind, endpoint::CallKind};
    /// assert_eq!(CallKind::Export.object_kind(), ObjectKind::Export);
    /// assert_eq!(ObjectId::new("116000000001").kind(), CallKind::Export.object_kind());
    /// ```
    pub fn object_kind(self) -> ObjectKind {
        match self {
            Self::Import => ObjectKind::Import,
            Self::Export => ObjectKind::Export,
            Self::Action => ObjectKind::Action,
            Self::Process => ObjectKind::Process,
        }
    }
}

impl FromStr for CallKind {
    type Err = crate::ParseEnumError;
    /// Reads `import` or `imports`, and so on.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s || k.segment() == s)
            .ok_or_else(|| crate::ParseEnumError::new("call kind", s, &["import", "export", "action", "process"]))
    }
}

/// As its [`CallKind::as_str`] text; reads the path segment too.
impl serde::Serialize for CallKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for CallKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// As its text, the path without the base URL (see [`TaskPath::parse`]).
impl serde::Serialize for TaskPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for TaskPath {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
        TaskPath::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for CallKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Which part of a failure dump a path asks for.
///
/// ```
/// # use anaplan_task::endpoint::{BASE_URL, CallKind, Chunk, PathError, Resource, TaskPath};
/// # let import = TaskPath::tasks("8a81b09d5e8c6f27015ece3402487d33", "F1111111C11111111B11111F1111E11F", CallKind::Import, "112000000009")?;
/// let list = import.dump("1B1D84DDD53847BAA621810B593C3FC1", Chunk::List)?;
/// assert!(list.to_string().ends_with("/dump/chunks"));
/// assert_eq!(list.resource, Resource::Dump("1B1D84DDD53847BAA621810B593C3FC1".into(), Chunk::List));
/// # Ok::<(), PathError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Chunk {
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
/// # use anaplan_task::endpoint::{BASE_URL, CallKind, Chunk, PathError, Resource, TaskPath};
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
    Dump(TaskId, Chunk),
    /// `.../processes/{id}/tasks/{taskId}/dumps/{objectId}...`: the failure
    /// dump of one import step of a process.
    ProcessDump(TaskId, ObjectId, Chunk),
}

/// Why a path could not be built or read.
///
/// ```
/// # use anaplan_task::endpoint::{BASE_URL, CallKind, Chunk, PathError, Resource, TaskPath};
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
    #[error("object id `{id}` is of a {found}, but the path is for {}", kind.segment())]
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

fn check_hex(what: &'static str, id: &str) -> Result<(), PathError> {
    if id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(())
    } else {
        Err(PathError::BadHexId {
            what,
            id: crate::values::snippet(id),
        })
    }
}

fn check_task(id: &TaskId) -> Result<(), PathError> {
    if id.is_well_formed() {
        Ok(())
    } else {
        Err(PathError::BadTaskId(crate::values::snippet(id.as_str())))
    }
}

fn check_object(id: &ObjectId) -> Result<(), PathError> {
    if id.is_well_formed() {
        Ok(())
    } else {
        Err(PathError::BadObjectId(crate::values::snippet(id.as_str())))
    }
}

impl TaskPath {
    /// The tasks of an action: the path to start (`POST`) and list (`GET`)
    /// them. The action id must be of the kind named.
    ///
    /// ```
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, Chunk, PathError, Resource, TaskPath};
    /// let err = TaskPath::tasks("8a81b09d5e8c6f27015ece3402487d33", "F1111111C11111111B11111F1111E11F",
    ///     CallKind::Export, "112000000009").unwrap_err();
    /// assert_eq!(err.to_string(), "object id `112000000009` is of a import, but the path is for exports");
    /// ```
    pub fn tasks(
        workspace_id: impl Into<String>,
        model_id: impl Into<String>,
        kind: CallKind,
        action_id: impl Into<ObjectId>,
    ) -> Result<Self, PathError> {
        let (workspace_id, model_id, action_id) = (workspace_id.into(), model_id.into(), action_id.into());
        check_hex("workspace id", &workspace_id)?;
        check_hex("model id", &model_id)?;
        check_object(&action_id)?;
        if action_id.kind() != kind.object_kind() {
            return Err(PathError::KindMismatch {
                id: action_id.to_string(),
                kind,
                found: action_id.kind(),
            });
        }
        Ok(Self {
            workspace_id,
            model_id,
            kind,
            action_id,
            resource: Resource::Tasks,
            include_process_details: false,
        })
    }

    fn with(&self, resource: Resource) -> Self {
        Self {
            resource,
            include_process_details: false,
            ..self.clone()
        }
    }

    /// The status of a process task asked with
    /// `?includeProcessDetails=true`, so that the result of the process and
    /// of each step carries `duration` and `startTime`
    /// ([`TaskResult::elapsed`](crate::TaskResult::elapsed),
    /// [`TaskResult::started_at`](crate::TaskResult::started_at)).
    ///
    /// ```
    /// use anaplan_task::endpoint::{BASE_URL, CallKind, PathError, TaskPath};
    ///
    /// let process = TaskPath::tasks(
    ///     "8a81b09d5e8c6f27015ece3402487d33",
    ///     "F1111111C11111111B11111F1111E11F",
    ///     CallKind::Process,
    ///     "118000000001",
    /// )?;
    /// let status = process.task("1B1D84DDD53847BAA621810B593C3FC1")?.with_process_details()?;
    /// let url = status.url(BASE_URL);
    /// assert!(url.ends_with("/processes/118000000001/tasks/1B1D84DDD53847BAA621810B593C3FC1?includeProcessDetails=true"));
    /// assert_eq!(url.parse::<TaskPath>()?, status);
    /// // Only a process task's status has details.
    /// assert_eq!(process.with_process_details(), Err(PathError::ProcessDetails));
    /// # Ok::<(), PathError>(())
    /// ```
    pub fn with_process_details(&self) -> Result<Self, PathError> {
        match (&self.resource, self.kind) {
            (Resource::Task(_), CallKind::Process) => Ok(Self {
                include_process_details: true,
                ..self.clone()
            }),
            _ => Err(PathError::ProcessDetails),
        }
    }

    /// One task: status (`GET`) and cancel (`DELETE`).
    ///
    /// ```
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, Chunk, PathError, Resource, TaskPath};
    /// # let import = TaskPath::tasks("8a81b09d5e8c6f27015ece3402487d33", "F1111111C11111111B11111F1111E11F", CallKind::Import, "112000000009")?;
    /// let status = import.task("1B1D84DDD53847BAA621810B593C3FC1")?;
    /// assert!(status.to_string().ends_with("/imports/112000000009/tasks/1B1D84DDD53847BAA621810B593C3FC1"));
    /// assert!(import.task("1b1d84ddd53847baa621810b593c3fc1").is_err());
    /// # Ok::<(), PathError>(())
    /// ```
    pub fn task(&self, task_id: impl Into<TaskId>) -> Result<Self, PathError> {
        let task_id = task_id.into();
        check_task(&task_id)?;
        Ok(self.with(Resource::Task(task_id)))
    }

    /// The failure dump of an import task.
    ///
    /// ```
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, Chunk, PathError, Resource, TaskPath};
    /// # let import = TaskPath::tasks("8a81b09d5e8c6f27015ece3402487d33", "F1111111C11111111B11111F1111E11F", CallKind::Import, "112000000009")?;
    /// let chunk = import.dump("1B1D84DDD53847BAA621810B593C3FC1", Chunk::Number(2))?;
    /// assert!(chunk.to_string().ends_with("/tasks/1B1D84DDD53847BAA621810B593C3FC1/dump/chunks/2"));
    /// # Ok::<(), PathError>(())
    /// ```
    pub fn dump(&self, task_id: impl Into<TaskId>, chunk: Chunk) -> Result<Self, PathError> {
        let task_id = task_id.into();
        if self.kind != CallKind::Import {
            return Err(PathError::DumpKind {
                what: "a task's dump",
                kind: CallKind::Import,
            });
        }
        check_task(&task_id)?;
        Ok(self.with(Resource::Dump(task_id, chunk)))
    }

    /// The failure dump of one step (`objectId` of a nested result) of a
    /// process task.
    ///
    /// ```
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, Chunk, PathError, Resource, TaskPath};
    /// # let process = TaskPath::tasks("8a81b09d5e8c6f27015ece3402487d33", "F1111111C11111111B11111F1111E11F", CallKind::Process, "118000000001")?;
    /// let step = process.process_dump("1B1D84DDD53847BAA621810B593C3FC1", "112000000011", Chunk::All)?;
    /// assert!(step.to_string().ends_with("/processes/118000000001/tasks/1B1D84DDD53847BAA621810B593C3FC1/dumps/112000000011"));
    /// # Ok::<(), PathError>(())
    /// ```
    pub fn process_dump(
        &self,
        task_id: impl Into<TaskId>,
        object_id: impl Into<ObjectId>,
        chunk: Chunk,
    ) -> Result<Self, PathError> {
        let (task_id, object_id) = (task_id.into(), object_id.into());
        if self.kind != CallKind::Process {
            return Err(PathError::DumpKind {
                what: "a step's dump",
                kind: CallKind::Process,
            });
        }
        check_task(&task_id)?;
        check_object(&object_id)?;
        Ok(self.with(Resource::ProcessDump(task_id, object_id, chunk)))
    }

    /// The task id, when the path names one.
    ///
    /// ```
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, Chunk, PathError, Resource, TaskPath};
    /// # let import = TaskPath::tasks("8a81b09d5e8c6f27015ece3402487d33", "F1111111C11111111B11111F1111E11F", CallKind::Import, "112000000009")?;
    /// assert_eq!(import.task_id(), None);
    /// assert_eq!(import.task("1B1D84DDD53847BAA621810B593C3FC1")?.task_id().map(|t| t.as_str()), Some("1B1D84DDD53847BAA621810B593C3FC1"));
    /// # Ok::<(), PathError>(())
    /// ```
    pub fn task_id(&self) -> Option<&TaskId> {
        match &self.resource {
            Resource::Tasks => None,
            Resource::Task(t) | Resource::Dump(t, _) | Resource::ProcessDump(t, _, _) => Some(t),
        }
    }

    /// The path after `base`, such as [`BASE_URL`].
    ///
    /// ```
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, Chunk, PathError, Resource, TaskPath};
    /// # let import = TaskPath::tasks("8a81b09d5e8c6f27015ece3402487d33", "F1111111C11111111B11111F1111E11F", CallKind::Import, "112000000009")?;
    /// assert_eq!(import.url("https://example.com/2/0/"),
    ///     "https://example.com/2/0/workspaces/8a81b09d5e8c6f27015ece3402487d33/models/F1111111C11111111B11111F1111E11F/imports/112000000009/tasks");
    /// # Ok::<(), PathError>(())
    /// ```
    pub fn url(&self, base: &str) -> String {
        format!("{}{self}", base.trim_end_matches('/'))
    }

    /// Reads a path (`/workspaces/...`) or a URL, with or without the
    /// `/2/0` prefix. In the query string, `includeProcessDetails=true`
    /// sets [`TaskPath::include_process_details`] on the status of a
    /// process task; anything else there (that parameter on another path
    /// included, which the server ignores) is ignored.
    ///
    /// ```
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, Chunk, PathError, Resource, TaskPath};
    /// let path = TaskPath::parse("https://api.anaplan.com/2/0/workspaces/8a81b09d5e8c6f27015ece3402487d33/models/F1111111C11111111B11111F1111E11F/imports/112000000009/tasks/1B1D84DDD53847BAA621810B593C3FC1")?;
    /// assert_eq!(path.kind, CallKind::Import);
    /// assert_eq!(path.action_id.as_str(), "112000000009");
    /// # Ok::<(), PathError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, PathError> {
        let path = Self::parse_path(text)?;
        let query = text
            .split('#')
            .next()
            .unwrap_or("")
            .split_once('?')
            .map_or("", |(_, q)| q);
        if query.split('&').any(|pair| pair == "includeProcessDetails=true") {
            Ok(path.with_process_details().unwrap_or(path))
        } else {
            Ok(path)
        }
    }

    fn parse_path(text: &str) -> Result<Self, PathError> {
        let shape = |why: &str| PathError::Shape(format!("{why} in `{}`", crate::values::snippet(text)));
        let mut rest = text.split(['?', '#']).next().unwrap_or("");
        if let Some(i) = rest.find("://") {
            let after = &rest[i + 3..];
            rest = after.find('/').map_or("", |j| &after[j..]);
        }
        let mut segs: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        if segs.first() == Some(&"2") && segs.get(1) == Some(&"0") {
            segs.drain(..2);
        }
        let [w, workspace, m, model, kind, action, t, tail @ ..] = segs.as_slice() else {
            return Err(shape("expected /workspaces/{id}/models/{id}/{kind}/{id}/tasks"));
        };
        if (*w, *m, *t) != ("workspaces", "models", "tasks") {
            return Err(shape("expected /workspaces/{id}/models/{id}/{kind}/{id}/tasks"));
        }
        let kind: CallKind = kind
            .parse()
            .map_err(|e: crate::ParseEnumError| PathError::Shape(e.to_string()))?;
        let path = Self::tasks(*workspace, *model, kind, ObjectId::new(*action))?;
        let chunk = |tail: &[&str]| -> Result<Chunk, PathError> {
            match tail {
                [] => Ok(Chunk::All),
                ["chunks"] => Ok(Chunk::List),
                ["chunks", n] => crate::values::parse_count("", 0, n)
                    .ok()
                    .and_then(|n| u32::try_from(n).ok())
                    .map(Chunk::Number)
                    .ok_or_else(|| PathError::BadChunk(crate::values::snippet(n))),
                _ => Err(shape("unexpected segments after the dump")),
            }
        };
        match tail {
            [] => Ok(path),
            [task] => path.task(TaskId::new(*task)),
            [task, "dump", more @ ..] => path.dump(TaskId::new(*task), chunk(more)?),
            [task, "dumps", object, more @ ..] => {
                path.process_dump(TaskId::new(*task), ObjectId::new(*object), chunk(more)?)
            }
            _ => Err(shape("unexpected segments after the task id")),
        }
    }
}

impl fmt::Display for TaskPath {
    /// The path, starting `/workspaces/`, then
    /// `?includeProcessDetails=true` when it is asked.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "/workspaces/{}/models/{}/{}/{}/tasks",
            self.workspace_id,
            self.model_id,
            self.kind.segment(),
            self.action_id
        )?;
        let chunk = |f: &mut fmt::Formatter<'_>, c: &Chunk| match c {
            Chunk::All => Ok(()),
            Chunk::List => f.write_str("/chunks"),
            Chunk::Number(n) => write!(f, "/chunks/{n}"),
        };
        match &self.resource {
            Resource::Tasks => Ok(()),
            Resource::Task(t) if self.include_process_details => write!(f, "/{t}?includeProcessDetails=true"),
            Resource::Task(t) => write!(f, "/{t}"),
            Resource::Dump(t, c) => {
                write!(f, "/{t}/dump")?;
                chunk(f, c)
            }
            Resource::ProcessDump(t, o, c) => {
                write!(f, "/{t}/dumps/{o}")?;
                chunk(f, c)
            }
        }
    }
}

impl FromStr for TaskPath {
    type Err = PathError;
    fn from_str(s: &str) -> Result<Self, PathError> {
        Self::parse(s)
    }
}
