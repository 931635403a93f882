//! Speed ratios to untyped `serde_json::Value`, robust to a busy machine.
//!
//! Criterion times each path for seconds on end, so a machine whose speed
//! drifts (shared cores) skews the ratio between two paths timed a few
//! seconds apart. Here every round times each path for a few milliseconds,
//! back to back, and keeps the ratio of the two; the report is the median of
//! the rounds' ratios and its spread (first and third quartile).
//!
//! ```sh
//! cargo bench --bench ratio
//! ```

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use anaplan_task::validate::{self, Options};
use anaplan_task::{Document, TaskResponse};

#[path = "corpus.rs"]
mod corpus;

const ROUNDS: usize = 41;

/// A decode path, named, reading every document of an input.
type Path<'a> = (&'static str, Box<dyn Fn() + 'a>);

/// Time per call of `f`, over at least `budget`, after one call untimed
/// (which pays for the state the previous path left the allocator in).
fn per_call(budget: Duration, mut f: impl FnMut()) -> f64 {
    f();
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed() < budget {
        f();
        calls += 1;
    }
    start.elapsed().as_secs_f64() / f64::from(calls)
}

fn quartiles(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (at(0.25), at(0.5), at(0.75))
}

fn input(name: &str, docs: &[&[u8]], budget: Duration) {
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let options = Options::default();
    let value = || {
        for d in docs {
            black_box(serde_json::from_slice::<serde_json::Value>(black_box(d)).unwrap());
        }
    };
    let paths: [Path<'_>; 3] = [
        (
            "(2) TaskResponse",
            Box::new(|| {
                for d in docs {
                    black_box(TaskResponse::from_slice(black_box(d)).unwrap());
                }
            }),
        ),
        (
            "Document",
            Box::new(|| {
                for d in docs {
                    black_box(Document::from_slice(black_box(d)).unwrap());
                }
            }),
        ),
        (
            "(4) validate",
            Box::new(|| {
                for d in docs {
                    black_box(validate::validate_slice(black_box(d), &options));
                }
            }),
        ),
    ];
    let mut base = Vec::with_capacity(ROUNDS);
    let mut ratios: Vec<Vec<f64>> = vec![Vec::with_capacity(ROUNDS); paths.len()];
    let mut times: Vec<Vec<f64>> = vec![Vec::with_capacity(ROUNDS); paths.len()];
    for _ in 0..ROUNDS {
        let v = per_call(budget, value);
        base.push(v);
        for (i, (_, f)) in paths.iter().enumerate() {
            let t = per_call(budget, f);
            times[i].push(t);
            ratios[i].push(v / t);
        }
    }
    let mib_s = |t: f64| bytes as f64 / t / (1024.0 * 1024.0);
    let (_, v, _) = quartiles(base);
    println!("{name}: (1) Value {:.0} MiB/s, ratio 1.00", mib_s(v));
    for (i, (label, _)) in paths.iter().enumerate() {
        let (_, t, _) = quartiles(times[i].clone());
        let (q1, m, q3) = quartiles(ratios[i].clone());
        println!(
            "{name}: {label} {:.0} MiB/s, ratio {m:.2} (quartiles {q1:.2} to {q3:.2})",
            mib_s(t)
        );
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and
    // then one quick round checks that the benchmark runs.
    let quick = !std::env::args().any(|a| a == "--bench");
    let budget = Duration::from_millis(if quick { 1 } else { 25 });
    let seed = corpus::seed();
    input("seed", &[seed.as_bytes()], budget);
    let process = corpus::process(1000);
    input("process-1000", &[process.as_bytes()], budget);
    let stream = corpus::ndjson(if quick { 100 } else { 10_000 });
    let lines: Vec<&[u8]> = stream.lines().map(str::as_bytes).collect();
    input("ndjson-10k", &lines, budget * 4);
}
