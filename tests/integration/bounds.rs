//! What the command keeps is bounded whatever the input: the tasks and
//! polls a poll log's summary follows, the findings it lists, and the
//! results of a SARIF log.

use crate::inputs::{one_line, run};

/// One line of a poll log: the seed, as task `id` at `progress`.
fn poll(id: usize, progress: f64) -> String {
    one_line()
        .replace("1B1D84DDD53847BAA621810B593C3FC1", &format!("{id:032X}"))
        .replace(r#""progress":1.0"#, &format!(r#""progress":{progress}"#))
}

#[test]
fn summarize_follows_at_most_10000_tasks() {
    let log: String = (0..10_003).map(|i| poll(i % 10_002, 1.0) + "\n").collect();
    let (code, stdout, stderr) = run(&["summarize", "-"], log.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "<stdin>: 2 lines of 2 more tasks not summarized: a poll log is followed for its first 10000 tasks, within 67108864 bytes of their lines\n"
    );
    assert_eq!(stdout.lines().filter(|l| l.starts_with("task ")).count(), 10_000);
    // The first task's second poll, on the last line, said the same.
    assert!(stdout.contains("  1..10003 ×2  COMPLETE"), "{}", &stdout[..300]);
}

#[test]
fn summarize_lists_at_most_1000_entries_of_a_timeline() {
    let log: String = (0..1003u16).map(|i| poll(7, f64::from(i) / 2000.0) + "\n").collect();
    let (code, stdout, stderr) = run(&["summarize", "--format", "json", "-"], log.as_bytes());
    assert_eq!(code, 0);
    // Each line's `progress-incomplete`, on stderr: the first 1000, then a
    // count.
    assert_eq!(stderr.lines().count(), 1001);
    assert_eq!(stderr.lines().last(), Some("<stdin>: ... and 3 more findings"));
    let timeline: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(timeline["polls"].as_array().unwrap().len(), 1000);
    assert_eq!(timeline["polls"][999]["ndjson_line"], 1000);
    assert_eq!(timeline["polls_not_listed"], 3);
    assert_eq!(timeline["last_ndjson_line"], 1003);
    assert_eq!(timeline["last"]["progress"], 0.501);
    let (_, text, _) = run(&["summarize", "-"], log.as_bytes());
    let (timeline, findings) = text.split_once("\n\nfindings\n").unwrap();
    let tail: Vec<&str> = timeline.lines().rev().take(2).collect();
    assert_eq!(
        tail,
        [
            "outcome      succeeded (line 1003)",
            "  ... and 3 more polls, not listed (at most 1000 entries)"
        ]
    );
    // Each line's `progress-incomplete`: the first 1000, then a count.
    assert_eq!(findings.lines().count(), 1001);
    assert_eq!(findings.lines().last(), Some("  ... and 3 more"));
}

/// The warnings and errors of a poll log's lines are listed under the
/// timelines, placed in the log, as `validate` places them.
#[test]
fn summarize_lists_the_findings_of_a_poll_log() {
    let log = format!("{}\n{}\n", poll(1, 1.0), poll(1, 5.0));
    let (code, stdout, stderr) = run(&["summarize", "-"], log.as_bytes());
    assert_eq!((code, stderr.as_str()), (0, ""));
    let (_, report, _) = run(&["validate", "--format", "json", "-"], log.as_bytes());
    let found: Vec<&str> = stdout.lines().skip_while(|l| *l != "findings").skip(1).collect();
    assert_eq!(found.len(), 1, "{stdout}\n{report}");
    assert!(found[0].starts_with("  2:"), "{}", found[0]);
    assert!(
        found[0].contains("error[progress-out-of-range] task.progress: "),
        "{}",
        found[0]
    );
    assert!(report.contains("progress-out-of-range"), "{report}");
}

/// An input of blank lines holds no document: `no-document`, status 2,
/// from both commands.
#[test]
fn a_poll_log_of_blank_lines_is_no_document_everywhere() {
    let dir = crate::inputs::tempdir("blank-log");
    let path = dir.join("e.ndjson");
    std::fs::write(&path, "\n  \n").unwrap();
    let path = path.to_str().unwrap();
    let message = "error[no-document] .: no document: the stream holds only blank lines";
    let (code, _, stderr) = run(&["summarize", path], b"");
    assert_eq!((code, stderr), (2, format!("{path}: {message}\n")));
    let (code, stdout, _) = run(&["validate", path], b"");
    assert_eq!(code, 2);
    assert!(stdout.contains(message), "{stdout}");
}

/// A SARIF log lists at most 25,000 results, errors before warnings, and
/// says how many it left out.
#[test]
fn a_sarif_log_lists_at_most_25000_results() {
    let bare = r#"{"task":{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"NOT_STARTED"}}"#;
    let mut log = format!("{bare}\n").repeat(25_001);
    log.push_str("{\"task\":\n");
    let (code, stdout, _) = run(
        &["validate", "--format", "sarif", "--stdin-format", "ndjson", "-"],
        log.as_bytes(),
    );
    assert_eq!(code, 1);
    let sarif: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 25_000);
    assert_eq!(results[0]["level"], "warning");
    assert_eq!(results[24_999]["level"], "error");
    assert_eq!(
        results[24_999]["locations"][0]["physicalLocation"]["region"]["startLine"],
        25_002
    );
    assert_eq!(
        run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"],
        "2 of 25002 results are not listed: a run lists at most 25000, within 67108864 bytes of text, the most severe first (--format json lists every one)"
    );
}

/// What a poll log's summary keeps is bounded in bytes too: past 64 MiB of
/// the lines that made an entry, entries are counted, not listed.
#[test]
fn summarize_keeps_at_most_64_mib_of_lines() {
    let step = "s".repeat(100_000);
    let log: String = (0..700)
        .map(|i| poll(3, 1.0).replace("Complete.", &format!("{i}{step}")) + "\n")
        .collect();
    let (code, stdout, stderr) = run(&["summarize", "--format", "json", "-"], log.as_bytes());
    assert_eq!((code, stderr.as_str()), (0, ""));
    let timeline: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let listed = timeline["polls"].as_array().unwrap().len() as u64;
    // Each line is about 100 KB: some 670 fit in 64 MiB.
    assert!((600..700).contains(&listed), "{listed}");
    assert_eq!(timeline["polls_not_listed"].as_u64().unwrap() + listed, 700);
    assert_eq!(timeline["last_ndjson_line"], 700);
}

/// In JSON, which has no place for them, a poll log's and a response's
/// warnings and errors go to stderr; a folder named as a log is unreadable,
/// and said once.
#[test]
fn summarize_json_says_findings_on_stderr() {
    let (code, _, stderr) = run(
        &["summarize", "--format", "json", "examples/responses/poll-log.ndjson"],
        b"",
    );
    assert_eq!(code, 1);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[1].starts_with("examples/responses/poll-log.ndjson:5:668: warning[count-mismatch] "));
    let (code, _, stderr) = run(&["summarize", "--format", "json", "-"], poll(1, 5.0).as_bytes());
    assert_eq!(code, 0);
    assert!(stderr.starts_with("<stdin>:1:"), "{stderr}");
    assert!(
        stderr.contains(": error[progress-out-of-range] task.progress: "),
        "{stderr}"
    );
    let dir = crate::inputs::tempdir("log-folder").join("d.ndjson");
    std::fs::create_dir_all(&dir).unwrap();
    let (code, _, stderr) = run(&["summarize", dir.to_str().unwrap()], b"");
    assert_eq!(code, 2);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(": cannot read: "), "{stderr}");
}

/// A SARIF run that could not read an input says it did not succeed.
#[test]
fn a_sarif_run_with_an_unreadable_input_is_not_successful() {
    let (code, stdout, _) = run(&["validate", "--format", "sarif", "no/such.json"], b"");
    assert_eq!(code, 2);
    let sarif: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(sarif["runs"][0]["invocations"][0]["executionSuccessful"], false);
    let (_, stdout, _) = run(&["validate", "--format", "sarif", "examples/responses/seed.json"], b"");
    let sarif: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(sarif["runs"][0]["invocations"][0]["executionSuccessful"], true);
}
