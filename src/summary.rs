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

/// One task at a glance. See the [module](self) documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
}

/// A result, or a process step, at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[non_exhaustive]
pub struct DetailMessage {
    /// The detail's `type`.
    pub code: String,
    /// `localMessageText`, when sent.
    pub text: Option<String>,
}

/// Row counts of every hierarchy, added up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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

/// One task in a poll log: each change of its state, then the last
/// response's summary.
///
/// Its size is bounded whatever the log: consecutive polls that say the
/// same (state, progress, step and outcome) are one [`Poll`] with a count,
/// and at most [`TaskTimeline::MAX_POLLS`] are listed; the polls after
/// those are counted in `polls_not_listed` and still make `last`.
///
/// ```
/// use anaplan_task::summary::TaskTimeline;
/// use anaplan_task::Document;
/// let log = include_str!("../examples/responses/poll-log.ndjson");
/// let mut timeline: Option<TaskTimeline> = None;
/// for (i, line) in log.lines().enumerate() {
///     let Ok(doc) = Document::from_str(line) else { continue };
///     let Some(task) = doc.task() else { continue };
///     match &mut timeline {
///         Some(t) => t.push(i as u64 + 1, task),
///         None => timeline = Some(TaskTimeline::new(i as u64 + 1, task)),
///     }
/// }
/// let timeline = timeline.unwrap();
/// let lines: Vec<u64> = timeline.polls.iter().map(|p| p.ndjson_line).collect();
/// assert_eq!(lines, [1, 2, 5]);
/// assert_eq!(timeline.polls[1].repeats, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaskTimeline {
    /// `taskId`.
    pub task_id: String,
    /// The polls in the order of the log, those in a row that say the same
    /// as one entry; at most [`TaskTimeline::MAX_POLLS`].
    pub polls: Vec<Poll>,
    /// The polls after the first [`TaskTimeline::MAX_POLLS`] entries: not
    /// listed, but read (`last` is the last of them).
    #[serde(default)]
    pub polls_not_listed: u64,
    /// The line of the last response (1-based).
    #[serde(default)]
    pub last_ndjson_line: u64,
    /// The last response, summarised.
    pub last: TaskSummaryReport,
}

/// One response of a poll log, and the responses in a row after it that
/// say the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Poll {
    /// The line of the log (1-based).
    pub ndjson_line: u64,
    /// How many later polls of the task, in a row, said the same: same
    /// `state`, `progress`, `current_step` and `outcome`.
    #[serde(default)]
    pub repeats: u64,
    /// The line of the last of those (`ndjson_line` when none).
    #[serde(default)]
    pub last_ndjson_line: u64,
    /// `taskState` as sent.
    pub state: String,
    /// `progress`, when sent, as in [`TaskSummaryReport::progress`].
    pub progress: Option<Progress>,
    /// `currentStep`, when sent.
    pub current_step: Option<String>,
    /// The outcome at that point.
    pub outcome: Outcome,
}

impl TaskSummaryReport {
    /// The summary of any document of the family; fields that the
    /// document has no value for are `None`.
    pub fn from_document(doc: &Document) -> Self {
        let mut report = Self::empty(doc.kind().as_str());
        if let Some(task) = doc.task() {
            report.fill(task);
        } else if let Document::CreateTask(r) = doc {
            report.task_id = Some(r.task.task_id.to_string());
            report.state = r.task.task_state.as_ref().map(|s| s.as_str().to_owned());
        } else if let Document::BareCreateTask(t) = doc {
            report.task_id = Some(t.task_id.to_string());
            report.state = t.task_state.as_ref().map(|s| s.as_str().to_owned());
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
            t.total += h.total;
            t.success += h.success;
            t.warnings += h.warnings;
            t.failed += h.failed;
            t.ignored += h.ignored;
        }
        for step in &self.steps {
            step.add_rows(t);
        }
    }

    fn any_dump(&self) -> bool {
        self.failure_dump_available || self.steps.iter().any(Self::any_dump)
    }
}

impl Poll {
    /// One line of a poll log.
    pub fn new(ndjson_line: u64, task: &Task) -> Self {
        Self {
            ndjson_line,
            repeats: 0,
            last_ndjson_line: ndjson_line,
            state: task.task_state.as_str().to_owned(),
            progress: task.progress.clone(),
            current_step: task.current_step.clone(),
            outcome: task.outcome(),
        }
    }
}

impl Poll {
    /// Whether `task` says what this poll said.
    fn says_the_same(&self, task: &Task) -> bool {
        self.state == task.task_state.as_str()
            && self.progress == task.progress
            && self.current_step == task.current_step
            && self.outcome == task.outcome()
    }
}

impl TaskTimeline {
    /// The most entries listed in `polls`: 1,000.
    pub const MAX_POLLS: usize = 1000;

    /// A timeline of one poll, to be extended with [`TaskTimeline::push`].
    pub fn new(ndjson_line: u64, task: &Task) -> Self {
        Self {
            task_id: task.task_id.to_string(),
            polls: vec![Poll::new(ndjson_line, task)],
            polls_not_listed: 0,
            last_ndjson_line: ndjson_line,
            last: TaskSummaryReport::from_task(task),
        }
    }

    /// Adds a later poll of the same task: counted in the last entry when
    /// it says the same, listed when there is room, counted in
    /// `polls_not_listed` otherwise.
    pub fn push(&mut self, ndjson_line: u64, task: &Task) {
        self.push_within(ndjson_line, task, true);
    }

    /// As [`TaskTimeline::push`], listing a new entry only if `room` (a
    /// caller's own bound, such as the bytes a program keeps): whether a
    /// new entry was listed.
    pub fn push_within(&mut self, ndjson_line: u64, task: &Task, room: bool) -> bool {
        let room = room && self.polls.len() < Self::MAX_POLLS;
        let mut listed = false;
        match self.polls.last_mut() {
            Some(last) if self.polls_not_listed == 0 && last.says_the_same(task) => {
                last.repeats += 1;
                last.last_ndjson_line = ndjson_line;
            }
            _ if room => {
                self.polls.push(Poll::new(ndjson_line, task));
                listed = true;
            }
            _ => self.polls_not_listed += 1,
        }
        self.last_ndjson_line = ndjson_line;
        self.last = TaskSummaryReport::from_task(task);
        listed
    }
}
