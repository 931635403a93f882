//! A polling policy that follows the API's guidance, without I/O.
//!
//! The API asks clients to check the status of a task no more than once
//! every 5 seconds, and at longer intervals for long-running imports.
//! [`PollPolicy::decide`] takes the time since the task started and the
//! last task seen, and says how long to wait before asking again, or that
//! the task is finished (with its [`Outcome`]), or that the deadline has
//! passed. It is a pure function: the caller sleeps and sends requests.
//!
//! ```
//! use std::time::Duration;
//! use anaplan_task::poll::{Decision, PollPolicy};
//! use anaplan_task::{Outcome, Task, TaskState};
//!
//! let policy = PollPolicy::default();
//! let running = Task::new("1B1D84DDD53847BAA621810B593C3FC1", TaskState::InProgress);
//! assert_eq!(policy.decide(Duration::ZERO, &running), Decision::Wait(Duration::from_secs(5)));
//! // After 10 minutes, every minute.
//! assert_eq!(policy.decide(Duration::from_secs(600), &running), Decision::Wait(Duration::from_secs(60)));
//! let done = Task::new("1B1D84DDD53847BAA621810B593C3FC1", TaskState::Complete);
//! assert_eq!(policy.decide(Duration::from_secs(30), &done), Decision::Finished(Outcome::Succeeded));
//! ```

use std::time::Duration;

use crate::{Outcome, Task, TaskState};

/// The shortest interval the API allows between two status requests.
pub const MIN_INTERVAL: Duration = Duration::from_secs(5);

/// When to ask for a task's status.
///
/// The interval is a tenth of the time since the task started
/// ([`PollPolicy::growth`]), never less than 5 seconds and never more than
/// [`PollPolicy::max_interval`]; it never shrinks as the task runs on.
///
/// ```
/// # use std::time::Duration;
/// # use anaplan_task::poll::{Decision, PollPolicy};
/// # use anaplan_task::{Outcome, Task, TaskState};
/// let policy = PollPolicy::default().with_max_interval(Duration::from_secs(30));
/// assert_eq!(policy.interval(Duration::from_secs(3600)), Duration::from_secs(30));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct PollPolicy {
    /// The shortest wait; raised to 5 seconds if set lower.
    pub min_interval: Duration,
    /// The longest wait (default 60 seconds); never below the shortest.
    pub max_interval: Duration,
    /// The wait as a share of the time since the task started (default 0.1).
    pub growth: f64,
    /// Stop asking once this much time has passed since the start.
    pub deadline: Option<Duration>,
}

impl Default for PollPolicy {
    fn default() -> Self {
        Self {
            min_interval: MIN_INTERVAL,
            max_interval: Duration::from_secs(60),
            growth: 0.1,
            deadline: None,
        }
    }
}

/// What a client does next.
///
/// Not `#[non_exhaustive]`: a poll loop matches every variant, and there is
/// nothing else a client can do with a task than wait, stop with its
/// outcome, or give up. A new variant would be a breaking change, made in a
/// new major version.
///
/// ```
/// use std::time::Duration;
/// use anaplan_task::poll::{Decision, PollPolicy};
/// use anaplan_task::{Task, TaskState};
///
/// let policy = PollPolicy::default().with_deadline(Duration::from_secs(3600));
/// let task = Task::new("1B1D84DDD53847BAA621810B593C3FC1", TaskState::InProgress);
/// let next = match policy.decide(Duration::from_secs(30), &task) {
///     Decision::Wait(wait) => format!("ask again in {wait:?}"),
///     Decision::Finished(outcome) => format!("done: {outcome}"),
///     Decision::DeadlineExceeded => "gave up".to_owned(),
/// };
/// assert_eq!(next, "ask again in 5s");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Wait this long, then ask for the status again.
    Wait(Duration),
    /// The task has stopped for good (`COMPLETE` or `CANCELLED`).
    Finished(Outcome),
    /// The deadline has passed and the task is still not finished.
    DeadlineExceeded,
}

impl PollPolicy {
    /// A policy that gives up after `deadline`.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use anaplan_task::poll::{Decision, PollPolicy};
    /// # use anaplan_task::{Outcome, Task, TaskState};
    /// let policy = PollPolicy::default().with_deadline(Duration::from_secs(60));
    /// assert_eq!(policy.decide_state(Duration::from_secs(60), &TaskState::InProgress), Decision::DeadlineExceeded);
    /// ```
    pub fn with_deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// A policy whose interval grows up to `cap`.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use anaplan_task::poll::{Decision, PollPolicy};
    /// # use anaplan_task::{Outcome, Task, TaskState};
    /// let policy = PollPolicy::default().with_max_interval(Duration::from_secs(1));
    /// // Never below the 5 seconds the API asks for.
    /// assert_eq!(policy.interval(Duration::from_secs(600)), Duration::from_secs(5));
    /// ```
    pub fn with_max_interval(mut self, cap: Duration) -> Self {
        self.max_interval = cap;
        self
    }

    /// The wait before the next request, `elapsed` after the task started.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use anaplan_task::poll::{Decision, PollPolicy};
    /// # use anaplan_task::{Outcome, Task, TaskState};
    /// let policy = PollPolicy::default();
    /// assert_eq!(policy.interval(Duration::from_secs(10)), Duration::from_secs(5));
    /// assert_eq!(policy.interval(Duration::from_secs(150)), Duration::from_secs(15));
    /// assert_eq!(policy.interval(Duration::from_secs(7200)), Duration::from_secs(60));
    /// ```
    pub fn interval(&self, elapsed: Duration) -> Duration {
        let floor = self.min_interval.max(MIN_INTERVAL);
        let cap = self.max_interval.max(floor);
        let growth = if self.growth.is_finite() && self.growth > 0.0 {
            self.growth
        } else {
            0.0
        };
        let grown = Duration::try_from_secs_f64(elapsed.as_secs_f64() * growth).unwrap_or(cap);
        grown.clamp(floor, cap)
    }

    /// What to do after seeing `task`, `elapsed` after it started.
    ///
    /// `COMPLETE` and `CANCELLED` finish; every other state, `CANCELLING`
    /// and unknown states included, keeps asking until the deadline.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use anaplan_task::poll::{Decision, PollPolicy};
    /// # use anaplan_task::{Outcome, Task, TaskState};
    /// let cancelled = Task::new("1B1D84DDD53847BAA621810B593C3FC1", TaskState::Cancelled);
    /// assert_eq!(PollPolicy::default().decide(Duration::ZERO, &cancelled), Decision::Finished(Outcome::Cancelled));
    /// ```
    pub fn decide(&self, elapsed: Duration, task: &Task) -> Decision {
        if task.task_state.is_terminal() {
            return Decision::Finished(task.outcome());
        }
        self.decide_state(elapsed, &task.task_state)
    }

    /// Like [`PollPolicy::decide`], from the state alone: a terminal state
    /// finishes with the outcome the state gives without a result
    /// (`Succeeded` for `COMPLETE`).
    ///
    /// With a deadline, no wait runs past it: a wait is at most the time
    /// left (even below the 5-second floor), so that the last request is
    /// made at the deadline, and once no time is left the decision is
    /// [`Decision::DeadlineExceeded`].
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use anaplan_task::poll::{Decision, PollPolicy};
    /// # use anaplan_task::TaskState;
    /// let policy = PollPolicy::default().with_deadline(Duration::from_secs(120));
    /// // At 118 s the interval would be 11.8 s; 2 s are left.
    /// let running = TaskState::InProgress;
    /// assert_eq!(policy.decide_state(Duration::from_secs(118), &running), Decision::Wait(Duration::from_secs(2)));
    /// assert_eq!(policy.decide_state(Duration::from_secs(120), &running), Decision::DeadlineExceeded);
    /// ```
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use anaplan_task::poll::{Decision, PollPolicy};
    /// # use anaplan_task::{Outcome, Task, TaskState};
    /// let policy = PollPolicy::default();
    /// assert_eq!(policy.decide_state(Duration::ZERO, &TaskState::Complete), Decision::Finished(Outcome::Succeeded));
    /// assert_eq!(policy.decide_state(Duration::ZERO, &TaskState::Cancelling), Decision::Wait(Duration::from_secs(5)));
    /// ```
    pub fn decide_state(&self, elapsed: Duration, state: &TaskState) -> Decision {
        if state.is_terminal() {
            return Decision::Finished(Task::new("", state.clone()).outcome());
        }
        let wait = self.interval(elapsed);
        match self.deadline {
            Some(deadline) if elapsed >= deadline => Decision::DeadlineExceeded,
            Some(deadline) => Decision::Wait(wait.min(deadline - elapsed)),
            None => Decision::Wait(wait),
        }
    }
}
