//! Any stream, read as the command reads NDJSON: the lines the reader gives
//! are exactly the stream split at `\n` (a `\r` before it dropped, blank
//! lines skipped whatever their length, other lines over the limit reported
//! as too long with their length), whatever the buffer size; each line gets
//! one verdict.
#![no_main]

use anaplan_task::ndjson::{Line, LineReader};
use anaplan_task::validate::{self, Options};
use libfuzzer_sys::fuzz_target;

/// The lines of `input` as the module documentation describes them.
fn expected(input: &[u8], max: usize) -> Vec<(u64, Result<Vec<u8>, u64>)> {
    let mut raw: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    if raw.last().is_some_and(|l| l.is_empty()) {
        raw.pop();
    }
    let mut out = Vec::new();
    for (i, line) in raw.into_iter().enumerate() {
        let number = i as u64 + 1;
        // A blank line is skipped whatever its length.
        if line.iter().all(|b| b" \t\r".contains(b)) {
            continue;
        }
        if line.len() > max {
            out.push((number, Err(line.len() as u64)));
            continue;
        }
        out.push((number, Ok(line.strip_suffix(b"\r").unwrap_or(line).to_vec())));
    }
    out
}

fuzz_target!(|input: (u8, u8, &[u8])| {
    let (max, capacity, data) = input;
    let max = usize::from(max % 64) + 1;
    let capacity = usize::from(capacity % 16) + 1;
    let mut lines = LineReader::new(std::io::BufReader::with_capacity(capacity, data), max);
    let mut seen = Vec::new();
    while let Some(line) = lines.next_line().expect("reading a slice cannot fail") {
        match line {
            Line::Document { number, bytes } => {
                let report = validate::validate_slice(bytes, &Options::default());
                assert!(report.document.is_some() || report.findings.len() == 1);
                seen.push((number, Ok(bytes.to_vec())));
            }
            Line::TooLong { number, len } => {
                assert!(len > max as u64);
                seen.push((number, Err(len)));
            }
        }
    }
    let expected = expected(data, max);
    assert_eq!(seen.len(), expected.len());
    for (got, want) in seen.iter().zip(&expected) {
        assert_eq!(got.0, want.0);
        match (&got.1, &want.1) {
            // The length of a long line is exact when it fits the reader's
            // buffer, and at least past the limit otherwise.
            (Err(got), Err(want)) => assert!(got <= want, "{got} > {want}"),
            (got, want) => assert_eq!(got, want),
        }
    }
});
