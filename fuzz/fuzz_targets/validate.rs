//! Any bytes: the validation pass gives one report; a valid one has a
//! document; every finding has a code from the table and a path.
#![no_main]

use anaplan_task::validate::{self, CODES, Options, Severity};
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
            assert!(CODES.iter().any(|c| c.code == f.code), "{}", f.code);
            assert!(!f.path.is_empty());
        }
    }
});
