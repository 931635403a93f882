//! Failure dumps as spreadsheet tools and pipes hand them over: `\r` line
//! ends (as old tools save), a header that comes in several reads, reads
//! that are interrupted, UTF-16 "Unicode text" and the UTF-8 byte-order
//! mark. Lines are numbered as the README says, the separator is told by
//! the whole header, and the text is read in the encoding its mark names.

use std::io::{self, Read};

use anaplan_task::dump::{DumpReader, DumpSummary};

/// What a dump's rows say: `row N line L` for a row read, the error for
/// one that is not.
fn rows(reader: DumpReader<impl Read>) -> Vec<String> {
    reader
        .map(|r| match r {
            Ok(row) => format!("row {} line {}: {:?}", row.row, row.line, row.values),
            Err(e) => e.to_string(),
        })
        .collect()
}

/// A dump of a header, a good row, a row one field short and a row whose
/// `_Line_` is not a number, with the line end `end`.
fn three_rows(end: &str) -> String {
    [
        r#""_Status_","Name","_Line_","_Error_1_""#,
        r#""E","Ann","2","Invalid parent""#,
        r#""E","Bob","3""#,
        r#""E","Cy","x","Invalid parent""#,
    ]
    .join(end)
        + end
}

#[test]
fn every_kind_of_line_end_numbers_the_lines_alike() {
    let want = [
        "row 1 line 2: [\"Ann\"]",
        "row 2 (line 3): 3 fields, but the header has 4",
        "row 3 (line 4): `_Line_` is not a line number: `x`",
    ];
    for end in ["\n", "\r\n", "\r"] {
        let dump = three_rows(end);
        assert_eq!(rows(DumpReader::new(dump.as_bytes()).unwrap()), want, "{end:?}");
    }
    // Line ends mixed, blank lines between rows: each counts once.
    let mixed = "\"_Line_\",\"Name\"\r\n\r\"2\",\"Ann\"\n\r\n\"x\",\"Bob\"\r";
    assert_eq!(
        rows(DumpReader::new(mixed.as_bytes()).unwrap()),
        [
            "row 1 line 3: [\"Ann\"]",
            "row 2 (line 5): `_Line_` is not a line number: `x`"
        ]
    );
}

#[test]
fn a_line_end_inside_a_quoted_field_is_a_line_of_the_file() {
    for inside in ["\r", "\n", "\r\n"] {
        let dump = format!(
            "\"_Status_\",\"Name\",\"_Line_\",\"_Error_1_\"\n\"E\",\"A{inside}nn\",\"2\",\"Invalid parent\"\n\"E\",\"Bob\",\"3\"\n"
        );
        assert_eq!(
            rows(DumpReader::new(dump.as_bytes()).unwrap()),
            [
                format!("row 1 line 2: [\"A{}nn\"]", inside.escape_debug()),
                "row 2 (line 4): 3 fields, but the header has 4".to_owned()
            ],
            "{inside:?}"
        );
    }
}

/// Gives one byte a read, and fails every other read with
/// [`io::ErrorKind::Interrupted`] first when `interrupt` is set.
struct Trickle<'a> {
    data: &'a [u8],
    interrupt: bool,
    interrupted: bool,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.interrupt && !self.interrupted {
            self.interrupted = true;
            return Err(io::ErrorKind::Interrupted.into());
        }
        self.interrupted = false;
        let n = buf.len().min(1).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fn trickle(data: &[u8], interrupt: bool) -> Trickle<'_> {
    Trickle {
        data,
        interrupt,
        interrupted: false,
    }
}

const TABS: &str = "\"_Line_\"\t\"Name, first\"\t\"_Error_1_\"\n\"2\"\t\"Ann\"\t\"Invalid parent\"\n";

#[test]
fn the_separator_is_told_by_the_whole_header_however_it_comes() {
    for interrupt in [false, true] {
        let reader = DumpReader::new(trickle(TABS.as_bytes(), interrupt)).unwrap();
        assert_eq!(reader.source_columns(), ["Name, first"]);
        assert_eq!(rows(reader), ["row 1 line 2: [\"Ann\"]"], "interrupted: {interrupt}");
    }
    // A header with a comma in a name, split before its first tab.
    let header_only = "\"A, B, C\"\t\"_Line_\"\r";
    let reader = DumpReader::new(trickle(header_only.as_bytes(), false)).unwrap();
    assert_eq!(reader.source_columns(), ["A, B, C"]);
    // A quote inside an unquoted name opens nothing, as csv-core reads it:
    // the header ends at its line end, whatever the rows hold.
    let stray = "_Status_\tSize 5\"\t_Line_\t_Error_1_\nE\tx\"\t1\tbad value, not a date, not a number\n";
    let reader = DumpReader::new(trickle(stray.as_bytes(), false)).unwrap();
    assert_eq!(reader.source_columns(), ["Size 5\""]);
    assert_eq!(rows(reader), ["row 1 line 2: [\"x\\\"\"]"]);
}

#[test]
fn an_interrupted_read_is_tried_again() {
    let dump = three_rows("\r\n");
    let plain = rows(DumpReader::new(dump.as_bytes()).unwrap());
    let reader = DumpReader::new(trickle(dump.as_bytes(), true)).unwrap();
    assert_eq!(rows(reader), plain);
    let s = DumpSummary::read(DumpReader::new(trickle(dump.as_bytes(), true)).unwrap());
    assert_eq!((s.rows, s.unreadable, s.read_error), (3, 2, None));
}

/// `text` in UTF-16 with its byte-order mark: little-endian or big-endian.
pub(crate) fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

/// A dump as a spreadsheet tool saves "Unicode text": tab-separated,
/// `\r\n` line ends, names that are not ASCII.
const UNICODE_TEXT: &str =
    "\"_Status_\"\t\"Name\"\t\"_Line_\"\t\"_Error_1_\"\r\n\"E\"\t\"Zoë 😀\"\t\"2\"\t\"Invalid parent\"\r\n";

#[test]
fn a_utf16_dump_is_read_as_utf16() {
    for big_endian in [false, true] {
        let bytes = utf16(UNICODE_TEXT, big_endian);
        let reader = DumpReader::new(trickle(&bytes, true)).unwrap();
        let name = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
        assert_eq!(reader.encoding(), name);
        assert_eq!(rows(reader), ["row 1 line 2: [\"Zoë 😀\"]"]);
    }
    // A unit that is not UTF-16 (a lone surrogate) is U+FFFD, and said.
    let mut bytes = utf16("\"_Line_\",\"Name\"\n\"2\",\"Zo", false);
    bytes.extend([0x00, 0xD8]);
    bytes.extend(&utf16("\"\n\"3\",\"Bob\"\n", false)[2..]);
    let mut reader = DumpReader::new(bytes.as_slice()).unwrap();
    let row = reader.next().unwrap().unwrap();
    assert_eq!(
        (row.column("Name"), &row.not_utf8[..]),
        (Some("Zo\u{fffd}"), &["Name".to_owned()][..])
    );
    let s = DumpSummary::read(DumpReader::new(bytes.as_slice()).unwrap());
    assert_eq!(
        (s.rows, s.not_utf8, s.notes),
        (
            2,
            1,
            vec!["row 1 (line 2): not UTF-16LE in `Name`; read with U+FFFD in place of what is not".to_owned()]
        )
    );
}

#[test]
fn a_utf8_byte_order_mark_is_not_part_of_the_first_name() {
    let dump = format!("\u{feff}{}", three_rows("\r\n"));
    let reader = DumpReader::new(dump.as_bytes()).unwrap();
    assert!(reader.has_status());
    assert_eq!(
        (reader.encoding(), reader.source_columns()),
        ("UTF-8", &["Name".to_owned()][..])
    );
}

proptest::proptest! {
    /// The fuzz target's property on any rows after a header, in UTF-8 or
    /// UTF-16 with or without a byte-order mark, with line ends of every
    /// kind: no panic, rows numbered in order, lines in order and within
    /// the line ends.
    #[test]
    fn any_bytes_after_a_mark_keep_the_fuzz_property(
        first: u8,
        mark in proptest::sample::select(vec![&b""[..], b"\xFF\xFE", b"\xFE\xFF", b"\xEF\xBB\xBF"]),
        body in proptest::collection::vec(proptest::sample::select(b"\"\r\n,\t_Lineab\x00\xD8\xDC\xFF".to_vec()), 0..300),
    ) {
        let header = "\"_Line_\",\"a\"\r";
        let header: Vec<u8> = match mark {
            b"\xFF\xFE" => header.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            b"\xFE\xFF" => header.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            _ => header.as_bytes().to_vec(),
        };
        crate::dump::dump_check::check(&[&[first][..], mark, &header, &body].concat());
    }
}

/// The same through the command line.
#[cfg(feature = "cli")]
mod command {
    use std::io::Write;
    use std::process::{Command, Stdio};
    use std::time::Duration;

    use super::*;
    use crate::cli::run;

    #[test]
    fn lines_are_numbered_alike_whatever_the_line_ends() {
        for end in ["\n", "\r\n", "\r"] {
            let (code, stdout, stderr) = run(&["dump", "-"], Some(three_rows(end).as_bytes()));
            assert_eq!((code, stderr.as_str()), (1, ""));
            assert!(
                stdout.ends_with(
                    "unreadable rows\n  row 2 (line 3): 3 fields, but the header has 4\n  row 3 (line 4): `_Line_` is not a line number: `x`\n"
                ),
                "{end:?}: {stdout}"
            );
        }
    }

    /// The header in two reads, as `(head -c 10 F; sleep .3; tail -c +11 F)`
    /// gives it.
    #[test]
    fn a_header_that_comes_in_two_reads() {
        let mut child = Command::new(env!("CARGO_BIN_EXE_anaplan-task"))
            .args(["dump", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(&TABS.as_bytes()[..10]).unwrap();
        stdin.flush().unwrap();
        std::thread::sleep(Duration::from_millis(300));
        stdin.write_all(&TABS.as_bytes()[10..]).unwrap();
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stderr), "");
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            "dump         <stdin>\n\
             columns      Name, first\n\
             rows         1 (0 errors, 0 warnings, 1 other, 0 unreadable)\n\
             \n\
             \x20    rows  first source lines  error\n\
             \x20       1  2                   Invalid parent\n"
        );
    }

    #[test]
    fn a_utf16_dump_is_reported_in_its_encoding() {
        let (code, stdout, stderr) = run(&["dump", "-"], Some(&utf16(UNICODE_TEXT, false)));
        assert_eq!((code, stderr.as_str()), (0, ""));
        assert_eq!(
            stdout,
            "dump         <stdin>\n\
             encoding     UTF-16LE, as its byte-order mark says\n\
             columns      Name\n\
             rows         1 (1 error, 0 warnings, 0 other, 0 unreadable)\n\
             \n\
             \x20    rows  first source lines  error\n\
             \x20       1  2                   Invalid parent\n"
        );
        let (code, json, _) = run(&["dump", "--format", "json", "-"], Some(&utf16(UNICODE_TEXT, true)));
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            (v["encoding"].as_str(), v["summary"]["rows"].as_u64()),
            (Some("UTF-16BE"), Some(1))
        );
        // A lone surrogate: the row is read, and said.
        let mut bytes = utf16("\"_Line_\",\"Name\"\n\"2\",\"Zo", true);
        bytes.extend([0xDC, 0x00]);
        bytes.extend(&utf16("\"\n", true)[2..]);
        let (code, stdout, _) = run(&["dump", "-"], Some(&bytes));
        assert_eq!(code, 0);
        assert_eq!(
            stdout,
            "dump         <stdin>\n\
             encoding     UTF-16BE, as its byte-order mark says\n\
             columns      Name\n\
             rows         1 (0 errors, 0 warnings, 1 other, 0 unreadable)\n\
             not UTF-16BE 1 row, read with U+FFFD\n\
             \n\
             rows not UTF-16BE\n\
             \x20 row 1 (line 2): not UTF-16BE in `Name`; read with U+FFFD in place of what is not\n"
        );
    }
}
