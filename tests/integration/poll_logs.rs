//! Poll logs whose lines come out of order (a stale response replayed, a
//! cache, two pollers writing one log): a task that ended (`COMPLETE` or
//! `CANCELLED`) stays there. A later line that says otherwise is said, and
//! the gate judges where the task ended, the worse ending when two
//! disagree, so that a stale line cannot open it.

use anaplan_task::summary::TaskTimeline;
use anaplan_task::{Outcome, Task, TaskResult, TaskState};

const TASK: &str = "1B1D84DDD53847BAA621810B593C3FC1";

/// A status line of the task: running, or complete and successful or not.
#[cfg(feature = "cli")]
fn status(state: &str, successful: bool) -> String {
    let result = if state == "COMPLETE" {
        format!(
            r#","result":{{"successful":{successful},"failureDumpAvailable":false,"objectId":"112000000009","details":[{{"type":"x","localMessageText":"Rows rejected."}}]}}"#
        )
    } else {
        String::new()
    };
    let envelope = r#""meta":{"schema":"https://api.anaplan.com/2/0/models/F1111111C11111111B11111F1111E11F/objects/task"},"status":{"code":200,"message":"Success"}"#;
    format!(
        r#"{{{envelope},"task":{{"taskId":"{TASK}","taskState":"{state}","progress":1,"currentStep":"{state}"{result}}}}}"#
    )
}

fn task(state: TaskState, successful: Option<bool>) -> Task {
    let mut task = Task::new(TASK, state);
    task.result = successful.map(|s| TaskResult::new(s, false));
    task
}

#[test]
fn a_task_that_ended_is_judged_by_its_end() {
    let mut t = TaskTimeline::new(1, &task(TaskState::Complete, Some(false)));
    let stale = task(TaskState::InProgress, None);
    assert_eq!(
        t.leaves_end(&stale).map(|end| (end.ndjson_line, end.outcome)),
        Some((1, Outcome::Failed))
    );
    t.push(2, &stale);
    assert_eq!(
        (t.last.outcome, t.outcome(), t.outcome_line()),
        (Some(Outcome::Running), Outcome::Failed, 1)
    );
    // Succeeded after failed, or failed after succeeded: the worse.
    let succeeded = task(TaskState::Complete, Some(true));
    assert!(t.leaves_end(&succeeded).is_some());
    t.push(3, &succeeded);
    assert_eq!((t.outcome(), t.outcome_line()), (Outcome::Failed, 1));
    let mut t = TaskTimeline::new(1, &succeeded);
    t.push(2, &task(TaskState::Cancelled, None));
    assert_eq!((t.outcome(), t.outcome_line()), (Outcome::Cancelled, 2));
    // The same ending again, or a task still running, is no change.
    assert!(t.leaves_end(&task(TaskState::Cancelled, None)).is_none());
    let mut running = TaskTimeline::new(1, &stale);
    assert!(running.leaves_end(&task(TaskState::NotStarted, None)).is_none());
    running.push(2, &task(TaskState::NotStarted, None));
    assert_eq!(
        (running.outcome(), running.outcome_line(), running.end.is_none()),
        (Outcome::Pending, 2, true)
    );
    // Written and read back, the end is kept; JSON written before it reads.
    let json = serde_json::to_string(&t).unwrap();
    assert_eq!(serde_json::from_str::<TaskTimeline>(&json).unwrap(), t);
    let mut old: serde_json::Value = serde_json::from_str(&json).unwrap();
    old.as_object_mut().unwrap().remove("end");
    assert!(serde_json::from_value::<TaskTimeline>(old).unwrap().end.is_none());
}

#[cfg(feature = "cli")]
mod command {
    use super::*;
    use crate::cli::run;

    /// The text report and exit status of `summarize --fail-on failed` on
    /// these lines.
    fn summarize(lines: &[String]) -> (i32, String, String) {
        let log = lines.join("\n") + "\n";
        run(&["summarize", "--fail-on", "failed", "-"], Some(log.as_bytes()))
    }

    #[test]
    fn a_stale_line_after_the_end_is_said_and_cannot_open_the_gate() {
        let (code, stdout, stderr) = summarize(&[status("COMPLETE", false), status("IN_PROGRESS", true)]);
        assert_eq!((code, stderr.as_str()), (3, ""));
        assert_eq!(
            stdout,
            format!(
                "task         {TASK}\n\
                 \x20   line  state        progress  step\n\
                 \x20      1  COMPLETE            1  COMPLETE\n\
                 \x20      2  IN_PROGRESS         1  IN_PROGRESS\n\
                 outcome      failed (line 1)\n\
                 \n\
                 findings\n\
                 \x20 2: warning[terminal-state-changed] .: task {TASK} ended COMPLETE (failed) at line 1, but this line says IN_PROGRESS (running); judged failed\n"
            )
        );
    }

    #[test]
    fn two_endings_are_judged_by_the_worse() {
        for (first, second, end_line) in [(false, true, 1), (true, false, 2)] {
            let (code, stdout, _) = summarize(&[status("COMPLETE", first), status("COMPLETE", second)]);
            assert_eq!(code, 3, "{stdout}");
            assert!(
                stdout.contains(&format!("\noutcome      failed (line {end_line})\n")),
                "{stdout}"
            );
            let (a, b) = if first {
                ("succeeded", "failed")
            } else {
                ("failed", "succeeded")
            };
            assert!(
                stdout.ends_with(&format!(
                    "  2: warning[terminal-state-changed] .: task {TASK} ended COMPLETE ({a}) at line 1, but this line says COMPLETE ({b}); judged failed\n"
                )),
                "{stdout}"
            );
        }
        // With --format json, the finding on stderr and the end in the line.
        let log = format!("{}\n{}\n", status("COMPLETE", false), status("COMPLETE", true));
        let (code, stdout, stderr) = run(
            &["summarize", "--format", "json", "--fail-on", "failed", "-"],
            Some(log.as_bytes()),
        );
        assert_eq!(code, 3);
        let t: TaskTimeline = serde_json::from_str(stdout.trim_end()).unwrap();
        assert_eq!(
            (t.last.outcome, t.outcome()),
            (Some(Outcome::Succeeded), Outcome::Failed)
        );
        assert_eq!(
            stderr,
            format!(
                "<stdin>:2: warning[terminal-state-changed] .: task {TASK} ended COMPLETE (failed) at line 1, but this line says COMPLETE (succeeded); judged failed\n"
            )
        );
    }

    #[test]
    fn a_log_in_order_says_nothing_more() {
        let (code, stdout, _) = summarize(&[
            status("IN_PROGRESS", true),
            status("COMPLETE", true),
            status("COMPLETE", true),
        ]);
        assert_eq!(code, 0);
        assert!(!stdout.contains("findings"), "{stdout}");
        assert!(stdout.ends_with("outcome      succeeded (line 3)\n"), "{stdout}");
    }
}
