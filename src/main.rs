//! `anaplan-task`: validate captured task responses of Anaplan's
//! Integration API, summarise a task, and print the JSON Schema and its
//! documentation. A thin layer over the `anaplan_task` library.

mod cli;

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use anaplan_task::dump::{DumpError, DumpReader, DumpSummary};
use anaplan_task::ndjson::{Line, LineReader};
use anaplan_task::schema::{self, SchemaKind};
use anaplan_task::validate::{self, CallKind, Finding, Options, Report, Severity};
use anaplan_task::{DetailValues, Document, DocumentKind, Outcome, TaskResult};
use clap::{Parser, Subcommand, ValueEnum};
use cli::input::{self, Stdin, StdinFormat, Unchecked};
use cli::output::Output;
use cli::walk::{self, Found};

#[path = "cli/dump_text.rs"]
mod dump_text;

/// Validation allocates a few short strings for every document and frees
/// them when its verdict is out; mimalloc serves that pattern with a
/// fraction of the system allocator's work (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const VALIDATE_EXAMPLES: &str = "\
Examples:
  anaplan-task validate examples/responses
  anaplan-task validate --format json captures/*.ndjson
  curl -s ... | anaplan-task validate --kind import -
  anaplan-task validate --format github --deny-warnings tests/captures

Exit status: 0 when every document is valid (warnings allowed unless
--deny-warnings), 1 when any is invalid, 2 on usage errors or unreadable input;
0 as well when the reader of the report stops reading (a broken pipe), and
130 when interrupted (Ctrl-C), after the last whole record.";

#[derive(Parser)]
#[command(
    name = "anaplan-task",
    version,
    about = "Validate and summarise task-status responses of Anaplan's Integration API",
    after_help = "Examples:\n  anaplan-task validate examples/responses\n  anaplan-task summarize examples/responses/seed.json\n  anaplan-task schema --kind status > task-response.schema.json"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check captured responses: files, folders (`*.json`, `*.ndjson`, `*.jsonl`), or `-` for stdin.
    #[command(after_help = VALIDATE_EXAMPLES)]
    Validate(ValidateArgs),
    /// Show one response for a person: state, outcome, object and counts.
    #[command(after_help = "Example:\n  anaplan-task summarize examples/responses/process-failed-step.json")]
    Summarize {
        /// The response to show (`-` for stdin).
        path: PathBuf,
        /// The largest response read: bytes, or a size such as `64MiB` or `1GB`.
        #[arg(long, default_value = "64MiB", value_parser = input::parse_size)]
        max_size: u64,
    },
    /// Print the JSON Schema of a response body.
    #[command(after_help = "Example:\n  anaplan-task schema --kind list > task-list-response.schema.json")]
    Schema {
        /// Which body.
        #[arg(long, value_enum, default_value_t = SchemaArg::Status)]
        kind: SchemaArg,
    },
    /// Summarise a failure dump (CSV): rows by status and the most frequent errors.
    #[command(
        after_help = "Example:\n  anaplan-task dump examples/dumps/employees-dump.csv\n  anaplan-task dump --format json dump.csv\n\nExit status: 0 when every row was read, 1 when a row or the header could not\nbe, 2 on usage errors or unreadable input."
    )]
    Dump {
        /// The dump file (`-` for stdin).
        path: PathBuf,
        /// How to report.
        #[arg(long, value_enum, default_value_t = DumpFormat::Text)]
        format: DumpFormat,
        /// How many of the most frequent messages to list.
        #[arg(long, default_value_t = DumpSummary::DEFAULT_TOP)]
        top: usize,
        /// The longest record (a row, in the file) read, in bytes; a longer
        /// one is reported and skipped.
        #[arg(long, default_value_t = DumpReader::<io::Empty>::DEFAULT_MAX_RECORD)]
        max_record: usize,
    },
    /// Print the Markdown documentation of the schemas.
    #[command(after_help = "Example:\n  anaplan-task docs > schema.md")]
    Docs,
}

#[derive(clap::Args)]
struct ValidateArgs {
    /// Files, folders or `-` (stdin). Folders are searched recursively.
    #[arg(default_value = "-")]
    paths: Vec<PathBuf>,
    /// How to report.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Report unknown fields and `values` keys as errors.
    #[arg(long)]
    strict: bool,
    /// Exit with status 1 when any document has a warning.
    #[arg(long)]
    deny_warnings: bool,
    /// The call the captures came from; checks the result's object id.
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    /// Print only errors, and no summary.
    #[arg(long, short)]
    quiet: bool,
    /// The largest document (or NDJSON line) read: bytes, or a size such
    /// as `64MiB` or `1GB`.
    #[arg(long, default_value = "64MiB", value_parser = input::parse_size)]
    max_size: u64,
    /// How to read stdin: `auto` reads NDJSON when one of its first two
    /// non-blank lines is a JSON value by itself (or it is larger than
    /// --max-size before the end of the second), one document otherwise.
    #[arg(long, value_enum, default_value_t = StdinFormat::Auto)]
    stdin_format: StdinFormat,
    /// How many files to check at once (default: one per CPU). The report
    /// is the same whatever the number; NDJSON streams and stdin are read
    /// on one thread.
    #[arg(long, short, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// `file:line:col: severity[code] path: message`, then a summary.
    Text,
    /// One JSON object per document.
    Json,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DumpFormat {
    /// A summary for a person.
    Text,
    /// One JSON object.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Import,
    Export,
    Action,
    Process,
}

impl From<KindArg> for CallKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Import => CallKind::Import,
            KindArg::Export => CallKind::Export,
            KindArg::Action => CallKind::Action,
            KindArg::Process => CallKind::Process,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaArg {
    Status,
    Create,
    List,
    Chunks,
    Error,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage(&e),
    };
    let result = match cli.command {
        Command::Validate(args) => return validate_command(&args),
        Command::Summarize { path, max_size } => summarize(&path, max_size),
        Command::Schema { kind } => {
            let kind = match kind {
                SchemaArg::Status => SchemaKind::TaskStatus,
                SchemaArg::Create => SchemaKind::CreateTask,
                SchemaArg::List => SchemaKind::TaskList,
                SchemaArg::Chunks => SchemaKind::ChunkList,
                SchemaArg::Error => SchemaKind::Error,
            };
            write_out(&schema::schema_text(kind))
        }
        Command::Docs => write_out(&schema::markdown()),
        Command::Dump {
            path,
            format,
            top,
            max_record,
        } => dump(&path, format, top, max_record),
    };
    match result {
        Ok(code) => code,
        Err(e) => write_failed(&e),
    }
}

/// Help, the version, or a usage error (2). Help that cannot be written
/// fails as any other output does.
fn usage(e: &clap::Error) -> ExitCode {
    let printed = e.print().and_then(|()| io::stdout().flush());
    if !e.use_stderr() {
        if let Err(e) = printed {
            return write_failed(&e);
        }
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// The exit status when the output cannot be written: 0 when its reader has
/// stopped reading (a broken pipe, as `head` does), 2 otherwise, with the
/// reason.
fn write_failed(e: &io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("anaplan-task: cannot write: {e}");
    ExitCode::from(2)
}

fn write_out(text: &str) -> io::Result<ExitCode> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
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
    bytes: u64,
}

struct Run<'a> {
    args: &'a ValidateArgs,
    options: Options,
    out: Output,
    color: bool,
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
    fn from(report: Report) -> Self {
        Self {
            kind: report.kind(),
            valid: report.is_valid(),
            warned: report.has_warnings(),
            outcome: report.outcome(),
            findings: report.findings,
        }
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

fn validate_command(args: &ValidateArgs) -> ExitCode {
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
    let color = args.format == Format::Text && io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut run = Run {
        args,
        options: Options::default()
            .strict(args.strict)
            .call(args.kind.map(CallKind::from)),
        out,
        color,
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
    if t.unreadable > 0 {
        ExitCode::from(2)
    } else if t.invalid > 0 || (args.deny_warnings && t.warned > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

impl Run<'_> {
    fn all(&mut self) -> io::Result<()> {
        for path in &self.args.paths {
            if path.as_os_str() == "-" {
                self.stdin()?;
            } else {
                self.path(path)?;
            }
        }
        self.flush()
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
        self.progress.tick(&self.tally);
        match self.args.format {
            Format::Json => self.emit_json(source, verdict)?,
            Format::Text => self.emit_text(source, verdict)?,
            Format::Github => self.emit_github(source, verdict)?,
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

    fn shown(quiet: bool, f: &Finding) -> bool {
        !quiet || f.severity == Severity::Error
    }

    fn emit_text(&mut self, source: &Source<'_>, verdict: &Verdict) -> io::Result<()> {
        let quiet = self.args.quiet;
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
            let severity = if self.color {
                let code = match f.severity {
                    Severity::Error => "31",
                    Severity::Warning => "33",
                    Severity::Info => "36",
                };
                format!("\x1b[{code}m{}\x1b[0m", f.severity)
            } else {
                f.severity.to_string()
            };
            writeln!(out, "{place}: {severity}[{}] {}: {}", f.code, f.path, f.message)?;
        }
        Ok(())
    }

    fn emit_github(&mut self, source: &Source<'_>, verdict: &Verdict) -> io::Result<()> {
        let quiet = self.args.quiet;
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

    fn emit_json(&mut self, source: &Source<'_>, verdict: &Verdict) -> io::Result<()> {
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
            line: Option<usize>,
            kind: &'a str,
            valid: bool,
            outcome: Option<Outcome>,
            findings: Vec<JsonFinding<'a>>,
        }
        let findings = verdict
            .findings
            .iter()
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
            line: source.line,
            kind: verdict.kind.map_or("unknown", DocumentKind::as_str),
            valid: verdict.valid,
            outcome: verdict.outcome,
            findings,
        };
        let out = self.out.record();
        serde_json::to_writer(&mut *out, &line)?;
        out.push(b'\n');
        Ok(())
    }

    fn summary(&mut self) -> io::Result<()> {
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
        if t.unreadable > 0 {
            line.push_str(&format!("; {} unreadable", t.unreadable));
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

// ---------------------------------------------------------------------------
// summarize

fn summarize(path: &Path, max: u64) -> io::Result<ExitCode> {
    let stdin = path.as_os_str() == "-";
    let name = if stdin {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    };
    let mut bytes = Vec::new();
    let read = if stdin {
        input::read_within(io::stdin().lock(), max, &mut bytes).map_err(|e| Unchecked::Unreadable(e.to_string()))
    } else {
        input::read_file(path, max, &mut bytes).map(|()| true)
    };
    match read {
        Ok(true) => {}
        Ok(false) => {
            let message = format!("the input is more than the limit of {max} bytes (--max-size)");
            eprintln!("{name}: {}", Finding::new(Severity::Error, "too-large", message));
            return Ok(ExitCode::from(1));
        }
        Err(Unchecked::TooLarge(message)) => {
            eprintln!("{name}: {}", Finding::new(Severity::Error, "too-large", message));
            return Ok(ExitCode::from(1));
        }
        Err(Unchecked::Unreadable(e)) => {
            eprintln!("{name}: cannot read: {e}");
            return Ok(ExitCode::from(2));
        }
    }
    let report = validate::validate_slice(&bytes, &Options::default());
    let mut out = String::new();
    let Some(doc) = &report.document else {
        for f in &report.findings {
            eprintln!("{name}:{f}");
        }
        return Ok(ExitCode::from(1));
    };
    let summary = match doc {
        Document::CreateTask(r) => Some(&r.task),
        Document::BareCreateTask(t) => Some(t),
        _ => None,
    };
    match doc {
        _ if doc.task().is_some() => {
            let t = doc.task().expect("a status response has a task");
            line(&mut out, "task", t.task_id.as_str());
            let step = t.current_step.as_deref().map(|s| format!(" ({s})")).unwrap_or_default();
            line(&mut out, "state", &format!("{}{step}", t.task_state));
            line(&mut out, "outcome", t.outcome().as_str());
            if let Some(p) = &t.progress {
                line(&mut out, "progress", &p.to_string());
            }
            if let Some(at) = t.created_at() {
                line(&mut out, "created", &rfc3339(at));
            }
            if let Some(by) = &t.cancelled_by {
                line(&mut out, "cancelled by", by);
            }
            if let Some(result) = &t.result {
                result_summary(&mut out, result, 0);
            }
        }
        _ if summary.is_some() => {
            let task = summary.expect("a start call's answer has a task");
            line(&mut out, "start call", "a task was started");
            line(&mut out, "task", task.task_id.as_str());
            if let Some(s) = &task.task_state {
                line(&mut out, "state", s.as_str());
            }
        }
        Document::ChunkList(r) => {
            line(&mut out, "chunk list", &format!("{} chunks", r.chunks().len()));
            for c in r.chunks() {
                out.push_str(&format!("  {:<6} {}\n", c.id, c.name));
            }
        }
        Document::TaskList(r) => {
            line(&mut out, "list call", &format!("{} tasks", r.tasks().len()));
            for t in r.tasks() {
                let state = t.task_state.as_ref().map_or("-", |s| s.as_str());
                let at = t.created_at().map(rfc3339).unwrap_or_default();
                out.push_str(&format!("  {}  {state:<12} {at}\n", t.task_id));
            }
        }
        Document::Error(r) => {
            line(&mut out, "error", &format!("{} {}", r.status.code, r.status.message));
            if let Some(p) = &r.path {
                line(&mut out, "path", p);
            }
            if let Some(ts) = &r.timestamp {
                line(&mut out, "at", ts);
            }
        }
        other => line(&mut out, "document", other.kind().as_str()),
    }
    let shown: Vec<&Finding> = report.findings.iter().filter(|f| f.severity > Severity::Info).collect();
    if !shown.is_empty() {
        out.push_str("\nfindings\n");
        for f in shown {
            out.push_str(&format!("  {f}\n"));
        }
    }
    write_out(&out)
}

fn line(out: &mut String, label: &str, value: &str) {
    out.push_str(&format!("{label:<13}{value}\n"));
}

fn result_summary(out: &mut String, r: &TaskResult, depth: usize) {
    let pad = "  ".repeat(depth);
    let object = r
        .object_id
        .as_ref()
        .map_or("-".to_owned(), |id| format!("{id} ({})", id.kind()));
    let name = r.object_name.as_deref().map(|n| format!(" {n}")).unwrap_or_default();
    let dump = if r.failure_dump_available {
        ", failure dump available"
    } else {
        ""
    };
    let elapsed = r
        .elapsed()
        .map(|d| format!(", {} ms", d.as_millis()))
        .unwrap_or_default();
    if depth == 0 {
        line(out, "object", &format!("{object}{name}"));
        line(
            out,
            "result",
            &format!(
                "{}{dump}{elapsed}",
                if r.successful { "successful" } else { "not successful" }
            ),
        );
    } else {
        out.push_str(&format!("{pad}step {object}{name}: {}{dump}{elapsed}\n", r.outcome()));
    }
    let hierarchies: Vec<_> = r.details().iter().filter_map(|d| d.hierarchy_rows()).collect();
    if !hierarchies.is_empty() {
        out.push_str(&format!(
            "{pad}  {:<24} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}\n",
            "hierarchy", "total", "success", "warnings", "failed", "ignored", "created", "updated"
        ));
        for h in hierarchies {
            out.push_str(&format!(
                "{pad}  {:<24} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}\n",
                h.hierarchy_name,
                h.total_row_count,
                h.success_row_count,
                h.warnings_row_count,
                h.failed_count,
                h.ignored_count,
                h.created_count,
                h.updated_count
            ));
        }
    }
    let items: Vec<_> = r.details().iter().filter_map(|d| d.line_item_rows()).collect();
    if !items.is_empty() {
        out.push_str(&format!("{pad}  {:<24} {:>9} {:>9}\n", "line item", "rows", "ignored"));
        for l in items {
            out.push_str(&format!(
                "{pad}  {:<24} {:>9} {:>9}\n",
                l.line_item_name,
                l.row_count,
                l.ignored()
            ));
        }
    }
    for d in r.details() {
        match &d.values {
            Some(DetailValues::HierarchyRowsProcessed(_) | DetailValues::LineItemRowsProcessed(_)) => {}
            Some(DetailValues::ExportSucceeded(e)) => out.push_str(&format!("{pad}  export {}\n", e.export_name)),
            _ => {
                out.push_str(&format!("{pad}  {} ({})", d.code, d.code.class()));
                match d.local_message_text.as_deref().map(str::trim_end) {
                    Some(text) if !text.is_empty() => out.push_str(&format!(": {text}\n")),
                    _ => out.push('\n'),
                }
            }
        }
    }
    for step in r.nested_results() {
        result_summary(out, step, depth + 1);
    }
}

/// A point in time as RFC 3339 text in UTC, with milliseconds.
fn rfc3339(t: SystemTime) -> String {
    let ms = match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => d.as_millis() as i128,
        Err(e) => -(e.duration().as_millis() as i128),
    };
    let (days, rem) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i128::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000
    )
}

// ---------------------------------------------------------------------------
// dump

fn dump(path: &Path, format: DumpFormat, top: usize, max_record: usize) -> io::Result<ExitCode> {
    let name = if path.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    };
    let input: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("{name}: cannot read: {e}");
                return Ok(ExitCode::from(2));
            }
        }
    };
    let reader = match DumpReader::with_max_record(input, max_record) {
        Ok(r) => r,
        Err(DumpError::Io { source, .. }) => {
            eprintln!("{name}: cannot read: {source}");
            return Ok(ExitCode::from(2));
        }
        Err(e) => {
            eprintln!("{name}: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let columns = reader.source_columns().to_vec();
    let header_not_utf8 = reader.header_not_utf8();
    let summary = DumpSummary::read_top(reader, top);
    let code = match (&summary.read_error, summary.unreadable) {
        (Some(e), _) => {
            eprintln!("{name}: {e}");
            ExitCode::from(2)
        }
        (None, 0) => ExitCode::SUCCESS,
        (None, _) => ExitCode::from(1),
    };
    if format == DumpFormat::Json {
        #[derive(serde::Serialize)]
        struct JsonDump<'a> {
            source: &'a str,
            columns: &'a [String],
            header_not_utf8: bool,
            summary: &'a DumpSummary,
        }
        let value = JsonDump {
            source: &name,
            columns: &columns,
            header_not_utf8,
            summary: &summary,
        };
        let mut text = serde_json::to_string(&value).map_err(io::Error::other)?;
        text.push('\n');
        write_out(&text)?;
        return Ok(code);
    }
    let text = dump_text::render(&name, &columns, header_not_utf8, &summary);
    write_out(&text)?;
    Ok(code)
}
