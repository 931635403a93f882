//! [`TaskState`]: the `taskState` of a task.

crate::read::wire_enum! {
    /// The state of a task (`taskState`), with the descriptions of the API's
    /// documentation.
    ///
    /// There is no `FAILED` state: a failed task is `COMPLETE` with
    /// `result.successful: false` (see [`Outcome`](crate::Outcome)). A state
    /// this crate does not know is kept in [`TaskState::Other`], not rejected.
    ///
    /// ```
    /// use anaplan_task::TaskState;
    /// let state: TaskState = "COMPLETE".parse().unwrap();
    /// assert_eq!(state, TaskState::Complete);
    /// assert!(state.is_terminal());
    /// let odd: TaskState = "SUSPENDED".parse().unwrap();
    /// assert_eq!(odd.to_string(), "SUSPENDED");
    /// assert!(!odd.is_known());
    /// ```
    pub enum TaskState expecting "a task state", schema "The state of the task. There is no FAILED state: a failed task is COMPLETE with `result.successful: false`. A state not listed is kept as sent." {
        NotStarted = "NOT_STARTED" => "The task is scheduled to run, but has not started yet.",
        InProgress = "IN_PROGRESS" => "The task is currently running.",
        Complete = "COMPLETE" => "The task has finished running whether successful or not.",
        Cancelling = "CANCELLING" => "The task is currently being canceled. Cancellation is not yet complete.",
        Cancelled = "CANCELLED" => "The task has been canceled and the changes have been rolled back.",
    }
}

impl TaskState {
    /// Whether the task has stopped for good: `COMPLETE` or `CANCELLED`.
    /// Unknown states are not terminal: a client keeps asking.
    pub fn is_terminal(&self) -> bool {
        matches!(self, Self::Complete | Self::Cancelled)
    }
}
