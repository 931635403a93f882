//! Any text: the crate reads a document exactly as serde_json alone reads
//! it (the crate's first, lean reader must never accept more, or read
//! differently), and fails when serde_json fails.
#![no_main]

use anaplan_task::{Document, TaskResponse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Both ways in: the generic reading, and the types' own, which read
    // straight from the text.
    let theirs = serde_json::from_str::<Document>(text).ok();
    assert_eq!(anaplan_task::from_str::<Document>(text).ok(), theirs);
    assert_eq!(Document::from_str(text).ok(), theirs);
    let theirs = serde_json::from_str::<TaskResponse>(text).ok();
    assert_eq!(anaplan_task::from_str::<TaskResponse>(text).ok(), theirs);
    assert_eq!(TaskResponse::from_str(text).ok(), theirs);
});
