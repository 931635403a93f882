//! [`DecodeError`]: why a document could not be read, and where.

use crate::codes::Code;
use std::fmt;

crate::enums::str_enum! {
    /// What went wrong in a [`DecodeError`]: `utf8`, `syntax`, `eof` or
    /// `data`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum ErrorCategory as "error category" {
        /// The input is not valid UTF-8.
        Utf8 = "utf8",
        /// The input is not valid JSON.
        Syntax = "syntax",
        /// The input ends before the document does (truncated, or empty).
        Eof = "eof",
        /// Valid JSON that does not fit the model: a wrong type, a missing or
        /// repeated field, a malformed `values` array.
        Data = "data",
    }
}

/// Why a document could not be read: the JSON path of the problem, the line
/// and column in the input (1-based), and what was wrong.
///
/// ```
/// use anaplan_task::TaskResponse;
/// let json = r#"{"task": {"taskId": "1B1D84DDD53847BAA621810B593C3FC1", "taskState": 3}}"#;
/// let err = TaskResponse::from_str(json).unwrap_err();
/// assert_eq!(err.path(), "task.taskState");
/// assert_eq!((err.line(), err.column()), (1, 70));
/// assert_eq!(err.to_string(), "task.taskState: invalid type: integer `3`, expected a task state (line 1, column 70)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    path: String,
    message: String,
    line: usize,
    column: usize,
    category: ErrorCategory,
    values: Option<Box<crate::ValuesError>>,
}

impl DecodeError {
    /// The JSON path of the problem, such as `task.result.details[0].values[7]`;
    /// `.` for the document itself.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What was wrong, without the path and position.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The 1-based line in the input.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column in the input (in bytes).
    pub fn column(&self) -> usize {
        self.column
    }

    /// What kind of problem it is.
    pub fn category(&self) -> ErrorCategory {
        self.category
    }

    /// The typed error, when the problem is a malformed `values` array.
    pub fn values_error(&self) -> Option<&crate::ValuesError> {
        self.values.as_deref()
    }

    /// A stable kebab-case code for the problem, as the validator reports it.
    ///
    /// | code | problem |
    /// |---|---|
    /// | `invalid-utf8` | the input is not UTF-8 |
    /// | `invalid-json` | a JSON syntax error |
    /// | `truncated-json` | the input ends inside the document (or is empty) |
    /// | `trailing-characters` | more text after the document |
    /// | `too-deep` | nesting of 128 levels or more (at most 127 are read) |
    /// | `unknown-document` | a JSON object of no known body |
    /// | `missing-field`, `duplicate-field`, `wrong-type`, `invalid-value` | a field is absent, repeated, of the wrong JSON type or out of range |
    /// | the code of [`ValuesError::code`](crate::ValuesError::code) | a malformed `values` array |
    /// | `invalid-data` | any other mismatch with the model |
    pub fn code(&self) -> Code {
        if let Some(v) = &self.values {
            return v.code();
        }
        let m = self.message.as_str();
        match self.category {
            ErrorCategory::Utf8 => Code::InvalidUtf8,
            ErrorCategory::Eof => Code::TruncatedJson,
            ErrorCategory::Syntax if m.starts_with("trailing characters") => Code::TrailingCharacters,
            ErrorCategory::Syntax if m.starts_with("recursion limit exceeded") => Code::TooDeep,
            ErrorCategory::Syntax => Code::InvalidJson,
            ErrorCategory::Data if m.starts_with("missing field") => Code::MissingField,
            ErrorCategory::Data if m.starts_with("duplicate field") => Code::DuplicateField,
            ErrorCategory::Data if m.starts_with("invalid type") => Code::WrongType,
            ErrorCategory::Data if m.starts_with("invalid value") || m.starts_with("invalid length") => {
                Code::InvalidValue
            }
            ErrorCategory::Data if m.starts_with("not a task response") => Code::UnknownDocument,
            ErrorCategory::Data => Code::InvalidData,
        }
    }
}

impl From<&DecodeError> for Code {
    /// [`DecodeError::code`].
    fn from(e: &DecodeError) -> Self {
        e.code()
    }
}

impl DecodeError {
    /// The error with the typed `values` error that caused it, as noted
    /// where it arose.
    pub(crate) fn with_values_error(mut self, values: crate::ValuesError) -> Self {
        self.values = Some(Box::new(values));
        self
    }

    /// An error raised at a detail whose `values` came before its `type`
    /// (`values: …` at the detail), moved into its `values`: to entry
    /// `entry` or to the array as a whole, at `(line, column)`, with the
    /// typed error's own message, as when `type` comes first.
    pub(crate) fn moved_into_values(mut self, entry: Option<usize>, (line, column): (usize, usize)) -> Self {
        if let Some(message) = self.message.strip_prefix("values: ") {
            self.message = message.to_owned();
        }
        if self.path == "." {
            // A detail read alone: its `values` is at the top.
            self.path.clear();
        }
        crate::locate::push_key(&mut self.path, "values");
        if let Some(i) = entry {
            crate::locate::push_index(&mut self.path, i);
        }
        (self.line, self.column) = (line, column);
        self
    }

    pub(crate) fn from_json(err: serde_path_to_error::Error<serde_json::Error>) -> Self {
        use serde_path_to_error::Segment;
        let mut path = String::new();
        for seg in err.path().iter() {
            match seg {
                Segment::Seq { index } => crate::locate::push_index(&mut path, *index),
                Segment::Map { key } | Segment::Enum { variant: key } => crate::locate::push_key(&mut path, key),
                // A key not read (the input ends, or is broken, before
                // it): the error is in the object the path names.
                Segment::Unknown => {}
            }
        }
        if path.is_empty() {
            path.push('.');
        }
        Self::at_path(path, err.into_inner())
    }

    pub(crate) fn at_path(path: String, inner: serde_json::Error) -> Self {
        let category = match inner.classify() {
            serde_json::error::Category::Syntax => ErrorCategory::Syntax,
            serde_json::error::Category::Eof => ErrorCategory::Eof,
            serde_json::error::Category::Data | serde_json::error::Category::Io => ErrorCategory::Data,
        };
        let (line, column) = (inner.line(), inner.column());
        let mut message = inner.to_string();
        // serde_json says column 0 for a problem before the first character.
        let (line, column) = (line.max(1), column.max(1));
        let suffix = format!(" at line {} column {}", inner.line(), inner.column());
        if message.ends_with(&suffix) {
            message.truncate(message.len() - suffix.len());
        }
        if message == "number out of range" {
            // Valid JSON, but no double holds it: say what was expected.
            message.push_str(": expected a number a double can hold (at most about 1.8e308 in size)");
        }
        // serde quotes a wrong value whole: a report line quotes at most
        // 64 characters of it, and no control character.
        let message = crate::text::bound_message(message);
        Self {
            path,
            message,
            line,
            column,
            category,
            values: None,
        }
    }

    /// A byte-order mark before the document, which JSON does not allow.
    pub(crate) fn byte_order_mark() -> Self {
        Self {
            path: ".".to_owned(),
            message: "the input starts with a UTF-8 byte-order mark (EF BB BF), which JSON text must not have"
                .to_owned(),
            line: 1,
            column: 1,
            category: ErrorCategory::Syntax,
            values: None,
        }
    }

    /// The input in UTF-16 or UTF-32, as its byte-order mark says (a
    /// capture saved by an editor as "Unicode"), if it is.
    pub(crate) fn other_encoding(input: &[u8]) -> Option<Self> {
        let (name, mark) = match input {
            [0xFF, 0xFE, 0, 0, ..] => ("UTF-32LE", "FF FE 00 00"),
            [0, 0, 0xFE, 0xFF, ..] => ("UTF-32BE", "00 00 FE FF"),
            [0xFF, 0xFE, ..] => ("UTF-16LE", "FF FE"),
            [0xFE, 0xFF, ..] => ("UTF-16BE", "FE FF"),
            _ => return None,
        };
        Some(Self {
            path: ".".to_owned(),
            message: format!(
                "the input is {name} (its byte-order mark is {mark}), but the API sends UTF-8: convert it to UTF-8"
            ),
            line: 1,
            column: 1,
            category: ErrorCategory::Utf8,
            values: None,
        })
    }

    pub(crate) fn from_utf8(input: &[u8], err: std::str::Utf8Error) -> Self {
        let at = err.valid_up_to();
        let before = &input[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = at - before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
        Self {
            path: ".".to_owned(),
            message: format!("invalid UTF-8 at byte {at}"),
            line,
            column,
            category: ErrorCategory::Utf8,
            values: None,
        }
    }
}

impl fmt::Display for DecodeError {
    /// `path: message (line L, column C)`, without the path at the top;
    /// the path cut to 200 characters as a report line cuts it
    /// ([`DecodeError::path`] gives it whole).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path != "." {
            write!(f, "{}: ", crate::text::cut_path(&self.path))?;
        }
        write!(f, "{} (line {}, column {})", self.message, self.line, self.column)
    }
}

impl std::error::Error for DecodeError {}
