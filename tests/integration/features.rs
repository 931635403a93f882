//! What the crate writes does not depend on its features: every valid
//! fixture, decoded and written back, with its findings and its summary, is
//! compared with one committed snapshot, which the test runs with all
//! features and without the default ones both check.

use anaplan_task::Document;
use anaplan_task::summary::TaskSummaryReport;
use anaplan_task::validate::{Options, validate_str};

#[test]
fn written_output_is_the_same_whatever_the_features() {
    let mut paths: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() > 20, "{}", paths.len());
    let mut written = String::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = Document::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let report = validate_str(&text, &Options::default().strict(true));
        written += &format!(
            "== {}\n{}\n{}\n{}\n",
            path.file_name().unwrap().to_string_lossy(),
            serde_json::to_string(&doc).unwrap(),
            serde_json::to_string(&report.findings).unwrap(),
            serde_json::to_string(&TaskSummaryReport::from_document(&doc)).unwrap(),
        );
    }
    insta::assert_snapshot!(written);
}
