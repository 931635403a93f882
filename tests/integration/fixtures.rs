//! Every fixture: valid ones decode, survive a round trip and match their
//! snapshot; invalid ones fail with the message in their snapshot.

use anaplan_task::Document;
use serde_json::Value;

use crate::util::normalize;

#[test]
fn valid_fixtures_decode_and_round_trip() {
    insta::glob!("../fixtures/valid", "*.json", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = Document::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));

        // Nothing the server sent is lost: the encoded document is the input,
        // up to the order of pairs in `values`.
        let encoded = serde_json::to_string(&doc).unwrap();
        let original: Value = serde_json::from_str(&text).unwrap();
        let written: Value = serde_json::from_str(&encoded).unwrap();
        assert_eq!(normalize(&written), normalize(&original), "{}", path.display());
        assert_eq!(Document::from_str(&encoded).unwrap(), doc, "{}", path.display());

        insta::assert_snapshot!(format!(
            "kind: {}\noutcome: {}\nmissing envelope: {:?}\n{:#?}",
            doc.kind(),
            doc.outcome().map_or("-", |o| o.as_str()),
            doc.missing_envelope(),
            doc
        ));
    });
}

#[test]
fn invalid_fixtures_fail_with_a_placed_message() {
    insta::glob!("../fixtures/invalid", "*.json", |path| {
        let bytes = std::fs::read(path).unwrap();
        let err = Document::from_slice(&bytes).expect_err(&path.display().to_string());
        insta::assert_snapshot!(format!(
            "category: {}\npath: {}\nline: {}\ncolumn: {}\nmessage: {}",
            err.category().as_str(),
            err.path(),
            err.line(),
            err.column(),
            err.message()
        ));
    });
}
