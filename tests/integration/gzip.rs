//! Gzip captures through the command: the verdicts of the same bytes
//! uncompressed, `--max-size` counted after decompression, and a damaged
//! stream named with its byte.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::run;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// A folder with each capture kind, as it is and gzipped.
fn folder(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("anaplan-task-gzip-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("plain")).unwrap();
    std::fs::create_dir_all(dir.join("gz")).unwrap();
    for (name, from) in [
        ("bad.json", "examples/responses/bad-count.json"),
        ("log.ndjson", "examples/responses/poll-log.ndjson"),
        ("log.jsonl", "examples/responses/poll-log.ndjson"),
    ] {
        let bytes = std::fs::read(from).unwrap();
        std::fs::write(dir.join("plain").join(name), &bytes).unwrap();
        std::fs::write(dir.join("gz").join(format!("{name}.gz")), gzip(&bytes)).unwrap();
    }
    dir
}

fn relative(out: &str, dir: &Path) -> String {
    out.replace(dir.to_str().unwrap(), "DIR").replace(".gz", "")
}

#[test]
fn a_gzip_capture_gets_the_verdicts_of_its_bytes() {
    let dir = folder("verdicts");
    for format in ["concise", "json", "text"] {
        let plain = run(
            &["validate", "--format", format, dir.join("plain").to_str().unwrap()],
            None,
        );
        let gz = run(
            &["validate", "--format", format, dir.join("gz").to_str().unwrap()],
            None,
        );
        assert_eq!(gz.0, plain.0, "{format}");
        let plain = relative(&plain.1, &dir.join("plain"));
        assert_eq!(relative(&gz.1, &dir.join("gz")), plain, "{format}");
    }
    let (_, concise, _) = run(
        &["validate", "--format", "concise", dir.join("gz").to_str().unwrap()],
        None,
    );
    assert!(
        concise.contains("log.jsonl.gz:5:668: warning[count-mismatch]"),
        "{concise}"
    );
    for name in ["bad.json", "log.ndjson"] {
        let plain = run(&["summarize", dir.join("plain").join(name).to_str().unwrap()], None);
        let gz = run(
            &["summarize", dir.join("gz").join(format!("{name}.gz")).to_str().unwrap()],
            None,
        );
        assert_eq!(
            (gz.0, relative(&gz.1, &dir)),
            (plain.0, relative(&plain.1, &dir)),
            "{name}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(feature = "dump")]
#[test]
fn a_gzip_dump_is_read_as_its_rows() {
    let dir = folder("dump");
    let csv = std::fs::read(crate::util::fixtures().join("dumps/spec-example.csv")).unwrap();
    std::fs::write(dir.join("d.csv"), &csv).unwrap();
    std::fs::write(dir.join("d.csv.gz"), gzip(&csv)).unwrap();
    let plain = run(&["dump", "--format", "json", dir.join("d.csv").to_str().unwrap()], None);
    let gz = run(
        &["dump", "--format", "json", dir.join("d.csv.gz").to_str().unwrap()],
        None,
    );
    assert_eq!((gz.0, relative(&gz.1, &dir)), (plain.0, relative(&plain.1, &dir)));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bomb_is_too_large_and_a_cut_stream_is_named_with_its_byte() {
    let dir = folder("bomb");
    // 100 MB of zeros, a few hundred kilobytes compressed.
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for _ in 0..100 {
        e.write_all(&[b' '; 1 << 20]).unwrap();
    }
    std::fs::write(dir.join("bomb.json.gz"), e.finish().unwrap()).unwrap();
    let whole = gzip(&std::fs::read("examples/responses/seed.json").unwrap());
    std::fs::write(dir.join("cut.json.gz"), &whole[..200]).unwrap();
    std::fs::write(dir.join("next.json.gz"), &whole).unwrap();
    let (code, out, _) = run(
        &[
            "validate",
            "--format",
            "concise",
            "--max-size",
            "1MiB",
            dir.to_str().unwrap(),
        ],
        None,
    );
    let out = out.replace(dir.to_str().unwrap(), "DIR");
    assert_eq!(code, 2, "{out}");
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with("DIR/gz") && !l.starts_with("DIR/plain"))
        .collect();
    assert_eq!(
        lines[..2],
        [
            "DIR/bomb.json.gz: error[too-large] .: the file holds more than the limit of 1048576 bytes once decompressed (--max-size)",
            "DIR/cut.json.gz: error[io-error] .: cannot read: the gzip stream ends early at byte 200: incomplete deflate stream",
        ]
    );
    // The next input is still read.
    assert!(lines.last().unwrap().starts_with("21 documents: "), "{out}");
    let (code, out, _) = run(
        &[
            "validate",
            "--format",
            "concise",
            dir.join("cut.json.gz").to_str().unwrap(),
            dir.join("next.json.gz").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 2);
    assert!(
        out.ends_with("2 documents: 1 valid, 0 with warnings, 1 invalid; outcomes: 1 succeeded; 1 unreadable\n"),
        "{out}"
    );
    let (code, _, err) = run(&["summarize", dir.join("cut.json.gz").to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert!(
        err.contains("cut.json.gz: cannot read: the gzip stream ends early at byte 200"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
