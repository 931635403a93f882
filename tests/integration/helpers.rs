//! The integration helpers: endpoint paths, the polling policy, the failure
//! dump reader.

use std::time::Duration;

#[cfg(feature = "dump")]
use anaplan_task::dump::{DumpReader, DumpSummary};
use anaplan_task::endpoint::{BASE_URL, CallKind, DumpPart, PathError, Resource, TaskPath};
use anaplan_task::poll::{Decision, PollPolicy};
use anaplan_task::{ObjectId, Outcome, Task, TaskId, TaskState};
use proptest::prelude::*;

const WS: &str = "8a81b09d5e8c6f27015ece3402487d33";
const MODEL: &str = "F1111111C11111111B11111F1111E11F";
const TASK: &str = "1B1D84DDD53847BAA621810B593C3FC1";

fn import() -> TaskPath {
    TaskPath::tasks(WS, MODEL, CallKind::Import, ObjectId::new("112000000009")).unwrap()
}

#[test]
fn endpoint_paths_of_every_call() {
    let base = format!("/workspaces/{WS}/models/{MODEL}");
    let tasks = import();
    assert_eq!(tasks.to_string(), format!("{base}/imports/112000000009/tasks"));
    let task = tasks.task(TaskId::new(TASK)).unwrap();
    assert_eq!(task.to_string(), format!("{base}/imports/112000000009/tasks/{TASK}"));
    assert_eq!(
        task.url(BASE_URL),
        format!("https://api.anaplan.com/2/0{base}/imports/112000000009/tasks/{TASK}")
    );
    let dumps = [
        (DumpPart::All, "/dump"),
        (DumpPart::List, "/dump/chunks"),
        (DumpPart::Number(3), "/dump/chunks/3"),
    ];
    for (chunk, tail) in dumps {
        let p = tasks.dump(TaskId::new(TASK), chunk).unwrap();
        assert_eq!(p.to_string(), format!("{base}/imports/112000000009/tasks/{TASK}{tail}"));
    }
    let process = TaskPath::tasks(WS, MODEL, CallKind::Process, ObjectId::new("118000000001")).unwrap();
    let step = process
        .process_dump(TaskId::new(TASK), ObjectId::new("112000000011"), DumpPart::Number(0))
        .unwrap();
    assert_eq!(
        step.to_string(),
        format!("{base}/processes/118000000001/tasks/{TASK}/dumps/112000000011/chunks/0")
    );
    assert_eq!(step.task_id(), Some(&TaskId::new(TASK)));
}

#[test]
fn endpoint_parsing_accepts_paths_and_urls() {
    let task = import().task(TaskId::new(TASK)).unwrap();
    let path = task.to_string();
    for text in [
        path.clone(),
        format!("/2/0{path}"),
        format!("https://api.anaplan.com/2/0{path}"),
        format!("https://api.anaplan.com//2/0{path}?includeProcessDetails=true"),
        path.trim_start_matches('/').to_owned(),
    ] {
        assert_eq!(text.parse::<TaskPath>().unwrap(), task, "{text}");
    }
}

#[test]
fn endpoint_asks_for_process_details() {
    let process = TaskPath::tasks(WS, MODEL, CallKind::Process, "118000000001").unwrap();
    let plain = process.task(TASK).unwrap();
    let status = plain.with_process_details().unwrap();
    assert!(status.include_process_details);
    let path = format!("/workspaces/{WS}/models/{MODEL}/processes/118000000001/tasks/{TASK}");
    assert_eq!(status.to_string(), format!("{path}?includeProcessDetails=true"));
    assert_eq!(
        status.url(BASE_URL),
        format!("https://api.anaplan.com/2/0{path}?includeProcessDetails=true")
    );
    for text in [
        format!("{path}?includeProcessDetails=true"),
        format!("{path}?x=1&includeProcessDetails=true#top"),
    ] {
        assert_eq!(text.parse::<TaskPath>().unwrap(), status, "{text}");
    }
    for text in [
        path.clone(),
        format!("{path}?includeProcessDetails=false"),
        format!("{path}#includeProcessDetails=true"),
    ] {
        assert_eq!(text.parse::<TaskPath>().unwrap(), plain, "{text}");
    }
    // Written as JSON, the query is kept.
    let json = serde_json::to_string(&status).unwrap();
    assert_eq!(serde_json::from_str::<TaskPath>(&json).unwrap(), status);
    // Only a process task's status has details.
    let dump = process.process_dump(TASK, "112000000011", DumpPart::All).unwrap();
    for other in [process.clone(), dump, import().task(TASK).unwrap()] {
        assert_eq!(
            other.with_process_details().unwrap_err().to_string(),
            "process details are only for the status of a process task"
        );
    }
    // A step's path does not inherit the parameter.
    assert!(
        !status
            .process_dump(TASK, "112000000011", DumpPart::List)
            .unwrap()
            .include_process_details
    );
}

#[test]
fn endpoint_errors_are_clear() {
    let cases: Vec<(Result<TaskPath, PathError>, &str)> = vec![
        (
            TaskPath::tasks("abc", MODEL, CallKind::Import, ObjectId::new("112000000009")),
            "workspace id `abc` is not 32 hexadecimal characters",
        ),
        (
            TaskPath::tasks(WS, MODEL, CallKind::Export, ObjectId::new("112000000009")),
            "object id `112000000009` is of an import, but the path is for exports",
        ),
        (
            TaskPath::tasks(WS, MODEL, CallKind::Import, ObjectId::new("1120")),
            "object id `1120` is not 12 decimal digits",
        ),
        (
            import().task(TaskId::new("1b1d84ddd53847baa621810b593c3fc1")),
            "task id `1b1d84ddd53847baa621810b593c3fc1` is not 32 upper-case hexadecimal characters",
        ),
        (
            import().process_dump(TaskId::new(TASK), ObjectId::new("112000000011"), DumpPart::All),
            "a step's dump is only for processes",
        ),
        (
            format!("/workspaces/{WS}/models/{MODEL}/imports/112000000009/tasks/{TASK}/dump/chunks/x").parse(),
            "chunk `x` is not a chunk number",
        ),
        (
            format!("/workspaces/{WS}/models/{MODEL}/lists/101000000001/tasks").parse(),
            "not a task endpoint path: unknown call kind `lists`: expected import, export, action or process",
        ),
        (
            "/workspaces/x/models".parse(),
            "not a task endpoint path: expected /workspaces/{id}/models/{id}/{kind}/{id}/tasks in `/workspaces/x/models`",
        ),
        (
            format!("/workspaces/{WS}/models/{MODEL}/imports/112000000009/tasks/{TASK}/other").parse(),
            "not a task endpoint path: unexpected segments after the task id in `/workspaces/8a81b09d5e8c6f27015ece3402487d33/models/F1111111C111…`",
        ),
    ];
    for (result, expected) in cases {
        assert_eq!(result.unwrap_err().to_string(), expected);
    }
}

pub(crate) fn task_path() -> impl Strategy<Value = TaskPath> {
    let kind = proptest::sample::select(CallKind::ALL.to_vec());
    (
        kind,
        "[0-9a-f]{32}",
        "[0-9A-F]{32}",
        "[0-9]{9}",
        "[0-9A-F]{32}",
        "[0-9]{12}",
        0u8..4,
        any::<u32>(),
    )
        .prop_map(|(kind, ws, model, digits, task, object, which, n)| {
            let prefix = kind.object_kind().prefix().unwrap();
            let base = TaskPath::tasks(ws, model, kind, ObjectId::new(format!("{prefix}{digits}"))).unwrap();
            let chunk = [DumpPart::All, DumpPart::List, DumpPart::Number(n)][(n % 3) as usize];
            match (which, kind) {
                (0, _) => base,
                (1, CallKind::Process) if n % 2 == 0 => {
                    base.task(TaskId::new(task)).unwrap().with_process_details().unwrap()
                }
                (1, _) => base.task(TaskId::new(task)).unwrap(),
                (_, CallKind::Import) => base.dump(TaskId::new(task), chunk).unwrap(),
                (_, CallKind::Process) => base
                    .process_dump(TaskId::new(task), ObjectId::new(object), chunk)
                    .unwrap(),
                _ => base.task(TaskId::new(task)).unwrap(),
            }
        })
}

proptest! {
    #[test]
    fn endpoint_paths_round_trip(p in task_path()) {
        prop_assert_eq!(p.to_string().parse::<TaskPath>().unwrap(), p.clone());
        prop_assert_eq!(p.url(BASE_URL).parse::<TaskPath>().unwrap(), p.clone());
        let is_tasks = matches!(p.resource, Resource::Tasks);
        prop_assert_eq!(p.task_id().is_none(), is_tasks);
    }

    #[test]
    fn endpoint_parsing_never_panics(s in "(/[a-z0-9A-F]{0,40}){0,12}", junk in any::<String>()) {
        let _ = s.parse::<TaskPath>();
        let _ = junk.parse::<TaskPath>();
    }

    /// No interval below 5 seconds, whatever the settings.
    #[test]
    fn poll_never_sooner_than_five_seconds(
        min in 0u64..20, max in 0u64..600, growth in -1.0f64..10.0, elapsed in 0u64..1_000_000,
    ) {
        let mut policy = PollPolicy::default();
        policy.min_interval = Duration::from_secs(min);
        policy.max_interval = Duration::from_secs(max);
        policy.growth = growth;
        let running = Task::new(TASK, TaskState::InProgress);
        match policy.decide(Duration::from_secs(elapsed), &running) {
            Decision::Wait(d) => prop_assert!(d >= Duration::from_secs(5), "{d:?}"),
            other => prop_assert!(false, "{other:?}"),
        }
    }

    /// Intervals never shrink as the task runs on, and respect the cap.
    #[test]
    fn poll_intervals_never_shrink(a in 0u64..100_000_000, b in 0u64..100_000_000, cap in 5u64..3600) {
        let policy = PollPolicy::default().with_max_interval(Duration::from_secs(cap));
        let (early, late) = (a.min(b), a.max(b));
        let (i, j) = (policy.interval(Duration::from_millis(early)), policy.interval(Duration::from_millis(late)));
        prop_assert!(i <= j, "{i:?} > {j:?}");
        prop_assert!(j <= Duration::from_secs(cap));
    }

    /// A terminal state always stops, deadline or not; others never do.
    #[test]
    fn poll_terminal_states_stop(state in prop_oneof![
        Just(TaskState::NotStarted), Just(TaskState::InProgress), Just(TaskState::Complete),
        Just(TaskState::Cancelling), Just(TaskState::Cancelled), "[A-Z_]{1,12}".prop_map(|s| TaskState::from_wire(&s)),
    ], elapsed in 0u64..100_000, deadline in proptest::option::of(0u64..100_000)) {
        let mut policy = PollPolicy::default();
        policy.deadline = deadline.map(Duration::from_secs);
        let decision = policy.decide(Duration::from_secs(elapsed), &Task::new(TASK, state.clone()));
        if state.is_terminal() {
            prop_assert!(matches!(decision, Decision::Finished(_)), "{decision:?}");
        } else if deadline.is_some_and(|d| elapsed >= d) {
            prop_assert_eq!(decision, Decision::DeadlineExceeded);
        } else {
            prop_assert!(matches!(decision, Decision::Wait(_)), "{decision:?}");
        }
    }
}

#[test]
fn poll_follows_the_guidance() {
    let policy = PollPolicy::default();
    let at = |s: u64| policy.interval(Duration::from_secs(s)).as_secs();
    assert_eq!(
        [at(0), at(30), at(50), at(120), at(600), at(86_400)],
        [5, 5, 5, 12, 60, 60]
    );
    let cancelling = Task::new(TASK, TaskState::Cancelling);
    assert_eq!(
        policy.decide(Duration::from_secs(7), &cancelling),
        Decision::Wait(Duration::from_secs(5))
    );
    let cancelled = Task::new(TASK, TaskState::Cancelled);
    assert_eq!(
        policy.decide(Duration::ZERO, &cancelled),
        Decision::Finished(Outcome::Cancelled)
    );
    let mut failed = Task::new(TASK, TaskState::Complete);
    failed.current_step = Some("Failed.".into());
    assert_eq!(
        policy.decide(Duration::ZERO, &failed),
        Decision::Finished(Outcome::Failed)
    );
    let deadline = PollPolicy::default().with_deadline(Duration::from_secs(60));
    let running = Task::new(TASK, TaskState::InProgress);
    assert_eq!(
        deadline.decide(Duration::from_secs(50), &running),
        Decision::Wait(Duration::from_secs(5))
    );
    // No wait runs past the deadline: one second is left.
    assert_eq!(
        deadline.decide(Duration::from_secs(59), &running),
        Decision::Wait(Duration::from_secs(1))
    );
    assert_eq!(
        deadline.decide(Duration::from_secs(60), &running),
        Decision::DeadlineExceeded
    );
}

#[cfg(feature = "dump")]
#[test]
fn dump_fixtures() {
    insta::glob!("../fixtures/dumps", "*.csv", |path| {
        let file = std::fs::File::open(path).unwrap();
        let text = match DumpReader::new(file) {
            Err(e) => format!("error: {e}"),
            Ok(reader) => {
                let mut out = format!(
                    "columns: {:?}\nstatus column: {}\n",
                    reader.source_columns(),
                    reader.has_status()
                );
                for row in reader {
                    match row {
                        Ok(row) => out.push_str(&format!(
                            "row {}: status {:?}, line {}, columns {:?}, errors {:?}\n",
                            row.row,
                            row.status.as_ref().map(|s| s.as_str()),
                            row.source_line,
                            row.columns().collect::<Vec<_>>(),
                            row.errors
                        )),
                        Err(e) => out.push_str(&format!("error: {e}\n")),
                    }
                }
                out
            }
        };
        insta::assert_snapshot!(text);
    });
}

#[cfg(feature = "dump")]
#[test]
fn dump_summary_counts_most_frequent_first() {
    let file = std::fs::File::open("examples/dumps/employees-dump.csv").unwrap();
    let s = DumpSummary::read(DumpReader::new(file).unwrap());
    assert_eq!((s.rows, s.errors, s.warnings, s.other), (60, 50, 10, 0));
    let counts: Vec<u64> = s.messages.iter().map(|m| m.rows).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert_eq!(counts.iter().sum::<u64>(), 60);
    assert!(
        s.messages
            .iter()
            .all(|m| m.first_lines.len() <= DumpSummary::SAMPLE_LINES)
    );
}

#[cfg(feature = "dump")]
proptest! {
    /// Any bytes read as a dump give rows or errors, never a panic.
    #[test]
    fn dump_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(reader) = DumpReader::new(bytes.as_slice()) {
            for row in reader.take(1000) {
                let _ = row;
            }
        }
    }
}

/// A poll loop that follows the policy's waits asks for the last time at
/// its deadline, not a wait later.
#[test]
fn a_poll_loop_ends_at_its_deadline() {
    use anaplan_task::poll::{Decision, PollPolicy};
    use std::time::Duration;
    let running = anaplan_task::Task::new(TASK, anaplan_task::TaskState::InProgress);
    for deadline in [1, 4, 5, 120, 121, 3600] {
        let policy = PollPolicy::default().with_deadline(Duration::from_secs(deadline));
        let mut elapsed = Duration::ZERO;
        let mut polls = 0;
        while let Decision::Wait(wait) = policy.decide(elapsed, &running) {
            assert!(wait > Duration::ZERO, "{deadline}: {elapsed:?}");
            elapsed += wait;
            polls += 1;
        }
        assert_eq!(policy.decide(elapsed, &running), Decision::DeadlineExceeded);
        assert_eq!(elapsed, Duration::from_secs(deadline), "{deadline} after {polls} polls");
    }
}
