//! Allocation counts: deterministic, so they can be tests (timings are
//! benchmarks). Counted per thread by allocation-counter.

use std::hint::black_box;

use anaplan_task::{Document, HierarchyRowsProcessed, TaskResponse, validate};

use crate::util::fixture;

fn seed_values() -> Vec<Option<String>> {
    let doc: serde_json::Value = serde_json::from_str(&fixture("valid/seed.json")).unwrap();
    serde_json::from_value(doc["task"]["result"]["details"][0]["values"].clone()).unwrap()
}

#[test]
fn decoding_values_allocates_only_the_struct() {
    let values = seed_values();
    let info = allocation_counter::measure(|| {
        black_box(HierarchyRowsProcessed::from_values(black_box(&values)).unwrap());
    });
    // The one allocation is the hierarchy name; the 15 counts and the key
    // matching need none, and nothing is left behind.
    assert_eq!(info.count_total, 1);
    assert_eq!(info.bytes_total, "Employees".len() as u64);
    assert_eq!(info.count_current, 0);
}

#[test]
fn decoding_a_document_allocates_only_its_text() {
    let text = serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&fixture("valid/seed.json")).unwrap())
        .unwrap();
    let info = allocation_counter::measure(|| {
        black_box(TaskResponse::from_str(black_box(&text)).unwrap());
    });
    // meta.schema, status.message, taskId, currentStep, result.objectId,
    // the details vector, localMessageText, hierarchyName: the values
    // array, every key and the text of `progress` (held in place) cost
    // nothing.
    assert_eq!(info.count_total, 8);
    assert_eq!(info.count_current, 0);
    let info = allocation_counter::measure(|| {
        black_box(Document::from_str(black_box(&text)).unwrap());
    });
    assert_eq!(info.count_total, 8);
    let untyped = allocation_counter::measure(|| {
        black_box(serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap());
    });
    assert!(untyped.count_total > 8 * info.count_total, "{untyped:?}");
}

#[test]
fn checking_a_clean_document_allocates_nothing() {
    // The checks carry their path on the stack: a document without
    // findings, however deep its process steps, costs no allocation.
    let options = validate::Options::default();
    for name in ["valid/seed.json", "valid/process.json", "valid/list.json"] {
        let doc = Document::from_str(&fixture(name)).unwrap();
        assert_eq!(validate::check(&doc, &options), [], "{name}");
        let info = allocation_counter::measure(|| {
            black_box(validate::check(black_box(&doc), &options));
        });
        assert_eq!(info.count_total, 0, "{name}");
    }
}
