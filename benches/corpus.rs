//! Deterministic benchmark inputs, generated (no downloads): the seed
//! response, a process with many nested results, and an NDJSON stream of
//! varied single responses. Shared by the benchmarks and the corpus example.

#![allow(dead_code, missing_docs)] // shared by several targets, each using a part

use serde_json::{Value, json};

/// The seed response of the API documentation, compact.
pub fn seed() -> String {
    let text = include_str!("../tests/fixtures/valid/seed.json");
    let value: Value = serde_json::from_str(text).expect("the seed is JSON");
    serde_json::to_string(&value).expect("JSON")
}

/// A small, fast, deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

const NAMES: [&str; 8] = [
    "Employees",
    "Cost Centres",
    "Products",
    "Regions",
    "Customers",
    "Accounts",
    "Suppliers",
    "Projects",
];

fn task_id(rng: &mut Rng) -> String {
    format!("{:016X}{:016X}", rng.next_u64(), rng.next_u64())
}

/// A `hierarchyRowsProcessed` detail whose counts add up.
fn hierarchy_detail(rng: &mut Rng) -> Value {
    let name = NAMES[rng.below(NAMES.len() as u64) as usize];
    let (sc, su) = (rng.below(500), rng.below(5000));
    let (wc, wu) = (rng.below(3), rng.below(20));
    let failed = rng.below(4) * rng.below(10);
    let ignored = rng.below(10);
    let (success, warnings) = (sc + su, wc + wu);
    let total = success + warnings + failed + ignored;
    let code = if failed + warnings > 0 {
        "hierarchyRowsProcessedWithFailures"
    } else {
        "hierarchyRowsProcessed"
    };
    let text = if code == "hierarchyRowsProcessed" {
        format!("{name}: {success} ({sc}/{su}) rows successful, {ignored} ignored ")
    } else {
        format!(
            "{name}: {success} ({sc}/{su}) rows successful, {warnings} ({wc}/{wu}) rows has warnings, {failed} failed, {ignored} ignored"
        )
    };
    let counts = [
        ("successRowCount", success),
        ("successCreateCount", sc),
        ("successUpdateCount", su),
        ("warningsRowCount", warnings),
        ("warningsCreateCount", wc),
        ("warningsUpdateCount", wu),
        ("failedCount", failed),
        ("ignoredCount", ignored),
        ("totalRowCount", total),
        ("totalCreateCount", sc + wc),
        ("totalUpdateCount", su + wu),
        ("invalidCount", 0),
        ("updatedCount", su + wu),
        ("renamedCount", su + wu),
        ("createdCount", sc + wc),
    ];
    let mut values = vec![json!("hierarchyName"), json!(name)];
    for (k, n) in counts {
        values.push(json!(k));
        values.push(json!(n.to_string()));
    }
    json!({"localMessageText": text, "occurrences": 0, "type": code, "values": values})
}

fn result(rng: &mut Rng, details: usize) -> Value {
    let details: Vec<Value> = (0..details).map(|_| hierarchy_detail(rng)).collect();
    let failed = details
        .iter()
        .any(|d| d["type"] == "hierarchyRowsProcessedWithFailures");
    json!({
        "details": details,
        "failureDumpAvailable": failed,
        "objectId": format!("112{:09}", rng.below(1_000_000_000)),
        "successful": true
    })
}

fn envelope(task: Value) -> Value {
    json!({
        "meta": {"schema": "https://api.anaplan.com/2/0/models/F1111111C11111111B11111F1111E11F/objects/task"},
        "status": {"code": 200, "message": "Success"},
        "task": task
    })
}

/// A process response with `steps` nested results, each with 1 to 3
/// `hierarchyRowsProcessed` details.
pub fn process(steps: usize) -> String {
    let mut rng = Rng::new(0x5EED);
    let nested: Vec<Value> = (0..steps)
        .map(|_| {
            let n = 1 + rng.below(3) as usize;
            let mut r = result(&mut rng, n);
            r["duration"] = json!(rng.below(5000).to_string());
            r["startTime"] = json!((1_571_258_347_545 + rng.below(1_000_000)).to_string());
            r
        })
        .collect();
    let task = json!({
        "taskId": task_id(&mut rng),
        "currentStep": "Complete.",
        "progress": 1,
        "result": {"failureDumpAvailable": false, "objectId": "118000000001", "successful": true, "nestedResults": nested},
        "taskState": "COMPLETE",
        "creationTime": 1_571_258_347_545u64
    });
    serde_json::to_string(&envelope(task)).expect("JSON")
}

/// One single response of the stream, varied by `rng`.
pub fn single(rng: &mut Rng) -> String {
    let state = match rng.below(10) {
        0 => "NOT_STARTED",
        1 | 2 => "IN_PROGRESS",
        _ => "COMPLETE",
    };
    let mut task = json!({
        "taskId": task_id(rng),
        "currentStep": if state == "COMPLETE" { "Complete." } else { "Importing." },
        "progress": if state == "COMPLETE" { json!(1) } else { json!(rng.below(100) as f64 / 100.0) },
        "taskState": state,
        "creationTime": 1_571_258_347_545 + rng.below(10_000_000_000)
    });
    if state == "COMPLETE" {
        let n = 1 + rng.below(2) as usize;
        task["result"] = result(rng, n);
    }
    serde_json::to_string(&envelope(task)).expect("JSON")
}

/// An NDJSON stream of `lines` single responses.
pub fn ndjson(lines: usize) -> String {
    let mut rng = Rng::new(0xFEED);
    let mut out = String::new();
    for _ in 0..lines {
        out.push_str(&single(&mut rng));
        out.push('\n');
    }
    out
}
