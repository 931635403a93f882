//! Failure dumps as spreadsheet tools hand them over: `\r` line ends (as
//! old tools save). Lines are numbered as the README says.

use std::io::Read;

use anaplan_task::dump::DumpReader;

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

/// The same through the command line.
#[cfg(feature = "cli")]
mod command {
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
}
