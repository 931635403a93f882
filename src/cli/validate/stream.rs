//! An NDJSON stream (a file or standard input): one document per line,
//! blank lines skipped, a line over `--max-size` reported and skipped.
//!
//! With more than one job, the jobs read the stream in turn, in chunks of
//! whole lines ([`Chunk`]: what a read brought, as much as the input's
//! buffer holds, read straight into the chunk and cut at its last line
//! end, its line ends counted), each checking the chunk it read while
//! another reads the next; this thread reports the verdicts in input
//! order as the chunks come back: the report is byte for byte the one
//! job's. The work done in turn is a read and a count of line ends, so
//! more jobs go faster until the input's reads or the report's writes are
//! the limit. At most [`AHEAD_PER_JOB`] chunks a job are held at once,
//! their buffers made once, so memory stays bounded by the chunk size and
//! `--max-size`.

use std::collections::BTreeMap;
use std::io::{self, BufRead};
use std::path::Path;
use std::sync::{Mutex, mpsc};

use anaplan_task::ndjson::{Line, LineReader, fill, is_blank};
use anaplan_task::validate::Options;

use super::run::Run;
use crate::cli::args::Format;
use crate::cli::input;
use crate::cli::verdict::{Source, Verdict};

/// The chunks read ahead of the report, for each job.
const AHEAD_PER_JOB: usize = 2;

/// The room each read of a chunk is given: as much as the input's buffer
/// holds, so that a buffered file or standard input reads straight into
/// the chunk, around its buffer.
const READ: usize = super::sources::STREAM_BUFFER;

/// The size past which a chunk is large: it holds a line longer than a
/// few reads, and one large chunk at a time is held, so that many jobs do
/// not each hold a line of up to `--max-size`.
const LARGE: usize = 4 * READ;

/// The most room a large chunk is given at once: past it, a line longer
/// still grows the chunk as a vector grows.
const RESERVED: usize = 256 << 20;

/// Whole lines read together.
#[derive(Default)]
struct Chunk {
    /// The lines, each with its line end (the last one may have none, at
    /// the end of the stream), in `buffer[..len]`.
    buffer: Vec<u8>,
    /// The length of the lines in `buffer`; the rest is room for reads,
    /// made once and kept with the chunk.
    len: usize,
    /// The number of the first line.
    first: u64,
    /// A line over the limit after them, not kept: its number and length.
    too_long: Option<(u64, u64)>,
    /// Whether the chunk holds the one large chunk's place.
    large: bool,
}

/// What became of one line of a chunk.
enum Checked {
    /// A document of `len` bytes, at line `number`.
    Document { number: u64, len: usize, verdict: Verdict },
    /// A line over the limit, of `len` bytes.
    TooLong { number: u64, len: u64 },
}

impl Run<'_> {
    /// An NDJSON stream, on one thread or on the jobs'. A stream of blank
    /// lines is `no-document`.
    pub(super) fn stream(&mut self, name: &Path, input: impl BufRead + Send) -> io::Result<()> {
        let max = usize::try_from(self.args.max_size).unwrap_or(usize::MAX);
        let jobs = self.batch.jobs();
        let before = self.reported();
        let read = if jobs > 1 {
            self.stream_on_jobs(name, input, max, jobs)?
        } else {
            self.stream_here(name, LineReader::new(input, max))?
        };
        match read {
            Ok(()) if self.reported() == before => self.empty(name),
            Ok(()) => Ok(()),
            Err((e, line)) => {
                let at = format!("{}:{line}", input::lossless(name));
                self.unreadable(Path::new(&at), &e.to_string())
            }
        }
    }

    /// The stream checked line by line on this thread. The outer error is
    /// one of writing the report; the inner, of reading the stream, with
    /// the number of the line it was reading.
    fn stream_here(
        &mut self,
        name: &Path,
        mut lines: LineReader<impl BufRead>,
    ) -> io::Result<Result<(), (io::Error, u64)>> {
        loop {
            match lines.next_line() {
                Ok(Some(Line::Document { number, bytes })) => {
                    let source = Source {
                        name,
                        line: Some(number as usize),
                    };
                    self.document(&source, bytes)?;
                }
                Ok(Some(Line::TooLong { number, len })) => self.too_long(name, number, len)?,
                Ok(None) => return Ok(Ok(())),
                Err(e) => return Ok(Err((e, lines.line_number() + 1))),
            }
        }
    }

    /// The stream read in chunks and checked on `jobs` threads, and
    /// reported here in input order as the chunks come back, so that what
    /// is read is reported while the input waits. The errors are as
    /// [`Run::stream_here`]'s.
    fn stream_on_jobs(
        &mut self,
        name: &Path,
        input: impl BufRead + Send,
        max: usize,
        jobs: usize,
    ) -> io::Result<Result<(), (io::Error, u64)>> {
        let options = self.options().clone();
        let excerpts = self.args.format == Format::Text;
        let ahead = AHEAD_PER_JOB * jobs;
        let (done, done_queue) = mpsc::channel::<(u64, Chunk, Vec<Checked>)>();
        // A chunk is read into a spare one, given back once it is reported.
        let (spare, spares) = mpsc::sync_channel::<Chunk>(ahead);
        for _ in 0..ahead {
            let _ = spare.send(Chunk::with_room());
        }
        let spares = Mutex::new(spares);
        // The place of the one large chunk, taken in reading, given back
        // once it is reported.
        let (large_place, large) = mpsc::sync_channel::<()>(1);
        let _ = large_place.send(());
        let reading = Mutex::new(Reading {
            chunker: Chunker {
                input,
                max,
                next: 1,
                carry: Vec::new(),
                large,
            },
            seq: 0,
            ended: Ok(false),
        });
        let reported: io::Result<()> = std::thread::scope(|scope| {
            for _ in 0..jobs {
                let (reading, spares, done, options) = (&reading, &spares, done.clone(), &options);
                scope.spawn(move || read_and_check(reading, spares, &done, options, max, excerpts));
            }
            drop(done);
            let reported = self.report_in_order(name, &done_queue, &spare, &large_place);
            // Ended (or failed to write), the jobs find no spare and no
            // large place, and end.
            drop(spare);
            drop(large_place);
            reported
        });
        reported?;
        let reading = reading
            .into_inner()
            .map_err(|_| io::Error::other("a job ended early"))?;
        Ok(reading.ended.map(|_| ()))
    }

    /// Reports the chunks in input order as they come back, in any order,
    /// until the jobs are done, giving each back as a spare (a large one
    /// emptied, its place freed); what is reported is written out whenever
    /// none is back yet.
    fn report_in_order(
        &mut self,
        name: &Path,
        done_queue: &mpsc::Receiver<(u64, Chunk, Vec<Checked>)>,
        spare: &mpsc::SyncSender<Chunk>,
        large_place: &mpsc::SyncSender<()>,
    ) -> io::Result<()> {
        let mut back = BTreeMap::new();
        let mut next = 0;
        loop {
            let (seq, chunk, checked) = match done_queue.try_recv() {
                Ok(back) => back,
                Err(mpsc::TryRecvError::Empty) => {
                    self.report.write_out()?;
                    match done_queue.recv() {
                        Ok(back) => back,
                        Err(_) => return Ok(()),
                    }
                }
                Err(mpsc::TryRecvError::Disconnected) => return Ok(()),
            };
            back.insert(seq, (chunk, checked));
            while let Some((mut chunk, checked)) = back.remove(&next) {
                self.report_chunk(name, checked)?;
                next += 1;
                if chunk.large {
                    chunk = Chunk::with_room();
                    let _ = large_place.send(());
                }
                let _ = spare.send(chunk);
            }
        }
    }

    /// Reports what became of the lines of a chunk, in order.
    fn report_chunk(&mut self, name: &Path, checked: Vec<Checked>) -> io::Result<()> {
        for line in checked {
            match line {
                Checked::Document { number, len, verdict } => {
                    self.tally.bytes += len as u64;
                    let source = Source {
                        name,
                        line: Some(number as usize),
                    };
                    self.emit(&source, &verdict)?;
                }
                Checked::TooLong { number, len } => self.too_long(name, number, len)?,
            }
        }
        Ok(())
    }

    /// Reports line `number`, of `len` bytes, over the limit.
    fn too_long(&mut self, name: &Path, number: u64, len: u64) -> io::Result<()> {
        let source = Source {
            name,
            line: Some(number as usize),
        };
        let message = format!(
            "the line is {len} bytes, more than the limit of {} bytes (--max-size)",
            self.args.max_size
        );
        self.too_large(&source, message)
    }
}

/// The reading of a stream the jobs share: each reads the next chunk in
/// turn, then checks it while another reads.
struct Reading<R> {
    chunker: Chunker<R>,
    /// The number of the next chunk.
    seq: u64,
    /// Whether the stream has ended (and how: an error of reading, with the
    /// number of the line being read).
    ended: Result<bool, (io::Error, u64)>,
}

/// A job: reads the next chunk of the stream into a spare one, checks it
/// and hands it back numbered, until the stream ends or the run does (no
/// spare comes back).
fn read_and_check<R: BufRead>(
    reading: &Mutex<Reading<R>>,
    spares: &Mutex<mpsc::Receiver<Chunk>>,
    done: &mpsc::Sender<(u64, Chunk, Vec<Checked>)>,
    options: &Options,
    max: usize,
    excerpts: bool,
) {
    loop {
        let next = match spares.lock() {
            Ok(spares) => spares.recv(),
            Err(_) => return,
        };
        let Ok(mut chunk) = next else {
            return;
        };
        let seq = {
            let Ok(mut reading) = reading.lock() else {
                return;
            };
            if !matches!(reading.ended, Ok(false)) {
                return;
            }
            // A read that brought no line to check (a blank line over the
            // limit) is followed by the next, into the same chunk.
            let read = loop {
                let read = reading.chunker.read(&mut chunk);
                let empty = chunk.len == 0 && chunk.too_long.is_none();
                if !(empty && matches!(read, Ok(true))) {
                    break read;
                }
            };
            reading.ended = match read {
                Ok(more) => Ok(!more),
                Err(e) => Err((e, reading.chunker.next)),
            };
            reading.seq += 1;
            reading.seq - 1
        };
        let checked = check_chunk(&chunk, options, max, excerpts);
        if done.send((seq, chunk, checked)).is_err() {
            return;
        }
    }
}

/// What became of each line of a chunk: its lines read as the one job
/// reads them, numbered from the chunk's first.
fn check_chunk(chunk: &Chunk, options: &Options, max: usize, excerpts: bool) -> Vec<Checked> {
    let mut checked = Vec::new();
    let mut lines = LineReader::new(chunk.text(), max);
    let at = chunk.first - 1;
    // A slice of bytes cannot fail to be read.
    while let Ok(Some(line)) = lines.next_line() {
        checked.push(match line {
            Line::Document { number, bytes } => Checked::Document {
                number: at + number,
                len: bytes.len(),
                verdict: Verdict::checked(bytes, options, excerpts),
            },
            Line::TooLong { number, len } => Checked::TooLong {
                number: at + number,
                len,
            },
        });
    }
    if let Some((number, len)) = chunk.too_long {
        checked.push(Checked::TooLong { number, len });
    }
    checked
}

/// Reads a stream in chunks of whole lines.
struct Chunker<R> {
    input: R,
    max: usize,
    /// The number of the next line to read.
    next: u64,
    /// The start of a line read with the chunk before, whose end was not.
    carry: Vec<u8>,
    /// The place of the one large chunk, when it is free.
    large: mpsc::Receiver<()>,
}

impl Chunk {
    /// A chunk with room for a read after the start of a line, made on the
    /// reporting thread: memory that stays with the run's chunks, not with
    /// the job that first reads into one.
    fn with_room() -> Self {
        Self {
            buffer: vec![0; 2 * READ],
            ..Self::default()
        }
    }

    /// The whole lines read.
    fn text(&self) -> &[u8] {
        &self.buffer[..self.len]
    }

    /// The room after the lines, at least `at_least` bytes.
    fn room(&mut self, at_least: usize) -> &mut [u8] {
        let wanted = self.len + at_least;
        if self.buffer.len() < wanted {
            self.buffer.resize(wanted, 0);
        }
        &mut self.buffer[self.len..]
    }
}

impl<R: BufRead> Chunker<R> {
    /// Reads into `chunk` the lines that the next reads bring: whether the
    /// stream goes on. A line over the limit is read to its end without
    /// being kept. On an error, `chunk` holds the whole lines read before
    /// it and `next` is the number of the line being read.
    fn read(&mut self, chunk: &mut Chunk) -> io::Result<bool> {
        chunk.first = self.next;
        chunk.len = 0;
        chunk.too_long = None;
        // What a read brought after its last line end, as long as that read
        // (which may be longer than `READ`, into a chunk grown before).
        let carried = self.carry.len();
        Self::room(&self.large, self.max, chunk, carried)[..carried].copy_from_slice(&self.carry);
        chunk.len = carried;
        self.carry.clear();
        loop {
            let n = match read_into(&mut self.input, Self::room(&self.large, self.max, chunk, READ)) {
                Ok(n) => n,
                Err(e) => {
                    self.keep_whole_lines(chunk);
                    return Err(e);
                }
            };
            if n == 0 {
                // The last line may have no line end.
                let text = chunk.text();
                self.next += memchr::memchr_iter(b'\n', text).count() as u64;
                self.next += u64::from(!text.is_empty() && !text.ends_with(b"\n"));
                return Ok(false);
            }
            let from = chunk.len;
            chunk.len += n;
            // The carried start of a line has no line end: only the bytes
            // just read can hold the last one.
            let start = memchr::memrchr(b'\n', &chunk.text()[from..]).map_or(0, |i| from + i + 1);
            if chunk.len - start > self.max {
                return self.skip_long_line(chunk, start);
            }
            // Sent as soon as a read has brought a line end: the next read
            // may wait for the input.
            if start > 0 {
                self.keep_whole_lines(chunk);
                return Ok(true);
            }
        }
    }

    /// The room in `chunk` for at least `at_least` bytes more. A chunk that
    /// grows past [`LARGE`] waits for the large chunk's place first (the
    /// chunk that holds it is an earlier one, reported before this one).
    /// Grown past it, the chunk is given at once the room of the longest
    /// line it may hold (up to [`RESERVED`]), so that a long line is not
    /// copied, and held twice, each time the chunk doubles.
    fn room<'c>(large: &mpsc::Receiver<()>, max: usize, chunk: &'c mut Chunk, at_least: usize) -> &'c mut [u8] {
        let wanted = chunk.len + at_least;
        if wanted > LARGE && wanted > chunk.buffer.len() {
            if !chunk.large {
                // No place comes back only when the run has ended.
                chunk.large = large.recv().is_ok();
            }
            let longest = max.min(RESERVED) + 2 * READ;
            if chunk.buffer.capacity() < longest {
                chunk.buffer.reserve_exact(longest - chunk.buffer.len());
            }
        }
        chunk.room(at_least)
    }

    /// Cuts `chunk` at its last line end, carrying the rest to the next.
    fn keep_whole_lines(&mut self, chunk: &mut Chunk) {
        let start = memchr::memrchr(b'\n', chunk.text()).map_or(0, |i| i + 1);
        self.carry.extend_from_slice(&chunk.text()[start..]);
        chunk.len = start;
        self.next += memchr::memchr_iter(b'\n', chunk.text()).count() as u64;
    }

    /// The line that starts at `start` in `chunk` is over the limit: it is
    /// read to its end without being kept, after the whole lines before it.
    fn skip_long_line(&mut self, chunk: &mut Chunk, start: usize) -> io::Result<bool> {
        let mut len = (chunk.len - start) as u64;
        let mut blank = is_blank(&chunk.text()[start..]);
        chunk.len = start;
        self.next += memchr::memchr_iter(b'\n', chunk.text()).count() as u64;
        let number = self.next;
        let more = loop {
            let buffer = fill(&mut self.input)?;
            if buffer.is_empty() {
                break false;
            }
            let (take, ends) = match memchr::memchr(b'\n', buffer) {
                Some(i) => (i, true),
                None => (buffer.len(), false),
            };
            blank = blank && is_blank(&buffer[..take]);
            len += take as u64;
            self.input.consume(take + usize::from(ends));
            if ends {
                break true;
            }
        };
        self.next += 1;
        // A line of white space is blank whatever its length.
        if !blank {
            chunk.too_long = Some((number, len));
        }
        Ok(more)
    }
}

/// One read into `room`, retried when a signal interrupts it: the number
/// of bytes read, 0 at the end of the input. A buffered input hands out
/// what it holds first, and reads larger than its buffer go around it.
fn read_into(input: &mut impl io::Read, room: &mut [u8]) -> io::Result<usize> {
    loop {
        match input.read(room) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            read => return read,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The large chunk's place, free once.
    fn free_place() -> mpsc::Receiver<()> {
        let (place, large) = mpsc::sync_channel(1);
        place.send(()).unwrap();
        large
    }

    /// A read into a chunk grown before may bring more than `READ` bytes,
    /// and leave more than that after its last line end: the next chunk
    /// takes it whole.
    #[test]
    fn a_carry_longer_than_a_read_starts_the_next_chunk() {
        let long = "x".repeat(5 * READ);
        let text = format!("a\n{long}\nb\n");
        let mut chunker = Chunker {
            input: io::BufReader::with_capacity(READ, text.as_bytes()),
            max: usize::MAX,
            next: 1,
            carry: Vec::new(),
            large: free_place(),
        };
        // Its room takes four reads' worth at once, all but `a` unended.
        let mut grown = Chunk {
            buffer: vec![0; 4 * READ],
            ..Chunk::default()
        };
        assert!(chunker.read(&mut grown).unwrap());
        assert_eq!(grown.text(), b"a\n");
        assert_eq!(chunker.carry.len(), 4 * READ - 2);
        let mut chunk = Chunk::default();
        assert!(chunker.read(&mut chunk).unwrap());
        assert_eq!((chunk.first, chunk.text().len()), (2, long.len() + 3));
        assert!(chunk.text().ends_with(b"x\nb\n"));
        assert!(!chunker.read(&mut chunk).unwrap());
        assert_eq!((chunk.first, chunk.text()), (4, &b""[..]));
    }
}
