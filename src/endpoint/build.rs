//! Building task endpoint paths: the constructors of [`TaskPath`], which
//! check every id, and the path's text (`Display`, serde).

use std::fmt;

use super::{CallKind, DumpPart, PathError, Resource, TaskPath};
use crate::model::ids::{ObjectId, TaskId};

/// Refuses an id that is not 32 hexadecimal characters.
pub(super) fn check_hex(what: &'static str, id: &str) -> Result<(), PathError> {
    if id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(())
    } else {
        Err(PathError::BadHexId {
            what,
            id: crate::text::snippet(id),
        })
    }
}

fn check_task(id: &TaskId) -> Result<(), PathError> {
    if id.is_well_formed() {
        Ok(())
    } else {
        Err(PathError::BadTaskId(crate::text::snippet(id.as_str())))
    }
}

fn check_object(id: &ObjectId) -> Result<(), PathError> {
    if id.is_well_formed() {
        Ok(())
    } else {
        Err(PathError::BadObjectId(crate::text::snippet(id.as_str())))
    }
}

impl TaskPath {
    /// The tasks of an action: the path to start (`POST`) and list (`GET`)
    /// them. The action id must be of the kind named.
    ///
    /// ```
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, DumpPart, PathError, Resource, TaskPath};
    /// let err = TaskPath::tasks("8a81b09d5e8c6f27015ece3402487d33", "F1111111C11111111B11111F1111E11F",
    ///     CallKind::Export, "112000000009").unwrap_err();
    /// assert_eq!(err.to_string(), "object id `112000000009` is of an import, but the path is for exports");
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
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, DumpPart, PathError, Resource, TaskPath};
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
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, DumpPart, PathError, Resource, TaskPath};
    /// # let import = TaskPath::tasks("8a81b09d5e8c6f27015ece3402487d33", "F1111111C11111111B11111F1111E11F", CallKind::Import, "112000000009")?;
    /// let chunk = import.dump("1B1D84DDD53847BAA621810B593C3FC1", DumpPart::Number(2))?;
    /// assert!(chunk.to_string().ends_with("/tasks/1B1D84DDD53847BAA621810B593C3FC1/dump/chunks/2"));
    /// # Ok::<(), PathError>(())
    /// ```
    pub fn dump(&self, task_id: impl Into<TaskId>, chunk: DumpPart) -> Result<Self, PathError> {
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
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, DumpPart, PathError, Resource, TaskPath};
    /// # let process = TaskPath::tasks("8a81b09d5e8c6f27015ece3402487d33", "F1111111C11111111B11111F1111E11F", CallKind::Process, "118000000001")?;
    /// let step = process.process_dump("1B1D84DDD53847BAA621810B593C3FC1", "112000000011", DumpPart::All)?;
    /// assert!(step.to_string().ends_with("/processes/118000000001/tasks/1B1D84DDD53847BAA621810B593C3FC1/dumps/112000000011"));
    /// # Ok::<(), PathError>(())
    /// ```
    pub fn process_dump(
        &self,
        task_id: impl Into<TaskId>,
        object_id: impl Into<ObjectId>,
        chunk: DumpPart,
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
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, DumpPart, PathError, Resource, TaskPath};
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

    /// The path after `base`, such as [`BASE_URL`](super::BASE_URL).
    ///
    /// ```
    /// # use anaplan_task::endpoint::{BASE_URL, CallKind, DumpPart, PathError, Resource, TaskPath};
    /// # let import = TaskPath::tasks("8a81b09d5e8c6f27015ece3402487d33", "F1111111C11111111B11111F1111E11F", CallKind::Import, "112000000009")?;
    /// assert_eq!(import.url("https://example.com/2/0/"),
    ///     "https://example.com/2/0/workspaces/8a81b09d5e8c6f27015ece3402487d33/models/F1111111C11111111B11111F1111E11F/imports/112000000009/tasks");
    /// # Ok::<(), PathError>(())
    /// ```
    pub fn url(&self, base: &str) -> String {
        format!("{}{self}", base.trim_end_matches('/'))
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
        let chunk = |f: &mut fmt::Formatter<'_>, c: &DumpPart| match c {
            DumpPart::All => Ok(()),
            DumpPart::List => f.write_str("/chunks"),
            DumpPart::Number(n) => write!(f, "/chunks/{n}"),
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

/// As its text, the path without the base URL (see [`TaskPath::parse`]).
impl serde::Serialize for TaskPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
