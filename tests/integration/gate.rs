//! The command where integrators use it: the outcome gate and its exit
//! statuses, the JSON summary, poll logs, SARIF, colours, completions and
//! the man page, and the conventions of the reports.

use anaplan_task::Outcome;
use anaplan_task::summary::{TaskSummaryReport, TaskTimeline};

use crate::cli::{run, snapshot};

const SUCCEEDED: &str = "tests/fixtures/valid/seed.json";
const FAILED: &str = "examples/responses/process-failed-step.json";
const INVALID: &str = "examples/responses/bad-count.json";
const MISSING: &str = "tests/fixtures/no-such-file.json";

#[test]
fn every_combination_of_invalid_refused_and_unreadable_has_its_status() {
    // (invalid, refused, unreadable) -> status: 2 wins over 1, 1 over 3.
    for invalid in [false, true] {
        for refused in [false, true] {
            for unreadable in [false, true] {
                let mut args = vec!["validate", "--fail-on", "failed,cancelled", SUCCEEDED];
                args.extend(invalid.then_some(INVALID));
                args.extend(refused.then_some(FAILED));
                args.extend(unreadable.then_some(MISSING));
                let expected = if unreadable {
                    2
                } else if invalid {
                    1
                } else if refused {
                    3
                } else {
                    0
                };
                assert_eq!(run(&args, None).0, expected, "{args:?}");
            }
        }
    }
}

#[test]
fn without_fail_on_no_outcome_fails_the_run() {
    assert_eq!(run(&["validate", FAILED], None).0, 0);
    assert_eq!(run(&["summarize", FAILED], None).0, 0);
    assert_eq!(
        run(&["validate", "--fail-on", "succeeded-with-warnings", FAILED], None).0,
        0
    );
}

#[test]
fn a_refused_outcome_is_reported_in_each_format() {
    assert_eq!(
        snapshot(
            "gate_text",
            &["validate", "--fail-on", "failed", FAILED, SUCCEEDED],
            None
        ),
        3
    );
    assert_eq!(
        snapshot(
            "gate_github",
            &["validate", "--format", "github", "--fail-on", "failed", FAILED],
            None
        ),
        3
    );
    let (code, stdout, _) = run(
        &["validate", "--format", "json", "--fail-on", "failed", FAILED, SUCCEEDED],
        None,
    );
    assert_eq!(code, 3);
    let records: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records[0]["refused"], true);
    assert_eq!(records[0]["valid"], true);
    assert_eq!(records[0]["findings"][0]["code"], "outcome-refused");
    assert_eq!(records[1]["refused"], false);
}

#[test]
fn fail_on_takes_outcome_names_only() {
    let (code, _, stderr) = run(&["validate", "--fail-on", "failed,broken", SUCCEEDED], None);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("invalid value 'broken' for '--fail-on <OUTCOMES>'"),
        "{stderr}"
    );
    assert!(stderr.contains("succeeded-with-warnings"), "{stderr}");
}

#[test]
fn summarize_gates_the_outcome() {
    assert_eq!(run(&["summarize", "--fail-on", "failed", FAILED], None).0, 3);
    assert_eq!(run(&["summarize", "--fail-on", "cancelled", FAILED], None).0, 0);
    assert_eq!(run(&["summarize", "--fail-on", "succeeded", SUCCEEDED], None).0, 3);
    // A document that cannot be read (1) wins over the gate.
    let (code, _, _) = run(&["summarize", "--fail-on", "failed", "-"], Some(b"{"));
    assert_eq!(code, 1);
    assert_eq!(run(&["summarize", "--fail-on", "failed", MISSING], None).0, 2);
}

#[test]
fn summarize_json_reads_back_into_the_library_type() {
    assert_eq!(
        snapshot("summary_json", &["summarize", "--format", "json", FAILED], None),
        0
    );
    let (_, stdout, _) = run(&["summarize", "--format", "json", FAILED], None);
    let report: TaskSummaryReport = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report.outcome, Some(Outcome::Failed));
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    // "How many rows failed?" is one path: `jq .rows.failed`.
    assert_eq!(value["rows"]["failed"], 0);
    assert_eq!(value["result"]["steps"][1]["object_id"], "112000000011");
    assert_eq!(value["result"]["steps"][1]["outcome"], "failed");
    assert_eq!(value["result"]["steps"][2]["exports"][0], "Grid - Revenue.csv");
    assert_eq!(value["failure_dump_available"], true);
}

#[test]
fn summarize_shows_the_timeline_of_a_poll_log() {
    assert_eq!(
        snapshot(
            "summary_poll_log",
            &["summarize", "examples/responses/poll-log.ndjson"],
            None
        ),
        1
    );
    let (code, stdout, _) = run(
        &["summarize", "--format", "json", "examples/responses/poll-log.ndjson"],
        None,
    );
    assert_eq!(code, 1);
    let timeline: TaskTimeline = serde_json::from_str(stdout.trim_end()).unwrap();
    let states: Vec<(u64, &str)> = timeline
        .polls
        .iter()
        .map(|p| (p.ndjson_line, p.state.as_str()))
        .collect();
    assert_eq!(states, [(1, "NOT_STARTED"), (2, "IN_PROGRESS"), (5, "COMPLETE")]);
    assert_eq!(timeline.last.outcome, Some(Outcome::Succeeded));
    // On stdin, told apart by its lines; two tasks, each its own timeline.
    let seed = std::fs::read_to_string(SUCCEEDED).unwrap();
    let failed = std::fs::read_to_string(FAILED).unwrap();
    let one_line = |s: &str| serde_json::to_string(&serde_json::from_str::<serde_json::Value>(s).unwrap()).unwrap();
    let log = format!("{}\n{}\n", one_line(&seed), one_line(&failed));
    let (code, stdout, stderr) = run(&["summarize", "--fail-on", "failed", "-"], Some(log.as_bytes()));
    assert_eq!((code, stderr.as_str()), (3, ""));
    assert_eq!(stdout.matches("outcome ").count(), 2, "{stdout}");
    assert!(stdout.contains("outcome      failed (line 2)"), "{stdout}");
}

#[test]
fn sarif_log_matches_the_official_schema() {
    // The schema's pattern for `run.language` is not a valid regular
    // expression (a stray `]`), so it is corrected to what it means before
    // the schema is compiled; `language` is not written anyway.
    let text = include_str!("../fixtures/sarif/sarif-schema-2.1.0.json").replace(
        "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
        "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
    );
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let (code, stdout, _) = run(
        &[
            "validate",
            "--format",
            "sarif",
            "--fail-on",
            "failed",
            "examples/responses",
            "-",
        ],
        Some(b"{"),
    );
    assert_eq!(code, 1);
    let log: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    let ids: Vec<&str> = results.iter().map(|r| r["ruleId"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "count-negative",
            "truncated-json",
            "count-mismatch",
            "outcome-refused",
            "truncated-json"
        ]
    );
    let place = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(place["artifactLocation"]["uri"], "examples/responses/bad-count.json");
    assert_eq!(place["region"]["startLine"], 35);
    assert_eq!(place["region"]["startColumn"], 16);
    assert_eq!(
        results[4]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "%3Cstdin%3E"
    );
    // --quiet keeps the errors only, as in every format.
    let (_, quiet, _) = run(&["validate", "--format", "sarif", "-q", "examples/responses"], None);
    let log: serde_json::Value = serde_json::from_str(&quiet).unwrap();
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 2);
}

fn colored(args: &[&str], env: &[(&str, &str)]) -> bool {
    let mut c = assert_cmd::Command::cargo_bin("anaplan-task").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    for var in ["NO_COLOR", "CLICOLOR_FORCE", "CLICOLOR", "TERM"] {
        c.env_remove(var);
    }
    c.envs(env.iter().copied()).args(args);
    let out = c.output().unwrap();
    String::from_utf8(out.stdout).unwrap().contains('\x1b')
}

#[test]
fn color_follows_the_flag_then_the_environment() {
    let v = ["validate", INVALID];
    let s = ["summarize", FAILED];
    for args in [&v[..], &s[..]] {
        let with = |flag: &'static str| [args, &["--color", flag]].concat();
        assert!(!colored(args, &[]), "not a terminal");
        assert!(colored(&with("always"), &[("NO_COLOR", "1")]));
        assert!(!colored(&with("never"), &[("CLICOLOR_FORCE", "1")]));
        assert!(colored(args, &[("CLICOLOR_FORCE", "1")]));
        assert!(!colored(args, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
        assert!(!colored(args, &[("CLICOLOR_FORCE", "")]));
        assert!(!colored(args, &[("CLICOLOR_FORCE", "0")]), "0 does not force");
        assert!(!colored(args, &[("TERM", "dumb")]));
    }
    // Never in a machine-readable format.
    assert!(!colored(
        &["validate", "--format", "json", "--color", "always", INVALID],
        &[]
    ));
}

#[test]
fn completions_and_man_page_are_generated() {
    let (code, bash, _) = run(&["completions", "bash"], None);
    assert_eq!(code, 0);
    assert!(bash.contains("--fail-on") && bash.contains("anaplan-task"), "{bash}");
    let (code, fish, _) = run(&["completions", "fish"], None);
    assert_eq!(code, 0);
    assert!(fish.contains("complete -c anaplan-task"), "{fish}");
    let (code, man, _) = run(&["man"], None);
    assert_eq!(code, 0);
    assert!(man.contains(".TH anaplan-task 1"), "{man}");
}

#[test]
fn an_input_without_documents_is_said_and_fails() {
    let dir = std::env::temp_dir().join(format!("anaplan-task-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (code, stdout, _) = run(&["validate", dir.to_str().unwrap(), SUCCEEDED], None);
    let stdout = stdout.replace(dir.to_str().unwrap(), "DIR");
    std::fs::remove_dir(&dir).unwrap();
    assert_eq!(code, 2);
    assert_eq!(
        stdout,
        "DIR: error[no-document] .: no document: the folder holds no `*.json`, `*.ndjson` or `*.jsonl` file\n\
         1 document: 1 valid, 0 with warnings, 0 invalid; outcomes: 1 succeeded; 1 input without documents\n"
    );
    let (code, stdout, _) = run(&["validate", "--stdin-format", "ndjson", "-"], Some(b"\n \n"));
    assert_eq!(code, 2);
    assert!(
        stdout.starts_with("<stdin>: error[no-document] .: no document: the stream holds only blank lines\n"),
        "{stdout}"
    );
}

#[test]
fn quiet_reports_the_same_documents_in_every_format() {
    let args = |format: &'static str| ["validate", "-q", "--format", format, "examples/responses"];
    let (_, text, _) = run(&args("text"), None);
    let (_, concise, _) = run(&args("concise"), None);
    let (_, json, _) = run(&args("json"), None);
    let (_, github, _) = run(&args("github"), None);
    assert_eq!(concise.lines().count(), 2, "{concise}");
    let headers: Vec<&str> = text.lines().filter(|l| l.starts_with("examples/")).collect();
    assert_eq!(headers, concise.lines().collect::<Vec<_>>(), "{text}");
    assert_eq!(github.lines().count(), 2, "{github}");
    let records: Vec<serde_json::Value> = json.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), 2, "{json}");
    assert!(records.iter().all(|r| r["valid"] == false));
}

#[test]
fn call_and_body_name_what_they_take() {
    let checked = run(&["validate", "--call", "export", SUCCEEDED], None);
    assert_eq!(checked.0, 1);
    // The old name still works, and is not shown.
    assert_eq!(run(&["validate", "--kind", "export", SUCCEEDED], None), checked);
    let (_, help, _) = run(&["validate", "--help"], None);
    assert!(help.contains("--call <CALL>") && !help.contains("--kind"), "{help}");
    assert!(help.contains("3  every document valid, but a task's outcome is one --fail-on refuses"));
    let body = run(&["schema", "--body", "list"], None);
    assert_eq!(body.0, 0);
    assert_eq!(run(&["schema", "--kind", "list"], None), body);
}

#[test]
fn an_error_body_is_refused_whenever_the_gate_is_on() {
    let error = "tests/fixtures/valid/error-404.json";
    let (code, _, _) = run(&["validate", error], None);
    assert_eq!(code, 0, "without --fail-on an error body is a valid document");
    let (code, stdout, _) = run(&["validate", "--fail-on", "failed", error], None);
    assert_eq!(code, 3);
    assert_eq!(
        stdout,
        "tests/fixtures/valid/error-404.json: error[outcome-refused] status: the call failed: an error body has no task outcome, and --fail-on refuses it\n\
         1 document: 1 valid, 0 with warnings, 0 invalid; 1 refused by --fail-on\n"
    );
    let (code, _, _) = run(&["summarize", "--fail-on", "failed", error], None);
    assert_eq!(code, 3);
}

#[test]
fn quiet_shows_the_warnings_that_deny_warnings_fails_on() {
    let file = "tests/fixtures/findings/count-mismatch.json";
    let (code, stdout, _) = run(&["validate", "--quiet", "--deny-warnings", file], None);
    assert_eq!(code, 1);
    assert!(stdout.contains("warning[count-mismatch]"), "{stdout}");
    let (code, stdout, _) = run(&["validate", "--quiet", file], None);
    assert_eq!((code, stdout.as_str()), (0, ""));
}

#[test]
fn text_from_the_input_cannot_break_a_line_or_drive_a_terminal() {
    let json = r#"{"task":{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"IN_PROGRESS","currentStep":"a\u001b[31mb\nc",
        "x\n::error file=README.md,line=1::forged":1}}"#;
    let (_, stdout, _) = run(&["validate", "-"], Some(json.as_bytes()));
    assert!(
        !stdout.contains('\x1b') && stdout.lines().all(|l| !l.starts_with("::error")),
        "{stdout}"
    );
    assert!(
        stdout.contains(r"unknown field `x\n::error file=README.md,line=1::forged`"),
        "{stdout}"
    );
    let (_, stdout, _) = run(&["summarize", "-"], Some(json.as_bytes()));
    assert!(stdout.contains(r"(a\u{1b}[31mb\nc)"), "{stdout}");
    assert!(!stdout.contains('\x1b'), "{stdout}");
    // Nor reorder a line on screen: bidirectional format characters are
    // escaped too, in messages, names of files and text of a response or a
    // dump.
    let bidi = "\u{202E}\u{2066}\u{200F}";
    let json = format!(
        r#"{{"task":{{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"IN_PROGRESS","currentStep":"s{bidi}","x{bidi}":1}}}}"#
    );
    let shown = r"\u{202e}\u{2066}\u{200f}";
    let (_, stdout, _) = run(&["validate", "-"], Some(json.as_bytes()));
    assert!(stdout.contains(&format!("unknown field `x{shown}`")), "{stdout}");
    let (_, stdout, _) = run(&["summarize", "-"], Some(json.as_bytes()));
    assert!(stdout.contains(&format!("(s{shown})")), "{stdout}");
    let dir = std::env::temp_dir().join(format!("anaplan-task-plain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("a\n{bidi}.json"));
    std::fs::write(&file, &json).unwrap();
    let (_, stdout, _) = run(&["validate", file.to_str().unwrap()], None);
    let place = format!("{}/a\\n{shown}.json:1:", dir.display());
    assert!(stdout.starts_with(&place), "{stdout}");
    // A name in a message is escaped as a source's name is.
    let name = file.to_str().unwrap();
    let (_, stdout, _) = run(&["validate", name, name], None);
    assert!(!stdout.contains(bidi), "{stdout}");
    let (_, stdout, _) = run(&["validate", "--format", "concise", name, name], None);
    let again = format!(
        "the file {}/a\\n{shown}.json again, read already; not read\n",
        dir.display()
    );
    assert!(stdout.contains(&again) && stdout.lines().count() == 4, "{stdout}");
    let missing = dir.join(format!("b{bidi}.json"));
    let (_, _, stderr) = run(&["summarize", missing.to_str().unwrap()], None);
    assert!(
        stderr.starts_with(&format!("{}/b{shown}.json: cannot read: ", dir.display())),
        "{stderr}"
    );
    // So is every text of a response that summarize shows.
    let error = format!(r#"{{"status":{{"code":500,"message":"m{bidi}\n"}},"path":"/p{bidi}","timestamp":"t{bidi}"}}"#);
    let (_, stdout, _) = run(&["summarize", "-"], Some(error.as_bytes()));
    assert_eq!(
        stdout,
        format!("error        500 m{shown}\\n\npath         /p{shown}\nat           t{shown}\n")
    );
    let chunks = format!(r#"{{"chunks":[{{"id":"0{bidi}","name":"Chunk{bidi}"}}]}}"#);
    let (_, stdout, _) = run(&["summarize", "-"], Some(chunks.as_bytes()));
    assert!(stdout.contains(&format!("  0{shown} Chunk{shown}\n")), "{stdout}");
    let dump = format!("_Status_,Name,_Line_,_Error_1_\nE,Ann,2,Invalid{bidi}\n");
    let (_, stdout, _) = run(&["dump", "-"], Some(dump.as_bytes()));
    assert!(stdout.contains(&format!("Invalid{shown}\n")), "{stdout}");
    assert!(!stdout.contains('\u{202E}'), "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A file name that is not UTF-8 is quoted byte for byte (`\xff`), so two
/// names stay two; GitHub's annotations escape names as the text report
/// does; and Unicode's line separators and invisible format characters
/// are escaped as control characters are.
#[test]
fn names_and_texts_are_quoted_whole_and_safely() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("anaplan-task-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = std::fs::read("examples/responses/bad-count.json").unwrap();
    for name in [&b"a\xff.json"[..], b"a\xfe.json", b"e\x1b[2J.json"] {
        std::fs::write(dir.join(std::ffi::OsStr::from_bytes(name)), &bad).unwrap();
    }
    let d = dir.to_str().unwrap();
    let (_, text, _) = run(&["validate", d], None);
    for shown in [r"a\xfe.json:35:16: ", r"a\xff.json:35:16: ", r"e\u{1b}[2J.json:35:16: "] {
        assert!(text.contains(&format!("{d}/{shown}")), "{text}");
    }
    let (_, json, _) = run(&["validate", "--format", "json", d], None);
    assert!(json.contains(r#"a\\xff.json","#), "{json}");
    let (_, sarif, _) = run(&["validate", "--format", "sarif", d], None);
    assert!(
        sarif.contains("/a%FF.json\"") && sarif.contains("/a%FE.json\""),
        "{sarif}"
    );
    let (_, github, _) = run(&["validate", "--format", "github", d], None);
    assert!(!github.contains('\x1b'), "{github}");
    assert!(github.contains(r"/e\u{1b}[2J.json,line=35"), "{github}");
    std::fs::remove_dir_all(&dir).unwrap();
    let invisible = "\u{2028}\u{2029}\u{200B}\u{FEFF}\u{00AD}\u{E0001}";
    let json = format!(r#"{{"task":{{"taskId":"T{invisible}","taskState":"IN_PROGRESS"}}}}"#);
    let (_, stdout, _) = run(&["summarize", "-"], Some(json.as_bytes()));
    assert!(
        stdout.starts_with("task         T\\u{2028}\\u{2029}\\u{200b}\\u{feff}\\u{ad}\\u{e0001}\n"),
        "{stdout}"
    );
}

/// A usage error quotes an argument escaped, and is coloured as `--color`
/// says, whatever the environment.
#[test]
fn usage_errors_quote_arguments_safely_in_the_colours_asked() {
    let (code, _, stderr) = run(&["validate", "--format", "x\x1b[2J\u{202E}", "README.md"], None);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: invalid value 'x\\u{1b}[2J\\u{202e}' for '--format <FORMAT>'\n"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["validate", "--color", "always", "--format", "bad", "README.md"], None);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("\x1b[1m\x1b[31merror:\x1b[0m invalid value '"),
        "{stderr:?}"
    );
    let (_, _, stderr) = run(&["validate", "--color=never", "--format", "bad", "README.md"], None);
    assert!(stderr.starts_with("error: invalid value 'bad'"), "{stderr:?}");
}

/// An NDJSON stream checked on several jobs, from a file or standard
/// input, gives the report of one job, byte for byte, in every format.
#[test]
fn a_stream_on_several_jobs_reports_as_on_one() {
    let compact = compact_seed();
    let mut log = String::new();
    for i in 0..6000 {
        match i % 17 {
            0 => log.push('\n'),
            5 => log.push_str("{\"task\":\n"),
            9 => log.push_str(&format!("{compact}{}\n", " ".repeat(3000))),
            11 => log.push_str(&compact.replace("\"78\"", &format!("\"{}\"", i % 97))),
            _ => log.push_str(&compact),
        }
        if i % 17 != 0 && i % 17 != 5 && i % 17 != 9 {
            log.push('\n');
        }
    }
    let dir = std::env::temp_dir().join(format!("anaplan-task-jobs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("log.ndjson");
    std::fs::write(&file, &log).unwrap();
    let path = file.to_str().unwrap();
    for format in ["text", "concise", "json", "github", "sarif"] {
        let one = run(
            &["validate", "--format", format, "--max-size", "2k", "--jobs", "1", path],
            None,
        );
        let stdin_one = run(
            &["validate", "--format", format, "--max-size", "2k", "--jobs", "1", "-"],
            Some(log.as_bytes()),
        );
        for jobs in ["2", "3", "8"] {
            let many = run(
                &["validate", "--format", format, "--max-size", "2k", "--jobs", jobs, path],
                None,
            );
            assert_eq!(many, one, "{format} --jobs {jobs}");
            let stdin = run(
                &["validate", "--format", format, "--max-size", "2k", "--jobs", jobs, "-"],
                Some(log.as_bytes()),
            );
            assert_eq!(stdin, stdin_one, "{format} --jobs {jobs} on stdin");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The seed response on one line.
fn compact_seed() -> String {
    let seed = std::fs::read_to_string("examples/responses/seed.json").unwrap();
    serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&seed).unwrap()).unwrap()
}

/// Lines longer than a read (kept, or over the limit and blank or not),
/// and a last line without a line end, cross the chunks the jobs share.
#[test]
fn a_stream_on_several_jobs_reports_lines_longer_than_a_read_as_on_one() {
    let compact = compact_seed();
    let mut log = String::new();
    for i in 0..40 {
        match i % 5 {
            // Kept: 300 KiB of white space inside the document.
            0 => log.push_str(&compact.replacen('{', &format!("{{{}", " ".repeat(300 << 10)), 1)),
            // Blank and over the limit: skipped without a word.
            1 => log.push_str(&" ".repeat(1_200 << 10)),
            // Over the limit.
            2 => log.push_str(&format!("{compact}{}", "\t".repeat(1_100 << 10))),
            // Kept, and longer than two reads: a chunk grows to hold it,
            // and its next reads may bring more than one read's room.
            3 => log.push_str(&compact.replacen('{', &format!("{{{}", " ".repeat(700 << 10)), 1)),
            _ => log.push_str(&compact),
        }
        log.push('\n');
    }
    log.push_str("{\"task\":");
    let file = crate::inputs::tempdir("long-lines").join("log.ndjson");
    std::fs::write(&file, &log).unwrap();
    let path = file.to_str().unwrap();
    let validate = |jobs, input, stdin| {
        run(
            &[
                "validate",
                "--format",
                "json",
                "--max-size",
                "1MiB",
                "--jobs",
                jobs,
                input,
            ],
            stdin,
        )
    };
    let one = validate("1", path, None);
    assert!(one.1.contains("\"ndjson_line\":41,"), "{}", one.1);
    for jobs in ["2", "3"] {
        assert_eq!(validate(jobs, path, None), one, "--jobs {jobs}");
        let stdin = validate(jobs, "-", Some(log.as_bytes()));
        assert_eq!(stdin.1, one.1.replace(path, "<stdin>"), "--jobs {jobs} on stdin");
    }
}
