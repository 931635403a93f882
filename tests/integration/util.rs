//! Helpers shared by the test modules.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The fixtures folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Reads a fixture as text.
#[track_caller]
pub fn fixture(rel: &str) -> String {
    std::fs::read_to_string(fixtures().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The names of the `.json` fixtures in a folder of `tests/fixtures`, sorted.
pub fn fixture_names(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// Turns every `values` array into its sorted list of pairs, so that two
/// documents compare equal when they differ only in the order of pairs
/// (which carries no meaning on the wire).
pub fn normalize(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = match (k.as_str(), v) {
                        ("values", Value::Array(items)) => {
                            let mut pairs: Vec<Value> = items.chunks(2).map(|c| Value::Array(c.to_vec())).collect();
                            pairs.sort_by_key(|p| p.to_string());
                            Value::Array(pairs)
                        }
                        _ => normalize(v),
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(normalize).collect()),
        other => other.clone(),
    }
}

/// Asserts that `err` displays exactly `expected`.
#[track_caller]
pub fn assert_to_string(err: impl std::fmt::Display, expected: &str) {
    assert_eq!(err.to_string(), expected);
}

/// The `source` of each record of a `validate --format json` report.
#[cfg(feature = "cli")]
pub fn sources(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["source"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}
