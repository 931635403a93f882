//! Any bytes: the validation pass gives one report; a valid one has a
//! document; every finding has a path, and its code reads back from its text.
#![no_main]

use anaplan_task::validate::{self, Code, Options, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for strict in [false, true] {
        let report = validate::validate_slice(data, &Options::default().strict(strict));
        if report.is_valid() {
            assert!(report.document.is_some());
        }
        if report.document.is_none() {
            assert_eq!(report.findings.len(), 1);
            assert_eq!(report.findings[0].severity, Severity::Error);
        }
        for f in &report.findings {
            assert_eq!(f.code.as_str().parse::<Code>().ok(), Some(f.code), "{}", f.code);
            assert!(!f.path.is_empty());
        }
    }
});
