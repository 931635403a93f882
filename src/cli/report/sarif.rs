//! `--format sarif`: the findings as one SARIF 2.1.0 log, for
//! code-scanning views (GitHub's among them).
//!
//! The few objects written are serde structs of our own: the serde-sarif
//! crate generates its types in a build script (syn, schemafy,
//! prettyplease), a large build for the dozen fields used here. The test
//! `sarif_log_matches_the_official_schema` checks the output against the
//! OASIS schema, vendored under `tests/fixtures/sarif/`.
//!
//! A log lists at most [`MAX_RESULTS`] results, and [`MAX_BYTES`] bytes of
//! their messages and file names, the most severe first chosen, in the
//! order found; the others are counted in a tool execution notification,
//! so that a run over a huge input holds a bounded log.

use std::collections::BTreeMap;

use anaplan_task::validate::{Code, Finding, Severity};
use serde::Serialize;

use crate::cli::verdict::{Source, Verdict};

/// The most results a log lists: 25,000, the most GitHub's code scanning
/// takes in one run (it refuses a log with more).
pub const MAX_RESULTS: usize = 25_000;

/// The most bytes of messages and file names a log lists: 64 MiB.
pub const MAX_BYTES: usize = 64 << 20;

/// A SARIF log with one run, its results added as they come.
#[derive(Default)]
pub struct Log {
    /// The results kept, by level (note, warning, error), each with its
    /// place in the order found.
    results: [Vec<(u64, SarifResult)>; 3],
    /// How many results were found, and how many of them are not kept.
    found: u64,
    dropped: u64,
    /// The bytes of the messages and file names kept.
    bytes: usize,
    /// The codes seen, by their text (the order of the rules).
    rules: BTreeMap<&'static str, Code>,
}

impl Log {
    /// Adds the findings of `verdict` of at least `least`.
    pub fn record(&mut self, source: &Source<'_>, verdict: &Verdict, least: Severity) {
        let name = uri(source.name.as_os_str().as_encoded_bytes());
        for f in verdict.shown(least) {
            let (line, column) = source.position(f);
            self.add(&name, line, column, f);
        }
    }

    /// Adds a finding about the file at `uri`, at this line and column.
    fn add(&mut self, uri: &str, line: Option<usize>, column: Option<usize>, f: &Finding) {
        self.rules.insert(f.code.as_str(), f.code);
        let rank = match f.severity {
            Severity::Info => 0,
            Severity::Warning => 1,
            Severity::Error => 2,
        };
        self.found += 1;
        let text = format!("{}: {}", f.shown_path(), f.message);
        let size = text.len() + uri.len();
        while self.results.iter().map(Vec::len).sum::<usize>() >= MAX_RESULTS || self.bytes + size > MAX_BYTES {
            // Full: the latest result of a lower level makes room, if any.
            match self.results[..rank].iter_mut().find(|r| !r.is_empty()) {
                Some(lower) => {
                    let (_, gone) = lower.pop().expect("not empty");
                    self.bytes -= gone.size();
                    self.dropped += 1;
                }
                None => {
                    self.dropped += 1;
                    return;
                }
            }
        }
        self.bytes += size;
        let region = line.map(|start_line| Region {
            start_line,
            start_column: column,
        });
        let result = SarifResult {
            rule_id: f.code.as_str(),
            level: ["note", "warning", "error"][rank],
            message: Text { text },
            locations: vec![Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation { uri: uri.to_owned() },
                    region,
                },
            }],
        };
        self.results[rank].push((self.found, result));
    }

    /// The log as JSON text, with a final newline; `successful` when the
    /// run read every input it was given.
    pub fn to_json(&self, successful: bool) -> String {
        let rules = self
            .rules
            .iter()
            .map(|(id, code)| Rule {
                id,
                short_description: Text {
                    text: code.meaning().to_owned(),
                },
            })
            .collect();
        let log = SarifLog {
            schema: "https://json.schemastore.org/sarif-2.1.0.json",
            version: "2.1.0",
            runs: [Run {
                tool: Tool {
                    driver: Driver {
                        name: env!("CARGO_PKG_NAME"),
                        version: env!("CARGO_PKG_VERSION"),
                        information_uri: env!("CARGO_PKG_REPOSITORY"),
                        rules,
                    },
                },
                invocations: [Invocation {
                    execution_successful: successful,
                    tool_execution_notifications: self.not_listed(),
                }],
                results: self.in_order(),
            }],
        };
        let mut text = serde_json::to_string_pretty(&log).expect("a SARIF log serialises");
        text.push('\n');
        text
    }
}

impl Log {
    /// The results kept, in the order found.
    fn in_order(&self) -> Vec<&SarifResult> {
        let mut all: Vec<&(u64, SarifResult)> = self.results.iter().flatten().collect();
        all.sort_unstable_by_key(|(at, _)| *at);
        all.into_iter().map(|(_, r)| r).collect()
    }

    /// The notification of the results not listed, if any.
    fn not_listed(&self) -> Vec<Notification> {
        if self.dropped == 0 {
            return Vec::new();
        }
        vec![Notification {
            level: "warning",
            message: Text {
                text: format!(
                    "{} of {} results are not listed: a run lists at most {MAX_RESULTS}, within {MAX_BYTES} bytes of text, the most severe first (--format json lists every one)",
                    self.dropped, self.found
                ),
            },
        }]
    }
}

/// A path, as its bytes, as a relative URI reference: `/` between
/// components (`\` too on Windows), and any byte other than an unreserved character or `/`
/// percent-encoded (a byte that is not UTF-8 too: `%FF`).
fn uri(path: &[u8]) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path {
        // Only Windows separates components with `\`; elsewhere it is a
        // character of a name.
        if cfg!(windows) && b == b'\\' {
            out.push('/');
        } else if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Serialize)]
struct SarifLog<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: [Invocation; 1],
    results: Vec<&'a SarifResult>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

impl SarifResult {
    /// The bytes of its message and file names, as [`MAX_BYTES`] counts.
    fn size(&self) -> usize {
        self.message.text.len()
            + self
                .locations
                .iter()
                .map(|l| l.physical_location.artifact_location.uri.len())
                .sum::<usize>()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri(b"examples/responses/seed.json"), "examples/responses/seed.json");
        assert_eq!(uri(b"<stdin>"), "%3Cstdin%3E");
        let separated = if cfg!(windows) {
            "a%20b/c.json"
        } else {
            "a%20b%5Cc.json"
        };
        assert_eq!(uri(b"a b\\c.json"), separated);
        assert_eq!(uri(b"a\xff\xfe.json"), "a%FF%FE.json");
    }
}
