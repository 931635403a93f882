//! Any stream: lines come out numbered in order, non-blank, within the
//! limit, and every line past the limit is reported.
#![no_main]

use anaplan_task::ndjson::{Line, LineReader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let max = 16;
    let mut lines = LineReader::new(std::io::BufReader::with_capacity(7, data), max);
    let mut last = 0;
    let mut seen = 0;
    while let Some(line) = lines.next_line().expect("reading a slice cannot fail") {
        seen += 1;
        match line {
            Line::Document { number, bytes } => {
                assert!(number > last);
                last = number;
                assert!(bytes.len() <= max);
                assert!(!anaplan_task::ndjson::is_blank(bytes));
                assert!(!bytes.contains(&b'\n'));
            }
            Line::TooLong { number, len } => {
                assert!(number > last);
                last = number;
                assert!(len > max as u64);
            }
        }
    }
    let newlines = data.iter().filter(|&&b| b == b'\n').count() as u64;
    assert!(last <= newlines + 1);
    assert!(seen <= newlines + 1);
});
