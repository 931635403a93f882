//! [`Progress`]: a task's `progress`, kept as the text it was sent in.

use std::fmt;

use serde::de;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// The `progress` of a task: a number from 0.0 to 1.0, kept as the text it
/// was sent in.
///
/// Servers send `1`, `1.0`, `0.5`; whatever the spelling (`1.00`, `1E0`,
/// `0.50`, `1e-400`), the text is kept and written back as sent, and
/// [`Progress::value`] gives the number it denotes (the nearest double).
/// A number no double holds (`1e400`) is refused in reading, as serde_json
/// refuses it.
///
/// ```
/// use anaplan_task::Progress;
/// let p: Progress = serde_json::from_str("1.00").unwrap();
/// assert_eq!(p.value(), 1.0);
/// assert_eq!(p.as_str(), "1.00");
/// assert_eq!(serde_json::to_string(&p).unwrap(), "1.00");
/// ```
#[derive(Clone)]
pub struct Progress {
    /// The number's text as sent.
    text: Text,
    /// The number it denotes.
    value: f64,
}

/// The text of a number, held in place when short (as servers send it), so
/// that reading a progress costs no allocation.
#[derive(Clone)]
enum Text {
    Short(u8, [u8; 22]),
    Long(Box<str>),
}

impl Text {
    fn new(text: &str) -> Self {
        let mut short = [0; 22];
        match short.get_mut(..text.len()) {
            Some(place) => {
                place.copy_from_slice(text.as_bytes());
                Self::Short(text.len() as u8, short)
            }
            None => Self::Long(text.into()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // Copied from a `str` whole, so always UTF-8.
            Self::Short(len, bytes) => std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default(),
            Self::Long(text) => text,
        }
    }
}

impl Progress {
    /// The progress as a float: the double nearest to the text.
    pub fn value(&self) -> f64 {
        self.value
    }

    /// The number's text as sent (`1`, `1.0`, `0.50`, `1E0`).
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// A progress from the text of a JSON value, which must be a number
    /// alone (no white space) in a range a double holds.
    fn from_text<E: de::Error>(t: &str) -> Result<Self, E> {
        if !t.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
            return Err(E::invalid_type(unexpected(t, &mut String::new()), &"a JSON number"));
        }
        // serde_json's own reading decides: it refuses a number beyond a
        // double's range. The value is then the correctly rounded double.
        if let Err(e) = serde_json::from_str::<serde_json::Number>(t) {
            let message = e.to_string();
            let cut = message.find(" at line ").unwrap_or(message.len());
            return Err(E::custom(&message[..cut]));
        }
        Self::from_number(t).ok_or_else(|| E::custom("number out of range"))
    }

    /// A progress from the text of a JSON number that serde_json reads.
    fn from_number(t: &str) -> Option<Self> {
        if !t.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
            return None;
        }
        let value = t.parse::<f64>().ok().filter(|v| v.is_finite())?;
        Some(Self {
            text: Text::new(t),
            value,
        })
    }
}

/// What a value that is not a number is, for serde's message.
fn unexpected<'a>(text: &str, buf: &'a mut String) -> de::Unexpected<'a> {
    use de::Unexpected;
    match text.as_bytes().first() {
        Some(b'"') => match serde_json::from_str::<String>(text) {
            Ok(s) => {
                *buf = s;
                Unexpected::Str(buf)
            }
            Err(_) => Unexpected::Other("a string"),
        },
        Some(b't') => Unexpected::Bool(true),
        Some(b'f') => Unexpected::Bool(false),
        Some(b'[') => Unexpected::Seq,
        Some(b'{') => Unexpected::Map,
        _ => Unexpected::Unit,
    }
}

impl PartialEq for Progress {
    /// Equal when sent in the same text.
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Progress {}

impl std::hash::Hash for Progress {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Progress")
            .field(&format_args!("{}", self.as_str()))
            .finish()
    }
}

impl Serialize for Progress {
    /// The text as sent.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The text was read as a JSON number, so it reads as one again.
        let raw: &RawValue = serde_json::from_str(self.as_str()).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Progress {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::from_text(Box::<RawValue>::deserialize(deserializer)?.get())
    }
}

impl crate::read::Direct for Progress {
    fn direct(r: &mut crate::read::Reader<'_>) -> Result<Self, crate::read::Bail> {
        // The lean reader reads the number as JSON's grammar writes one,
        // and its value as the standard library does; a number near a
        // double's limit, where serde_json's reading may refuse what the
        // standard library's holds, is left to serde_json, which decides.
        let text = r.number_text()?;
        Self::from_number(text)
            .filter(|p| p.value.abs() <= 1e300)
            .ok_or(crate::read::Bail)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Progress {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Progress".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "A number from 0 to 1; sent as the integer `1` or as `1.0` when done."
        })
    }
}

impl From<serde_json::Number> for Progress {
    fn from(n: serde_json::Number) -> Self {
        Self {
            text: Text::new(&n.to_string()),
            value: n.as_f64().unwrap_or(f64::NAN),
        }
    }
}

impl From<u32> for Progress {
    fn from(n: u32) -> Self {
        serde_json::Number::from(n).into()
    }
}

/// The error of making a [`Progress`] from NaN or an infinity, which JSON
/// cannot hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a progress must be a finite number: JSON has no NaN or infinity")]
#[non_exhaustive]
pub struct NonFiniteProgress;

impl TryFrom<f64> for Progress {
    type Error = NonFiniteProgress;
    /// The progress written as the shortest text that reads back as
    /// `fraction`; NaN and infinities are refused.
    ///
    /// ```
    /// use anaplan_task::Progress;
    /// let half = Progress::try_from(0.5).unwrap();
    /// assert_eq!((half.as_str(), half.value()), ("0.5", 0.5));
    /// assert!(Progress::try_from(f64::NAN).is_err());
    /// ```
    fn try_from(fraction: f64) -> Result<Self, Self::Error> {
        serde_json::Number::from_f64(fraction)
            .map(Self::from)
            .ok_or(NonFiniteProgress)
    }
}

impl fmt::Display for Progress {
    /// The text as sent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
