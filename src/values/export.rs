//! [`ExportSucceeded`].

use super::engine::{Filled, KeySpec, Shape, Spec};
use super::typed::{Out, Typed, typed_api};
use super::{Pair, ValuesError, present};

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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ExportSucceeded {
    /// `exportName`: the export that ran.
    pub export_name: String,
    /// `serverAlert`: `None` when the key was absent, `Some(None)` when it
    /// was sent as `null` (as seen in real responses).
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub server_alert: Option<Option<String>>,
    /// Pairs with other keys, in the order they came.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Pair>,
}

pub(crate) const EXPORT_KEYS: [KeySpec; 2] = [
    KeySpec {
        name: "exportName",
        shape: Shape::Text,
        required: true,
    },
    KeySpec {
        name: "serverAlert",
        shape: Shape::NullableText,
        required: false,
    },
];

impl ExportSucceeded {
    /// The keys of `values`, in the crate's order.
    pub const KEYS: [&'static str; 2] = ["exportName", "serverAlert"];

    /// A detail for the named export, without `serverAlert`.
    pub fn new(export_name: impl Into<String>) -> Self {
        Self {
            export_name: export_name.into(),
            ..Self::default()
        }
    }
}

impl Typed for ExportSucceeded {
    const SPEC: &'static Spec = &Spec {
        detail: "exportSucceeded",
        keys: &EXPORT_KEYS,
        index: |key| EXPORT_KEYS.iter().position(|k| k.name == key),
    };
    fn build(f: &mut Filled) -> Self {
        Self {
            export_name: f.text(0),
            server_alert: f.nullable(1),
            other: std::mem::take(&mut f.other),
        }
    }
    fn known<E>(&self, f: &mut dyn FnMut(&str, Out<'_>) -> Result<(), E>) -> Result<(), E> {
        f("exportName", Out::Text(&self.export_name))?;
        if let Some(alert) = &self.server_alert {
            f("serverAlert", alert.as_deref().map_or(Out::Null, Out::Text))?;
        }
        Ok(())
    }
    fn other(&self) -> &[Pair] {
        &self.other
    }
}

typed_api!(ExportSucceeded);
