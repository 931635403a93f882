//! Any bytes: the crate reads a document exactly as serde_json alone reads
//! it, bit for bit (the crate's first, lean reader must never accept more,
//! or read differently: `-0.0` and `0.0` differ here, though `==` holds),
//! through text and bytes, the generic reading and the types' own, and the
//! validation pass the command uses; and every way in that fails gives the
//! same error.
#![no_main]

use anaplan_task::validate::{self, Options};
use anaplan_task::{DecodeError, Document, TaskResponse};
use libfuzzer_sys::fuzz_target;

/// A reading as text: the document written back, or the error.
fn shown<T: serde::Serialize>(r: Result<T, DecodeError>) -> Result<String, String> {
    r.map(|v| serde_json::to_string(&v).expect("a decoded document encodes"))
        .map_err(|e| format!("{} [{}]", e, e.code()))
}

fn same<T: serde::Serialize + serde::de::DeserializeOwned>(
    data: &[u8],
    ways: &[&dyn Fn(&[u8]) -> Result<T, DecodeError>],
) -> Result<String, String> {
    let first = shown(ways[0](data));
    for way in &ways[1..] {
        assert_eq!(shown(way(data)), first);
    }
    // serde_json alone: accepts exactly what the crate accepts, and reads
    // it to the same text (a byte-order mark, which serde_json also
    // refuses, is the crate's own message).
    let theirs = serde_json::from_slice::<T>(data).map(|v| serde_json::to_string(&v).unwrap());
    match (&first, theirs) {
        (Ok(ours), Ok(theirs)) => assert_eq!(ours, &theirs),
        (Err(_), Err(_)) => {}
        (ours, theirs) => panic!("the crate: {ours:?}; serde_json: {theirs:?}"),
    }
    first
}

fuzz_target!(|data: &[u8]| {
    let doc = same::<Document>(
        data,
        &[
            &|d| Document::from_slice(d),
            &|d| anaplan_task::from_slice::<Document>(d),
            &|d| match std::str::from_utf8(d) {
                Ok(t) => Document::from_str(t),
                Err(_) => Document::from_slice(d),
            },
            &|d| match std::str::from_utf8(d) {
                Ok(t) => anaplan_task::from_str::<Document>(t),
                Err(_) => Document::from_slice(d),
            },
        ],
    );
    let _ = same::<TaskResponse>(
        data,
        &[
            &|d| TaskResponse::from_slice(d),
            &|d| anaplan_task::from_slice::<TaskResponse>(d),
            &|d| match std::str::from_utf8(d) {
                Ok(t) => TaskResponse::from_str(t),
                Err(_) => TaskResponse::from_slice(d),
            },
        ],
    );
    // The validation pass reads the same document, or reports the same
    // error, as its only finding.
    let report = validate::validate_slice(data, &Options::default());
    match (&doc, &report.document) {
        (Ok(text), Some(read)) => assert_eq!(text, &serde_json::to_string(read).unwrap()),
        (Err(e), None) => {
            assert_eq!(report.findings.len(), 1);
            let f = &report.findings[0];
            if f.code != "empty-document" {
                // A path as the error's `Display` shows it: cut as reports cut it.
                let shown = match f.shown_path().as_ref() {
                    "." => format!("{} (line {}, column {}) [{}]", f.message, f.line.unwrap(), f.column.unwrap(), f.code),
                    path => format!("{path}: {} (line {}, column {}) [{}]", f.message, f.line.unwrap(), f.column.unwrap(), f.code),
                };
                assert_eq!(&shown, e);
            }
        }
        (doc, _) => panic!("decoding: {doc:?}; validation: {:?}", report.findings),
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let again = validate::validate_str(text, &Options::default());
        assert_eq!(format!("{:?}", again.findings), format!("{:?}", report.findings));
    }
});
