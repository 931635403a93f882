//! [`ExportSucceeded`].

use super::declare::typed_detail;

typed_detail! {
    /// The `values` of the `exportSucceeded` detail.
    ///
    /// With serde: `{"exportName": ..., "serverAlert": null}`, `serverAlert`
    /// only when present (`null` stays `null`), `other` only when not empty.
    ///
    /// ```
    /// # use anaplan_task::ExportSucceeded;
    /// let values = [Some("exportName"), Some("Grid.csv"), Some("serverAlert"), None];
    /// let export = ExportSucceeded::from_values(&values).unwrap().unwrap();
    /// assert_eq!(export.server_alert, Some(None));
    /// let json = serde_json::to_string(&export).unwrap();
    /// assert_eq!(json, r#"{"exportName":"Grid.csv","serverAlert":null}"#);
    /// assert_eq!(serde_json::from_str::<ExportSucceeded>(&json).unwrap(), export);
    /// ```
    pub struct ExportSucceeded for "exportSucceeded" {
        texts {
            /// the export that ran.
            export_name: "exportName" => text,
            /// `None` when the key was absent, `Some(None)` when it
            /// was sent as `null` (as seen in real responses).
            server_alert: "serverAlert" => nullable_text,
        }
        counts {}
    }
    /// A detail for the named export, without `serverAlert`.
    fn new(export_name);
}
