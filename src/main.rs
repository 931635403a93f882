//! `anaplan-task`: validate captured task responses of Anaplan's
//! Integration API, summarise a task, and print the JSON Schema and its
//! documentation. A thin layer over the `anaplan_task` library: this file
//! parses the command line and hands each subcommand to its module under
//! `cli/`.

mod cli;

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anaplan_task::ndjson::{Line, LineReader};
use anaplan_task::validate::{self, CallKind, Finding, Options, Report, Severity};
use anaplan_task::{DocumentKind, Outcome};
use anstyle::AnsiColor;
use clap::Parser;
use cli::args::{Cli, Command, Format, ValidateArgs};
use cli::color::{ColorChoice, Paint};
use cli::exit::{Status, write_failed};
use cli::gate::Gate;
use cli::input::{self, Stdin, Unchecked};
use cli::output::Output;
use cli::walk::{self, Found};
use cli::{dump, exit, manual, schema, summarize};

/// Validation allocates a few short strings for every document and frees
/// them when its verdict is out; mimalloc serves that pattern with a
/// fraction of the system allocator's work (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return exit::usage(&e),
    };
    let result = match cli.command {
        Command::Validate(args) => return validate_command(&args, cli.color),
        Command::Summarize(args) => summarize::command(&args, cli.color),
        Command::Dump(args) => dump::run(&args),
        Command::Schema { body } => schema::schema(body).map(|()| ExitCode::SUCCESS),
        Command::Docs => schema::docs().map(|()| ExitCode::SUCCESS),
        Command::Completions { shell } => manual::completions(shell).map(|()| ExitCode::SUCCESS),
        Command::Man => manual::man().map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|e| exit::write_failed(&e))
}

// ---------------------------------------------------------------------------
// validate

/// Where a document came from.
struct Source<'a> {
    /// The file, shown only when a finding is reported.
    name: &'a Path,
    /// The NDJSON line, for a document that is one line of a stream.
    line: Option<usize>,
}

/// The counts behind the summary line and the exit status.
#[derive(Default)]
struct Tally {
    documents: u64,
    valid: u64,
    warned: u64,
    invalid: u64,
    unreadable: u64,
    outcomes: [u64; Outcome::ALL.len()],
    /// Documents whose outcome `--fail-on` refuses.
    refused: u64,
    /// Paths named that held no document.
    empty: u64,
    bytes: u64,
}

struct Run<'a> {
    args: &'a ValidateArgs,
    options: Options,
    out: Output,
    paint: Paint,
    gate: Gate,
    /// The SARIF log, written whole at the end.
    sarif: Option<cli::sarif::Log>,
    tally: Tally,
    progress: Progress,
    /// Threads that check files.
    jobs: usize,
    /// Capture files waiting to be checked together, in input order; only
    /// with more than one job.
    batch: Vec<Pending>,
    /// The text of the file being checked, kept from file to file: one
    /// buffer for each job.
    buffers: Vec<Vec<u8>>,
}

/// A capture file (one document) waiting in a batch.
struct Pending {
    path: PathBuf,
}

/// A capture file checked on a job's thread: its length and verdict, or
/// why it was not checked.
type Checked = Result<(usize, Verdict), Unchecked>;

/// What is reported of one document. The document itself is dropped where
/// it was checked, so a job hands over only this.
struct Verdict {
    kind: Option<DocumentKind>,
    valid: bool,
    warned: bool,
    outcome: Option<Outcome>,
    findings: Vec<Finding>,
}

impl From<Report> for Verdict {
    /// The findings in the order of the input: by line, then column; those
    /// without a place (about the whole document) last.
    fn from(report: Report) -> Self {
        let mut verdict = Self {
            kind: report.kind(),
            valid: report.is_valid(),
            warned: report.has_warnings(),
            outcome: report.outcome(),
            findings: report.findings,
        };
        verdict.findings.sort_by_key(|f| (f.line.is_none(), f.line, f.column));
        verdict
    }
}

/// Files checked together, for each job: enough that starting the threads
/// is a small part of the work, few enough that their reports take little
/// memory.
const BATCH_PER_JOB: usize = 256;

/// A progress line on stderr, only on a terminal and only once a run has
/// gone on for a while.
struct Progress {
    enabled: bool,
    start: Instant,
    last: Instant,
    shown: bool,
}

impl Progress {
    fn new() -> Self {
        let now = Instant::now();
        Self {
            enabled: io::stderr().is_terminal(),
            start: now,
            last: now,
            shown: false,
        }
    }

    fn tick(&mut self, tally: &Tally) {
        if !self.enabled || tally.documents % 256 != 0 {
            return;
        }
        let now = Instant::now();
        if now - self.start < Duration::from_secs(1) || now - self.last < Duration::from_millis(200) {
            return;
        }
        self.last = now;
        self.shown = true;
        eprint!(
            "\r{} documents, {:.1} MB, {} invalid ",
            tally.documents,
            tally.bytes as f64 / 1e6,
            tally.invalid
        );
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r{:60}\r", "");
        }
    }
}

fn validate_command(args: &ValidateArgs, color: ColorChoice) -> ExitCode {
    let jobs = match args.jobs {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    if args.paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        eprintln!("error: `-` (standard input) can be named only once\n\nFor more information, try '--help'.");
        return ExitCode::from(2);
    }
    let out = Output::stdout();
    if let Err(e) = out.exit_on_signals() {
        eprintln!("anaplan-task: cannot handle Ctrl-C: {e}");
    }
    let paint = Paint::new(args.format == Format::Text && color.enabled(io::stdout().is_terminal()));
    let mut run = Run {
        args,
        options: Options::default()
            .strict(args.strict)
            .call(args.call.map(CallKind::from)),
        out,
        paint,
        gate: Gate::new(args.fail_on.clone()),
        sarif: (args.format == Format::Sarif).then(cli::sarif::Log::default),
        tally: Tally::default(),
        progress: Progress::new(),
        jobs,
        batch: Vec::new(),
        buffers: vec![Vec::new(); jobs],
    };
    let result = run.all();
    run.progress.clear();
    let result = result.and_then(|()| run.summary()).and_then(|()| run.out.flush());
    if let Err(e) = result {
        return write_failed(&e);
    }
    let t = &run.tally;
    let mut status = Status::Success;
    if t.refused > 0 {
        status = status.and(Status::Refused);
    }
    if t.invalid > 0 || (args.deny_warnings && t.warned > 0) {
        status = status.and(Status::Invalid);
    }
    if t.unreadable > 0 || t.empty > 0 {
        status = status.and(Status::Usage);
    }
    status.into()
}

impl Run<'_> {
    fn all(&mut self) -> io::Result<()> {
        for path in &self.args.paths {
            let before = self.reported();
            if path.as_os_str() == "-" {
                self.stdin()?;
            } else {
                self.path(path)?;
            }
            if self.reported() == before {
                self.empty(path)?;
            }
        }
        self.flush()
    }

    /// The inputs reported or waiting in the batch so far.
    fn reported(&self) -> u64 {
        self.tally.documents + self.batch.len() as u64
    }

    /// A path named that held no document: an empty folder (or one without
    /// captures), or an NDJSON stream of blank lines.
    fn empty(&mut self, path: &Path) -> io::Result<()> {
        self.tally.empty += 1;
        let message = if path.is_dir() {
            "no document: the folder holds no `*.json`, `*.ndjson` or `*.jsonl` file"
        } else {
            "no document: the stream holds only blank lines"
        };
        let name = if path.as_os_str() == "-" {
            Path::new("<stdin>")
        } else {
            path
        };
        // Reported, but not counted as a document.
        self.report(
            &Source { name, line: None },
            &error_verdict("no-document", message.to_owned()),
        )
    }

    /// A path named on the command line: a folder is searched; any other
    /// file (a pipe or a device too) is read.
    fn path(&mut self, path: &Path) -> io::Result<()> {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => self.folder(path),
            Ok(_) => self.file(path),
            Err(e) => self.unreadable(path, &e.to_string()),
        }
    }

    /// The captures in a folder and its subfolders, in name order.
    fn folder(&mut self, path: &Path) -> io::Result<()> {
        for found in walk::captures(path) {
            match found {
                Found::Capture(file) => self.file(&file)?,
                Found::Unreadable(name, error) => self.unreadable(&name, &error)?,
                Found::Skipped(name, why) => self.skipped(&name, why)?,
            }
        }
        Ok(())
    }

    /// A capture file: an NDJSON stream by its name, one document otherwise.
    fn file(&mut self, path: &Path) -> io::Result<()> {
        if walk::is_stream(path) {
            return match File::open(path) {
                Ok(file) => self.stream(path, BufReader::with_capacity(256 * 1024, file)),
                Err(e) => self.unreadable(path, &e.to_string()),
            };
        }
        if self.jobs > 1 {
            self.batch.push(Pending { path: path.to_owned() });
            return if self.batch.len() == BATCH_PER_JOB * self.jobs {
                self.flush()
            } else {
                Ok(())
            };
        }
        let mut buffer = std::mem::take(&mut self.buffers[0]);
        let result = match input::read_file(path, self.args.max_size, &mut buffer) {
            Ok(()) => self.document(&Source { name: path, line: None }, &buffer),
            Err(why) => self.unchecked(path, why),
        };
        self.buffers[0] = buffer;
        result
    }

    /// Checks the files of the batch, spread over the jobs, and reports
    /// them in order.
    fn flush(&mut self) -> io::Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let (batch, max, options) = (&self.batch, self.args.max_size, &self.options);
        let next = AtomicUsize::new(0);
        let checked: Vec<OnceLock<Checked>> = std::iter::repeat_with(OnceLock::new).take(batch.len()).collect();
        // Each job takes the next file not yet taken, and puts what became
        // of it in its place.
        let work = |buffer: &mut Vec<u8>| loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let (Some(p), Some(slot)) = (batch.get(i), checked.get(i)) else {
                return;
            };
            let _ = slot.set(
                input::read_file(&p.path, max, buffer)
                    .map(|()| (buffer.len(), validate::validate_slice(buffer, options).into())),
            );
        };
        let jobs = self.jobs.min(batch.len());
        let (own, others) = self.buffers[..jobs].split_first_mut().expect("at least one job");
        std::thread::scope(|scope| {
            for buffer in others {
                // A thread the system will not start leaves its share to
                // the others.
                let _ = std::thread::Builder::new().spawn_scoped(scope, || work(buffer));
            }
            work(own);
        });
        // Reporting needs the run, so the batch is set aside meanwhile. A
        // failed write ends the run, and the batch with it.
        let mut batch = std::mem::take(&mut self.batch);
        for (p, c) in batch.iter().zip(checked) {
            let source = Source {
                name: &p.path,
                line: None,
            };
            match c.into_inner().expect("every file of the batch was taken by a job") {
                Ok((len, verdict)) => {
                    self.tally.bytes += len as u64;
                    self.emit(&source, &verdict)?;
                }
                Err(why) => self.unchecked(&p.path, why)?,
            }
        }
        batch.clear();
        self.batch = batch;
        Ok(())
    }

    /// Reports a capture file that was not checked.
    fn unchecked(&mut self, path: &Path, why: Unchecked) -> io::Result<()> {
        match why {
            Unchecked::TooLarge(message) => self.too_large(&Source { name: path, line: None }, message),
            Unchecked::Unreadable(error) => self.unreadable(path, &error),
        }
    }

    /// Standard input: one document or an NDJSON stream, as
    /// `--stdin-format` says (see [`StdinFormat::Auto`]).
    fn stdin(&mut self) -> io::Result<()> {
        if io::stdin().is_terminal() {
            eprintln!("anaplan-task: reading from the terminal; end the input with Ctrl-D (or name files to check)");
        }
        let stdin = Path::new("<stdin>");
        let mut input = BufReader::with_capacity(256 * 1024, io::stdin().lock());
        let limit = self.args.max_size;
        let source = Source {
            name: stdin,
            line: None,
        };
        match input::classify(&mut input, self.args.stdin_format, limit) {
            Err(e) => self.unreadable(stdin, &e.to_string()),
            Ok(Stdin::Stream(head)) => self.stream(stdin, io::Cursor::new(head).chain(input)),
            Ok(Stdin::Document(bytes)) => self.document(&source, &bytes),
            Ok(Stdin::TooLarge) => {
                let message = format!("the input is more than the limit of {limit} bytes (--max-size)");
                self.too_large(&source, message)
            }
        }
    }

    /// An NDJSON stream: one document per line; blank lines are skipped;
    /// a line over the size limit is reported and skipped.
    fn stream(&mut self, name: &Path, input: impl BufRead) -> io::Result<()> {
        let max = usize::try_from(self.args.max_size).unwrap_or(usize::MAX);
        let mut lines = LineReader::new(input, max);
        loop {
            let line = match lines.next_line() {
                Ok(Some(line)) => line,
                Ok(None) => return Ok(()),
                Err(e) => {
                    let at = format!("{}:{}", name.display(), lines.line_number() + 1);
                    return self.unreadable(Path::new(&at), &e.to_string());
                }
            };
            match line {
                Line::Document { number, bytes } => {
                    let source = Source {
                        name,
                        line: Some(number as usize),
                    };
                    self.document(&source, bytes)?;
                }
                Line::TooLong { number, len } => {
                    let source = Source {
                        name,
                        line: Some(number as usize),
                    };
                    let message = format!(
                        "the line is {len} bytes, more than the limit of {} (--max-size)",
                        self.args.max_size
                    );
                    self.too_large(&source, message)?;
                }
            }
        }
    }

    fn too_large(&mut self, source: &Source<'_>, message: String) -> io::Result<()> {
        self.emit(source, &error_verdict("too-large", message))
    }

    /// An entry of a folder passed over: a warning, so that nothing found
    /// goes unsaid.
    fn skipped(&mut self, name: &Path, why: String) -> io::Result<()> {
        let verdict = Verdict {
            kind: None,
            valid: true,
            warned: true,
            outcome: None,
            findings: vec![Finding::new(Severity::Warning, "not-read", why)],
        };
        self.emit(&Source { name, line: None }, &verdict)
    }

    fn unreadable(&mut self, name: &Path, error: &str) -> io::Result<()> {
        self.tally.unreadable += 1;
        let verdict = error_verdict("io-error", format!("cannot read: {error}"));
        self.emit(&Source { name, line: None }, &verdict)
    }

    fn document(&mut self, source: &Source<'_>, bytes: &[u8]) -> io::Result<()> {
        self.tally.bytes += bytes.len() as u64;
        let verdict = validate::validate_slice(bytes, &self.options).into();
        self.emit(source, &verdict)
    }

    fn emit(&mut self, source: &Source<'_>, verdict: &Verdict) -> io::Result<()> {
        // Files waiting in the batch came first.
        if !self.batch.is_empty() {
            self.flush()?;
        }
        let t = &mut self.tally;
        t.documents += 1;
        if !verdict.valid {
            t.invalid += 1;
        } else if verdict.warned {
            t.warned += 1;
        } else {
            t.valid += 1;
        }
        if let Some(o) = verdict.outcome {
            if let Some(i) = Outcome::ALL.iter().position(|x| *x == o) {
                t.outcomes[i] += 1;
            }
        }
        if self.gate.refuses(verdict.outcome, verdict.kind) {
            self.tally.refused += 1;
        }
        self.progress.tick(&self.tally);
        self.report(source, verdict)
    }

    /// Writes the record of a verdict (in SARIF, adds its results).
    fn report(&mut self, source: &Source<'_>, verdict: &Verdict) -> io::Result<()> {
        let refused = self.gate.refuses(verdict.outcome, verdict.kind);
        let gated;
        let verdict = if refused {
            let mut with = verdict.findings.clone();
            let (path, message) = match verdict.outcome {
                Some(outcome) => (
                    "task",
                    format!("the task's outcome is `{outcome}`, which --fail-on refuses"),
                ),
                None => (
                    "status",
                    "the call failed: an error body has no task outcome, and --fail-on refuses it".to_owned(),
                ),
            };
            let mut f = Finding::new(Severity::Error, "outcome-refused", message);
            f.path = path.into();
            with.push(f);
            gated = Verdict {
                findings: with,
                ..*verdict
            };
            &gated
        } else {
            verdict
        };
        let fails = !verdict.valid || refused || (self.args.deny_warnings && verdict.warned);
        if self.args.quiet && !fails {
            return Ok(());
        }
        match self.args.format {
            Format::Json => self.emit_json(source, verdict, refused)?,
            Format::Text => self.emit_text(source, verdict)?,
            Format::Github => self.emit_github(source, verdict)?,
            Format::Sarif => {
                let quiet = self.least_shown();
                let log = self.sarif.as_mut().expect("a SARIF run has a log");
                let name = source.name.display().to_string();
                for f in verdict.findings.iter().filter(|f| Self::shown(quiet, f)) {
                    let (line, column) = Self::position(source, f);
                    log.add(&name, line, column, f);
                }
                return Ok(());
            }
        }
        self.out.commit()
    }

    /// The line and column of a finding in the file.
    fn position(source: &Source<'_>, f: &Finding) -> (Option<usize>, Option<usize>) {
        match (source.line, f.line) {
            (Some(n), Some(l)) => (Some(n + l - 1), f.column),
            (Some(n), None) => (Some(n), None),
            (None, l) => (l, f.column),
        }
    }

    /// The least severity reported: every finding, or under `--quiet`
    /// those that fail the run (errors, and warnings under
    /// `--deny-warnings`).
    fn least_shown(&self) -> Severity {
        match (self.args.quiet, self.args.deny_warnings) {
            (false, _) => Severity::Info,
            (true, true) => Severity::Warning,
            (true, false) => Severity::Error,
        }
    }

    fn shown(least: Severity, f: &Finding) -> bool {
        f.severity >= least
    }

    fn emit_text(&mut self, source: &Source<'_>, verdict: &Verdict) -> io::Result<()> {
        let quiet = self.least_shown();
        let out = self.out.record();
        for f in verdict.findings.iter().filter(|f| Self::shown(quiet, f)) {
            let (line, col) = Self::position(source, f);
            let mut place = source.name.display().to_string();
            if let Some(l) = line {
                place.push_str(&format!(":{l}"));
                if let Some(c) = col {
                    place.push_str(&format!(":{c}"));
                }
            }
            let color = match f.severity {
                Severity::Error => AnsiColor::Red,
                Severity::Warning => AnsiColor::Yellow,
                Severity::Info => AnsiColor::Cyan,
            };
            let severity = self.paint.paint(color, &f.severity.to_string());
            writeln!(out, "{place}: {severity}[{}] {}: {}", f.code, f.path, f.message)?;
        }
        Ok(())
    }

    fn emit_github(&mut self, source: &Source<'_>, verdict: &Verdict) -> io::Result<()> {
        let quiet = self.least_shown();
        let out = self.out.record();
        for f in verdict.findings.iter().filter(|f| Self::shown(quiet, f)) {
            let (line, col) = Self::position(source, f);
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut props = format!("file={}", escape_property(&source.name.display().to_string()));
            if let Some(l) = line {
                props.push_str(&format!(",line={l}"));
            }
            if let Some(c) = col {
                props.push_str(&format!(",col={c}"));
            }
            props.push_str(&format!(",title={}", f.code));
            let message = escape_data(&format!("{}: {}", f.path, f.message));
            writeln!(out, "::{level} {props}::{message}")?;
        }
        Ok(())
    }

    fn emit_json(&mut self, source: &Source<'_>, verdict: &Verdict, refused: bool) -> io::Result<()> {
        let quiet = self.least_shown();
        // Structs, not `json!` maps, keep the keys in this order (serde_json
        // sorts the keys of its maps).
        #[derive(serde::Serialize)]
        struct JsonFinding<'a> {
            severity: Severity,
            code: &'a str,
            path: &'a str,
            line: Option<usize>,
            column: Option<usize>,
            message: &'a str,
        }
        #[derive(serde::Serialize)]
        struct JsonVerdict<'a> {
            source: String,
            ndjson_line: Option<usize>,
            kind: &'a str,
            valid: bool,
            outcome: Option<Outcome>,
            refused: bool,
            findings: Vec<JsonFinding<'a>>,
        }
        let findings: Vec<JsonFinding<'_>> = verdict
            .findings
            .iter()
            .filter(|f| Self::shown(quiet, f))
            .map(|f| {
                let (line, column) = Self::position(source, f);
                JsonFinding {
                    severity: f.severity,
                    code: f.code,
                    path: &f.path,
                    line,
                    column,
                    message: &f.message,
                }
            })
            .collect();
        let line = JsonVerdict {
            source: source.name.display().to_string(),
            ndjson_line: source.line,
            kind: verdict.kind.map_or("unknown", DocumentKind::as_str),
            valid: verdict.valid,
            outcome: verdict.outcome,
            refused,
            findings,
        };
        let out = self.out.record();
        serde_json::to_writer(&mut *out, &line)?;
        out.push(b'\n');
        Ok(())
    }

    fn summary(&mut self) -> io::Result<()> {
        if let Some(log) = &self.sarif {
            let text = log.to_json();
            self.out.record().extend_from_slice(text.as_bytes());
            return self.out.commit();
        }
        if self.args.quiet || self.args.format == Format::Json {
            return Ok(());
        }
        let t = &self.tally;
        let mut line = format!(
            "{} document{}: {} valid, {} with warnings, {} invalid",
            t.documents,
            if t.documents == 1 { "" } else { "s" },
            t.valid,
            t.warned,
            t.invalid
        );
        let outcomes: Vec<String> = Outcome::ALL
            .iter()
            .zip(t.outcomes)
            .filter(|(_, n)| *n > 0)
            .map(|(o, n)| format!("{n} {o}"))
            .collect();
        if !outcomes.is_empty() {
            line.push_str("; outcomes: ");
            line.push_str(&outcomes.join(", "));
        }
        if t.refused > 0 {
            line.push_str(&format!("; {} refused by --fail-on", t.refused));
        }
        if t.unreadable > 0 {
            line.push_str(&format!("; {} unreadable", t.unreadable));
        }
        if t.empty > 0 {
            let plural = if t.empty == 1 { "" } else { "s" };
            line.push_str(&format!("; {} input{plural} without documents", t.empty));
        }
        line.push('\n');
        self.out.record().extend_from_slice(line.as_bytes());
        self.out.commit()
    }
}

/// The verdict on an input that yielded no document: one error.
fn error_verdict(code: &'static str, message: String) -> Verdict {
    Report::without_document(vec![Finding::new(Severity::Error, code, message)]).into()
}

/// Escapes the message of a GitHub workflow command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property of a GitHub workflow command.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
