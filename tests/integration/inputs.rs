//! The command's inputs, walk and exits: standard input read as the same
//! bytes in a file, folder walks that end and report every file once,
//! limits on every command, and exit statuses however the run ends.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn cmd(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_anaplan-task"));
    c.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// Runs the command with `stdin`; exit status, stdout and stderr. Fails
/// the test if it has not ended within a minute.
#[track_caller]
pub(crate) fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = spawn(args);
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).unwrap();
        s
    });
    // Read at once, as stdout is, so that a long one cannot fill its pipe.
    let mut errors = child.stderr.take().unwrap();
    let stderr = std::thread::spawn(move || {
        let mut s = String::new();
        errors.read_to_string(&mut s).unwrap();
        s
    });
    let status = wait(&mut child, Duration::from_secs(60), args);
    writer.join().unwrap();
    (status, reader.join().unwrap(), stderr.join().unwrap())
}

/// The command started with its standard streams piped.
fn spawn(args: &[&str]) -> Child {
    cmd(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[track_caller]
fn wait(child: &mut Child, limit: Duration, args: &[&str]) -> i32 {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code().expect("exited with a signal");
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("anaplan-task {} did not end", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A fresh folder under the target directory.
pub(crate) fn tempdir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("inputs").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A status document on one line.
pub(crate) fn one_line() -> String {
    let seed = crate::util::fixture("valid/seed.json");
    serde_json::from_str::<serde_json::Value>(&seed).unwrap().to_string()
}

/// The JSON records of a report, without their source.
fn records(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("source");
            v
        })
        .collect()
}

pub(crate) fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo").arg(path).status().is_ok_and(|s| s.success())
}

#[test]
fn stdin_gives_the_verdicts_of_the_same_bytes_in_a_file() {
    let m = one_line();
    let pretty = crate::util::fixture("valid/seed.json");
    let big = format!("{{\"padding\":\"{}\"}}", "x".repeat(2000));
    // The bytes, the file they read as, and the verdicts: exit status and
    // how many documents.
    let cases: [(&str, String, &str, i32, usize); 9] = [
        ("blank-first", format!("\n{m}\n{m}\n"), "ndjson", 0, 2),
        ("blank-lines-first", format!("  \r\n\n\t\n{m}\n{m}\n"), "ndjson", 0, 2),
        ("truncated-first", format!("{}\n{m}\n", &m[..40]), "ndjson", 1, 2),
        ("too-large-first", format!("{big}\n{m}\n{m}\n"), "ndjson", 1, 3),
        (
            "long-blank-line",
            format!("{m}\n{}\n{m}\n", " ".repeat(2000)),
            "ndjson",
            0,
            2,
        ),
        // A form feed is not JSON's white space: a document, and broken.
        ("form-feed-line", format!("{m}\n\x0c\n{m}\n"), "ndjson", 1, 3),
        ("pretty", pretty.clone(), "json", 0, 1),
        ("pretty-broken", pretty.replacen(',', "", 1), "json", 1, 1),
        ("empty", "\n \n".to_owned(), "json", 1, 1),
    ];
    let dir = tempdir("stdin");
    for (name, bytes, ext, code, count) in cases {
        let file = dir.join(format!("{name}.{ext}"));
        std::fs::write(&file, &bytes).unwrap();
        let args = ["validate", "--format", "json", "--max-size", "1500"];
        let from_file = run(&[&args[..], &[file.to_str().unwrap()]].concat(), b"");
        let from_stdin = run(&[&args[..], &["-"]].concat(), bytes.as_bytes());
        assert_eq!((from_file.0, from_stdin.0), (code, code), "{name}: {from_stdin:?}");
        assert_eq!(records(&from_stdin.1), records(&from_file.1), "{name}");
        assert_eq!(records(&from_stdin.1).len(), count, "{name}");
        // A pipe named (`<(...)`, `/dev/fd/N`) reads as standard input.
        if cfg!(target_os = "linux") {
            let named = run(&[&args[..], &["/dev/stdin"]].concat(), bytes.as_bytes());
            assert_eq!(named.0, code, "{name}: {named:?}");
            assert_eq!(records(&named.1), records(&from_file.1), "{name}");
        }
    }
    // Told, standard input reads as either file.
    let bytes = format!("\n{m}\n{m}\n");
    let file = dir.join("told.json");
    std::fs::write(&file, &bytes).unwrap();
    let as_json = run(&["validate", "--format", "json", file.to_str().unwrap()], b"");
    let told = run(
        &["validate", "--format", "json", "--stdin-format", "json", "-"],
        bytes.as_bytes(),
    );
    assert_eq!(told.0, 1);
    assert_eq!(records(&told.1), records(&as_json.1));
    assert_eq!(records(&told.1)[0]["findings"][0]["code"], "trailing-characters");
    let told = run(&["validate", "--stdin-format", "ndjson", "-"], pretty.as_bytes());
    assert_eq!(told.0, 1);
    assert!(told.1.contains("documents: 0 valid"), "{}", told.1);
}

/// Standard input read through a pipe is named once, under any name.
#[test]
fn standard_input_is_named_once() {
    let mut names: Vec<&[&str]> = vec![&["-", "-"]];
    if cfg!(target_os = "linux") {
        names.extend([&["-", "/dev/stdin"][..], &["/dev/stdin", "/proc/self/fd/0"]]);
    }
    for paths in names {
        let args: Vec<&str> = ["validate"].iter().chain(paths).copied().collect();
        let (code, stdout, stderr) = run(&args, format!("{}\n", one_line()).as_bytes());
        assert_eq!((code, stdout.as_str()), (2, ""), "{paths:?}");
        assert_eq!(
            stderr,
            format!(
                "error: standard input can be named only once (named as `{}`, `{}`)\n\nFor more information, try '--help'.\n",
                paths[0], paths[1]
            )
        );
    }
    // Once under another name, it is read.
    if cfg!(target_os = "linux") {
        let (code, stdout, _) = run(&["validate", "/dev/stdin"], format!("{}\n", one_line()).as_bytes());
        assert_eq!(code, 0);
        assert!(stdout.starts_with("1 document: 1 valid"), "{stdout}");
    }
}

/// A pipe named twice, under one name or two, would wait forever for a
/// second writer: a usage error, as standard input named twice is.
#[cfg(unix)]
#[test]
fn a_pipe_is_named_once() {
    let dir = tempdir("pipe-twice");
    let fifo = dir.join("f.json");
    if !mkfifo(&fifo) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    std::os::unix::fs::symlink(&fifo, dir.join("link.json")).unwrap();
    let (f, link) = (
        fifo.to_str().unwrap().to_owned(),
        dir.join("link.json").to_str().unwrap().to_owned(),
    );
    for second in [&f, &link] {
        let (code, stdout, stderr) = run(&["validate", &f, second], b"");
        assert_eq!((code, stdout.as_str()), (2, ""));
        assert_eq!(
            stderr,
            format!(
                "error: a pipe or device can be named only once (named as `{f}`, `{second}`)\n\nFor more information, try '--help'.\n"
            )
        );
    }
}

#[cfg(unix)]
#[test]
fn a_walk_reads_only_regular_files_and_judges_names_before_links() {
    let dir = tempdir("walk");
    std::fs::copy("tests/fixtures/valid/seed.json", dir.join("doc.json")).unwrap();
    if !mkfifo(&dir.join("x.json")) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    std::os::unix::fs::symlink("/nowhere", dir.join("notes.txt")).unwrap();
    std::os::unix::fs::symlink("/nowhere", dir.join("gone.json")).unwrap();
    let d = dir.to_str().unwrap();
    let (code, stdout, _) = run(&["validate", d], b"");
    assert_eq!(
        stdout.replace(d, "DIR"),
        "DIR/gone.json: error[io-error] .: cannot read: No such file or directory (os error 2)\n\
         DIR/x.json: warning[not-read] .: not a regular file (a pipe, a device or a socket); a folder's are not read, name it to read it\n\
         2 documents: 1 valid, 0 with warnings, 1 invalid; outcomes: 1 succeeded; 1 unreadable; 1 not read\n"
    );
    assert_eq!(code, 2);
    std::fs::remove_file(dir.join("gone.json")).unwrap();
    let (code, stdout, _) = run(&["validate", "--quiet", d], b"");
    assert_eq!((code, stdout.as_str()), (0, ""));
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_reported_and_every_file_once() {
    let dir = tempdir("loop");
    std::fs::copy("tests/fixtures/valid/seed.json", dir.join("seed.json")).unwrap();
    std::os::unix::fs::symlink(".", dir.join("loop")).unwrap();
    let d = dir.to_str().unwrap();
    let (code, stdout, _) = run(&["validate", d], b"");
    assert_eq!(
        stdout.replace(d, "DIR"),
        "DIR/loop: warning[not-read] .: a link to DIR, a folder being searched or one that holds it; not followed\n\
         1 document: 1 valid, 0 with warnings, 0 invalid; outcomes: 1 succeeded; 1 not read\n"
    );
    assert_eq!(code, 0);
    assert_eq!(run(&["validate", "--deny-warnings", d], b"").0, 1);
    // Two loops, and a second name for a folder: each file still once.
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::copy("tests/fixtures/valid/seed.json", dir.join("sub").join("inner.json")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("sub").join("up")).unwrap();
    std::os::unix::fs::symlink("sub", dir.join("alias")).unwrap();
    let (code, stdout, _) = run(&["validate", "--format", "json", "--jobs", "3", d], b"");
    assert_eq!(code, 0);
    let seen: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let code = v["findings"].get(0).map_or("valid".into(), |f| f["code"].to_string());
            format!("{} {code}", v["source"].as_str().unwrap().replace(d, "DIR"))
        })
        .collect();
    assert_eq!(
        seen,
        [
            "DIR/alias/inner.json valid",
            "DIR/alias/up \"not-read\"",
            "DIR/loop \"not-read\"",
            "DIR/seed.json valid",
            "DIR/sub \"not-read\"",
        ]
    );
    // A folder named twice, or inside one named before: each file once.
    let sub = dir.join("sub");
    let s = sub.to_str().unwrap();
    for (paths, again) in [([d, d], d), ([s, d], s), ([d, s], &*format!("{d}/alias"))] {
        let args = ["validate", "--format", "json", paths[0], paths[1]];
        let (code, stdout, _) = run(&args, b"");
        assert_eq!(code, 0, "{paths:?}");
        let sources: Vec<String> = stdout
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        let inner = sources.iter().filter(|s| s.ends_with("inner.json")).count();
        assert_eq!(inner, 1, "{paths:?}: {sources:?}");
        let message = format!("the folder {again} again, searched already; not followed");
        assert!(stdout.contains(&message), "{stdout}");
    }
}

/// A file named twice, named and inside a folder named, or reached again
/// through a link, is read once; every other name of it gets a `not-read`
/// warning, whatever the number of jobs.
#[cfg(unix)]
#[test]
fn a_file_is_read_once_under_any_name() {
    let dir = tempdir("file-twice");
    std::fs::copy("tests/fixtures/valid/seed.json", dir.join("a.json")).unwrap();
    std::os::unix::fs::symlink("a.json", dir.join("b.json")).unwrap();
    let d = dir.to_str().unwrap();
    let a = format!("{d}/a.json");
    let again = format!("\"the file {a} again, read already; not read\"");
    let cases: [(&[&str], &[&str]); 3] = [
        (&[&a, &a], &["DIR/a.json valid", "DIR/a.json again"]),
        (&[&a, d], &["DIR/a.json valid", "DIR/a.json again", "DIR/b.json again"]),
        (&[d, &a], &["DIR/a.json valid", "DIR/b.json again", "DIR/a.json again"]),
    ];
    for (paths, want) in cases {
        for jobs in ["1", "2"] {
            let args = [&["validate", "--format", "json", "--jobs", jobs], paths].concat();
            let (code, stdout, stderr) = run(&args, b"");
            assert_eq!((code, stderr.as_str()), (0, ""), "{paths:?}");
            let seen: Vec<String> = stdout
                .lines()
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).unwrap();
                    let source = v["source"].as_str().unwrap().replace(d, "DIR");
                    match &v["findings"][0] {
                        serde_json::Value::Null => format!("{source} valid"),
                        f => {
                            assert_eq!(f["code"], "not-read");
                            assert_eq!(f["message"].to_string(), again);
                            format!("{source} again")
                        }
                    }
                })
                .collect();
            assert_eq!(seen, want, "{paths:?}, {jobs} jobs");
        }
    }
}

/// The report is the same whatever the number of jobs: an input without
/// documents (an empty folder) is reported after the files named before
/// it, not ahead of the batch they wait in.
#[test]
fn the_report_is_the_same_for_any_number_of_jobs() {
    let dir = tempdir("jobs");
    let full = dir.join("full");
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    std::fs::create_dir_all(&full).unwrap();
    for name in ["a.json", "b.json", "c.json"] {
        std::fs::copy("tests/fixtures/valid/seed.json", full.join(name)).unwrap();
    }
    let (full, empty) = (full.to_str().unwrap(), dir.join("empty"));
    let empty = empty.to_str().unwrap();
    let one = run(&["validate", "--format", "json", "--jobs", "1", full, empty], b"");
    let two = run(&["validate", "--format", "json", "--jobs", "2", full, empty], b"");
    assert_eq!(one, two);
    let d = dir.to_str().unwrap();
    let sources: Vec<String> = crate::util::sources(&one.1)
        .iter()
        .map(|s| s.replace(d, "DIR"))
        .collect();
    assert_eq!(
        sources,
        ["DIR/full/a.json", "DIR/full/b.json", "DIR/full/c.json", "DIR/empty"]
    );
}

#[test]
fn summarize_reads_within_max_size() {
    // A line longer than the limit, as `validate` reads it: reported, and
    // the lines after it read.
    let zeros = [
        vec![0u8; 3 << 20],
        b"\n".to_vec(),
        one_line().into_bytes(),
        b"\n".to_vec(),
    ]
    .concat();
    for path in ["-", "/dev/stdin"] {
        let (code, stdout, stderr) = run(&["summarize", "--max-size", "1MiB", path], &zeros);
        assert_eq!(code, 1, "{path}");
        let name = if path == "-" { "<stdin>" } else { path };
        assert_eq!(
            stderr,
            format!(
                "{name}:1: error[too-large] .: the line is 3145728 bytes, more than the limit of 1048576 bytes (--max-size)\n"
            )
        );
        assert!(stdout.starts_with("task         "), "{stdout}");
    }
    let seed = crate::util::fixture("valid/seed.json");
    let (code, _, stderr) = run(
        &["summarize", "--max-size", "900", "tests/fixtures/valid/seed.json"],
        b"",
    );
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "tests/fixtures/valid/seed.json: error[too-large] .: the file is {} bytes, more than the limit of 900 bytes (--max-size)\n",
            seed.len()
        )
    );
    let (code, _, stderr) = run(&["summarize", "--max-size", "0.9kB", "-"], seed.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "<stdin>: error[too-large] .: the input is more than the limit of 900 bytes (--max-size)\n"
    );
    assert_eq!(run(&["summarize", "-"], seed.as_bytes()).0, 0);
}

/// A poll log is read a line at a time: `--max-size` bounds each line, as
/// in `validate`, not the log; a line over it is reported and skipped.
#[test]
fn summarize_bounds_each_line_of_a_poll_log() {
    let m = one_line();
    let log = format!("{m}\n").repeat(2000);
    let max = (m.len() + 10).to_string();
    for path in ["-", "/dev/stdin"] {
        let (code, stdout, stderr) = run(
            &["summarize", "--max-size", &max, "--format", "json", path],
            log.as_bytes(),
        );
        assert_eq!((code, stderr.as_str()), (0, ""), "{path}");
        let timeline: serde_json::Value = serde_json::from_str(stdout.trim_end()).unwrap();
        // 2000 polls that say the same: one entry.
        assert_eq!(timeline["polls"].as_array().unwrap().len(), 1, "{path}");
        assert_eq!(timeline["polls"][0]["ndjson_line"], 1, "{path}");
        assert_eq!(timeline["polls"][0]["repeats"], 1999, "{path}");
        assert_eq!(timeline["polls"][0]["last_ndjson_line"], 2000, "{path}");
    }
    let big = format!("{{\"padding\":\"{}\"}}", "x".repeat(m.len()));
    let (code, stdout, stderr) = run(
        &["summarize", "--max-size", &max, "-"],
        format!("{m}\n{big}\n{m}\n").as_bytes(),
    );
    assert_eq!(code, 1);
    assert!(stdout.starts_with("task "), "{stdout}");
    assert_eq!(
        stderr,
        format!(
            "<stdin>:2: error[too-large] .: the line is {} bytes, more than the limit of {max} bytes (--max-size)\n",
            big.len()
        )
    );
    // One line alone is one response, not a log of one poll.
    let (code, stdout, _) = run(&["summarize", "-"], format!("\n{m}\n").as_bytes());
    assert_eq!(code, 0);
    assert!(stdout.contains("\noutcome "), "{stdout}");
}

#[test]
fn max_size_takes_units() {
    let path = "tests/fixtures/valid/seed.json";
    assert_eq!(run(&["validate", "--max-size", "0.5KiB", path], b"").0, 1);
    assert_eq!(run(&["validate", "--max-size", "64MiB", path], b"").0, 0);
    assert_eq!(run(&["validate", "--max-size", "1GB", path], b"").0, 0);
    let (code, _, stderr) = run(&["validate", "--max-size", "lots", path], b"");
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with(
            "error: invalid value 'lots' for '--max-size <MAX_SIZE>': invalid digit found in string: give bytes, or a size such as 64MiB or 1GB\n"
        ),
        "{stderr}"
    );
    // A size below one byte is refused, whether it rounds to 0 or to 1.
    for (command, option, small) in [
        ("dump", "--max-record", "0.0001k"),
        ("validate", "--max-size", "0.5"),
        ("summarize", "--max-size", "0.9"),
    ] {
        let (code, stdout, stderr) = run(&[command, option, small, "-"], b"{}");
        assert_eq!((code, stdout.as_str()), (2, ""));
        let name = option.trim_start_matches("--").replace('-', "_").to_uppercase();
        assert!(
            stderr.starts_with(&format!(
                "error: invalid value '{small}' for '{option} <{name}>': `{small}` is less than 1 byte, and every input would be over it: give at least 1 byte\n"
            )),
            "{stderr}"
        );
    }
    assert_eq!(run(&["validate", "--max-size", "1.5", path], b"").0, 1);
}

/// Every command exits 0 when the reader of its output has gone: the
/// pipe's reading end is closed before the command starts, so its first
/// write fails (a pipe read by the test and closed after the start would
/// let a quick command write before the close).
#[test]
// `std::io::pipe` is newer than the library's rust-version; the tests run
// on the current toolchain.
#[allow(clippy::incompatible_msrv)]
fn a_broken_pipe_exits_zero_for_every_command() {
    let commands: [&[&str]; 7] = [
        &["validate", "examples/responses"],
        &["validate", "--format", "json", "examples/responses"],
        &["summarize", "examples/responses/seed.json"],
        &["schema"],
        &["docs"],
        &["dump", "examples/dumps/employees-dump.csv"],
        &["--help"],
    ];
    for args in commands {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let mut child = cmd(args).stdout(writer).stderr(Stdio::piped()).spawn().unwrap();
        let code = wait(&mut child, Duration::from_secs(60), args);
        let mut stderr = String::new();
        child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        assert_eq!((code, stderr.as_str()), (0, ""), "{args:?}");
    }
}

/// Output that cannot be written fails, help included.
#[test]
fn a_full_disk_fails_every_command() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("no /dev/full; skipped");
        return;
    };
    let commands: [&[&str]; 5] = [
        &["--help"],
        &["validate", "--help"],
        &["validate", "examples/responses"],
        &["schema"],
        &["summarize", "examples/responses/seed.json"],
    ];
    for args in commands {
        let out = cmd(args).stdout(full.try_clone().unwrap()).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            "anaplan-task: cannot write: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

/// A standard error that cannot be written loses the messages, never the
/// exit status: no command panics (101).
#[test]
fn a_full_standard_error_keeps_the_exit_status() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("no /dev/full; skipped");
        return;
    };
    let commands: [(&[&str], i32); 6] = [
        (&["summarize", "no/such/file.json"], 2),
        (&["dump", "no/such/dump.csv"], 2),
        (&["dump", "tests/fixtures/dumps/empty.csv"], 1),
        (&["validate", "-", "-"], 2),
        (&["validate", "no/such/file.json"], 2),
        (&["summarize", "tests/fixtures/hostile/array.json"], 1),
    ];
    for (args, status) in commands {
        let out = cmd(args)
            .stdin(Stdio::null())
            .stdout(full.try_clone().unwrap())
            .stderr(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(status), "{args:?}");
    }
}

/// Interrupted, the command writes out the whole records it holds, never
/// half of one, and exits 130.
#[cfg(unix)]
#[test]
fn an_interrupted_run_ends_on_a_whole_record() {
    let m = one_line();
    let lines = 2000;
    let mut child = cmd(&["validate", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let (sent, done) = std::sync::mpsc::channel();
    let writer = std::thread::spawn(move || {
        for _ in 0..lines {
            writeln!(input, "{m}").unwrap();
        }
        input.flush().unwrap();
        sent.send(()).unwrap();
        // Held open: the command waits for more.
        std::thread::sleep(Duration::from_secs(5));
        drop(input);
    });
    let mut stdout = child.stdout.take().unwrap();
    let (started, running) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut report = vec![0; 1];
        stdout.read_exact(&mut report).unwrap();
        started.send(()).unwrap();
        stdout.read_to_end(&mut report).unwrap();
        report
    });
    // Some of the report has come out, so the command is running; then
    // every line has been sent.
    running.recv().unwrap();
    done.recv().unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let report = reader.join().unwrap();
    let code = wait(&mut child, Duration::from_secs(60), &["validate"]);
    assert_eq!(code, 130);
    let report = String::from_utf8(report).unwrap();
    assert!(report.ends_with('\n'), "a cut record");
    let records = records(&report);
    assert_eq!(records.len(), lines);
    assert!(records.iter().all(|r| r["valid"] == true));
    writer.join().unwrap();
}

/// `summarize` shows a task's progress as it was sent, in every format:
/// the text is kept, so no spelling is rewritten.
#[test]
fn summarize_shows_progress_as_sent() {
    for sent in [
        "0",
        "1",
        "1.0",
        "0.25",
        "-0",
        "1.00",
        "1E0",
        "0.123456789012345678901234567890",
    ] {
        let doc = format!(
            r#"{{"task":{{"taskId":"1B1D84DDD53847BAA621810B593C3FC1","taskState":"IN_PROGRESS","progress":{sent}}}}}"#
        );
        let (code, text, _) = run(&["summarize", "-"], doc.as_bytes());
        assert_eq!(code, 0, "{sent}");
        let line = text.lines().find(|l| l.starts_with("progress")).unwrap();
        assert_eq!(line, format!("progress     {sent}"), "{sent}");
        let (_, json, _) = run(&["summarize", "--format", "json", "-"], doc.as_bytes());
        assert!(json.contains(&format!(r#""progress":{sent},"#)), "{sent}: {json}");
        // A poll log's table, read from two lines.
        let first = doc.replace("IN_PROGRESS", "NOT_STARTED");
        let log = format!("{first}\n{doc}\n");
        let (_, table, _) = run(&["summarize", "-"], log.as_bytes());
        let row = table.lines().find(|l| l.trim_start().starts_with('2')).unwrap();
        assert_eq!(row, format!("       2  IN_PROGRESS  {sent:>8}  -"), "{sent}");
    }
}

/// A regular file redirected to standard input is read once under all its
/// names, as a file named twice is; an entry not read is no document.
#[test]
fn a_file_on_standard_input_is_read_once() {
    let file = "tests/fixtures/valid/seed.json";
    let seed = std::fs::File::open(file).unwrap();
    let out = cmd(&["validate", file, "-", "--deny-warnings"])
        .stdin(seed)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "<stdin>: warning[not-read] .: the file {file} again, read already; not read\n\
             1 document: 1 valid, 0 with warnings, 0 invalid; outcomes: 1 succeeded; 1 not read\n"
        )
    );
}

/// A capture's name is told by its extension in any case, as some systems
/// write it: `A.JSON` is a document, `b.NDJSON` a stream.
#[test]
fn extensions_are_read_in_any_case() {
    let dir = tempdir("upper");
    std::fs::copy("tests/fixtures/valid/seed.json", dir.join("A.JSON")).unwrap();
    std::fs::write(dir.join("b.NDJSON"), format!("{}\n{}\n", one_line(), one_line())).unwrap();
    std::fs::write(dir.join("c.TXT"), "not a capture").unwrap();
    let (code, stdout, _) = run(&["validate", dir.to_str().unwrap()], b"");
    assert_eq!(
        (code, stdout.as_str()),
        (
            0,
            "3 documents: 3 valid, 0 with warnings, 0 invalid; outcomes: 3 succeeded\n"
        )
    );
}

/// A log written as it goes is reported as it comes: what its lines so far
/// make is out while the writer has not ended it, with one job or two.
#[test]
fn a_log_written_as_it_goes_is_reported_as_it_comes() {
    for jobs in ["1", "2"] {
        let args = ["validate", "--format", "concise", "--jobs", jobs, "-"];
        let mut child = spawn(&args);
        drop(child.stderr.take());
        let mut input = child.stdin.take().unwrap();
        writeln!(input, "{}\n{{\"task\":", one_line()).unwrap();
        input.flush().unwrap();
        // Read while the input is still open: the finding of line 2.
        let mut stdout = child.stdout.take().unwrap();
        let (sent, got) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = Vec::new();
            let mut byte = [0];
            while stdout.read(&mut byte).unwrap_or(0) == 1 && byte[0] != b'\n' {
                line.push(byte[0]);
            }
            let _ = sent.send(String::from_utf8(line).unwrap());
            // Open to the end, so that the summary is written.
            let _ = stdout.read_to_end(&mut Vec::new());
        });
        let first = got.recv_timeout(Duration::from_secs(60));
        drop(input);
        let status = wait(&mut child, Duration::from_secs(60), &args);
        assert_eq!(
            first.as_deref(),
            Ok("<stdin>:2:8: error[truncated-json] task: EOF while parsing a value"),
            "--jobs {jobs}"
        );
        assert_eq!(status, 1, "--jobs {jobs}");
    }
}
