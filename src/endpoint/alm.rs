//! The ALM endpoints (model sync, comparison and summary reports):
//! [`AlmCall`], and [`AlmPath`], built, written and read back. ALM paths
//! have no workspace segment: `/models/{modelId}/alm/...`.

use super::build::check_hex;
use std::fmt;
use std::str::FromStr;

use super::PathError;
use crate::model::ids::TaskId;

crate::enums::str_enum! {
    /// The ALM call a task runs. Its text (`as_str`, `Display`, serde) is
    /// `sync`, `comparison-report` or `summary-report`.
    ///
    /// ```
    /// # use anaplan_task::endpoint::AlmCall;
    /// assert_eq!(AlmCall::Sync.segment(), "syncTasks");
    /// assert_eq!("comparison-report".parse(), Ok(AlmCall::ComparisonReport));
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum AlmCall as "ALM call" {
        /// A model sync: `syncTasks`.
        Sync = "sync",
        /// A comparison report: `comparisonReportTasks`.
        ComparisonReport = "comparison-report",
        /// A summary report: `summaryReportTasks`.
        SummaryReport = "summary-report",
    }
}

impl AlmCall {
    /// The path segment of its tasks.
    pub fn segment(self) -> &'static str {
        match self {
            Self::Sync => "syncTasks",
            Self::ComparisonReport => "comparisonReportTasks",
            Self::SummaryReport => "summaryReportTasks",
        }
    }

    /// The path segment of its report files; `None` for a sync.
    pub fn report_segment(self) -> Option<&'static str> {
        match self {
            Self::Sync => None,
            Self::ComparisonReport => Some("comparisonReports"),
            Self::SummaryReport => Some("summaryReports"),
        }
    }

    /// Whether its task's result, when successful, has a report file.
    pub fn has_report(self) -> bool {
        self.report_segment().is_some()
    }
}

/// What an [`AlmPath`] points at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AlmResource {
    /// `.../alm/{segment}`: `POST` starts a task, `GET` lists them.
    Tasks(AlmCall),
    /// `.../alm/{segment}/{taskId}`: `GET` asks for the status.
    Task(AlmCall, TaskId),
    /// `.../alm/{comparisonReports|summaryReports}/{target}/{source}`: the
    /// report of two revisions (a file, or the summary report's JSON).
    Report {
        /// A report call: [`AlmCall::ComparisonReport`] or [`AlmCall::SummaryReport`].
        call: AlmCall,
        /// The target revision's id.
        target_revision_id: String,
        /// The source revision's id.
        source_revision_id: String,
    },
}

/// The path of an ALM endpoint, `/models/{modelId}/alm/...`.
///
/// ```
/// use anaplan_task::endpoint::{AlmCall, AlmPath, BASE_URL};
/// let model = "75A40874E6B64FA3AE0743278996850F";
/// let status = AlmPath::task(model, AlmCall::Sync, "0D4C2B1A99887766554433221100FFEE")?;
/// assert_eq!(status.to_string(), "/models/75A40874E6B64FA3AE0743278996850F/alm/syncTasks/0D4C2B1A99887766554433221100FFEE");
/// assert_eq!(status.url(BASE_URL).parse::<AlmPath>()?, status);
/// let report = AlmPath::report(model, AlmCall::SummaryReport,
///     "AAAABBBBCCCCDDDDEEEEFFFF00001111", "22223333444455556666777788889999")?;
/// assert!(report.to_string().ends_with("/alm/summaryReports/AAAABBBBCCCCDDDDEEEEFFFF00001111/22223333444455556666777788889999"));
/// assert!(AlmPath::report(model, AlmCall::Sync, "A", "B").is_err());
/// # Ok::<(), anaplan_task::endpoint::PathError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct AlmPath {
    /// The model id (32 hexadecimal characters).
    pub model_id: String,
    /// What is asked.
    pub resource: AlmResource,
}

/// Refuses an id that is not 32 hexadecimal characters.
impl AlmPath {
    /// The tasks of an ALM call: start (`POST`) and list (`GET`).
    pub fn tasks(model_id: impl Into<String>, call: AlmCall) -> Result<Self, PathError> {
        let model_id = model_id.into();
        check_hex("model id", &model_id)?;
        Ok(Self {
            model_id,
            resource: AlmResource::Tasks(call),
        })
    }

    /// One ALM task: its status (`GET`).
    pub fn task(model_id: impl Into<String>, call: AlmCall, task_id: impl Into<TaskId>) -> Result<Self, PathError> {
        let task_id = task_id.into();
        if !task_id.is_well_formed() {
            return Err(PathError::BadTaskId(crate::text::snippet(task_id.as_str())));
        }
        let mut path = Self::tasks(model_id, call)?;
        path.resource = AlmResource::Task(call, task_id);
        Ok(path)
    }

    /// The report of two revisions, for a report call.
    pub fn report(
        model_id: impl Into<String>,
        call: AlmCall,
        target_revision_id: impl Into<String>,
        source_revision_id: impl Into<String>,
    ) -> Result<Self, PathError> {
        if !call.has_report() {
            return Err(PathError::Shape(format!("a {call} has no report file")));
        }
        let (target_revision_id, source_revision_id) = (target_revision_id.into(), source_revision_id.into());
        check_hex("target revision id", &target_revision_id)?;
        check_hex("source revision id", &source_revision_id)?;
        let mut path = Self::tasks(model_id, call)?;
        path.resource = AlmResource::Report {
            call,
            target_revision_id,
            source_revision_id,
        };
        Ok(path)
    }

    /// The path after a base URL such as [`BASE_URL`](super::BASE_URL).
    pub fn url(&self, base: &str) -> String {
        format!("{}{self}", base.trim_end_matches('/'))
    }

    /// Reads a path (`/models/...`) or a URL, with or without the `/2/0`
    /// prefix; the query string is ignored.
    pub fn parse(text: &str) -> Result<Self, PathError> {
        let shape = || {
            PathError::Shape(format!(
                "expected /models/{{id}}/alm/{{syncTasks|comparisonReportTasks|summaryReportTasks}}[/{{taskId}}] or /models/{{id}}/alm/{{comparisonReports|summaryReports}}/{{target}}/{{source}} in `{}`",
                crate::text::snippet(text)
            ))
        };
        let segs = super::parse::segments(text);
        let ["models", model, "alm", what, tail @ ..] = segs.as_slice() else {
            return Err(shape());
        };
        let tasks = AlmCall::ALL.into_iter().find(|c| c.segment() == *what);
        let report = AlmCall::ALL.into_iter().find(|c| c.report_segment() == Some(*what));
        match (tasks, report, tail) {
            (Some(call), _, []) => Self::tasks(*model, call),
            (Some(call), _, [task]) => Self::task(*model, call, TaskId::new(*task)),
            (_, Some(call), [target, source]) => Self::report(*model, call, *target, *source),
            _ => Err(shape()),
        }
    }
}

impl fmt::Display for AlmPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "/models/{}/alm/", self.model_id)?;
        match &self.resource {
            AlmResource::Tasks(call) => f.write_str(call.segment()),
            AlmResource::Task(call, task) => write!(f, "{}/{task}", call.segment()),
            AlmResource::Report {
                call,
                target_revision_id,
                source_revision_id,
            } => write!(
                f,
                "{}/{target_revision_id}/{source_revision_id}",
                call.report_segment().unwrap_or_default()
            ),
        }
    }
}

impl FromStr for AlmPath {
    type Err = PathError;
    fn from_str(s: &str) -> Result<Self, PathError> {
        Self::parse(s)
    }
}
