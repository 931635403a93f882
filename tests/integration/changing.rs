//! Folders that change underneath a run: a file made during a walk is
//! read, even when the file system gives it the identity (device and
//! inode) of one read before and gone since, and is never passed over in
//! that one's name; what is really reached twice (a link) is still read
//! once.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::inputs::{mkfifo, tempdir};

/// A FIFO's writer, opened once the command opens the FIFO to read it.
fn writer(fifo: &Path) -> std::fs::File {
    std::fs::OpenOptions::new().write(true).open(fifo).unwrap()
}

/// `validate --jobs 2 d1 f1 f2 d2`: the command reads `d1` and the FIFO
/// `f1`, then waits on `f2`; meanwhile the file and the folder it read in
/// `d1` move to `d2`, and are changed, as new ones made with the
/// identities of those gone would be (a move keeps them, so the test does
/// not hang on the file system's choice of inodes).
#[cfg(unix)]
#[test]
fn a_file_made_during_a_walk_is_read_though_it_has_the_identity_of_one_gone() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempdir("changing");
    let (d1, d2) = (dir.join("d1"), dir.join("d2"));
    std::fs::create_dir_all(d1.join("sub")).unwrap();
    std::fs::create_dir_all(&d2).unwrap();
    let seed = crate::util::fixture("valid/seed.json");
    for name in ["a.json", "keep.json", "sub/x.json"] {
        std::fs::write(d1.join(name), &seed).unwrap();
    }
    // A second name that lasts: still read once.
    std::fs::hard_link(d1.join("keep.json"), d2.join("keep-link.json")).unwrap();
    let (f1, f2) = (dir.join("f1.json"), dir.join("f2.json"));
    if !mkfifo(&f1) || !mkfifo(&f2) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    let path = |p: &Path| p.to_str().unwrap().to_owned();
    let child = Command::new(env!("CARGO_BIN_EXE_anaplan-task"))
        .args([
            "validate",
            "--format",
            "concise",
            "--jobs",
            "2",
            &path(&d1),
            &path(&f1),
            &path(&f2),
            &path(&d2),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writer(&f1).write_all(seed.as_bytes()).unwrap();
    // The command opens f2 once f1, and the files of d1 before it, are
    // read and reported.
    let mut second = writer(&f2);
    let inode = |p: &Path| std::fs::metadata(p).unwrap().ino();
    let (file, folder) = (inode(&d1.join("a.json")), inode(&d1.join("sub")));
    std::fs::rename(d1.join("a.json"), d2.join("b.json")).unwrap();
    std::fs::write(d2.join("b.json"), "{").unwrap();
    std::fs::rename(d1.join("sub"), d2.join("moved")).unwrap();
    std::fs::write(d2.join("moved/x.json"), "[]").unwrap();
    assert_eq!((inode(&d2.join("b.json")), inode(&d2.join("moved"))), (file, folder));
    second.write_all(seed.as_bytes()).unwrap();
    drop(second);
    let out = child.wait_with_output().unwrap();
    let d = path(&dir);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().replace(&d, "DIR"),
        "DIR/d2/b.json:1:1: error[truncated-json] .: EOF while parsing an object\n\
         DIR/d2/keep-link.json: warning[not-read] .: the file DIR/d1/keep.json again, read already; not read\n\
         DIR/d2/moved/x.json:1:1: error[wrong-type] .: invalid type: sequence, expected a JSON object (a task status, create-task, task list, chunk list, summary report or error response)\n\
         7 documents: 5 valid, 0 with warnings, 2 invalid; outcomes: 5 succeeded; 1 not read\n"
    );
    assert_eq!(out.status.code(), Some(1));
}
