//! Finding the captures in a folder.
//!
//! The walk (walkdir) lists a folder and its subfolders in name order, a
//! folder's captures where its name sorts. It follows links, but never
//! into a folder it is already searching (a loop) nor, on Unix, into one it
//! has searched already under another name (in this walk or an earlier one
//! of the same run: `validate d d/sub`); nor does it give, on Unix, a file
//! read already under any name (`validate d/a.json d`), so every file is
//! reported once. A file made during the walk is read even when the file
//! system gave it the identity of one read before and deleted since
//! ([`Seen`]). An entry is judged by its name before anything else: what is not
//! named as a capture is passed over, even a dangling link. Only regular
//! files are read; a pipe or a device found there is reported and passed
//! over, since reading it could wait forever (one named on the command line
//! is read).

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::input::shown;

/// What the walk found.
pub enum Found {
    /// A regular file named as a capture (or a link to one).
    Capture(PathBuf),
    /// A capture, or a folder, that could not be read: the system's message.
    Unreadable(PathBuf, String),
    /// An entry passed over, and why.
    Skipped(PathBuf, String),
}

/// Whether a file's name says it is a capture: `*.json`, `*.ndjson` or
/// `*.jsonl`, or one of those gzipped (`*.json.gz`, ...).
pub fn is_capture(path: &Path) -> bool {
    has_extension(
        path,
        &[".json", ".ndjson", ".jsonl", ".json.gz", ".ndjson.gz", ".jsonl.gz"],
    )
}

/// Whether a file's name says it is an NDJSON stream (gzipped or not).
pub fn is_stream(path: &Path) -> bool {
    has_extension(path, &[".ndjson", ".jsonl", ".ndjson.gz", ".jsonl.gz"])
}

/// Whether the file's name ends in one of `dotted` (in any case: `.JSON`,
/// as some systems write it) after at least one other character, as
/// `Path::extension` reads it, without parsing the path's components: a
/// folder walk asks this of every entry.
fn has_extension(path: &Path, dotted: &[&str]) -> bool {
    let bytes = path.as_os_str().as_encoded_bytes();
    dotted.iter().any(|ext| {
        let Some(at) = bytes.len().checked_sub(ext.len()).filter(|&at| at > 0) else {
            return false;
        };
        bytes[at..].eq_ignore_ascii_case(ext.as_bytes()) && !std::path::is_separator(char::from(bytes[at - 1]))
    })
}

/// The captures under `root`, a folder, in name order. A folder or a file
/// in `seen` (searched or read already in the same run, under any name) is
/// passed over, and the folders and captures of this walk are added to it.
pub fn captures<'a>(root: &Path, seen: &'a mut Seen) -> impl Iterator<Item = Found> + 'a {
    // Siblings share their folder's path up to their names, so their paths
    // compare as their names do, without the name parsed out of each path
    // at every comparison (`sort_by_file_name`).
    let mut walk = WalkDir::new(root)
        .follow_links(true)
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter();
    std::iter::from_fn(move || {
        loop {
            let entry = match walk.next()? {
                Ok(entry) => entry,
                Err(e) => {
                    if let Some(found) = failed(&e) {
                        return Some(found);
                    }
                    continue;
                }
            };
            let kind = entry.file_type();
            if kind.is_dir() {
                if let Some(first) = seen.again(&entry) {
                    let path = entry.path().to_owned();
                    walk.skip_current_dir();
                    let why = format!("the folder {} again, searched already; not followed", shown(&first));
                    return Some(Found::Skipped(path, why));
                }
                continue;
            }
            // The name is judged on the path, whose last part it is.
            if !is_capture(entry.path()) {
                continue;
            }
            if kind.is_file() {
                // Whether it was read already is told once it is open, from
                // what the system says of it then: a file costs no `stat`.
                return Some(Found::Capture(entry.into_path()));
            }
            let why = "not a regular file (a pipe, a device or a socket); a folder's are not read, name it to read it";
            return Some(Found::Skipped(entry.into_path(), why.to_owned()));
        }
    })
}

/// What to report of an entry the walk could not follow, if anything.
fn failed(e: &walkdir::Error) -> Option<Found> {
    let path = e.path().unwrap_or(Path::new("")).to_owned();
    if let Some(ancestor) = e.loop_ancestor() {
        let why = format!(
            "a link to {}, a folder being searched or one that holds it; not followed",
            shown(ancestor)
        );
        return Some(Found::Skipped(path, why));
    }
    // A link that leads nowhere is judged by its own name.
    let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    if link && !is_capture(&path) {
        return None;
    }
    let message = e.io_error().map_or_else(|| e.to_string(), ToString::to_string);
    Some(Found::Unreadable(path, message))
}

/// Why a file read already is passed over.
pub fn read_already(first: &Path) -> String {
    format!("the file {} again, read already; not read", shown(first))
}

/// The folders searched and the files read so far, by identity, with the
/// path of the first visit: a folder is not searched twice, nor a file read
/// twice. On Unix only.
///
/// An identity (device and inode) names a file only while the file exists:
/// the file system hands a deleted file's inode to the next file made, so
/// a file made during the run (a capture written while the walk goes on)
/// may come with the identity of one read before. An entry is therefore
/// taken for one visited already only when that one is still there under
/// its first name, with the same identity and the same birth time (where
/// the system keeps one), or when it is held open for the whole run
/// (standard input): a file is never passed over in another's name.
#[derive(Default)]
pub struct Seen {
    #[cfg(unix)]
    seen: std::collections::BTreeMap<(u64, u64), Visit>,
}

/// The first visit of a file or folder.
#[cfg(unix)]
struct Visit {
    /// The name it was visited under.
    path: PathBuf,
    /// When it was made, where the system says.
    born: Option<std::time::SystemTime>,
    /// Whether it stays open for the whole run, so that its identity cannot
    /// pass to another file (standard input).
    held: bool,
}

impl Seen {
    /// The path under which this entry was visited already, if it was;
    /// otherwise it is noted.
    fn again(&mut self, entry: &walkdir::DirEntry) -> Option<PathBuf> {
        self.again_at(entry.path(), &entry.metadata().ok()?)
    }

    /// The path under which the file or folder `path`, with metadata `meta`,
    /// was visited already, if it was; otherwise it is noted.
    pub fn again_at(&mut self, path: &Path, meta: &std::fs::Metadata) -> Option<PathBuf> {
        self.visit(path, meta, false)
    }

    /// As [`Seen::again_at`], for an input held open for the whole run
    /// (standard input), named `name`.
    pub fn again_held(&mut self, name: &Path, meta: &std::fs::Metadata) -> Option<PathBuf> {
        self.visit(name, meta, true)
    }

    #[cfg(unix)]
    fn visit(&mut self, path: &Path, meta: &std::fs::Metadata, held: bool) -> Option<PathBuf> {
        use std::os::unix::fs::MetadataExt;
        let key = (meta.dev(), meta.ino());
        let born = meta.created().ok();
        if let Some(first) = self.seen.get(&key) {
            let still_there = || {
                std::fs::metadata(&first.path)
                    .is_ok_and(|now| (now.dev(), now.ino()) == key && now.created().ok() == born)
            };
            if first.born == born && (first.held || still_there()) {
                return Some(first.path.clone());
            }
        }
        // A first visit, or a file or folder made since under the identity
        // of one gone: noted under its own name.
        let visit = Visit {
            path: path.to_owned(),
            born,
            held,
        };
        self.seen.insert(key, visit);
        None
    }

    #[cfg(not(unix))]
    fn visit(&mut self, _: &Path, _: &std::fs::Metadata, _: bool) -> Option<PathBuf> {
        None
    }
}
