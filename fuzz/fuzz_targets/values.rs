//! Any array of strings and nulls: each typed struct decodes it or fails
//! with an error; a decoded one encodes back to an array that decodes to it.
#![no_main]

use anaplan_task::{ExportSucceeded, HierarchyRowsProcessed, LineItemRowsProcessed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|values: Vec<Option<String>>| {
    if let Ok(Some(h)) = HierarchyRowsProcessed::from_values(&values) {
        assert_eq!(HierarchyRowsProcessed::from_values(&h.to_values()), Ok(Some(h)));
    }
    if let Ok(Some(l)) = LineItemRowsProcessed::from_values(&values) {
        assert_eq!(LineItemRowsProcessed::from_values(&l.to_values()), Ok(Some(l)));
    }
    if let Ok(Some(e)) = ExportSucceeded::from_values(&values) {
        assert_eq!(ExportSucceeded::from_values(&e.to_values()), Ok(Some(e)));
    }
    // The same array inside a document, streamed.
    for code in ["hierarchyRowsProcessed", "lineItemRowsProcessed", "exportSucceeded", "other"] {
        let json = serde_json::json!({"task": {"taskId": "A", "taskState": "COMPLETE", "result": {
            "successful": true, "failureDumpAvailable": false,
            "details": [{"type": code, "values": values}]}}});
        let _ = anaplan_task::Document::from_str(&json.to_string());
    }
});
