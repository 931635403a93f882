//! Drives the polling policy over a scripted sequence of captured status
//! responses (no network), printing what a client would do at each step.
//!
//! ```sh
//! cargo run --example poll -- examples/responses/poll-log.ndjson
//! ```

use std::process::ExitCode;
use std::time::Duration;

use anaplan_task::TaskResponse;
use anaplan_task::poll::{Decision, MIN_INTERVAL, PollPolicy};

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/responses/poll-log.ndjson".to_owned());
    let script = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let policy = PollPolicy::default().with_deadline(Duration::from_secs(3600));
    let mut elapsed = Duration::ZERO;
    for (n, line) in script.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        print!("t={:>4}s  GET status (capture line {}): ", elapsed.as_secs(), n + 1);
        let wait = match TaskResponse::from_str(line) {
            Err(e) => {
                println!("unreadable response ({e}); asking again");
                MIN_INTERVAL
            }
            Ok(r) => {
                print!("{} -> ", r.task.task_state);
                match policy.decide(elapsed, &r.task) {
                    Decision::Wait(d) => {
                        println!("wait {}s", d.as_secs());
                        d
                    }
                    Decision::Finished(outcome) => {
                        println!("finished: {outcome}");
                        return ExitCode::SUCCESS;
                    }
                    Decision::DeadlineExceeded => {
                        println!("deadline passed: give up (and cancel with DELETE)");
                        return ExitCode::FAILURE;
                    }
                }
            }
        };
        elapsed += wait;
    }
    println!("the script ended before the task finished");
    ExitCode::FAILURE
}
