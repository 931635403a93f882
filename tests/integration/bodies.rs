//! The bodies that servers and client libraries produce beyond the
//! enveloped status response, through the command: start calls with only
//! an id, bare task objects, chunk lists, lenient paging, and a failure
//! that nothing explains.

use crate::cli::{run, snapshot};

#[test]
fn every_body_of_the_family_is_told_apart() {
    let files = [
        "tests/fixtures/valid/create-task-id-only.json",
        "tests/fixtures/valid/bare-task-object.json",
        "tests/fixtures/valid/bare-create-task.json",
        "tests/fixtures/valid/chunk-list.json",
        "tests/fixtures/valid/chunk-list-empty.json",
        "tests/fixtures/valid/list-empty-total-only.json",
        "tests/fixtures/findings/unexplained-failure.json",
    ];
    let mut args = vec!["validate", "--format", "json"];
    args.extend(files);
    assert_eq!(snapshot("bodies_json", &args, None), 0);
    let mut args = vec!["validate"];
    args.extend(files);
    assert_eq!(snapshot("bodies_text", &args, None), 0);
}

#[test]
fn a_body_whose_schema_names_another_object_is_not_of_the_family() {
    let (code, stdout, _) = run(
        &[
            "validate",
            "--format",
            "concise",
            "tests/fixtures/invalid/schema-names-other-object.json",
        ],
        None,
    );
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "tests/fixtures/invalid/schema-names-other-object.json:1:228: error[unknown-document] .: not a task response: `meta.schema` names `user` objects; the task family's bodies hold `task`, `syncTask`, `taskWithUrl`, `chunk` or `summaryReport` objects\n\
         1 document: 0 valid, 0 with warnings, 1 invalid\n"
    );
}

#[test]
fn a_bare_task_on_stdin_is_a_status() {
    let bare = std::fs::read("tests/fixtures/valid/bare-task-object.json").unwrap();
    let (code, stdout, _) = run(&["validate", "-"], Some(&bare));
    assert_eq!(code, 0);
    assert!(
        stdout.ends_with("1 document: 0 valid, 1 with warnings, 0 invalid; outcomes: 1 succeeded\n"),
        "{stdout}"
    );
}

#[test]
fn summaries_of_the_other_bodies() {
    for (name, file) in [
        (
            "summary_unexplained_failure",
            "tests/fixtures/findings/unexplained-failure.json",
        ),
        (
            "summary_detail_without_message",
            "tests/fixtures/valid/failure-detail-without-message.json",
        ),
        ("summary_chunk_list", "tests/fixtures/valid/chunk-list.json"),
        ("summary_bare_task", "tests/fixtures/valid/bare-task-object.json"),
        ("summary_bare_create_task", "tests/fixtures/valid/bare-create-task.json"),
    ] {
        assert_eq!(snapshot(name, &["summarize", file], None), 0, "{file}");
    }
}
