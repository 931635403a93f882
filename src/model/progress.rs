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
/// [`Progress::value`] gives the number it denotes: the nearest double, as
/// the standard library reads it, and an infinity for a number beyond a
/// double's range (`1e400`), which is read and kept too. Whether the
/// progress is from 0 to 1, or is 1, is told from the text itself, not
/// from the rounded value (`1.00000000000000001` is over 1).
///
/// ```
/// use anaplan_task::Progress;
/// let p: Progress = serde_json::from_str("1.00").unwrap();
/// assert_eq!(p.value(), 1.0);
/// assert_eq!(p.as_str(), "1.00");
/// assert_eq!(serde_json::to_string(&p).unwrap(), "1.00");
/// assert!(p.is_one() && p.is_in_range());
///
/// let over: Progress = serde_json::from_str("1.00000000000000001").unwrap();
/// assert_eq!(over.value(), 1.0);
/// assert!(!over.is_in_range());
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

    fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Short(len, bytes) => &bytes[..usize::from(*len)],
            Self::Long(text) => text.as_bytes(),
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
    /// The progress as a float: the double nearest to the text, an
    /// infinity beyond a double's range.
    pub fn value(&self) -> f64 {
        self.value
    }

    /// The number's text as sent (`1`, `1.0`, `0.50`, `1E0`).
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// Whether the number sent is from 0 to 1, told exactly from its text
    /// (`-0` is 0; `1e-400` is within; `1.00000000000000001` is not).
    pub fn is_in_range(&self) -> bool {
        matches!(self.place(), Place::Zero | Place::Within | Place::One)
    }

    /// Whether the number sent is exactly 1 (`1`, `1.0`, `1.00`, `1E0`,
    /// `0.1e1`), told from its text.
    pub fn is_one(&self) -> bool {
        self.place() == Place::One
    }

    /// Where the number the text denotes lies, exactly: the text is JSON's
    /// number grammar, `-?int(.frac)?([eE][+-]?exp)?`.
    fn place(&self) -> Place {
        // Rounding keeps order, so only a value that rounded to a bound (0
        // or 1) needs its text read again.
        match self.value {
            v if v > 1.0 => return Place::Above,
            v if v < 0.0 => return Place::Below,
            v if v > 0.0 && v < 1.0 => return Place::Within,
            _ => {}
        }
        // As servers send them.
        match self.text.as_bytes() {
            b"1" | b"1.0" => return Place::One,
            b"0" | b"0.0" => return Place::Zero,
            _ => {}
        }
        let text = self.as_str();
        let (negative, text) = text.strip_prefix('-').map_or((false, text), |t| (true, t));
        let (mantissa, exponent) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = int.bytes().chain(frac.bytes());
        let Some(zeros) = digits.clone().position(|d| d != b'0') else {
            return Place::Zero;
        };
        if negative {
            return Place::Below;
        }
        // The number is 0.d1d2... times ten to the power `scale`, d1 not 0.
        let exponent = exponent
            .trim_start_matches('+')
            .parse::<i64>()
            .unwrap_or(if exponent.starts_with('-') {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            });
        let scale = (int.len() as i64 - zeros as i64).saturating_add(exponent);
        let mut significant = digits.skip(zeros);
        match scale.cmp(&1) {
            std::cmp::Ordering::Less => Place::Within,
            std::cmp::Ordering::Greater => Place::Above,
            std::cmp::Ordering::Equal if significant.next() == Some(b'1') && significant.all(|d| d == b'0') => {
                Place::One
            }
            std::cmp::Ordering::Equal => Place::Above,
        }
    }

    /// A progress from the text of a JSON value (no white space around
    /// it), which must be a number.
    fn from_text<E: de::Error>(t: &str) -> Result<Self, E> {
        Self::from_number(t).ok_or_else(|| E::invalid_type(unexpected(t, &mut String::new()), &"a JSON number"))
    }

    /// A progress from the text of a JSON number; `None` for the text of
    /// another JSON value.
    fn from_number(t: &str) -> Option<Self> {
        if !t.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
            return None;
        }
        // JSON's numbers are a part of what the standard library reads, so
        // this reads every one: to the nearest double, or an infinity.
        let value = t.parse::<f64>().ok()?;
        Some(Self {
            text: Text::new(t),
            value,
        })
    }
}

/// Where a progress lies against 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Below,
    Zero,
    Within,
    One,
    Above,
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
        // and its value as the precise reading does.
        let text = r.number_text()?;
        Self::from_number(text).ok_or(crate::read::Bail)
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
        let text = n.to_string();
        Self {
            value: text.parse().unwrap_or(f64::NAN),
            text: Text::new(&text),
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
    /// The progress written as serde_json writes `fraction` (`0.5`, `1.0`:
    /// the shortest digits that read back as it, with a `.0` on a whole
    /// number); NaN and infinities are refused.
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
