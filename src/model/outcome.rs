//! [`Outcome`]: what a task's state and result mean for the user.

use crate::model::detail::{DetailClass, DetailCode};
use crate::model::result::TaskResult;
use crate::model::state::TaskState;
use crate::model::task::Task;
use crate::values::DetailValues;

crate::enums::str_enum! {
    /// The verdict an integration needs, from a task's state and result.
    ///
    /// | `taskState` | outcome |
    /// |---|---|
    /// | `NOT_STARTED` | [`Pending`](Outcome::Pending) |
    /// | `IN_PROGRESS` | [`Running`](Outcome::Running) |
    /// | `CANCELLING` | [`Cancelling`](Outcome::Cancelling) |
    /// | `CANCELLED` | [`Cancelled`](Outcome::Cancelled) |
    /// | `COMPLETE` | from the result, below |
    /// | anything else | [`Unknown`](Outcome::Unknown) |
    ///
    /// A `COMPLETE` task has [`Failed`](Outcome::Failed) when `currentStep` is
    /// `"Failed."` or its result, or the result of any nested process step, has
    /// `successful: false`. Otherwise it
    /// [`SucceededWithWarnings`](Outcome::SucceededWithWarnings) when, in the
    /// result or any nested step:
    /// - a hierarchy detail counts failed rows (`failedCount`) or rows with
    ///   warnings (`warningsRowCount`), or is a `...WithFailures` detail without
    ///   counts;
    /// - a detail is a data error or warning ([`DetailClass::DataError`]);
    /// - a failure dump is available.
    ///
    /// Ignored rows alone are not a warning (the seed response ignores 5 rows and
    /// is a plain success). Otherwise it [`Succeeded`](Outcome::Succeeded),
    /// including a `COMPLETE` task without a result.
    ///
    /// The spelling (`as_str`, `Display`, serde) is the one of the command line:
    /// `pending`, `running`, `succeeded`, `succeeded-with-warnings`, `failed`,
    /// `cancelling`, `cancelled`, `unknown`.
    ///
    /// ```
    /// # use anaplan_task::{Outcome, Task, TaskResult, TaskState};
    /// let mut task = Task::new("1B1D84DDD53847BAA621810B593C3FC1", TaskState::Complete);
    /// task.result = Some(TaskResult::new(false, true));
    /// assert_eq!(task.outcome(), Outcome::Failed);
    /// assert_eq!("succeeded-with-warnings".parse(), Ok(Outcome::SucceededWithWarnings));
    /// assert_eq!(Outcome::SucceededWithWarnings.as_str(), "succeeded-with-warnings");
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum Outcome as "outcome" {
        /// Scheduled, not started.
        Pending = "pending",
        /// Running.
        Running = "running",
        /// Finished without any failed or warning row.
        Succeeded = "succeeded",
        /// Finished and reported successful, but some rows failed or carried
        /// warnings, a data error was reported, or a failure dump exists.
        SucceededWithWarnings = "succeeded-with-warnings",
        /// Finished and failed.
        Failed = "failed",
        /// Being cancelled.
        Cancelling = "cancelling",
        /// Cancelled; the changes were rolled back.
        Cancelled = "cancelled",
        /// A state the crate does not know.
        Unknown = "unknown",
    }
}

impl Outcome {
    /// Whether the task has stopped for good.
    ///
    /// ```
    /// # use anaplan_task::{Outcome, Task, TaskResult, TaskState};
    /// assert!(Outcome::Cancelled.is_final());
    /// assert!(!Outcome::Cancelling.is_final());
    /// ```
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Succeeded | Self::SucceededWithWarnings | Self::Failed | Self::Cancelled
        )
    }
}

impl TaskResult {
    /// Whether this result or a nested step failed (`successful: false`).
    ///
    /// ```
    /// # use anaplan_task::{Outcome, Task, TaskResult, TaskState};
    /// let mut process = TaskResult::new(true, false);
    /// process.nested_results = Some(vec![TaskResult::new(false, false)]);
    /// assert!(process.failed());
    /// ```
    pub fn failed(&self) -> bool {
        !self.successful || self.nested_results().iter().any(TaskResult::failed)
    }

    /// Whether this result or a nested step reports rows that failed or
    /// carried warnings, a data error, or an available failure dump.
    ///
    /// ```
    /// # use anaplan_task::{Outcome, Task, TaskResult, TaskState};
    /// assert!(TaskResult::new(true, true).has_warnings());
    /// assert!(!TaskResult::new(true, false).has_warnings());
    /// ```
    pub fn has_warnings(&self) -> bool {
        self.dump_available()
            || self.details().iter().any(|d| {
                if d.code.class() == DetailClass::DataError {
                    return true;
                }
                match &d.values {
                    Some(DetailValues::HierarchyRowsProcessed(h)) => h.failed_count > 0 || h.warnings_row_count > 0,
                    Some(
                        DetailValues::LineItemRowsProcessed(_)
                        | DetailValues::ExportSucceeded(_)
                        | DetailValues::Raw(_),
                    )
                    | None => matches!(
                        d.code,
                        DetailCode::HierarchyRowsProcessedWithFailures | DetailCode::LineItemRowsProcessedWithFailures
                    ),
                }
            })
            || self.nested_results().iter().any(TaskResult::has_warnings)
    }

    /// The outcome of a finished task with this result.
    ///
    /// ```
    /// # use anaplan_task::{Outcome, Task, TaskResult, TaskState};
    /// assert_eq!(TaskResult::new(true, false).outcome(), Outcome::Succeeded);
    /// assert_eq!(TaskResult::new(true, true).outcome(), Outcome::SucceededWithWarnings);
    /// ```
    pub fn outcome(&self) -> Outcome {
        if self.failed() {
            Outcome::Failed
        } else if self.has_warnings() {
            Outcome::SucceededWithWarnings
        } else {
            Outcome::Succeeded
        }
    }
}

impl Task {
    /// The outcome of the task; see [`Outcome`] for the rule.
    ///
    /// ```
    /// use anaplan_task::{Outcome, TaskResponse};
    /// let json = include_str!("../../tests/fixtures/valid/seed.json");
    /// let response = TaskResponse::from_str(json).unwrap();
    /// assert_eq!(response.task.outcome(), Outcome::Succeeded);
    /// ```
    ///
    /// ```
    /// # use anaplan_task::{Outcome, Task, TaskResult, TaskState};
    /// assert_eq!(Task::new("1B1D84DDD53847BAA621810B593C3FC1", TaskState::InProgress).outcome(), Outcome::Running);
    /// ```
    pub fn outcome(&self) -> Outcome {
        match &self.task_state {
            TaskState::NotStarted => Outcome::Pending,
            TaskState::InProgress => Outcome::Running,
            TaskState::Cancelling => Outcome::Cancelling,
            TaskState::Cancelled => Outcome::Cancelled,
            TaskState::Complete if self.step_failed() => Outcome::Failed,
            TaskState::Complete => self.result.as_ref().map_or(Outcome::Succeeded, TaskResult::outcome),
            TaskState::Other(_) => Outcome::Unknown,
        }
    }
}
