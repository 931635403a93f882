//! Writes the benchmark corpus: an NDJSON stream of single responses, or
//! the same responses as separate files (for validators that read files).
//!
//! ```sh
//! cargo run --release --example corpus -- ndjson 100000 > stream.ndjson
//! cargo run --release --example corpus -- files 10000 corpus-dir
//! ```

use std::io::Write;
use std::process::ExitCode;

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count = args.get(1).and_then(|n| n.parse::<usize>().ok());
    match (args.first().map(String::as_str), count) {
        (Some("ndjson"), Some(n)) => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let mut rng = corpus::Rng::new(0xFEED);
            for _ in 0..n {
                if writeln!(out, "{}", corpus::single(&mut rng)).is_err() {
                    return ExitCode::FAILURE;
                }
            }
            ExitCode::SUCCESS
        }
        (Some("files"), Some(n)) => {
            let Some(dir) = args.get(2) else {
                eprintln!("usage: corpus files COUNT DIR");
                return ExitCode::from(2);
            };
            let mut rng = corpus::Rng::new(0xFEED);
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("{dir}: {e}");
                return ExitCode::from(2);
            }
            for i in 0..n {
                let path = format!("{dir}/response-{i:05}.json");
                if let Err(e) = std::fs::write(&path, corpus::single(&mut rng)) {
                    eprintln!("{path}: {e}");
                    return ExitCode::FAILURE;
                }
            }
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: corpus ndjson COUNT > FILE | corpus files COUNT DIR");
            ExitCode::from(2)
        }
    }
}
