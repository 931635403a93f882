//! A summary of one task, in a stable shape for scripts: what
//! `anaplan-task summarize --format json` prints, and what this module
//! reads back.
//!
//! [`TaskSummaryReport`] holds the task's state and [`Outcome`], its object
//! and kind, the counts of each hierarchy and line item, the exports, the
//! other details' messages, the steps of a process (each with its own
//! outcome and object), whether a failure dump is available, and the row
//! counts added up over the result and its steps; for an ALM task, its
//! revisions, report file and error, and for the ALM summary report its
//! counts ([`ChangesSummary`]). [`TaskTimeline`] is the
//! history of one task in a poll log. Field names are snake_case; an
//! absent value is `null`, an empty list `[]`; fields are only ever added.
//!
//! ```
//! use anaplan_task::summary::TaskSummaryReport;
//! use anaplan_task::{Document, Outcome};
//! let json = include_str!("../examples/responses/process-failed-step.json");
//! let report = TaskSummaryReport::from_document(&Document::from_str(json)?);
//! assert_eq!(report.outcome, Some(Outcome::Failed));
//! let result = report.result.as_ref().unwrap();
//! assert_eq!(result.object_kind.as_deref(), Some("process"));
//! assert_eq!(result.steps[1].outcome, Outcome::Failed);
//! assert!(report.failure_dump_available);
//! assert_eq!(report.rows.ignored, 5);
//!
//! // What the command prints reads back into the same value.
//! let text = serde_json::to_string(&report)?;
//! assert_eq!(serde_json::from_str::<TaskSummaryReport>(&text)?, report);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod alm;

pub use alm::{AlmErrorSummary, AlmResultSummary, CategoryChanges, Changes, ChangesSummary};

use serde::{Deserialize, Serialize};

use crate::{DetailValues, Document, ObjectId, Outcome, Progress, Task, TaskResult};

mod timeline;

pub use timeline::{Poll, TaskEnd, TaskTimeline};

/// One task at a glance. See the [module](self) documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TaskSummaryReport {
    /// The kind of document, as [`DocumentKind::as_str`](crate::DocumentKind::as_str)
    /// spells it (`task-status`, `create-task`, ...).
    pub document: String,
    /// `taskId`; `null` for a document without a task.
    pub task_id: Option<String>,
    /// `taskState` as sent (`COMPLETE`, ...).
    pub state: Option<String>,
    /// `currentStep`, when sent.
    pub current_step: Option<String>,
    /// `progress`, from 0 to 1, when sent, in the text sent.
    pub progress: Option<Progress>,
    /// `creationTime`: milliseconds since 1970-01-01 UTC, when sent.
    pub creation_time: Option<i64>,
    /// The task's outcome; `null` for a document without a status.
    // Read as a required field (`null` or a text), as it is always written.
    #[serde(deserialize_with = "Option::deserialize")]
    pub outcome: Option<Outcome>,
    /// Whether the result or any step has a failure dump.
    pub failure_dump_available: bool,
    /// The counts of every hierarchy of the result and its steps, added up.
    pub rows: RowTotals,
    /// The result, when the task has one.
    pub result: Option<ResultSummary>,
    /// The ALM summary report's counts; written only for that body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_report: Option<ChangesSummary>,
    /// `taskUrl`, the URL to poll, of an ALM start call's task; written
    /// only when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_url: Option<String>,
}

/// A result, or a process step, at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ResultSummary {
    /// `objectId`: the import, export, action or process run.
    pub object_id: Option<ObjectId>,
    /// Its kind from its prefix, as [`ObjectKind::as_str`](crate::ObjectKind::as_str)
    /// spells it (`import`, `process`, ...).
    pub object_kind: Option<String>,
    /// `objectName`, when sent.
    pub object_name: Option<String>,
    /// `successful` as sent.
    pub successful: bool,
    /// The outcome of this result (for a step, its own).
    pub outcome: Outcome,
    /// `failureDumpAvailable` as sent.
    pub failure_dump_available: bool,
    /// `elapsed`: milliseconds, when the result says how long it took.
    pub elapsed_ms: Option<u64>,
    /// One entry per `hierarchyRowsProcessed` detail.
    pub hierarchies: Vec<HierarchyCounts>,
    /// One entry per `lineItemRowsProcessed` detail.
    pub line_items: Vec<LineItemCounts>,
    /// `exportName` of each `exportSucceeded` detail.
    pub exports: Vec<String>,
    /// The other details: code and message.
    pub messages: Vec<DetailMessage>,
    /// The steps of a process, in order.
    pub steps: Vec<ResultSummary>,
    /// An ALM task's revisions, report file and error; written only for
    /// an ALM result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alm: Option<AlmResultSummary>,
}

/// The counts of one hierarchy (`hierarchyRowsProcessed`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct HierarchyCounts {
    /// `hierarchyName`.
    pub name: String,
    /// `totalRowCount`.
    pub total: u64,
    /// `successRowCount`.
    pub success: u64,
    /// `warningsRowCount`.
    pub warnings: u64,
    /// `failedCount`.
    pub failed: u64,
    /// `ignoredCount`.
    pub ignored: u64,
    /// `createdCount`.
    pub created: u64,
    /// `updatedCount`.
    pub updated: u64,
}

/// The counts of one line item (`lineItemRowsProcessed`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct LineItemCounts {
    /// `lineItemName`.
    pub name: String,
    /// `rowCount`.
    pub rows: u64,
    /// `ignoredCount`, zero when absent.
    pub ignored: u64,
}

/// A detail other than counts and exports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DetailMessage {
    /// The detail's `type`.
    pub code: String,
    /// `localMessageText`, when sent.
    pub text: Option<String>,
}

/// Row counts of every hierarchy, added up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RowTotals {
    /// Rows read.
    pub total: u64,
    /// Rows imported without warnings.
    pub success: u64,
    /// Rows imported with warnings.
    pub warnings: u64,
    /// Rows rejected.
    pub failed: u64,
    /// Rows ignored.
    pub ignored: u64,
}

/// Added field by field; a sum past `u64::MAX` stays at `u64::MAX` (the
/// counts are `u64` as sent, so only a hostile response gets there).
///
/// ```
/// use anaplan_task::Document;
/// use anaplan_task::summary::{RowTotals, TaskSummaryReport};
///
/// let json = include_str!("../examples/responses/process-failed-step.json");
/// let rows = TaskSummaryReport::from_document(&Document::from_str(json)?).rows;
/// let mut all = RowTotals::default();
/// all += rows;
/// assert_eq!(all, rows);
/// let sum: RowTotals = [rows, rows].into_iter().sum();
/// assert_eq!(sum.ignored, 2 * rows.ignored);
/// # Ok::<(), anaplan_task::DecodeError>(())
/// ```
impl std::ops::AddAssign for RowTotals {
    fn add_assign(&mut self, other: Self) {
        self.total = self.total.saturating_add(other.total);
        self.success = self.success.saturating_add(other.success);
        self.warnings = self.warnings.saturating_add(other.warnings);
        self.failed = self.failed.saturating_add(other.failed);
        self.ignored = self.ignored.saturating_add(other.ignored);
    }
}

impl std::iter::Sum for RowTotals {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        added(iter)
    }
}

/// The sum of counts that add up field by field.
fn added<T: Default + std::ops::AddAssign>(iter: impl Iterator<Item = T>) -> T {
    let mut sum = T::default();
    iter.for_each(|t| sum += t);
    sum
}

impl TaskSummaryReport {
    /// The summary of any document of the family; fields that the
    /// document has no value for are `None`.
    pub fn from_document(doc: &Document) -> Self {
        let mut report = Self::empty(doc.kind().as_str());
        if let Some(task) = doc.task() {
            report.fill(task);
        } else if let Document::CreateTask(crate::CreateTaskResponse { task: t, .. }) | Document::BareCreateTask(t) =
            doc
        {
            report.task_id = Some(t.task_id.to_string());
            report.state = t.task_state.as_ref().map(|s| s.as_str().to_owned());
            report.creation_time = t.creation_time;
            report.task_url.clone_from(&t.task_url);
        } else if let Document::SummaryReport(r) = doc {
            report.summary_report = Some(ChangesSummary::from_report(&r.summary_report));
        }
        report
    }

    /// The summary of a task, as of a status response.
    pub fn from_task(task: &Task) -> Self {
        let mut report = Self::empty(crate::DocumentKind::TaskStatus.as_str());
        report.fill(task);
        report
    }

    fn empty(document: &str) -> Self {
        Self {
            document: document.to_owned(),
            task_id: None,
            state: None,
            current_step: None,
            progress: None,
            creation_time: None,
            outcome: None,
            failure_dump_available: false,
            rows: RowTotals::default(),
            result: None,
            summary_report: None,
            task_url: None,
        }
    }

    fn fill(&mut self, task: &Task) {
        self.task_id = Some(task.task_id.to_string());
        self.state = Some(task.task_state.as_str().to_owned());
        self.current_step = task.current_step.clone();
        self.progress.clone_from(&task.progress);
        self.creation_time = task.creation_time;
        self.outcome = Some(task.outcome());
        if let Some(r) = &task.result {
            let result = ResultSummary::from_result(r);
            result.add_rows(&mut self.rows);
            self.failure_dump_available = result.any_dump();
            self.result = Some(result);
        }
    }
}

impl ResultSummary {
    /// The summary of a result and its steps.
    pub fn from_result(r: &TaskResult) -> Self {
        let mut s = Self {
            object_id: r.object_id.clone(),
            object_kind: r.object_id.as_ref().map(|id| id.kind().as_str().to_owned()),
            object_name: r.object_name.clone(),
            successful: r.successful,
            outcome: r.outcome(),
            failure_dump_available: r.dump_available(),
            elapsed_ms: r.elapsed().map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
            hierarchies: Vec::new(),
            line_items: Vec::new(),
            exports: Vec::new(),
            messages: Vec::new(),
            steps: r.nested_results().iter().map(Self::from_result).collect(),
            alm: AlmResultSummary::from_result(r),
        };
        for d in r.details() {
            match &d.values {
                Some(DetailValues::HierarchyRowsProcessed(h)) => s.hierarchies.push(HierarchyCounts {
                    name: h.hierarchy_name.clone(),
                    total: h.total_row_count,
                    success: h.success_row_count,
                    warnings: h.warnings_row_count,
                    failed: h.failed_count,
                    ignored: h.ignored_count,
                    created: h.created_count,
                    updated: h.updated_count,
                }),
                Some(DetailValues::LineItemRowsProcessed(l)) => s.line_items.push(LineItemCounts {
                    name: l.line_item_name.clone(),
                    rows: l.row_count,
                    ignored: l.ignored(),
                }),
                Some(DetailValues::ExportSucceeded(e)) => s.exports.push(e.export_name.clone()),
                Some(DetailValues::Raw(_)) | None => s.messages.push(DetailMessage {
                    code: d.code.to_string(),
                    text: d.local_message_text.clone(),
                }),
            }
        }
        s
    }

    fn add_rows(&self, t: &mut RowTotals) {
        for h in &self.hierarchies {
            *t += RowTotals {
                total: h.total,
                success: h.success,
                warnings: h.warnings,
                failed: h.failed,
                ignored: h.ignored,
            };
        }
        for step in &self.steps {
            step.add_rows(t);
        }
    }

    fn any_dump(&self) -> bool {
        self.failure_dump_available || self.steps.iter().any(Self::any_dump)
    }
}
