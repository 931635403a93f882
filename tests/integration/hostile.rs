//! Hostile input: every adversarial fixture, and large inputs made here,
//! get one clear verdict through the library and the command line; nothing
//! panics.

use anaplan_task::ndjson::{Line, LineReader};
use anaplan_task::validate::{self, Options, Report};

fn render(report: &Report) -> String {
    let mut out = format!("valid: {}\n", report.is_valid());
    for f in &report.findings {
        assert!(!f.path.is_empty());
        out.push_str(&format!("{f}\n"));
    }
    out
}

#[test]
fn hostile_fixtures_through_the_library() {
    insta::glob!("../fixtures/hostile", "*.*json", |path| {
        let bytes = std::fs::read(path).unwrap();
        let text = if path.extension().is_some_and(|e| e == "ndjson") {
            let mut out = String::new();
            let mut lines = LineReader::new(bytes.as_slice(), 1 << 20);
            while let Some(line) = lines.next_line().unwrap() {
                match line {
                    Line::Document { number, bytes } => {
                        out.push_str(&format!(
                            "line {number}: {}",
                            render(&validate::validate_slice(bytes, &Options::default()))
                        ));
                    }
                    Line::TooLong { number, len } => out.push_str(&format!("line {number}: too long ({len})\n")),
                }
            }
            out
        } else {
            render(&validate::validate_slice(&bytes, &Options::default()))
        };
        insta::assert_snapshot!(text);
    });
}

#[cfg(feature = "cli")]
#[test]
fn hostile_fixtures_through_the_command_line() {
    let out = assert_cmd::Command::cargo_bin("anaplan-task")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["validate", "--format", "json", "tests/fixtures/hostile"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = std::str::from_utf8(&out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // One verdict per .json file, one per non-blank line of the .ndjson file.
    let files = std::fs::read_dir(crate::util::fixtures().join("hostile"))
        .unwrap()
        .count();
    assert_eq!(lines.len(), files - 1 + 4);
    let valid = lines.iter().filter(|l| l["valid"] == true).count();
    // Three lines of the .ndjson file, a bare task with a long number, and
    // a status with arrays nested in an unknown field (kept as text).
    assert_eq!(valid, 5, "{lines:#?}");
}

/// A seed response with `values` replaced by `entries` entries.
fn with_values(code: &str, entries: usize, unknown: bool) -> String {
    let mut values = Vec::with_capacity(entries);
    if !unknown {
        values.push("hierarchyName".to_owned());
        values.push("Employees".to_owned());
    }
    let mut i = 0;
    while values.len() < entries {
        values.push(format!("k{i}"));
        values.push(i.to_string());
        i += 1;
    }
    serde_json::json!({"task": {"taskId": "1B1D84DDD53847BAA621810B593C3FC1", "taskState": "COMPLETE",
        "result": {"successful": true, "failureDumpAvailable": false,
            "details": [{"type": code, "values": values}]}}})
    .to_string()
}

#[test]
fn a_million_values_entries() {
    // An unknown code keeps the raw entries; a typed code reports the
    // missing keys and the unknown ones without a quadratic search.
    let raw = validate::validate_str(&with_values("somethingNew", 1_000_000, true), &Options::default());
    assert!(raw.is_valid(), "{:#?}", raw.findings);
    let text = with_values("hierarchyRowsProcessed", 1_000_000, false);
    let typed = validate::validate_str(&text, &Options::default());
    // Placed at the end of the array, where the missing key is known.
    let end = text.find("]}]").unwrap() + 1;
    assert_eq!(
        typed.findings[0].to_string(),
        format!(
            "1:{end}: error[values-missing-key] task.result.details[0].values: \
             missing key `successRowCount` required by hierarchyRowsProcessed"
        )
    );
    let text = with_values("exportSucceeded", 1_000_000, true).replacen("\"k0\"", "\"exportName\"", 1);
    let export = validate::validate_str(&text, &Options::default());
    assert!(export.is_valid());
    let codes: Vec<&str> = export.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["missing-envelope", "unknown-values-key"]);
    assert_eq!(
        export.findings[1].message,
        "499999 unknown keys in values: `k1`, `k2`, `k3`, `k4`, `k5` and 499994 more"
    );
}

#[test]
fn a_hundred_megabyte_string() {
    let big = "x".repeat(100 << 20);
    let json = serde_json::json!({"task": {"taskId": "1B1D84DDD53847BAA621810B593C3FC1", "taskState": "IN_PROGRESS",
        "currentStep": big}})
    .to_string();
    let report = validate::validate_str(&json, &Options::default());
    assert!(report.is_valid());
    // A typed value that long is cut in the message that quotes it.
    let json = with_values("hierarchyRowsProcessed", 2, false).replacen("\"Employees\"", "null", 1);
    let report = validate::validate_str(&json, &Options::default());
    assert!(!report.is_valid());
    let bad = format!("{}1", "9".repeat(100 << 20));
    let json = serde_json::json!({"task": {"taskId": "1B1D84DDD53847BAA621810B593C3FC1", "taskState": "COMPLETE",
        "result": {"successful": true, "failureDumpAvailable": false,
            "details": [{"type": "lineItemRowsProcessed", "values": ["lineItemName", "x", "rowCount", bad]}]}}})
    .to_string();
    let report = validate::validate_str(&json, &Options::default());
    assert_eq!(report.findings[0].code, "count-overflow");
    assert!(
        report.findings[0].message.len() < 200,
        "{}",
        report.findings[0].message.len()
    );
}

#[test]
fn findings_are_capped_and_placed_in_linear_time() {
    // 5,000 details with unknown codes, and no envelope: 5,001 findings, of
    // which the first thousand are listed.
    let details: Vec<serde_json::Value> = (0..5000)
        .map(|i| serde_json::json!({"type": format!("code{i}"), "values": []}))
        .collect();
    let json = serde_json::json!({"task": {"taskId": "1B1D84DDD53847BAA621810B593C3FC1", "taskState": "COMPLETE",
        "result": {"successful": true, "failureDumpAvailable": false, "details": details}}})
    .to_string();
    let report = validate::validate_str(&json, &Options::default());
    assert_eq!(report.findings.len(), validate::MAX_FINDINGS + 1);
    let last = report.findings.last().unwrap();
    assert_eq!(
        last.to_string(),
        "info[more-findings] .: 4001 more findings are not listed (at most 1000 are), the worst of them info"
    );
    assert!(!last.code.meaning().is_empty(), "more-findings is documented");
    assert!(report.is_valid());
}

#[cfg(feature = "cli")]
#[test]
// One scenario, told in order; splitting it would hide the sequence.
#[allow(clippy::too_many_lines)]
fn the_command_line_limits_sizes_and_reads_awkward_files() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-cli");
    let _ = std::fs::remove_dir_all(&dir);
    // A folder named like a capture is searched, not read as a file.
    std::fs::create_dir_all(dir.join("a-folder.json")).unwrap();
    let seed = crate::util::fixture("valid/seed.json");
    let compact = serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&seed).unwrap()).unwrap();
    std::fs::write(dir.join("a-folder.json/inside.json"), &seed).unwrap();
    std::fs::write(dir.join("big.json"), format!("{compact}{}", " ".repeat(5000))).unwrap();
    std::fs::write(
        dir.join("stream.ndjson"),
        format!("{compact}\n{}\n{compact}\n", "x".repeat(5000)),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("anaplan-task")
            .unwrap()
            .args(args)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let d = dir.to_str().unwrap();
    let (code, stdout) = run(&["validate", "--max-size", "4000", d]);
    assert_eq!(code, Some(1));
    let stdout = stdout.replace(d, "DIR");
    assert_eq!(
        stdout,
        "DIR/big.json: error[too-large] .: the file is 5877 bytes, more than the limit of 4000 bytes (--max-size)\n\
         DIR/stream.ndjson:2: error[too-large] .: the line is 5000 bytes, more than the limit of 4000 bytes (--max-size)\n\
         5 documents: 3 valid, 0 with warnings, 2 invalid; outcomes: 3 succeeded\n"
    );
    // Files larger than the first read: read whole when within the limit,
    // refused by size otherwise.
    let wide = dir.join("wide");
    std::fs::create_dir_all(&wide).unwrap();
    let padded = format!("{compact}{}", " ".repeat(100_000));
    std::fs::write(wide.join("wide.json"), &padded).unwrap();
    let w = wide.to_str().unwrap();
    let (code, stdout) = run(&["validate", w]);
    assert_eq!(code, Some(0), "{stdout}");
    assert_eq!(
        stdout,
        "1 document: 1 valid, 0 with warnings, 0 invalid; outcomes: 1 succeeded\n"
    );
    let (code, stdout) = run(&["validate", "--max-size", "80000", w]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stdout.replace(w, "DIR"),
        format!(
            "DIR/wide.json: error[too-large] .: the file is {} bytes, more than the limit of 80000 bytes (--max-size)\n\
             1 document: 0 valid, 0 with warnings, 1 invalid\n",
            padded.len()
        )
    );
    // Files of exactly the first read's size, and one byte either side.
    for size in [65_535_usize, 65_536, 65_537] {
        let edge = dir.join("edge");
        let _ = std::fs::remove_dir_all(&edge);
        std::fs::create_dir_all(&edge).unwrap();
        std::fs::write(
            edge.join("edge.json"),
            compact.clone() + &" ".repeat(size - compact.len()),
        )
        .unwrap();
        let (code, stdout) = run(&["validate", edge.to_str().unwrap()]);
        assert_eq!(code, Some(0), "{size}: {stdout}");
        let limit = (size - 1).to_string();
        let (code, stdout) = run(&["validate", "--max-size", &limit, edge.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{size}: {stdout}");
        assert!(
            stdout.contains(&format!(
                "the file is {size} bytes, more than the limit of {limit} bytes"
            )),
            "{stdout}"
        );
    }
    // The largest limit does not overflow.
    let (code, stdout) = run(&["validate", "--max-size", &u64::MAX.to_string(), w]);
    assert_eq!(code, Some(0), "{stdout}");
    // A file that cannot be read: permissions do not stop root, so also
    // read one that fails with an I/O error.
    let locked = dir.join("locked.json");
    std::fs::write(&locked, &seed).unwrap();
    let mut perms = std::fs::metadata(&locked).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
    std::fs::set_permissions(&locked, perms).unwrap();
    let readable_anyway = std::fs::read(&locked).is_ok();
    let (code, stdout) = run(&["validate", locked.to_str().unwrap()]);
    if readable_anyway {
        assert_eq!(code, Some(0));
    } else {
        assert_eq!(code, Some(2));
        assert!(stdout.contains("error[io-error]"), "{stdout}");
    }
    let (code, stdout) = run(&["validate", "/proc/self/mem"]);
    assert_eq!(code, Some(2));
    assert!(
        stdout.starts_with("/proc/self/mem: error[io-error] .: cannot read: "),
        "{stdout}"
    );
}

/// A pipe gives what has been written so far, less than asked; it is read
/// until it ends, not taken as ended by a short read as a regular file is.
#[cfg(all(unix, feature = "cli"))]
#[test]
fn a_named_pipe_is_read_to_its_end() {
    use std::io::Write;
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-pipe");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let pipe = dir.join("capture.json");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    let seed = crate::util::fixture("valid/seed.json");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_anaplan-task"))
        .args(["validate", pipe.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut writer = std::fs::OpenOptions::new().write(true).open(&pipe).unwrap();
    let (head, tail) = seed.split_at(seed.len() / 2);
    writer.write_all(head.as_bytes()).unwrap();
    writer.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    writer.write_all(tail.as_bytes()).unwrap();
    drop(writer);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "1 document: 1 valid, 0 with warnings, 0 invalid; outcomes: 1 succeeded\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

/// A reader interrupted at every other read, the end of its input included:
/// each interruption is retried, as users of `std::io::Read` expect.
struct Stutter<'a> {
    bytes: &'a [u8],
    interrupt: bool,
}

impl std::io::Read for Stutter<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.interrupt = !self.interrupt;
        if self.interrupt {
            return Err(std::io::ErrorKind::Interrupted.into());
        }
        let n = buf.len().min(self.bytes.len()).min(2);
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

#[test]
fn an_interrupted_stream_loses_no_line() {
    for input in [&b"{}\n"[..], b"{}", b"{}\n\n[1]", b""] {
        let reader = std::io::BufReader::with_capacity(
            3,
            Stutter {
                bytes: input,
                interrupt: false,
            },
        );
        let mut lines = LineReader::new(reader, 100);
        let mut documents = Vec::new();
        while let Some(line) = lines.next_line().unwrap() {
            if let Line::Document { bytes, .. } = line {
                documents.push(String::from_utf8(bytes.to_vec()).unwrap());
            }
        }
        let expected: Vec<&str> = std::str::from_utf8(input)
            .unwrap()
            .lines()
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(documents, expected, "{input:?}");
    }
}
