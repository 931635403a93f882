//! [`UnknownFields`]: the fields of a wire object that the crate does not
//! interpret, kept as the JSON text that was sent.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;

/// The fields of an object that the crate does not interpret, each kept as
/// the JSON text that was sent: in the order sent, a repeated name
/// included, every number in its own spelling (`1E2`, `0.50`, `-0`, 30
/// digits), every nested object with its own repeated keys.
///
/// Written back, each field is its name and then its text as sent, so a
/// response decoded and encoded again keeps what the server sent. A name
/// sent twice reads (both fields are kept) and the validation pass reports
/// it as `duplicate-field`; so is a repeated key inside a kept value.
///
/// A value is a [`RawValue`]: [`RawValue::get`] gives its text, and
/// `serde_json::from_str(raw.get())` reads it as any type.
///
/// ```
/// let task: anaplan_task::Task = serde_json::from_str(
///     r#"{"taskId":"T","taskState":"IN_PROGRESS","zz":1E2,"zz":[0.50, -0]}"#,
/// )
/// .unwrap();
/// let texts: Vec<(&str, &str)> = task.extra.iter().map(|(k, v)| (k, v.get())).collect();
/// assert_eq!(texts, [("zz", "1E2"), ("zz", "[0.50, -0]")]);
/// assert_eq!(
///     serde_json::to_string(&task).unwrap(),
///     r#"{"taskId":"T","taskState":"IN_PROGRESS","zz":1E2,"zz":[0.50, -0]}"#
/// );
/// ```
#[derive(Clone, Default)]
pub struct UnknownFields(Vec<(String, Box<RawValue>)>);

impl UnknownFields {
    /// No fields.
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// The number of fields, a repeated name counted each time.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no field.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The fields in the order sent: each name with its text.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &RawValue)> + '_ {
        self.0.iter().map(|(k, v)| (k.as_str(), &**v))
    }

    /// The names in the order sent, a repeated name each time.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// The first field named `name`.
    pub fn get(&self, name: &str) -> Option<&RawValue> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| &**v)
    }

    /// Whether a field is named `name`.
    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Adds a field after the others; a name already present is kept twice.
    pub fn push(&mut self, name: impl Into<String>, value: Box<RawValue>) {
        self.0.push((name.into(), value));
    }

    /// Adds a field holding `value` written as JSON.
    ///
    /// # Errors
    ///
    /// When serde_json cannot write `value` (a map with non-string keys).
    pub fn push_value<T: Serialize + ?Sized>(&mut self, name: impl Into<String>, value: &T) -> serde_json::Result<()> {
        self.push(name, serde_json::value::to_raw_value(value)?);
        Ok(())
    }

    /// Removes every field named `name`, giving the first one's value.
    pub fn remove(&mut self, name: &str) -> Option<Box<RawValue>> {
        let at = self.0.iter().position(|(k, _)| k == name)?;
        let (_, first) = self.0.remove(at);
        self.0.retain(|(k, _)| k != name);
        Some(first)
    }

    /// Moves the fields of `other` after these.
    pub fn append(&mut self, other: &mut Self) {
        self.0.append(&mut other.0);
    }

    /// The names sent more than once, each once, in the order in which
    /// each is sent a second time.
    ///
    /// ```
    /// let task: anaplan_task::Task = serde_json::from_str(
    ///     r#"{"taskId":"T","taskState":"IN_PROGRESS","y":1,"z":1,"y":2,"y":3,"z":1}"#,
    /// )
    /// .unwrap();
    /// assert_eq!(task.extra.repeated(), ["y", "z"]);
    /// ```
    pub fn repeated(&self) -> Vec<&str> {
        let mut times = std::collections::BTreeMap::new();
        let mut repeated = Vec::new();
        for (name, _) in &self.0 {
            let n = times.entry(name.as_str()).or_insert(0_u32);
            *n += 1;
            if *n == 2 {
                repeated.push(name.as_str());
            }
        }
        repeated
    }
}

impl fmt::Debug for UnknownFields {
    /// A map of each name to its text as sent: `{"zz": 1E2}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// A value's text, shown as it is.
        struct Text<'a>(&'a str);
        impl fmt::Debug for Text<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0)
            }
        }
        f.debug_map()
            .entries(self.iter().map(|(k, v)| (k, Text(v.get()))))
            .finish()
    }
}

impl PartialEq for UnknownFields {
    /// Equal when the same names come in the same order with the same text.
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .iter()
                .zip(other.iter())
                .all(|(a, b)| a.0 == b.0 && a.1.get() == b.1.get())
    }
}

impl Eq for UnknownFields {}

impl std::hash::Hash for UnknownFields {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_usize(self.0.len());
        for (k, v) in self.iter() {
            k.hash(state);
            v.get().hash(state);
        }
    }
}

impl<'a> IntoIterator for &'a UnknownFields {
    type Item = (&'a str, &'a RawValue);
    type IntoIter = Box<dyn Iterator<Item = Self::Item> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl FromIterator<(String, Box<RawValue>)> for UnknownFields {
    fn from_iter<I: IntoIterator<Item = (String, Box<RawValue>)>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl Serialize for UnknownFields {
    /// A map of the fields in order, each value written as its text
    /// (repeated names included).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for UnknownFields {
    /// Every field of an object, repeated names included. The text of each
    /// is kept only when reading with serde_json (which alone hands values
    /// out as text); another deserializer gives each value as serde_json
    /// writes it.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = UnknownFields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Box<RawValue>>()? {
                    fields.push((k, v));
                }
                Ok(UnknownFields(fields))
            }
        }
        deserializer.deserialize_map(V)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for UnknownFields {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <serde_json::Map<String, serde_json::Value>>::schema_name()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <serde_json::Map<String, serde_json::Value>>::json_schema(generator)
    }
}
