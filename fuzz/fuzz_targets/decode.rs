//! Any bytes: a document decodes or fails with an error; a decoded one
//! survives encode then decode unchanged.
#![no_main]

use anaplan_task::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::from_slice(data) else {
        return;
    };
    let json = serde_json::to_vec(&doc).expect("a decoded document encodes");
    let again = Document::from_slice(&json).expect("an encoded document decodes");
    assert_eq!(again, doc);
});
