//! The report's output: whole records only, however the run ends.
//!
//! Each record (a document's lines of text, or its JSON object) is built in
//! a buffer of its own and handed to the output in one piece, so the
//! output's writes start and end on a record's end. Interrupted (SIGINT or
//! SIGTERM), the command finishes the record being handed over, writes out
//! what it holds and exits with 128 plus the signal's number (130 for
//! Ctrl-C); a second signal ends it at once.
//!
//! The commands that print one text (`summarize`, `dump`, `schema`...)
//! write it with [`print()`]. Messages go to standard error through
//! [`note!`](crate::cli::output::note), which never panics.

use std::fmt;
use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// Standard output, written a whole record at a time.
pub struct Output {
    out: Arc<Mutex<BufWriter<Stdout>>>,
    record: Vec<u8>,
}

/// Writes out the records handed over so far, from any thread.
#[derive(Clone)]
pub struct WriteOut(Arc<Mutex<BufWriter<Stdout>>>);

/// An input that writes out the records handed over before each of its
/// reads, so that what was reported is out while the input waits for its
/// writer (a log written as it goes). Under a buffered reader that is once
/// a buffer. A failed write is left to the next record's, which reports it.
pub struct WriteOutFirst<R> {
    /// The input.
    pub input: R,
    /// The output written out.
    pub out: WriteOut,
}

impl<R: io::Read> io::Read for WriteOutFirst<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let _ = lock(&self.out.0).flush();
        self.input.read(buf)
    }
}

impl Output {
    /// A handle that writes out the records handed over.
    pub fn write_out(&self) -> WriteOut {
        WriteOut(Arc::clone(&self.out))
    }

    /// Standard output, buffered.
    pub fn stdout() -> Self {
        Self {
            out: Arc::new(Mutex::new(BufWriter::with_capacity(64 * 1024, io::stdout()))),
            record: Vec::new(),
        }
    }

    /// The next record's buffer, empty.
    pub fn record(&mut self) -> &mut Vec<u8> {
        self.record.clear();
        &mut self.record
    }

    /// Hands the record over.
    pub fn commit(&mut self) -> io::Result<()> {
        if self.record.is_empty() {
            return Ok(());
        }
        lock(&self.out).write_all(&self.record)
    }

    /// Writes out what is held.
    pub fn flush(&mut self) -> io::Result<()> {
        lock(&self.out).flush()
    }

    /// Ends the process on SIGINT or SIGTERM between two records, after
    /// writing out the records held.
    pub fn exit_on_signals(&self) -> io::Result<()> {
        let signals = [SIGINT, SIGTERM];
        let mut waiting = Signals::new(signals)?;
        let once = Arc::new(AtomicBool::new(false));
        for signal in signals {
            // The second signal finds the flag that the first one set.
            signal_hook::flag::register_conditional_shutdown(signal, 128 + signal, Arc::clone(&once))?;
            signal_hook::flag::register(signal, Arc::clone(&once))?;
        }
        let out = Arc::clone(&self.out);
        std::thread::Builder::new().name("signals".into()).spawn(move || {
            if let Some(signal) = waiting.forever().next() {
                // Held to the end, so that no record is begun meanwhile.
                let mut out = lock(&out);
                let _ = out.flush();
                std::process::exit(128 + signal);
            }
        })?;
        Ok(())
    }
}

/// Writes a whole text to standard output, and flushes it.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Writes a message to standard error, as `eprint!` does, but never
/// panics: when standard error cannot be written (closed, full, its reader
/// gone), the message is lost and the run goes on, and the exit status
/// still says how the run ended.
pub fn note_args(args: fmt::Arguments<'_>) {
    let _ = io::stderr().lock().write_fmt(args);
}

/// `eprintln!` that never panics: see [`note_args`].
macro_rules! note {
    ($($arg:tt)*) => {
        $crate::cli::output::note_args(format_args!("{}\n", format_args!($($arg)*)))
    };
}
pub(crate) use note;
