//! Decodes one benchmark input a fixed number of times, for instruction
//! counts under `valgrind --tool=callgrind` (repeatable, unlike timings on a
//! shared machine). `scripts/bench-instructions.sh` runs every case.
//!
//! ```sh
//! cargo run --release --example instructions -- owned seed
//! ```

use std::hint::black_box;
use std::process::ExitCode;

use anaplan_task::validate::{self, Options};
use anaplan_task::{Document, TaskResponse};

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(input)) = (args.first(), args.get(1)) else {
        eprintln!("usage: instructions none|value|owned|document|validate seed|process|ndjson");
        return ExitCode::from(2);
    };
    let (text, rounds) = match input.as_str() {
        "seed" => (corpus::seed(), 20_000),
        "process" => (corpus::process(1000), 5),
        "ndjson" => (corpus::ndjson(5000), 5),
        _ => {
            eprintln!("unknown input `{input}`");
            return ExitCode::from(2);
        }
    };
    let options = Options::default();
    for _ in 0..rounds {
        for line in text.lines() {
            let bytes = black_box(line.as_bytes());
            match path.as_str() {
                "none" => {
                    black_box(bytes.len());
                }
                "value" => {
                    black_box(serde_json::from_slice::<serde_json::Value>(bytes).ok());
                }
                "owned" => {
                    black_box(TaskResponse::from_slice(bytes).ok());
                }
                "document" => {
                    black_box(Document::from_slice(bytes).ok());
                }
                "validate" => {
                    black_box(validate::validate_slice(bytes, &options));
                }
                other => {
                    eprintln!("unknown path `{other}`");
                    return ExitCode::from(2);
                }
            }
        }
    }
    ExitCode::SUCCESS
}
