//! [`TaskTimeline`]: the history of one task in a poll log, each change of
//! its state as a [`Poll`], and where it ended ([`TaskEnd`]).

use serde::{Deserialize, Serialize};

use super::TaskSummaryReport;
use crate::{Outcome, Progress, Task};

/// One task in a poll log: each change of its state, then the last
/// response's summary, and where the task ended.
///
/// Its size is bounded whatever the log: consecutive polls that say the
/// same (state, progress, step and outcome) are one [`Poll`] with a count,
/// and at most [`TaskTimeline::MAX_POLLS`] are listed; the polls after
/// those are counted in `polls_not_listed` and still make `last`.
///
/// ```
/// use anaplan_task::summary::TaskTimeline;
/// use anaplan_task::Document;
/// let log = include_str!("../../examples/responses/poll-log.ndjson");
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// Where the task ended (`COMPLETE` or `CANCELLED`): the last poll
    /// that said so; `None` while it runs. A task that ended stays there:
    /// a later poll that says otherwise is stale, and when two polls say it
    /// ended differently, the worse ending is kept ([`TaskTimeline::outcome`]).
    #[serde(default)]
    pub end: Option<TaskEnd>,
}

/// Where a task ended: the last poll that said so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TaskEnd {
    /// The line of the log (1-based).
    pub ndjson_line: u64,
    /// `taskState` as sent: `COMPLETE` or `CANCELLED`.
    pub state: String,
    /// Its outcome: `succeeded`, `succeeded-with-warnings`, `failed` or
    /// `cancelled`.
    pub outcome: Outcome,
}

impl TaskEnd {
    /// How bad an ending is: a failure, then a cancel, then warnings.
    fn badness(&self) -> u8 {
        match self.outcome {
            Outcome::Failed => 3,
            Outcome::Cancelled => 2,
            Outcome::SucceededWithWarnings => 1,
            _ => 0,
        }
    }
}

/// One response of a poll log, and the responses in a row after it that
/// say the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
        let mut timeline = Self {
            task_id: task.task_id.to_string(),
            polls: vec![Poll::new(ndjson_line, task)],
            polls_not_listed: 0,
            last_ndjson_line: ndjson_line,
            last: TaskSummaryReport::from_task(task),
            end: None,
        };
        timeline.note_end(ndjson_line, task);
        timeline
    }

    /// The outcome to judge the task by: where it ended (the worse ending
    /// when two polls disagree), or the last poll's while it has not ended.
    ///
    /// ```
    /// use anaplan_task::summary::TaskTimeline;
    /// use anaplan_task::{Outcome, Task, TaskResult, TaskState};
    /// let mut failed = Task::new("1B1D84DDD53847BAA621810B593C3FC1", TaskState::Complete);
    /// failed.result = Some(TaskResult::new(false, false));
    /// let mut timeline = TaskTimeline::new(1, &failed);
    /// // A stale line after the end: judged by the end, and told.
    /// let stale = Task::new("1B1D84DDD53847BAA621810B593C3FC1", TaskState::InProgress);
    /// assert_eq!(timeline.leaves_end(&stale).map(|end| end.ndjson_line), Some(1));
    /// timeline.push(2, &stale);
    /// assert_eq!(timeline.last.outcome, Some(Outcome::Running));
    /// assert_eq!((timeline.outcome(), timeline.outcome_line()), (Outcome::Failed, 1));
    /// ```
    pub fn outcome(&self) -> Outcome {
        match &self.end {
            Some(end) => end.outcome,
            None => self.last.outcome.unwrap_or(Outcome::Unknown),
        }
    }

    /// The line of the poll that [`TaskTimeline::outcome`] comes from.
    pub fn outcome_line(&self) -> u64 {
        self.end.as_ref().map_or(self.last_ndjson_line, |end| end.ndjson_line)
    }

    /// The ending this timeline reached that `task`, a later poll, says
    /// otherwise of (another state, or another outcome), if it does: a
    /// task that ended does not change.
    pub fn leaves_end(&self, task: &Task) -> Option<&TaskEnd> {
        self.end.as_ref().filter(|end| task.outcome() != end.outcome)
    }

    /// Notes where the task ended, if this poll says it did: its first
    /// ending, the same again (its line is then this poll's), or a worse
    /// one.
    fn note_end(&mut self, ndjson_line: u64, task: &Task) {
        let outcome = task.outcome();
        if !outcome.is_final() {
            return;
        }
        let end = TaskEnd {
            ndjson_line,
            state: task.task_state.as_str().to_owned(),
            outcome,
        };
        if self
            .end
            .as_ref()
            .is_none_or(|now| now.outcome == outcome || end.badness() > now.badness())
        {
            self.end = Some(end);
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
        self.note_end(ndjson_line, task);
        listed
    }
}
