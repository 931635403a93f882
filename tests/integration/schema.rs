//! The committed schemas and docs match the types, and the schemas accept
//! and reject the same data as the decoder (where JSON Schema can tell).

use std::path::Path;

use anaplan_task::Document;
use anaplan_task::schema::{self, SchemaKind};
use proptest::prelude::*;
use serde_json::Value;

use crate::util::fixtures;

/// Set to rewrite the committed files instead of failing on a difference.
const UPDATE: &str = "UPDATE_SCHEMAS";

#[track_caller]
fn check_committed(rel: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == generated {
        return;
    }
    if std::env::var_os(UPDATE).is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let diff = similar::TextDiff::from_lines(committed.as_str(), generated)
        .unified_diff()
        .context_radius(2)
        .header(&format!("{rel} (committed)"), &format!("{rel} (generated)"))
        .to_string();
    panic!(
        "{rel} differs from what the types generate; run `{UPDATE}=1 cargo test --all-features` to rewrite it\n{diff}"
    );
}

#[test]
fn committed_schemas_match_the_types() {
    for kind in SchemaKind::ALL {
        check_committed(&format!("schemas/{}", kind.file_name()), &schema::schema_text(kind));
    }
}

#[test]
fn committed_docs_match_the_types() {
    check_committed("docs/schema.md", &schema::markdown());
}

fn validators() -> Vec<(SchemaKind, jsonschema::Validator)> {
    SchemaKind::ALL
        .into_iter()
        .map(|kind| {
            let s = schema::schema(kind);
            assert!(
                jsonschema::meta::is_valid(&s),
                "{} is not a valid schema",
                kind.file_name()
            );
            (kind, jsonschema::validator_for(&s).unwrap())
        })
        .collect()
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn schemas_are_well_formed_and_deterministic() {
    for kind in SchemaKind::ALL {
        let s = schema::schema(kind);
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(
            s["$id"],
            format!(
                "urn:anaplan-task:schema:{}",
                kind.file_name().trim_end_matches(".schema.json")
            )
        );
        assert!(s["description"].as_str().is_some_and(|d| !d.is_empty()));
        assert_eq!(schema::schema_text(kind), schema::schema_text(kind));
        assert!(schema::schema_text(kind).ends_with("}\n"));
    }
    let status = schema::schema(SchemaKind::TaskStatus);
    let seed: Value = serde_json::from_str(&crate::util::fixture("valid/seed.json")).unwrap();
    assert_eq!(status["examples"], Value::Array(vec![seed]));
}

#[test]
fn every_valid_fixture_validates_against_its_schema() {
    let validators = validators();
    for entry in std::fs::read_dir(fixtures().join("valid")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = Document::from_str(&text).unwrap();
        let kind = SchemaKind::for_document(doc.kind());
        let mut instance: Value = serde_json::from_str(&text).unwrap();
        // A bare task object is the `task` of the body it was taken from.
        if doc.missing_envelope().first() == Some(&"task") {
            instance = serde_json::json!({ "task": instance });
        }
        let (_, v) = validators.iter().find(|(k, _)| *k == kind).unwrap();
        let errs = errors(v, &instance);
        assert!(errs.is_empty(), "{}: {errs:#?}", path.display());
    }
}

/// Invalid fixtures whose fault JSON Schema cannot express: they are valid
/// JSON that the status schema accepts, and only the decoder rejects them.
const OUT_OF_SCHEMA_REACH: &[&str] = &[
    "duplicate-field.json",              // a JSON object read into a map keeps one of the two
    "values-before-type-bad-count.json", // count text
    "values-count-leading-zero.json",    // count text
    "values-count-negative.json",        // count text
    "values-count-not-decimal.json",     // count text
    "values-count-overflow.json",        // count text
    "values-count-space.json",           // count text
    "values-duplicate-key.json",         // pairing
    "values-export-null-name.json",      // pairing: null in a value position
    "values-null-value.json",            // pairing: null in a value position
    "values-odd-length.json",            // pairing
];

#[test]
fn invalid_fixtures_are_rejected_where_the_schema_can_tell() {
    let validators = validators();
    let mut accepted = Vec::new();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(fixtures().join("invalid")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        names.push(name.clone());
        // Not JSON at all (empty, truncated, syntax error, trailing characters):
        // every validator rejects it before looking at a schema.
        let Ok(instance) = serde_json::from_slice::<Value>(&std::fs::read(&path).unwrap()) else {
            continue;
        };
        // Every invalid fixture is a broken status response, or not of the
        // family at all, which no schema accepts.
        if validators[0].1.is_valid(&instance) {
            accepted.push(name);
        } else if !instance.get("task").is_some_and(Value::is_object) {
            assert!(!validators.iter().any(|(_, v)| v.is_valid(&instance)), "{name}");
        }
    }
    accepted.sort();
    for name in OUT_OF_SCHEMA_REACH {
        assert!(names.contains(&name.to_string()), "{name} is not a fixture");
    }
    assert_eq!(accepted, OUT_OF_SCHEMA_REACH);
}

#[test]
fn schema_messages_name_the_place() {
    let validators = validators();
    let (_, status) = &validators[0];
    let text = crate::util::fixture("invalid/values-missing-key.json");
    let instance: Value = serde_json::from_str(&text).unwrap();
    let errs = errors(status, &instance);
    assert!(!errs.is_empty());
    // The fault sits under an optional `result`, whose `anyOf` (object or
    // null) is where the validator stops.
    assert!(errs.iter().all(|e| e.starts_with("/task/result: ")), "{errs:#?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Generated responses validate, except a `COMPLETE` task without a
    /// result, which the schema rejects by design.
    #[test]
    fn generated_responses_validate(r in crate::props::response()) {
        thread_local! {
            static STATUS: jsonschema::Validator =
                jsonschema::validator_for(&schema::schema(SchemaKind::TaskStatus)).unwrap();
        }
        // A kept number beyond a double's range has no `Value`.
        let instance = serde_json::to_value(&r);
        prop_assume!(instance.is_ok());
        let instance = instance.unwrap();
        let expected = !(r.task.task_state == anaplan_task::TaskState::Complete && r.task.result.is_none());
        let valid = STATUS.with(|v| v.is_valid(&instance));
        prop_assert_eq!(valid, expected, "{}", instance);
    }
}

/// A user's own type, holding the crate's, derives its schema from theirs;
/// what the crate writes passes it.
#[test]
fn a_users_schema_embeds_the_crates_types() {
    use anaplan_task::schemars::{self, JsonSchema};
    use anaplan_task::summary::TaskSummaryReport;
    use anaplan_task::validate::{self, Options, Report};
    use anaplan_task::{Outcome, TaskResponse};

    #[derive(serde::Serialize, JsonSchema)]
    #[schemars(crate = "anaplan_task::schemars")]
    struct Poll {
        response: TaskResponse,
        outcomes: Vec<Outcome>,
        report: Report,
        summary: TaskSummaryReport,
    }

    let generated = schemars::schema_for!(Poll);
    let validator = jsonschema::validator_for(&serde_json::to_value(&generated).unwrap()).unwrap();
    for name in [
        "seed.json",
        "process.json",
        "import-with-failures.json",
        "unknown-code-and-fields.json",
    ] {
        let text = crate::util::fixture(&format!("valid/{name}"));
        let response = TaskResponse::from_str(&text).unwrap();
        let poll = Poll {
            outcomes: vec![response.outcome(), Outcome::Running],
            report: validate::validate_str(&text, &Options::default()),
            summary: TaskSummaryReport::from_document(&Document::from_str(&text).unwrap()),
            response,
        };
        let instance = serde_json::to_value(&poll).unwrap();
        assert_eq!(errors(&validator, &instance), Vec::<String>::new(), "{name}");
    }
}
