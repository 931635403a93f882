//! The checks of a task: its id (`malformed-task-id`), its state
//! (`unknown-state`), its progress (`progress-out-of-range`,
//! `progress-incomplete`, told from the number's text), and how its state and
//! step agree with its result (`complete-without-result`,
//! `result-before-start`, `failed-step-successful`,
//! `unexplained-failure`).

use super::{At, Checker};
use crate::text::snippet;
use crate::validate::Code;
use crate::{Task, TaskId, TaskResult, TaskState, TaskSummary};

impl Checker<'_> {
    /// A task as a start call or a list gives it: its id and state.
    pub(super) fn summary(&mut self, t: &TaskSummary, at: &At<'_>) {
        self.task_id(&t.task_id, at);
        if let Some(s) = &t.task_state {
            self.state(s, at);
        }
        self.extra(&t.extra, at);
    }

    /// A task as a status call gives it, with its result.
    pub(super) fn task(&mut self, t: &Task, at: &At<'_>) {
        self.task_id(&t.task_id, at);
        self.state(&t.task_state, at);
        self.progress(t, at);
        match (&t.task_state, &t.result) {
            (TaskState::Complete, None) => self.push(
                Code::CompleteWithoutResult,
                at,
                "the task is COMPLETE but has no result".into(),
            ),
            (TaskState::NotStarted | TaskState::InProgress, Some(_)) => self.push(
                Code::ResultBeforeStart,
                &at.key("result"),
                format!("the task is {} but has a result", t.task_state),
            ),
            _ => {}
        }
        if t.task_state == TaskState::Complete && t.progress.as_ref().is_some_and(|p| p.is_in_range() && !p.is_one()) {
            let shown = t.progress.as_ref().map(|p| snippet(p.as_str())).unwrap_or_default();
            self.push(
                Code::ProgressIncomplete,
                &at.key("progress"),
                format!("the task is COMPLETE but progress is {shown}"),
            );
        }
        if let Some(result) = &t.result {
            self.task_result(t, result, at);
        }
        self.extra(&t.extra, at);
    }

    fn task_id(&mut self, id: &TaskId, at: &At<'_>) {
        if !id.is_well_formed() {
            self.push(
                Code::MalformedTaskId,
                &at.key("taskId"),
                format!(
                    "task id `{}` is not 32 upper-case hexadecimal characters",
                    snippet(id.as_str())
                ),
            );
        }
    }

    fn state(&mut self, state: &TaskState, at: &At<'_>) {
        if !state.is_known() {
            self.push(
                Code::UnknownState,
                &at.key("taskState"),
                format!("unknown task state `{}`", snippet(state.as_str())),
            );
        }
    }

    /// Whether the progress is within 0 to 1.
    fn progress(&mut self, t: &Task, at: &At<'_>) {
        let Some(progress) = &t.progress else {
            return;
        };
        if !progress.is_in_range() {
            let shown = snippet(progress.as_str());
            self.push(
                Code::ProgressOutOfRange,
                &at.key("progress"),
                format!("progress is {shown}, expected a number from 0 to 1"),
            );
        }
    }

    /// The result of a task, and whether it agrees with the task's step
    /// and explains a failure.
    fn task_result(&mut self, t: &Task, result: &TaskResult, at: &At<'_>) {
        if t.step_failed() && result.successful {
            self.push(
                Code::FailedStepSuccessful,
                &at.key("currentStep"),
                "currentStep is \"Failed.\" but the result says successful".into(),
            );
        }
        self.result(result, true, &at.key("result"));
        if t.task_state == TaskState::Complete
            && (t.step_failed() || result.failed())
            && !super::result::explains_failure(result)
        {
            let steps = if result.nested_results().is_empty() {
                ""
            } else {
                "no step failed, "
            };
            self.push(
                Code::UnexplainedFailure,
                &at.key("result").key("successful"),
                format!(
                    "the task failed, but nothing in the response explains it: {steps}no detail reports a failure or rejected rows, and no failure dump is available"
                ),
            );
        }
    }
}
