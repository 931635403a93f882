//! The promises of the README's "Bad input" section, each at its edge:
//! the nesting limit, progress kept as sent, bounded paths and where an
//! unknown `values` key is reported.

use anaplan_task::validate::{self, Options};
use anaplan_task::{Document, TaskResponse};

const TASK: &str = r#""taskId":"1B1D84DDD53847BAA621810B593C3FC1""#;

/// A status document nested `levels` deep (the document's own object is
/// level 1).
fn nested(levels: usize) -> String {
    let arrays = levels - 2;
    format!(
        r#"{{"task":{{{TASK},"taskState":"IN_PROGRESS","x":{}{}}}}}"#,
        "[".repeat(arrays),
        "]".repeat(arrays)
    )
}

/// The findings of a document as `code path: message` lines.
fn findings(json: &str, options: &Options) -> Vec<String> {
    validate::validate_str(json, options)
        .findings
        .iter()
        .filter(|f| f.code != "missing-envelope")
        .map(|f| format!("{} {}: {}", f.code, f.path, f.message))
        .collect()
}

#[test]
fn a_kept_value_is_read_at_any_depth_without_recursion() {
    // What the crate does not interpret is kept as text: serde_json reads
    // it in a loop, so no depth is too deep for it, and the validation pass
    // walks it in a loop too.
    for levels in [127, 128, 129, 100_000] {
        let json = nested(levels);
        let doc = Document::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string(&doc).unwrap(), json, "{levels}");
        assert_eq!(
            findings(&json, &Options::default()),
            ["unknown-field task.x: unknown field `x`"],
            "{levels}"
        );
    }
    // A document that is not an object is refused at its first byte,
    // however deep it goes.
    for levels in [127, 128, 129] {
        let arrays = format!("{}{}", "[".repeat(levels), "]".repeat(levels));
        let err = Document::from_str(&arrays).unwrap_err();
        assert_eq!(
            (err.code().as_str(), err.line(), err.column()),
            ("wrong-type", 1, 1),
            "{levels}"
        );
    }
}

fn with_progress(progress: &str) -> String {
    format!(r#"{{"task":{{{TASK},"taskState":"IN_PROGRESS","progress":{progress}}}}}"#)
}

#[test]
fn progress_in_any_form_is_written_back_as_sent() {
    for progress in [
        "0",
        "1",
        "1.0",
        "0.25",
        "1.00",
        "1E0",
        "1e0",
        "0.50",
        "-0",
        "-0.0",
        "1e-400",
        "1E-400",
        "0.3333333333333333",
    ] {
        let json = with_progress(progress);
        let read = TaskResponse::from_str(&json).unwrap();
        assert_eq!(read.task.progress.as_ref().unwrap().as_str(), progress);
        assert_eq!(serde_json::to_string(&read).unwrap(), json);
        assert_eq!(findings(&json, &Options::default()), Vec::<String>::new(), "{progress}");
    }
    let digits = "123456789012345678901234567890";
    assert_eq!(
        findings(&with_progress(digits), &Options::default()),
        [format!(
            "progress-out-of-range task.progress: progress is {digits}, expected a number from 0 to 1"
        )]
    );
    let complete = format!(
        r#"{{"task":{{{TASK},"taskState":"COMPLETE","progress":0.50,"result":{{"successful":true,"failureDumpAvailable":false}}}}}}"#
    );
    assert_eq!(
        findings(&complete, &Options::default()),
        ["progress-incomplete task.progress: the task is COMPLETE but progress is 0.50"]
    );
}

/// Whether a progress is from 0 to 1, or 1, is told from its text, not
/// from the rounded value; a number no double holds is kept as sent, and
/// is out of range.
#[test]
fn progress_is_judged_by_its_text() {
    for p in [
        "1e400",
        "-1e400",
        "1.00000000000000001",
        "-1e-400",
        "1.7976931348623158e308",
    ] {
        assert_eq!(
            findings(&with_progress(p), &Options::default()),
            [format!(
                "progress-out-of-range task.progress: progress is {p}, expected a number from 0 to 1"
            )]
        );
    }
    for p in [
        "0",
        "-0",
        "0.0e5",
        "1e-400",
        "1",
        "1E0",
        "0.1e1",
        "10e-1",
        "1.000",
        "0.99999999999999999",
    ] {
        assert_eq!(
            findings(&with_progress(p), &Options::default()),
            [] as [String; 0],
            "{p}"
        );
    }
    let complete_at = |p: &str| {
        format!(
            r#"{{"task":{{{TASK},"taskState":"COMPLETE","progress":{p},"result":{{"successful":true,"failureDumpAvailable":false}}}}}}"#
        )
    };
    assert_eq!(
        findings(&complete_at("0.99999999999999999"), &Options::default()),
        ["progress-incomplete task.progress: the task is COMPLETE but progress is 0.99999999999999999"]
    );
    assert_eq!(findings(&complete_at("100e-2"), &Options::default()), [] as [String; 0]);
    let doc = Document::from_str(&with_progress("1e400")).unwrap();
    assert_eq!(
        doc.task().and_then(|t| t.progress.as_ref()).map(|p| p.value()),
        Some(f64::INFINITY)
    );
    assert!(serde_json::to_string(&doc).unwrap().contains(r#""progress":1e400"#));
}

#[test]
fn a_long_field_name_is_cut_in_paths() {
    let name = "k".repeat(10_000_000);
    let json = format!(r#"{{"task":{{{TASK},"taskState":"IN_PROGRESS","{name}":1}}}}"#);
    let cut = format!("{}…", "k".repeat(64));
    assert_eq!(
        findings(&json, &Options::default()),
        [format!("unknown-field task[\"{cut}\"]: unknown field `{cut}`")]
    );
    // The same in a decoding error's path.
    let json = format!(r#"{{"task":{{{TASK},"taskState":"IN_PROGRESS","{name}":{{"a":[}}}}}}"#);
    let err = Document::from_str(&json).unwrap_err();
    assert!(err.path().len() < 100, "{}", err.path().len());
}

/// The seed response with `pairs` put first in its `values` array, compact.
fn seed_with_first_pairs(pairs: &[&str]) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(&crate::util::fixture("valid/seed.json")).unwrap();
    let values = doc["task"]["result"]["details"][0]["values"].as_array_mut().unwrap();
    for (i, p) in pairs.iter().enumerate() {
        values.insert(i, serde_json::Value::from(*p));
    }
    serde_json::to_string(&doc).unwrap()
}

#[test]
fn an_unknown_values_key_is_reported_at_its_key() {
    let json = seed_with_first_pairs(&["zzz", "1"]);
    let report = validate::validate_str(&json, &Options::default());
    let f = report.findings.iter().find(|f| f.code == "unknown-values-key").unwrap();
    assert_eq!(f.path, "task.result.details[0].values[0]");
    let key_at = json.find(r#""zzz""#).unwrap() + 1;
    assert_eq!(f.column, Some(key_at));
    // A duplicate key is reported at the key too.
    let json = seed_with_first_pairs(&["zzz", "1", "zzz", "2"]);
    let err = Document::from_str(&json).unwrap_err();
    assert_eq!(err.path(), "task.result.details[0].values[2]");
}

#[test]
fn a_repeated_or_null_key_of_raw_values_is_reported_at_the_key() {
    for (second, code, message) in [
        (
            r#""k""#,
            "values-duplicate-key",
            "duplicate key `k` at index 2 (first at index 0)",
        ),
        ("null", "values-null-key", "null key at index 2, expected a key string"),
    ] {
        let json = format!(
            r#"{{"task":{{{TASK},"taskState":"COMPLETE","result":{{"successful":true,"failureDumpAvailable":false,"details":[{{"type":"somethingNew","values":["k","1",{second},"2"]}}]}}}}}}"#
        );
        let report = validate::validate_str(&json, &Options::default());
        let f = report.findings.iter().find(|f| f.code == code).unwrap();
        assert_eq!(f.path, "task.result.details[0].values[2]");
        assert_eq!(f.message, message);
        assert_eq!(f.column, Some(json.find(&format!(r#""1",{second}"#)).unwrap() + 5));
    }
}

#[cfg(feature = "cli")]
#[test]
fn the_command_line_keeps_these_promises() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("promises-cli");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a-127.json"), nested(127)).unwrap();
    std::fs::write(dir.join("b-128.json"), nested(128)).unwrap();
    std::fs::write(dir.join("c-progress.json"), with_progress("1E-400")).unwrap();
    std::fs::write(
        dir.join("c-repeated.json"),
        format!(r#"{{"meta":{{"x":{{"a":1,"a":2}}}},"task":{{{TASK},"taskState":"IN_PROGRESS"}}}}"#),
    )
    .unwrap();
    let name = "k".repeat(1_000_000);
    std::fs::write(
        dir.join("d-long.json"),
        format!(r#"{{"task":{{{TASK},"taskState":"IN_PROGRESS","{name}":1}}}}"#),
    )
    .unwrap();
    let values = seed_with_first_pairs(&["zzz", "1"]);
    std::fs::write(dir.join("e-values.json"), &values).unwrap();
    let out = assert_cmd::Command::cargo_bin("anaplan-task")
        .unwrap()
        .args(["validate", "--strict", "--format", "concise"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let d = dir.to_str().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap().replace(d, "DIR");
    let stdout: Vec<&str> = stdout.lines().filter(|l| !l.contains("missing-envelope")).collect();
    let cut = format!("{}…", "k".repeat(64));
    let key_at = values.find(r#""zzz""#).unwrap() + 1;
    let col = |text: &str, what: &str| text.find(what).unwrap() + 1;
    let x_at = col(&nested(127), "[");
    let deep_at = col(&nested(128), "[");
    let long_at = col(
        &format!(r#"{{"task":{{{TASK},"taskState":"IN_PROGRESS","{name}":1}}}}"#),
        ":1}",
    ) + 1;
    assert_eq!(
        stdout,
        [
            format!("DIR/a-127.json:1:{x_at}: error[unknown-field] task.x: unknown field `x`"),
            format!("DIR/b-128.json:1:{deep_at}: error[unknown-field] task.x: unknown field `x`"),
            "DIR/c-repeated.json:1:14: error[unknown-field] meta.x: unknown field `x`".to_owned(),
            "DIR/c-repeated.json:1:14: error[duplicate-field] meta.x: duplicate field `a`".to_owned(),
            format!("DIR/d-long.json:1:{long_at}: error[unknown-field] task[\"{cut}\"]: unknown field `{cut}`"),
            format!(
                "DIR/e-values.json:1:{key_at}: error[unknown-values-key] task.result.details[0].values[0]: unknown key `zzz` in values"
            ),
            "6 documents: 0 valid, 1 with warnings, 5 invalid; outcomes: 5 running, 1 succeeded".to_owned(),
        ]
    );
}

/// The files the fuzz targets start from or found: the hostile fixtures,
/// and the fuzz corpus folders when they are committed.
fn corpus_files() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![crate::util::fixtures().join("hostile")];
    if let Ok(targets) = std::fs::read_dir(root.join("fuzz/corpus")) {
        dirs.extend(targets.map(|t| t.unwrap().path()));
    }
    let mut files: Vec<_> = dirs
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// The fuzz targets' checks, replayed on every corpus file: the crate reads
/// what serde_json alone reads, to the same text, through text and bytes,
/// and reads that text back to the same document; the validation pass
/// agrees; every line of it as a stream too.
#[test]
fn every_corpus_file_replays_the_fuzz_checks() {
    let files = corpus_files();
    assert!(files.len() > 20, "{}", files.len());
    let check = |name: &str, data: &[u8]| {
        let ours = Document::from_slice(data).map(|d| serde_json::to_string(&d).unwrap());
        let generic = anaplan_task::from_slice::<Document>(data).map(|d| serde_json::to_string(&d).unwrap());
        let theirs = serde_json::from_slice::<Document>(data).map(|d| serde_json::to_string(&d).unwrap());
        assert_eq!(ours, generic, "{name}");
        match (&ours, theirs) {
            (Ok(ours), Ok(theirs)) => assert_eq!(ours, &theirs, "{name}"),
            (Err(_), Err(_)) => {}
            (ours, theirs) => panic!("{name}: the crate: {ours:?}; serde_json: {theirs:?}"),
        }
        // Written back and read again, a document is the same document.
        if let Ok(text) = &ours {
            let again = Document::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(&serde_json::to_string(&again).unwrap(), text, "{name}");
        }
        if let Ok(text) = std::str::from_utf8(data) {
            let from_text = Document::from_str(text).map(|d| serde_json::to_string(&d).unwrap());
            assert_eq!(from_text, ours, "{name}");
        }
        let report = validate::validate_slice(data, &Options::default());
        match (&ours, &report.document) {
            (Ok(text), Some(doc)) => assert_eq!(text, &serde_json::to_string(doc).unwrap(), "{name}"),
            (Err(e), None) => {
                assert_eq!(report.findings.len(), 1, "{name}");
                if report.findings[0].code != "empty-document" {
                    assert_eq!(report.findings[0].code, e.code(), "{name}");
                    assert_eq!(report.findings[0].message, e.message(), "{name}");
                }
            }
            (ours, _) => panic!("{name}: decoding: {ours:?}; validation: {:?}", report.findings),
        }
    };
    for path in files {
        let data = match std::fs::read(&path) {
            Ok(data) => data,
            // A fuzzer running beside the tests replaces its corpus files.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => panic!("{}: {e}", path.display()),
        };
        let name = path.display().to_string();
        check(&name, &data);
        let mut lines = anaplan_task::ndjson::LineReader::new(data.as_slice(), 1 << 20);
        while let Some(line) = lines.next_line().unwrap() {
            if let anaplan_task::ndjson::Line::Document { number, bytes } = line {
                check(&format!("{name}:{number}"), bytes);
            }
        }
    }
}

#[test]
fn a_null_in_an_optional_task_field_reads_as_absent() {
    use anaplan_task::DocumentKind;
    for (json, kind) in [
        (
            format!(r#"{{"task":{{{TASK},"taskState":null}}}}"#),
            DocumentKind::CreateTask,
        ),
        (
            format!(r#"{{"task":{{{TASK},"result":null,"progress":null}}}}"#),
            DocumentKind::CreateTask,
        ),
        (format!(r#"{{{TASK},"taskState":null}}"#), DocumentKind::CreateTask),
        // A task that says it runs is a status, however little else it says.
        (
            format!(r#"{{"task":{{{TASK},"taskState":"IN_PROGRESS","result":null}}}}"#),
            DocumentKind::TaskStatus,
        ),
    ] {
        let doc = Document::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(doc.kind(), kind, "{json}");
    }
    // A null state is still a state field: it cannot come twice, and a
    // status body needs a real one.
    let twice = format!(r#"{{"task":{{{TASK},"taskState":null,"taskState":"COMPLETE"}}}}"#);
    assert_eq!(
        Document::from_str(&twice).unwrap_err().message(),
        "duplicate field `taskState`"
    );
    let status = format!(r#"{{"task":{{{TASK},"taskState":null,"progress":1}}}}"#);
    assert_eq!(
        Document::from_str(&status).unwrap_err().to_string(),
        "task: missing field `taskState` (line 1, column 83)"
    );
}

#[test]
fn a_repeated_long_field_name_is_cut_in_its_message() {
    let key = "k".repeat(100_000);
    let json = format!(r#"{{"task":{{{TASK},"taskState":"COMPLETE","{key}":1,"{key}":2}}}}"#);
    let report = validate::validate_str(&json, &Options::default());
    let f = report.findings.iter().find(|f| f.code == "duplicate-field").unwrap();
    assert_eq!(f.message, format!("duplicate field `{}…`", "k".repeat(64)));
    // A known field sent twice is still refused, with the same message.
    let json = format!(r#"{{"task":{{{TASK},"taskState":"COMPLETE","taskState":"COMPLETE"}}}}"#);
    assert_eq!(
        Document::from_str(&json).unwrap_err().message(),
        "duplicate field `taskState`"
    );
}

#[cfg(feature = "dump")]
#[test]
fn an_endless_dump_header_is_refused_at_its_limit() {
    let Err(err) = anaplan_task::dump::DumpReader::with_max_record(std::io::repeat(0), 1 << 20) else {
        panic!("an endless header is refused");
    };
    assert_eq!(
        err.to_string(),
        "the header is longer than the record limit of 1048576 bytes"
    );
}

/// The `message-mismatch` fixture with another hierarchy name.
fn mismatch_named(name: &str) -> String {
    let mut doc: serde_json::Value =
        serde_json::from_str(&crate::util::fixture("findings/message-mismatch.json")).unwrap();
    doc["task"]["result"]["details"][0]["values"][1] = name.into();
    serde_json::to_string(&doc).unwrap()
}

const SAID: &str = "the message says \"Employees: 91 (0/91) rows successful, 5 ignored\"";

#[test]
fn a_long_hierarchy_name_is_cut_in_the_message_it_is_quoted_in() {
    let json = mismatch_named(&"E".repeat(1_000_000));
    assert_eq!(
        findings(&json, &Options::default()),
        [format!(
            "message-mismatch task.result.details[0].localMessageText: {SAID} but the counts say \"{}…: 90 (0/90) rows successful, 5 ignored\"",
            "E".repeat(64)
        )]
    );
}

#[test]
fn a_long_string_in_a_wrong_type_message_is_cut() {
    let long = "x".repeat(200_000);
    let json = with_progress(&format!("\"{long}\""));
    let expected = format!("invalid type: string \"{}…\", expected a JSON number", "x".repeat(64));
    assert_eq!(Document::from_str(&json).unwrap_err().message(), expected);
    assert_eq!(
        findings(&json, &Options::default()),
        [format!("wrong-type task.progress: {expected}")]
    );
    // A short one is quoted whole, as serde writes it.
    assert_eq!(
        findings(&with_progress(r#""a\"b""#), &Options::default()),
        [r#"wrong-type task.progress: invalid type: string "a\"b", expected a JSON number"#]
    );
}

#[test]
fn control_characters_in_quoted_text_are_escaped() {
    let json = mismatch_named("E\u{1b}[31m\nX");
    assert_eq!(
        findings(&json, &Options::default()),
        [format!(
            "message-mismatch task.result.details[0].localMessageText: {SAID} but the counts say \"E\\u{{1b}}[31m\\nX: 90 (0/90) rows successful, 5 ignored\""
        )]
    );
    let json = with_progress(r#""E\u001b[31m\nX""#);
    assert_eq!(
        findings(&json, &Options::default()),
        [r#"wrong-type task.progress: invalid type: string "E\u{1b}[31m\nX", expected a JSON number"#]
    );
    let json = format!(r#"{{"task":{{{TASK},"taskState":"E\u001b[31m\nX"}}}}"#);
    assert_eq!(
        findings(&json, &Options::default()),
        [r#"unknown-state task.taskState: unknown task state `E\u{1b}[31m\nX`"#]
    );
}
