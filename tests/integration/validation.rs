//! The validation pass: one fixture per rule, each with a snapshot of its
//! findings, and every code reachable.

use std::collections::BTreeSet;

use anaplan_task::endpoint::CallKind;
use anaplan_task::validate::{self, Code, Options, Severity};

use crate::util::fixtures;

/// Options encoded in a fixture's name: `.strict.`, `.kind-NAME.` and
/// `.alm-NAME.` (an ALM call).
fn options_for(name: &str) -> Options {
    let call = name
        .split('.')
        .find_map(|part| part.strip_prefix("kind-"))
        .map(|k| k.parse::<CallKind>().unwrap());
    // The first part is the fixture's own name.
    let alm = name
        .split('.')
        .skip(1)
        .find_map(|part| part.strip_prefix("alm-"))
        .map(|k| k.parse::<anaplan_task::endpoint::AlmCall>().unwrap());
    Options::default()
        .strict(name.contains(".strict."))
        .call(call)
        .alm_call(alm)
}

fn render(report: &validate::Report) -> String {
    let mut out = format!(
        "kind: {}\nvalid: {}\noutcome: {}\n",
        report.kind().map_or("unknown", |k| k.as_str()),
        report.is_valid(),
        report.outcome().map_or("-", |o| o.as_str())
    );
    for f in &report.findings {
        out.push_str(&format!("{f}\n"));
    }
    out
}

#[test]
fn each_rule_has_a_fixture() {
    insta::glob!("../fixtures/findings", "*.json", |path| {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let report = validate::validate_slice(&bytes, &options_for(&name));
        assert!(!report.findings.is_empty(), "{name} has no finding");
        insta::assert_snapshot!(render(&report));
    });
}

#[test]
fn valid_fixtures_have_no_errors() {
    insta::glob!("../fixtures/valid", "*.json", |path| {
        let bytes = std::fs::read(path).unwrap();
        let report = validate::validate_slice(&bytes, &Options::default());
        assert!(report.is_valid(), "{}: {:#?}", path.display(), report.findings);
    });
}

#[test]
fn invalid_fixtures_get_one_error_with_a_code() {
    let mut table = String::new();
    let mut names: Vec<_> = std::fs::read_dir(fixtures().join("invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        let report = validate::validate_slice(&std::fs::read(&path).unwrap(), &Options::default());
        assert!(!report.is_valid());
        assert_eq!(report.findings.len(), 1, "{}", path.display());
        let f = &report.findings[0];
        assert_eq!(f.severity, Severity::Error);
        table.push_str(&format!("{}: {}\n", path.file_name().unwrap().to_string_lossy(), f));
    }
    insta::assert_snapshot!(table);
}

#[test]
fn every_code_is_reachable_from_a_fixture() {
    let mut seen = BTreeSet::new();
    for folder in ["valid", "invalid", "findings"] {
        for entry in std::fs::read_dir(fixtures().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let report = validate::validate_slice(&std::fs::read(&path).unwrap(), &options_for(&name));
            seen.extend(report.findings.iter().map(|f| f.code));
        }
    }
    // Reported by the command line only (unreadable input, size limits,
    // folder entries passed over, paths without documents, refused
    // outcomes, a poll log's task that leaves its end; each has a test
    // through the command), the fallback for a decoding error none of the
    // other codes describes, and the cap on findings (tested in `hostile`).
    let cli_only = [
        "io-error",
        "too-large",
        "not-read",
        "no-document",
        "outcome-refused",
        "terminal-state-changed",
        "invalid-data",
        "more-findings",
    ];
    let expected: BTreeSet<Code> = Code::ALL
        .iter()
        .copied()
        .filter(|c| !cli_only.contains(&c.as_str()))
        .collect();
    let missing: Vec<_> = expected.difference(&seen).collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}

#[test]
fn check_without_source_has_paths_but_no_positions() {
    let text = crate::util::fixture("findings/count-mismatch.json");
    let doc = anaplan_task::Document::from_str(&text).unwrap();
    let findings = validate::check(&doc, &Options::default());
    assert_eq!(findings[0].code, "count-mismatch");
    assert_eq!(findings[0].path, "task.result.details[0].values");
    assert_eq!((findings[0].line, findings[0].column), (None, None));
    // Placed, a finding names the entry, and the findings come in the
    // order of the text.
    let placed = validate::validate_str(&text, &Options::default());
    let at: Vec<_> = placed
        .findings
        .iter()
        .map(|f| (f.line, f.column, f.path.as_str()))
        .collect();
    assert!(
        at.contains(&(Some(39), Some(13), "task.result.details[0].values[19]")),
        "{at:?}"
    );
    assert!(at.is_sorted(), "{at:?}");
}

#[test]
fn whitespace_only_input_is_an_empty_document() {
    for input in ["", " \n\t\r\n"] {
        let report = validate::validate_str(input, &Options::default());
        assert!(!report.is_valid());
        assert_eq!(
            report.findings[0].to_string(),
            "1:1: error[empty-document] .: no document: the input is empty or white space only"
        );
    }
    // JSON's white space only: a form feed or a vertical tab is a broken
    // document, as serde_json reads it.
    for (input, at) in [("\x0c", "1:1"), (" \x0b\n", "1:2")] {
        let report = validate::validate_str(input, &Options::default());
        let shown: Vec<String> = report.findings.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [format!("{at}: error[invalid-json] .: expected value")],
            "{input:?}"
        );
    }
}
