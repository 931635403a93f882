//! [`Code`]: every code a finding can carry, with its text, severity and
//! meaning in one table, from which the documentation and the code table of
//! `docs/schema.md` are generated. A code cannot exist without its meaning.
//! And [`Severity`], how serious a finding is. Both are re-exported by
//! [`validate`](crate::validate), whose findings carry them; they live
//! here, below the readers, so that a reading error names its code as a
//! `Code`.

use std::fmt;
use std::str::FromStr;

crate::enums::str_enum! {
    /// How serious a finding is, from the least: `info`, `warning`, `error`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Severity as "severity" {
        /// Worth knowing; nothing wrong.
        Info = "info",
        /// Suspicious: the document is still valid.
        Warning = "warning",
        /// The document is invalid.
        Error = "error",
    }
}

/// Declares [`Code`] from one table: each row gives the variant, its
/// kebab-case text, its severity and its meaning (which is also the
/// variant's documentation).
macro_rules! codes {
    ($($variant:ident = $text:literal, $severity:ident, $meaning:literal;)*) => {
        /// A code the validator (or the command) reports: a stable
        /// kebab-case text, a severity and a meaning.
        ///
        /// Written as its text (`count-mismatch`) by `Display` and serde,
        /// and read back by `FromStr` and serde; compares with `&str`.
        /// Ordered as in [`Code::ALL`], the order of `docs/schema.md`.
        ///
        /// ```
        /// use anaplan_task::validate::{Code, Severity};
        /// let code: Code = "count-mismatch".parse()?;
        /// assert_eq!(code, Code::CountMismatch);
        /// assert_eq!(code, "count-mismatch");
        /// assert_eq!(code.severity(), Severity::Warning);
        /// assert_eq!(code.meaning(), "The counts of a `hierarchyRowsProcessed` detail do not add up.");
        /// assert!("no-such-code".parse::<Code>().is_err());
        /// # Ok::<(), anaplan_task::ParseEnumError>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $(
                #[doc = concat!("`", $text, "` (", stringify!($severity), "): ", $meaning)]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in the order of the code table.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The texts of [`Code::ALL`], in the same order.
            const NAMES: &'static [&'static str] = &[$($text),*];

            /// The kebab-case text, such as `count-mismatch`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }

            /// The severity of its findings. Unknown fields and `values`
            /// keys (`unknown-field`, `unknown-values-key`) are errors under
            /// [`Options::strict`](crate::validate::Options::strict), and a
            /// `more-findings` finding takes the severity of the worst
            /// finding it counts.
            pub const fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// What it means: one sentence, in Markdown.
            pub const fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => $meaning,)*
                }
            }
        }
    };
}

codes! {
    EmptyDocument = "empty-document", Error,
        "The input holds no document (empty or white space only).";
    InvalidUtf8 = "invalid-utf8", Error,
        "The input is not UTF-8 (a UTF-16 or UTF-32 capture, told by its byte-order mark, is named as such).";
    InvalidJson = "invalid-json", Error, "The input is not valid JSON, or holds a number beyond a double's range (`1e400`) in a field whose value is read as a number (`creationTime`, `status.code`), which serde_json refuses.";
    TruncatedJson = "truncated-json", Error, "The input ends inside the document.";
    TrailingCharacters = "trailing-characters", Error, "More text follows the document.";
    TooDeep = "too-deep", Error, "Nesting of 128 levels or more (at most 127 are read).";
    UnknownDocument = "unknown-document", Error, "A JSON object that is none of the task bodies.";
    MissingField = "missing-field", Error, "A required field is absent.";
    DuplicateField = "duplicate-field", Error,
        "A field appears twice in one object: a field the crate reads (the document is not read), or a field kept as sent, at any depth inside it (the document reads and keeps both).";
    WrongType = "wrong-type", Error, "A field has the wrong JSON type.";
    InvalidValue = "invalid-value", Error, "A number is out of range for its field.";
    InvalidData = "invalid-data", Error, "Any other mismatch with the model.";
    ValuesOddLength = "values-odd-length", Error,
        "A `values` array has an odd length: its last key has no value.";
    ValuesDuplicateKey = "values-duplicate-key", Error, "A key appears twice in a `values` array.";
    ValuesMissingKey = "values-missing-key", Error,
        "A key that the detail type requires is absent from `values`.";
    ValuesNullKey = "values-null-key", Error, "A key position of `values` holds `null`.";
    ValuesNullValue = "values-null-value", Error, "A name or count in `values` is `null`.";
    CountNotDecimal = "count-not-decimal", Error,
        "A count is not plain decimal text (sign, space, point, leading zero).";
    CountNegative = "count-negative", Error, "A count is below zero (`-0` is `count-not-decimal`).";
    CountOverflow = "count-overflow", Error, "A count does not fit in 64 bits.";
    CompleteWithoutResult = "complete-without-result", Error, "A `COMPLETE` task has no `result`.";
    ProgressOutOfRange = "progress-out-of-range", Error, "`progress` is below 0 or above 1.";
    ObjectKindMismatch = "object-kind-mismatch", Error,
        "The result's `objectId` is not of the kind of the call named with `--call`.";
    MissingEnvelope = "missing-envelope", Warning,
        "`meta` or `status` is absent, as in documentation samples, or the body is a bare task object as client libraries hand it over.";
    MalformedRevisionId = "malformed-revision-id", Warning,
        "An ALM result's `sourceRevisionId` or `targetRevisionId` is not 32 hexadecimal characters.";
    ReportUrlMismatch = "report-url-mismatch", Warning,
        "An ALM task's `reportFileUrl` is not a report file of the call (`--call`): a comparison report's is under `comparisonReports`, a summary report's under `summaryReports`, and a sync has none; or its revisions (`.../{target}/{source}`) are not the result's `targetRevisionId` and `sourceRevisionId`.";
    MalformedTaskId = "malformed-task-id", Warning,
        "A task id is not 32 upper-case hexadecimal characters.";
    MalformedObjectId = "malformed-object-id", Warning, "An object id is not 12 decimal digits.";
    ResultBeforeStart = "result-before-start", Warning,
        "A task that is `NOT_STARTED` or `IN_PROGRESS` has a `result`.";
    ProgressIncomplete = "progress-incomplete", Warning, "A `COMPLETE` task has `progress` below 1.";
    FailedStepSuccessful = "failed-step-successful", Warning,
        "`currentStep` is `\"Failed.\"` but the result says successful.";
    StepKindMismatch = "step-kind-mismatch", Warning,
        "A process step's `objectId` is not an import, export or action.";
    DumpOnDeleteAction = "dump-on-delete-action", Warning,
        "A delete action's result says a failure dump is available.";
    UnexplainedFailure = "unexplained-failure", Warning,
        "A task failed, but no failed step, no detail and no failure dump explains it.";
    CountMismatch = "count-mismatch", Warning,
        "The counts of a `hierarchyRowsProcessed` detail do not add up.";
    MessageMismatch = "message-mismatch", Warning,
        "`localMessageText` disagrees with the counts of its detail.";
    PagingMismatch = "paging-mismatch", Warning,
        "`meta.paging` disagrees with the list: `currentPageSize` differs from the number of `tasks` or `chunks`, or `offset` plus the page's size exceeds `totalSize`.";
    UnknownState = "unknown-state", Info, "A task state the crate does not know.";
    UnknownDetailCode = "unknown-detail-code", Info, "A detail code the crate does not know.";
    UnknownField = "unknown-field", Info,
        "A field the crate does not know (an error under `--strict`).";
    UnknownValuesKey = "unknown-values-key", Info,
        "A `values` key a typed detail does not know (an error under `--strict`).";
    IoError = "io-error", Error, "The input could not be read (command line only).";
    TooLarge = "too-large", Error,
        "A document or NDJSON line is larger than `--max-size` (command line only).";
    NotRead = "not-read", Warning,
        "An entry was passed over: a pipe or device found in a folder, a link to a folder being searched or to one that holds it, or a folder or file reached again (command line only).";
    NoDocument = "no-document", Error,
        "A path named on the command line, or an NDJSON file found in a folder, holds no document (command line only).";
    OutcomeRefused = "outcome-refused", Error,
        "The task's outcome is one that `--fail-on` refuses (command line only).";
    TerminalStateChanged = "terminal-state-changed", Warning,
        "A line of a poll log says another state or outcome of a task than the `COMPLETE` or `CANCELLED` it ended in on an earlier line (a stale or replayed response): `summarize` judges the task by where it ended, and by the worse ending when two disagree (command line only).";
    MoreFindings = "more-findings", Info,
        "A document has more than 1,000 findings: the rest are counted in this one, with the severity of the worst of them.";
}

impl fmt::Display for Code {
    /// The kebab-case text; honours width and alignment.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Code {
    type Err = crate::ParseEnumError;
    /// Reads the kebab-case text; fails with [`ParseEnumError`](crate::ParseEnumError) on any other.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| crate::ParseEnumError::new("finding code", s, Code::NAMES))
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One of the codes' texts, with its meaning.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Code {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let one_of: Vec<serde_json::Value> = Code::ALL
            .iter()
            .map(|c| serde_json::json!({"const": c.as_str(), "description": c.meaning()}))
            .collect();
        schemars::json_schema!({"type": "string", "oneOf": one_of})
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Code> for str {
    fn eq(&self, other: &Code) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, other: &Code) -> bool {
        *self == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_unique_kebab_case_and_read_back() {
        for (i, code) in Code::ALL.iter().enumerate() {
            let text = code.as_str();
            assert!(
                text.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{text}"
            );
            assert_eq!(Code::NAMES[i], text);
            assert_eq!(text.parse::<Code>(), Ok(*code));
            assert_eq!(serde_json::to_string(code).unwrap(), format!("\"{text}\""));
            assert!(!code.meaning().is_empty(), "{text}");
        }
        let mut sorted: Vec<&str> = Code::NAMES.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), Code::ALL.len());
    }

    #[test]
    fn unknown_text_names_the_codes() {
        let err = "nope".parse::<Code>().unwrap_err();
        assert_eq!(err.text(), "nope");
        assert_eq!(err.expected().len(), Code::ALL.len());
        assert!(
            err.to_string()
                .starts_with("unknown finding code `nope`: expected empty-document, ")
        );
    }
}
