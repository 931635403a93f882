//! The command line: formats, exit statuses, stdin, NDJSON, folders.

use std::path::Path;

use assert_cmd::Command;

fn cmd() -> Command {
    let mut c = Command::cargo_bin("anaplan-task").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c.env_remove("NO_COLOR");
    c
}

/// Runs the command; returns exit status, stdout and stderr.
#[track_caller]
pub(crate) fn run(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut c = cmd();
    c.args(args);
    if let Some(input) = stdin {
        c.write_stdin(input.to_vec());
    }
    let out = c.output().unwrap();
    (
        out.status.code().expect("exited with a signal"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[track_caller]
pub(crate) fn snapshot(name: &str, args: &[&str], stdin: Option<&[u8]>) -> i32 {
    let (code, stdout, stderr) = run(args, stdin);
    insta::assert_snapshot!(
        name,
        format!(
            "$ anaplan-task {}\nexit: {code}\n--- stdout\n{stdout}--- stderr\n{stderr}",
            args.join(" ")
        )
    );
    code
}

#[test]
fn bundled_examples_in_each_format() {
    assert_eq!(snapshot("examples_text", &["validate", "examples/responses"], None), 1);
    assert_eq!(
        snapshot(
            "examples_concise",
            &["validate", "--format", "concise", "examples/responses"],
            None
        ),
        1
    );
    assert_eq!(
        snapshot(
            "examples_json",
            &["validate", "--format", "json", "examples/responses"],
            None
        ),
        1
    );
    assert_eq!(
        snapshot(
            "examples_github",
            &["validate", "--format", "github", "examples/responses"],
            None
        ),
        1
    );
    assert_eq!(
        snapshot("examples_quiet", &["validate", "--quiet", "examples/responses"], None),
        1
    );
}

/// Under a finding the text form draws the line it points at; a finding
/// without a place (a refused outcome) keeps its one line in both forms.
#[test]
fn a_finding_without_a_place_keeps_its_one_line() {
    for (name, format) in [("refused_text", "text"), ("refused_concise", "concise")] {
        let args = [
            "validate",
            "--format",
            format,
            "--fail-on",
            "failed",
            "examples/responses/process-failed-step.json",
        ];
        assert_eq!(snapshot(name, &args, None), 3);
    }
}

#[test]
fn json_format_gives_one_line_per_document() {
    let (code, stdout, _) = run(
        &["validate", "--format", "json", "examples/responses/poll-log.ndjson"],
        None,
    );
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // Five non-blank lines, one of them broken: five verdicts.
    let verdicts: Vec<(u64, bool)> = lines
        .iter()
        .map(|l| (l["ndjson_line"].as_u64().unwrap(), l["valid"].as_bool().unwrap()))
        .collect();
    assert_eq!(verdicts, [(1, true), (2, true), (3, false), (5, true)]);
    assert_eq!(lines[2]["kind"], "unknown");
    assert_eq!(lines[2]["outcome"], serde_json::Value::Null);
    assert_eq!(lines[3]["outcome"], "succeeded");
}

#[test]
fn valid_input_exits_zero_and_warnings_can_deny() {
    assert_eq!(run(&["validate", "tests/fixtures/valid/seed.json"], None).0, 0);
    let warned = "tests/fixtures/findings/count-mismatch.json";
    assert_eq!(run(&["validate", warned], None).0, 0);
    assert_eq!(
        snapshot("deny_warnings", &["validate", "--deny-warnings", warned], None),
        1
    );
}

#[test]
fn strict_turns_unknown_fields_into_errors() {
    let path = "tests/fixtures/findings/unknown-field.json";
    assert_eq!(run(&["validate", path], None).0, 0);
    assert_eq!(snapshot("strict", &["validate", "--strict", path], None), 1);
}

#[test]
fn kind_checks_the_object_id() {
    let path = "tests/fixtures/valid/seed.json";
    assert_eq!(run(&["validate", "--kind", "import", path], None).0, 0);
    assert_eq!(
        snapshot("kind_export", &["validate", "--kind", "export", path], None),
        1
    );
}

#[test]
fn stdin_single_document_and_ndjson() {
    let seed = std::fs::read("tests/fixtures/valid/seed.json").unwrap();
    assert_eq!(snapshot("stdin_pretty", &["validate", "-"], Some(&seed)), 0);
    let compact = serde_json::to_vec(&serde_json::from_slice::<serde_json::Value>(&seed).unwrap()).unwrap();
    let mut stream = compact.clone();
    stream.extend_from_slice(b"\r\n   \r\n{\"task\": 1}\r\n\n");
    stream.extend_from_slice(&compact);
    assert_eq!(snapshot("stdin_ndjson", &["validate", "-"], Some(&stream)), 1);
    // No path at all reads stdin too.
    assert_eq!(run(&["validate"], Some(&seed)).0, 0);
}

#[test]
fn unreadable_input_is_reported_and_the_rest_still_runs() {
    let code = snapshot(
        "missing_file",
        &["validate", "no/such/file.json", "tests/fixtures/valid/seed.json"],
        None,
    );
    assert_eq!(code, 2);
}

#[test]
fn empty_files_are_invalid_documents() {
    let dir = tempdir("empty");
    std::fs::write(dir.join("empty.json"), "").unwrap();
    std::fs::write(dir.join("blank.json"), " \n\t\n").unwrap();
    std::fs::write(dir.join("blank.ndjson"), "\n  \n").unwrap();
    std::fs::write(dir.join("notes.txt"), "not a capture").unwrap();
    let (code, stdout, _) = run(&["validate", "--format", "concise", dir.to_str().unwrap()], None);
    // A stream of blank lines found in a folder is `no-document`, as when
    // it is named.
    assert_eq!(code, 2);
    let stdout = stdout.replace(dir.to_str().unwrap(), "DIR");
    assert_eq!(
        stdout,
        "DIR/blank.json:1:1: error[empty-document] .: no document: the input is empty or white space only\n\
         DIR/blank.ndjson: error[no-document] .: no document: the stream holds only blank lines\n\
         DIR/empty.json:1:1: error[empty-document] .: no document: the input is empty or white space only\n\
         2 documents: 0 valid, 0 with warnings, 2 invalid; 1 input without documents\n"
    );
    // A folder of blank streams holds streams, not nothing.
    std::fs::remove_file(dir.join("empty.json")).unwrap();
    std::fs::remove_file(dir.join("blank.json")).unwrap();
    let (code, stdout, _) = run(&["validate", "--format", "concise", dir.to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert_eq!(
        stdout.replace(dir.to_str().unwrap(), "DIR"),
        "DIR/blank.ndjson: error[no-document] .: no document: the stream holds only blank lines\n\
         0 documents: 0 valid, 0 with warnings, 0 invalid; 1 input without documents\n"
    );
}

#[test]
fn folders_are_searched_recursively() {
    let (code, stdout, _) = run(&["validate", "--format", "json", "tests/fixtures"], None);
    assert_eq!(code, 1);
    let sources = crate::util::sources(&stdout);
    // One verdict per .json file, and per non-blank line of an .ndjson file.
    fn expected(dir: &Path) -> usize {
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            match path.extension().and_then(|e| e.to_str()) {
                _ if path.is_dir() => n += expected(&path),
                Some("json") => n += 1,
                Some("ndjson" | "jsonl") => {
                    let text = std::fs::read(&path).unwrap();
                    n += text
                        .split(|&b| b == b'\n')
                        .filter(|l| !anaplan_task::ndjson::is_blank(l))
                        .count();
                }
                _ => {}
            }
        }
        n
    }
    assert_eq!(sources.len(), expected(Path::new("tests/fixtures")));
    assert!(sources.windows(2).all(|w| w[0] <= w[1]), "sorted");
}

#[test]
fn a_folder_is_walked_in_name_order_with_captures_told_by_their_extension() {
    let dir = tempdir("order");
    let seed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/fixtures/valid/seed.json").unwrap()).unwrap();
    // One line, so that it is also a one-document stream.
    let seed = seed.to_string();
    let names = [
        // Longer than the 16 bytes compared first, and differing after them.
        "response-0000000010.json",
        "response-0000000002.json",
        "response-000000001.json",
        "response-00000000.json",
        "b.jsonl",
        "a.json",
        "a.json.json",
        "x.ndjson",
        // In any case.
        "d.JSON",
        // Not captures: a bare extension is a hidden file's name, and the
        // match is on the whole extension.
        ".json",
        "c.txt",
        "e.json~",
    ];
    for name in names {
        std::fs::write(dir.join(name), &seed).unwrap();
    }
    // A folder sorts where its name does: `a` before `a.json`.
    std::fs::create_dir(dir.join("a")).unwrap();
    std::fs::write(dir.join("a").join("z.json"), &seed).unwrap();
    let (code, stdout, _) = run(&["validate", "--format", "json", dir.to_str().unwrap()], None);
    assert_eq!(code, 0, "{stdout}");
    let sources: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let source = v["source"].as_str().unwrap().replace(dir.to_str().unwrap(), "DIR");
            match v["ndjson_line"].as_u64() {
                Some(n) => format!("{source}:{n}"),
                None => source,
            }
        })
        .collect();
    assert_eq!(
        sources,
        [
            "DIR/a/z.json",
            "DIR/a.json",
            "DIR/a.json.json",
            "DIR/b.jsonl:1",
            "DIR/d.JSON",
            "DIR/response-00000000.json",
            "DIR/response-0000000002.json",
            "DIR/response-000000001.json",
            "DIR/response-0000000010.json",
            "DIR/x.ndjson:1",
        ]
    );
}

#[test]
fn the_report_is_the_same_whatever_the_number_of_jobs() {
    let dir = tempdir("jobs");
    let fixtures = ["valid", "invalid", "findings"].map(|kind| {
        let mut files: Vec<_> = std::fs::read_dir(Path::new("tests/fixtures").join(kind))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        files
    });
    let fixtures: Vec<_> = fixtures.concat();
    // More files than one batch, of every verdict, with other inputs (a
    // stream, a folder, a dangling link) between them: each of those is
    // reported after the files before it and before the files after it.
    for i in 0..1200 {
        let name = format!("response-{i:04}.json");
        let target = dir.join(&name);
        match i {
            700 => std::fs::write(dir.join("response-0700.ndjson"), "{}\n\n[1]\n").unwrap(),
            701 => std::fs::create_dir_all(dir.join("response-0701").join("inner")).unwrap(),
            702 => std::os::unix::fs::symlink(dir.join("nowhere.json"), &target).unwrap(),
            _ => std::fs::copy(&fixtures[i % fixtures.len()], &target).map(drop).unwrap(),
        }
    }
    // A body with a finding, so that the text report names it.
    let with_finding = Path::new("tests/fixtures/valid/bare-create-task-with-state.json");
    std::fs::copy(with_finding, dir.join("response-0701").join("inner").join("a.json")).unwrap();
    let dir = dir.to_str().unwrap();
    for format in ["text", "json", "github"] {
        let args = |jobs| {
            [
                "validate",
                "--format",
                format,
                "--max-size",
                "3000",
                "--jobs",
                jobs,
                dir,
            ]
        };
        let one = run(&args("1"), None);
        assert_eq!(one.0, 2, "an unreadable link");
        for line in [
            "response-0700.ndjson",
            "response-0702.json",
            "inner/a.json",
            "too-large",
        ] {
            assert!(one.1.contains(line), "{format}: no {line} in the report");
        }
        for jobs in ["2", "3", "8"] {
            assert!(
                run(&args(jobs), None) == one,
                "{format} with {jobs} jobs differs from one job"
            );
        }
    }
}

#[test]
fn jobs_are_at_least_one() {
    let (code, _, stderr) = run(&["validate", "--jobs", "0", "-"], None);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: invalid value '0' for '--jobs <JOBS>': 0 is not in 1..=65535\n"),
        "{stderr}"
    );
}

#[test]
fn summarize_shows_a_task_for_a_person() {
    snapshot("summarize_seed", &["summarize", "tests/fixtures/valid/seed.json"], None);
    snapshot(
        "summarize_process",
        &["summarize", "examples/responses/process-failed-step.json"],
        None,
    );
    snapshot(
        "summarize_module",
        &["summarize", "tests/fixtures/valid/module-import.json"],
        None,
    );
    snapshot("summarize_list", &["summarize", "tests/fixtures/valid/list.json"], None);
    assert_eq!(
        snapshot(
            "summarize_bad",
            &["summarize", "examples/responses/bad-count.json"],
            None
        ),
        1
    );
}

#[test]
fn dump_summaries() {
    snapshot("dump_text", &["dump", "examples/dumps/employees-dump.csv"], None);
    snapshot(
        "dump_json",
        &["dump", "--format", "json", "tests/fixtures/dumps/spec-example.csv"],
        None,
    );
    assert_eq!(
        snapshot(
            "dump_malformed",
            &["dump", "tests/fixtures/dumps/malformed-rows.csv"],
            None
        ),
        1
    );
    assert_eq!(
        snapshot(
            "dump_no_line",
            &["dump", "tests/fixtures/dumps/missing-line-column.csv"],
            None
        ),
        1
    );
    assert_eq!(run(&["dump", "no/such.csv"], None).0, 2);
    let csv = std::fs::read("tests/fixtures/dumps/tab-separated-old.csv").unwrap();
    assert_eq!(snapshot("dump_stdin", &["dump", "-"], Some(&csv)), 0);
}

#[test]
fn schema_and_docs_print_the_committed_files() {
    let (code, stdout, _) = run(&["schema"], None);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        std::fs::read_to_string("schemas/task-response.schema.json").unwrap()
    );
    for (kind, file) in [
        ("create", "create-task-response"),
        ("list", "task-list-response"),
        ("error", "error-response"),
    ] {
        let (_, stdout, _) = run(&["schema", "--kind", kind], None);
        assert_eq!(
            stdout,
            std::fs::read_to_string(format!("schemas/{file}.schema.json")).unwrap()
        );
    }
    let (_, stdout, _) = run(&["docs"], None);
    assert_eq!(stdout, std::fs::read_to_string("docs/schema.md").unwrap());
}

#[test]
fn help_shows_examples_and_usage_errors_exit_two() {
    for sub in ["validate", "summarize", "schema", "docs", "dump"] {
        let (code, stdout, _) = run(&[sub, "--help"], None);
        assert_eq!(code, 0);
        assert!(stdout.contains("Example"), "{sub} --help has no example");
    }
    let (code, _, stderr) = run(&["validate", "--format", "yaml"], None);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("invalid value 'yaml' for '--format <FORMAT>'"),
        "{stderr}"
    );
}

/// A fresh folder under the target directory.
fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The README's example of `validate` is what the command prints.
#[test]
fn the_readme_shows_what_validate_prints() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let after = readme
        .split_once("cargo run --features cli -- validate examples/responses\n```\n\n```text\n")
        .unwrap()
        .1;
    let shown = after.split_once("```").unwrap().0;
    let (code, stdout, _) = run(&["validate", "--color", "never", "examples/responses"], None);
    assert_eq!(code, 1);
    assert_eq!(stdout, shown);
}
