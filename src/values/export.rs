//! [`ExportSucceeded`].

use serde::de::Deserializer;
use serde::{Deserialize, Serialize};

use super::engine::{Filled, KeySpec, Spec};
use super::typed::{Out, Typed};
use super::{Pair, ValuesError};

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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[non_exhaustive]
pub struct ExportSucceeded {
    /// `exportName`: the export that ran.
    #[serde(rename = "exportName")]
    pub export_name: String,
    /// `serverAlert`: `None` when the key was absent, `Some(None)` when it
    /// was sent as `null` (as seen in real responses).
    #[serde(
        rename = "serverAlert",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub server_alert: Option<Option<String>>,
    /// Pairs with other keys, in the order they came.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Pair>,
}

/// `serverAlert` was present: `null` is `Some(None)`.
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(deserializer).map(Some)
}

/// The known keys, in the crate's order.
const KEY_SPECS: [KeySpec; 2] = [KeySpec::text("exportName"), KeySpec::nullable_text("serverAlert")];

impl ExportSucceeded {
    /// The keys of `values`, in the crate's order.
    pub const KEYS: [&'static str; 2] = KeySpec::names(&KEY_SPECS);

    /// A detail for the named export, without `serverAlert`.
    pub fn new(export_name: impl Into<String>) -> Self {
        Self {
            export_name: export_name.into(),
            ..Self::default()
        }
    }

    /// Decodes a `values` array, keys in any order.
    ///
    /// An empty array decodes to `Ok(None)`: the server sent no data.
    pub fn from_values<S: AsRef<str>>(values: &[Option<S>]) -> Result<Option<Self>, ValuesError> {
        Typed::from_slice(values)
    }

    /// Encodes back to a `values` array: the known keys in the crate's
    /// order, then the other pairs in the order they came.
    pub fn to_values(&self) -> Vec<Option<String>> {
        Typed::to_values(self)
    }
}

impl Typed for ExportSucceeded {
    const SPEC: &'static Spec = &Spec::new("exportSucceeded", &KEY_SPECS, |key| {
        Some(match key {
            "exportName" => 0,
            "serverAlert" => 1,
            _ => return None,
        })
    });

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
