//! Capture files checked on several threads (`--jobs`): files wait in a
//! batch, in input order, and are checked together, each job taking the
//! next file not yet taken; what became of each is handed back in the
//! batch's order, so the report is the same whatever the number of jobs.
//!
//! A batch holds [`BATCH_PER_JOB`] files for each job: enough that starting
//! the threads is a small part of the work, few enough that their reports
//! take little memory. Each job keeps its buffer from batch to batch.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use anaplan_task::validate::Options;

use crate::cli::input::{self, Unchecked};
use crate::cli::verdict::Verdict;

/// Files checked together, for each job.
const BATCH_PER_JOB: usize = 256;

/// A capture file checked on a job's thread: its length, its verdict and
/// what the system said of it once it was open (to tell a file read
/// already), or why it was not checked.
pub(super) type Checked = Result<(usize, Verdict, std::fs::Metadata), Unchecked>;

/// Capture files (one document each) waiting to be checked together, and
/// the jobs' buffers.
pub(super) struct Batch {
    /// Threads that check files.
    jobs: usize,
    /// The files waiting, in input order; only with more than one job.
    files: Vec<PathBuf>,
    /// The text of the file being checked, kept from file to file: one
    /// buffer for each job.
    buffers: Vec<Vec<u8>>,
}

impl Batch {
    /// An empty batch for `jobs` threads (at least one).
    pub(super) fn new(jobs: usize) -> Self {
        Self {
            jobs,
            files: Vec::new(),
            buffers: vec![Vec::new(); jobs],
        }
    }

    /// The threads that check documents.
    pub(super) fn jobs(&self) -> usize {
        self.jobs
    }

    /// Whether files wait in batches: only with more than one job.
    pub(super) fn batches(&self) -> bool {
        self.jobs > 1
    }

    /// The files waiting.
    pub(super) fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether no file waits.
    pub(super) fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Adds a file: whether the batch is now full.
    pub(super) fn push(&mut self, path: &Path) -> bool {
        self.files.push(path.to_owned());
        self.files.len() == BATCH_PER_JOB * self.jobs
    }

    /// The first job's buffer, for a file checked on this thread; give it
    /// back with [`Batch::restore_buffer`].
    pub(super) fn take_buffer(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.buffers[0])
    }

    /// Gives back the buffer taken.
    pub(super) fn restore_buffer(&mut self, buffer: Vec<u8>) {
        self.buffers[0] = buffer;
    }

    /// Checks the files waiting, spread over the jobs, reading each within
    /// `max` bytes: the files, emptied from the batch, and what became of
    /// each, in the same order.
    pub(super) fn check(&mut self, max: u64, options: &Options, excerpts: bool) -> (Vec<PathBuf>, Vec<Checked>) {
        if self.files.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let files = &self.files;
        let next = AtomicUsize::new(0);
        let checked: Vec<OnceLock<Checked>> = std::iter::repeat_with(OnceLock::new).take(files.len()).collect();
        // Each job takes the next file not yet taken, and puts what became
        // of it in its place.
        let work = |buffer: &mut Vec<u8>| loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let (Some(path), Some(slot)) = (files.get(i), checked.get(i)) else {
                return;
            };
            let _ = slot.set(
                input::read_file(path, max, buffer)
                    .map(|meta| (buffer.len(), Verdict::checked(buffer, options, excerpts), meta)),
            );
        };
        let jobs = self.jobs.min(files.len());
        let (own, others) = self.buffers[..jobs].split_first_mut().expect("at least one job");
        std::thread::scope(|scope| {
            for buffer in others {
                // A thread the system will not start leaves its share to
                // the others.
                let _ = std::thread::Builder::new().spawn_scoped(scope, || work(buffer));
            }
            work(own);
        });
        let checked = checked
            .into_iter()
            .map(|c| c.into_inner().expect("every file of the batch was taken by a job"))
            .collect();
        (std::mem::take(&mut self.files), checked)
    }

    /// Gives back the files' vector, emptied, to be filled again without
    /// allocating.
    pub(super) fn reuse(&mut self, mut files: Vec<PathBuf>) {
        files.clear();
        self.files = files;
    }
}
