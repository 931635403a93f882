//! The failure-dump reader and the `dump` command on hostile input: a row
//! that is not UTF-8, huge records, floods of distinct messages and of
//! broken rows, I/O errors. Every row gets one verdict, memory stays
//! bounded (counted with allocation-counter, deterministic), nothing aborts.

use std::error::Error as _;
use std::io::{self, Read};

use anaplan_task::dump::{DumpError, DumpReader, DumpSummary};

const HEADER: &str = "\"_Status_\",\"Name\",\"_Line_\",\"_Error_1_\"\n";

/// A dump of `rows` rows, row `i` (from 1) made by `row(i)`.
pub(crate) fn dump(rows: u64, row: impl Fn(u64) -> Vec<u8>) -> Vec<u8> {
    let mut out = HEADER.as_bytes().to_vec();
    for i in 1..=rows {
        out.extend(row(i));
    }
    out
}

/// A good row: `E`, a name, source line `i + 1`, the message.
pub(crate) fn row(i: u64, name: &[u8], message: &str) -> Vec<u8> {
    let mut out = b"\"E\",\"".to_vec();
    out.extend(name);
    out.extend(format!("\",\"{}\",\"{message}\"\n", i + 1).as_bytes());
    out
}

/// 1,000 rows, row 2 with one Latin-1 byte (`é`) in its name.
pub(crate) fn latin1_dump() -> Vec<u8> {
    dump(1000, |i| {
        if i == 2 {
            row(i, b"Zo\xe9", "Invalid parent")
        } else {
            row(i, b"Ann", "Invalid parent")
        }
    })
}

/// `rows` rows, each with its own message.
pub(crate) fn distinct_messages(rows: u64) -> Vec<u8> {
    dump(rows, |i| row(i, b"Ann", &format!("Invalid name: item {i}")))
}

/// `rows` rows, each one field short.
pub(crate) fn short_rows(rows: u64) -> Vec<u8> {
    dump(rows, |i| format!("\"E\",\"Ann\",\"{i}\"\n").into_bytes())
}

#[test]
fn a_row_that_is_not_utf8_is_read_as_windows_1252_and_reading_goes_on() {
    let bytes = latin1_dump();
    let mut reader = DumpReader::new(bytes.as_slice()).unwrap();
    let first = reader.next().unwrap().unwrap();
    assert!(first.not_utf8.is_empty());
    let second = reader.next().unwrap().unwrap();
    assert_eq!((second.row, second.line), (2, 3));
    assert_eq!(second.column("Name"), Some("Zoé"));
    assert_eq!(second.not_utf8, ["Name"]);
    assert_eq!(reader.count(), 998);

    let s = DumpSummary::read(DumpReader::new(bytes.as_slice()).unwrap());
    assert_eq!((s.rows, s.errors, s.unreadable, s.not_utf8), (1000, 1000, 0, 1));
    assert_eq!(s.notes, ["row 2 (line 3): not UTF-8 in `Name`; read as Windows-1252"]);
    assert_eq!(s.messages[0].rows, 1000);
}

#[test]
fn windows_1252_keeps_every_byte() {
    // 0x80 is the euro sign in Windows-1252 (a control in Latin-1); the
    // five bytes Windows-1252 leaves undefined map to C1 controls, so any
    // byte string decodes to text that encodes back to it.
    let all: Vec<u8> = (0x80..=0xff).filter(|&b| b != b'"').collect();
    let bytes = dump(1, |i| row(i, &all, "x"));
    let row = DumpReader::new(bytes.as_slice()).unwrap().next().unwrap().unwrap();
    let name = row.column("Name").unwrap();
    assert!(name.starts_with('€'));
    let (back, _, lossy) = encoding_rs::WINDOWS_1252.encode(name);
    assert!(!lossy);
    assert_eq!(&back[..], &all[..]);
}

#[test]
fn a_record_over_the_limit_is_reported_and_skipped() {
    let bytes = dump(3, |i| {
        if i == 2 {
            row(i, &[b'x'; 500], "Too long")
        } else {
            row(i, b"Ann", "Invalid parent")
        }
    });
    let reader = DumpReader::with_max_record(bytes.as_slice(), 100).unwrap();
    let rows: Vec<String> = reader
        .map(|r| match r {
            Ok(row) => format!("row {} line {}", row.row, row.source_line),
            Err(e) => e.to_string(),
        })
        .collect();
    assert_eq!(
        rows,
        [
            "row 1 line 2",
            "row 2 (line 3): 522 bytes, more than the record limit of 100 bytes",
            "row 3 line 4"
        ]
    );
    let e = DumpReader::with_max_record(bytes.as_slice(), 10).unwrap_err();
    assert_eq!(e.to_string(), "the header is longer than the record limit of 10 bytes");
}

/// Peak heap bytes while `f` runs on this thread.
fn peak(f: impl FnOnce()) -> u64 {
    allocation_counter::measure(f).bytes_max
}

#[test]
fn thirty_megabytes_of_nul_bytes_take_a_bounded_amount_of_memory() {
    let nul = vec![0u8; 30 << 20];
    let mut error = None;
    let bytes = peak(|| error = DumpReader::new(nul.as_slice()).err());
    assert_eq!(
        error.take().unwrap().to_string(),
        "the header is longer than the record limit of 1048576 bytes"
    );
    assert!(bytes < 4 << 20, "{bytes} bytes");

    // The same after a good header: one record, too large, skipped.
    let mut input = HEADER.as_bytes().to_vec();
    input.extend(&nul);
    let mut s = DumpSummary::default();
    let bytes = peak(|| s = DumpSummary::read(DumpReader::new(input.as_slice()).unwrap()));
    assert_eq!((s.rows, s.unreadable), (1, 1));
    assert_eq!(
        s.problems,
        ["row 1 (line 2): 31457280 bytes, more than the record limit of 1048576 bytes"]
    );
    assert!(bytes < 4 << 20, "{bytes} bytes");
    // Commas: as many fields as bytes. Their ends are kept up to the
    // header's width, then only counted.
    let commas = vec![b','; 30 << 20];
    let bytes = peak(|| error = DumpReader::new(commas.as_slice()).err());
    assert_eq!(
        error.take().unwrap().to_string(),
        "the header is longer than the record limit of 1048576 bytes"
    );
    assert!(bytes < 4 << 20, "{bytes} bytes");
    let commas = [HEADER.as_bytes(), &commas[..1000], b"\n"].concat();
    let bytes = peak(|| s = DumpSummary::read(DumpReader::new(commas.as_slice()).unwrap()));
    assert_eq!(s.problems, ["row 1 (line 2): 1001 fields, but the header has 4"]);
    assert!(bytes < 128 << 10, "{bytes} bytes");
    let narrow = format!("{HEADER}x\n");
    let s = DumpSummary::read(DumpReader::new(narrow.as_bytes()).unwrap());
    assert_eq!(s.problems, ["row 1 (line 2): 1 field, but the header has 4"]);
    let wide = vec![b','; 70_000];
    let e = DumpReader::new(wide.as_slice()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the header has 70001 fields, more than the limit of 65536"
    );
}

#[test]
fn a_flood_of_distinct_messages_is_counted_in_bounded_memory() {
    let input = distinct_messages(30_000);
    let mut s = DumpSummary::default();
    let bytes = peak(|| s = DumpSummary::read(DumpReader::new(input.as_slice()).unwrap()));
    assert_eq!(s.rows, 30_000);
    assert_eq!(s.messages.len(), DumpSummary::DEFAULT_TOP);
    assert_eq!(s.messages[0].message, "Invalid name: item 1");
    assert_eq!(s.other_messages.distinct, 9_900);
    assert_eq!(s.other_messages.rows, 9_900);
    assert_eq!(s.other_messages.untracked_rows, 20_000);
    // 10,000 messages of ~22 bytes, twice (list and index), plus the
    // reader's buffers: well under 4 MiB whatever the number of rows.
    assert!(bytes < 4 << 20, "{bytes} bytes");
}

#[test]
fn a_flood_of_broken_rows_keeps_the_first_hundred() {
    let input = short_rows(50_000);
    let mut s = DumpSummary::default();
    let bytes = peak(|| s = DumpSummary::read(DumpReader::new(input.as_slice()).unwrap()));
    assert_eq!((s.rows, s.unreadable), (50_000, 50_000));
    assert_eq!(s.problems.len(), DumpSummary::MAX_LISTED);
    assert_eq!(s.problems[99], "row 100 (line 101): 3 fields, but the header has 4");
    assert!(bytes < 1 << 20, "{bytes} bytes");
}

/// Gives `ok` bytes of `inner`, then fails.
struct Failing<'a> {
    inner: &'a [u8],
    ok: usize,
}

impl Read for Failing<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.ok == 0 {
            return Err(io::Error::other("disk on fire"));
        }
        let n = buf.len().min(self.ok).min(self.inner.len());
        buf[..n].copy_from_slice(&self.inner[..n]);
        (self.inner, self.ok) = (&self.inner[n..], self.ok - n);
        Ok(n)
    }
}

#[test]
fn an_io_error_ends_the_reading_with_its_source() {
    let bytes = latin1_dump();
    let failing = Failing {
        inner: &bytes,
        ok: HEADER.len() + 10,
    };
    let mut reader = DumpReader::new(failing).unwrap();
    let e = reader.next().unwrap().unwrap_err();
    assert_eq!(e.to_string(), "cannot read the dump at line 2: disk on fire");
    assert!(matches!(e, DumpError::Io { .. }));
    assert_eq!(e.source().unwrap().to_string(), "disk on fire");
    assert!(reader.next().is_none());

    let failing = Failing { inner: &bytes, ok: 0 };
    let e = DumpReader::new(failing).unwrap_err();
    assert_eq!(e.to_string(), "cannot read the dump at line 1: disk on fire");
}

#[path = "../../fuzz/fuzz_targets/dump_check.rs"]
pub(crate) mod dump_check;

/// The fuzz target's property, on every dump fixture (with a few record
/// limits and read sizes) and on every input kept from a fuzz run.
#[test]
fn the_fuzz_property_holds_on_every_dump_fixture() {
    let fixtures = crate::util::fixtures();
    let mut files = 0;
    for dir in [fixtures.join("dumps"), "examples/dumps".into()] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "csv") {
                let bytes = std::fs::read(&path).unwrap();
                for first in [0u8, 0x3f, 0x7f, 0xff] {
                    dump_check::check(&[&[first], &bytes[..]].concat());
                }
                files += 1;
            }
        }
    }
    assert!(files >= 8, "{files}");
    for entry in std::fs::read_dir(fixtures.join("dumps/fuzz")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none() {
            dump_check::check(&std::fs::read(&path).unwrap());
            files += 1;
        }
    }
    assert!(files >= 9, "{files}");
}

/// The same through the command line: exit status, row counts, output.
#[cfg(feature = "cli")]
mod command {
    use super::*;
    use crate::cli::{run, snapshot};

    #[test]
    fn a_row_that_is_not_utf8_does_not_stop_the_count() {
        let code = snapshot("dump_latin1_row", &["dump", "-"], Some(&latin1_dump()));
        assert_eq!(code, 0);
        let (code, json, _) = run(&["dump", "--format", "json", "-"], Some(&latin1_dump()));
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["summary"]["rows"], 1000);
        assert_eq!(v["summary"]["not_utf8"], 1);
        snapshot(
            "dump_windows_1252_fixture",
            &["dump", "tests/fixtures/dumps/windows-1252-rows.csv"],
            None,
        );
    }

    #[test]
    fn distinct_messages_print_the_top_and_a_count() {
        let input = distinct_messages(12_000);
        let code = snapshot("dump_distinct_messages", &["dump", "--top", "3", "-"], Some(&input));
        assert_eq!(code, 0);
        // The default lists 100 messages: the output is bounded.
        let (code, out, _) = run(&["dump", "-"], Some(&input));
        assert_eq!(code, 0);
        assert_eq!(out.lines().count(), 3 + 2 + 100 + 2);
        let (_, json, _) = run(&["dump", "--format", "json", "-"], Some(&input));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["summary"]["rows"], 12_000);
        assert_eq!(v["summary"]["messages"].as_array().unwrap().len(), 100);
        assert_eq!(
            v["summary"]["other_messages"],
            serde_json::json!({"distinct": 9900, "rows": 9900, "untracked_rows": 2000})
        );
    }

    #[test]
    fn broken_rows_print_the_first_hundred_and_a_count() {
        let (code, out, _) = run(&["dump", "-"], Some(&short_rows(20_000)));
        assert_eq!(code, 1);
        assert!(out.contains("\nrows         20000 (0 errors, 0 warnings, 0 other, 20000 unreadable)\n"));
        assert!(
            out.ends_with("  row 100 (line 101): 3 fields, but the header has 4\n  ... and 19900 more\n"),
            "{out}"
        );
        assert_eq!(out.lines().count(), 3 + 2 + 100 + 1);
    }

    #[test]
    fn nul_bytes_and_long_records_are_reported() {
        let nul = vec![0u8; 20 << 20];
        let code = snapshot("dump_nul_bytes", &["dump", "-"], Some(&nul));
        assert_eq!(code, 1);
        let input = dump(3, |i| {
            if i == 2 {
                row(i, &[0; 500], "Too long")
            } else {
                row(i, b"Ann", "Invalid parent")
            }
        });
        let code = snapshot("dump_long_record", &["dump", "--max-record", "100", "-"], Some(&input));
        assert_eq!(code, 1);
    }

    #[test]
    fn long_messages_keep_the_table_aligned() {
        let long = "Invalid name: ".to_owned() + &"x".repeat(200);
        let input = dump(3, |i| match i {
            1 => row(i, b"Ann", &long),
            2 => row(i, b"Bo", "Two\nlines"),
            _ => row(i, b"Cy", "Invalid parent"),
        });
        snapshot("dump_long_messages", &["dump", "-"], Some(&input));
    }

    #[test]
    fn a_directory_or_unreadable_input_exits_two() {
        let (code, out, err) = run(&["dump", "tests/fixtures/dumps"], None);
        assert_eq!((code, out.as_str()), (2, ""));
        assert_eq!(err, "tests/fixtures/dumps: cannot read: Is a directory (os error 21)\n");
        let (code, _, err) = run(&["dump", "no/such.csv"], None);
        assert_eq!(code, 2);
        assert_eq!(
            err,
            "no/such.csv: cannot read: No such file or directory (os error 2)\n"
        );
    }

    /// Every dump fixture (fuzz crashes land there too) gets one verdict
    /// through the command: exit 0 or 1, a report or a message.
    #[test]
    fn every_dump_fixture_gets_a_verdict() {
        for entry in std::fs::read_dir(crate::util::fixtures().join("dumps")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "csv") {
                continue;
            }
            let path = path.to_str().unwrap();
            let (code, out, err) = run(&["dump", path], None);
            assert!(code == 0 || code == 1, "{path}: exit {code}");
            assert!(out.is_empty() != err.is_empty(), "{path}: {out}{err}");
        }
    }
}
