//! Captures saved in another Unicode encoding than the API's UTF-8 (an
//! editor's "Unicode", which is UTF-16): named as they are, by their
//! byte-order mark, through the library and the command line.

use anaplan_task::validate::{self, Options};

/// The seed response in `name`'s encoding, with its byte-order mark.
fn seed_in(name: &str) -> Vec<u8> {
    let text = crate::util::fixture("valid/seed.json");
    let (mut out, text): (Vec<u8>, Vec<u8>) = match name {
        "UTF-16LE" => (
            vec![0xFF, 0xFE],
            text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        ),
        "UTF-16BE" => (
            vec![0xFE, 0xFF],
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
        _ => (
            vec![0xFF, 0xFE, 0, 0],
            text.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect(),
        ),
    };
    out.extend(text);
    out
}

const MARKS: [(&str, &str); 3] = [
    ("UTF-16LE", "FF FE"),
    ("UTF-16BE", "FE FF"),
    ("UTF-32LE", "FF FE 00 00"),
];

#[test]
fn a_utf16_capture_is_named_as_such() {
    for (name, mark) in MARKS {
        let bytes = seed_in(name);
        let report = validate::validate_slice(&bytes, &Options::default());
        assert!(report.document.is_none());
        let messages: Vec<String> = report.findings.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [format!(
                "1:1: error[invalid-utf8] .: the input is {name} (its byte-order mark is {mark}), but the API sends UTF-8: convert it to UTF-8"
            )]
        );
        let err = anaplan_task::TaskResponse::from_slice(&bytes).unwrap_err();
        assert_eq!(err.code(), "invalid-utf8");
    }
}

#[cfg(feature = "cli")]
#[test]
fn the_command_names_a_utf16_capture() {
    use crate::cli::run;
    let bytes = seed_in("UTF-16LE");
    let message = "the input is UTF-16LE (its byte-order mark is FF FE), but the API sends UTF-8: convert it to UTF-8";
    let (code, stdout, _) = run(&["validate", "-"], Some(&bytes));
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        format!("<stdin>:1:1: error[invalid-utf8] .: {message}\n1 document: 0 valid, 0 with warnings, 1 invalid\n")
    );
    let (code, stdout, stderr) = run(&["summarize", "-"], Some(&bytes));
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(stderr, format!("<stdin>:1:1: error[invalid-utf8] .: {message}\n"));
}
