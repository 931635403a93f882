//! Decodes one captured response and prints its outcome and counts.
//!
//! ```sh
//! cargo run --example decode -- tests/fixtures/valid/seed.json
//! ```

use std::process::ExitCode;

use anaplan_task::{DetailValues, Document, TaskResult};

fn print_result(result: &TaskResult, depth: usize) {
    let pad = "  ".repeat(depth);
    let object = result
        .object_id
        .as_ref()
        .map_or("-".to_owned(), |id| format!("{id} ({})", id.kind()));
    println!(
        "{pad}result: successful={} dump={} object={object} outcome={}",
        result.successful,
        result.dump_available(),
        result.outcome()
    );
    for detail in result.details() {
        println!("{pad}  {} [{}]", detail.code, detail.code.class());
        match &detail.values {
            Some(DetailValues::HierarchyRowsProcessed(rows)) => {
                println!("{pad}    hierarchy {}", rows.hierarchy_name);
                for (key, n) in rows.counts() {
                    println!("{pad}    {key:<20} {n:>12}");
                }
            }
            Some(DetailValues::LineItemRowsProcessed(rows)) => {
                println!(
                    "{pad}    line item {}: {} rows, {} ignored",
                    rows.line_item_name,
                    rows.row_count,
                    rows.ignored()
                );
            }
            Some(DetailValues::ExportSucceeded(export)) => println!("{pad}    export {}", export.export_name),
            Some(other) => println!("{pad}    {} raw entries", other.len()),
            None => {}
        }
    }
    for step in result.nested_results() {
        print_result(step, depth + 1);
    }
}

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/fixtures/valid/seed.json".to_owned());
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let doc = match Document::from_slice(&bytes) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{path}:{}:{}: {e}", e.line(), e.column());
            return ExitCode::FAILURE;
        }
    };
    println!("{path}: {}", doc.kind());
    if let Document::TaskStatus(response) = &doc {
        let task = &response.task;
        println!(
            "task {} state {} outcome {}",
            task.task_id,
            task.task_state,
            task.outcome()
        );
        if let Some(result) = &task.result {
            print_result(result, 0);
        }
    }
    ExitCode::SUCCESS
}
