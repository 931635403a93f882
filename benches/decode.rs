//! Decoding side by side with untyped `serde_json::Value`, on the three
//! inputs of `corpus.rs`. The ratios between the lines of one group are the
//! result; absolute times depend on the machine.

#![allow(missing_docs)] // criterion_group! writes an undocumented function

use std::hint::black_box;

use anaplan_task::validate::{self, Options};
use anaplan_task::{Document, TaskResponse};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

#[path = "corpus.rs"]
mod corpus;

fn single(c: &mut Criterion, name: &str, input: &str) {
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(input.len() as u64));
    let bytes = input.as_bytes();
    g.bench_function("value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(bytes)).unwrap())
    });
    g.bench_function("owned", |b| {
        b.iter(|| TaskResponse::from_slice(black_box(bytes)).unwrap())
    });
    g.bench_function("document", |b| {
        b.iter(|| Document::from_slice(black_box(bytes)).unwrap())
    });
    let options = Options::default();
    g.bench_function("validate", |b| {
        b.iter(|| validate::validate_slice(black_box(bytes), &options))
    });
    g.finish();
}

fn stream(c: &mut Criterion) {
    let input = corpus::ndjson(100_000);
    let mut g = c.benchmark_group("ndjson-100k");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(input.len() as u64));
    let lines = || input.as_bytes().split(|&b| b == b'\n').filter(|l| !l.is_empty());
    g.bench_function(BenchmarkId::new("value", "lines"), |b| {
        b.iter(|| {
            for line in lines() {
                black_box(serde_json::from_slice::<serde_json::Value>(line).unwrap());
            }
        })
    });
    g.bench_function(BenchmarkId::new("owned", "lines"), |b| {
        b.iter(|| {
            for line in lines() {
                black_box(TaskResponse::from_slice(line).unwrap());
            }
        })
    });
    let options = Options::default();
    g.bench_function(BenchmarkId::new("validate", "lines"), |b| {
        b.iter(|| {
            for line in lines() {
                black_box(validate::validate_slice(line, &options));
            }
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    single(c, "seed", &corpus::seed());
    single(c, "process-1000", &corpus::process(1000));
    stream(c);
}

criterion_group! {
    name = decode;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2));
    targets = benches
}
criterion_main!(decode);
