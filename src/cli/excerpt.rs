//! The line of the input a finding points at, cut to fit a report line,
//! and its drawing under the finding with a caret under the value, as
//! rustc and ruff show theirs (annotate-snippets draws it).
//!
//! The excerpt is taken when the document is checked, from the bytes that
//! were read, and travels with the verdict: a report written later (in
//! input order, from another thread) never reads the file again.

use std::ops::Range;

use anaplan_task::text::escape_line;
use anaplan_task::validate::{Finding, Severity};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// The most characters of a line shown before and after the value.
const BEFORE: usize = 60;
const AFTER: usize = 90;

/// The most characters of a value underlined.
const SPAN: usize = 40;

/// A line of the input as a report shows it: escaped for one line, cut
/// around the value (`…` where cut), and the value's place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    text: String,
    span: Range<usize>,
}

/// The excerpts of `findings` (sorted by line, as a verdict holds them) in
/// `bytes`: `None` for a finding without a place, or whose place is not in
/// the text (past a line's end, in bytes that are not UTF-8).
pub fn excerpts(bytes: &[u8], findings: &[Finding]) -> Vec<Option<Excerpt>> {
    let mut lines = Lines {
        bytes,
        line: 1,
        start: 0,
    };
    findings
        .iter()
        .map(|f| {
            let (line, column) = (f.line?, f.column?);
            // The start of a document says nothing of a finding about all
            // of it (an empty document, a missing envelope).
            if f.path == "." && (line, column) == (1, 1) {
                return None;
            }
            let text = lines.seek(line)?;
            excerpt(text, column.checked_sub(1)?)
        })
        .collect()
}

/// A cursor over the lines of a text, moving forward only.
struct Lines<'a> {
    bytes: &'a [u8],
    /// The line at `start` (1-based).
    line: usize,
    start: usize,
}

impl<'a> Lines<'a> {
    /// Line `line` without its end, when it is at or after the cursor.
    fn seek(&mut self, line: usize) -> Option<&'a [u8]> {
        while self.line < line {
            let end = memchr_newline(&self.bytes[self.start..])?;
            self.start += end + 1;
            self.line += 1;
        }
        if self.line != line {
            return None;
        }
        let rest = &self.bytes[self.start..];
        let end = memchr_newline(rest).unwrap_or(rest.len());
        let text = &rest[..end];
        Some(text.strip_suffix(b"\r").unwrap_or(text))
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// The excerpt of `line` around the value at byte `at`.
fn excerpt(line: &[u8], at: usize) -> Option<Excerpt> {
    let line = text_of(line, at)?;
    let line = line.as_ref();
    if at > line.len() || !line.is_char_boundary(at) {
        return None;
    }
    let end = value_end(line, at);
    // A reading stops at a string's closing quote: the string is the value.
    let at = string_start(line, at, end).unwrap_or(at);
    // Cut by what they show once escaped: an escaped character shows as
    // several (`\u{200b}`).
    let (before, before_cut) = shown(line[..at].chars().rev(), BEFORE);
    let (value, _) = shown(line[at..end].chars(), SPAN);
    let (after, after_cut) = shown(line[end..].chars(), AFTER);
    let mut text = String::new();
    if before_cut {
        text.push('…');
    }
    before.iter().rev().for_each(|piece| text.push_str(piece));
    let span_start = text.len();
    value.iter().for_each(|piece| text.push_str(piece));
    if end == at {
        // The end of the line (where a reading ran out of text): a caret
        // under the space after it.
        text.push(' ');
    }
    let span = span_start..text.len();
    after.iter().for_each(|piece| text.push_str(piece));
    if after_cut {
        text.push('…');
    }
    Some(Excerpt { text, span })
}

/// The characters of `chars` as a line shows them (escaped), as many as
/// fit in `budget` shown characters, and whether some were left out.
fn shown(chars: impl Iterator<Item = char>, budget: usize) -> (Vec<String>, bool) {
    let mut pieces = Vec::new();
    let mut used = 0;
    for c in chars {
        // A tab is shown as the spaces it stands for, as rustc shows one.
        let piece = match c {
            '\t' => "    ".to_owned(),
            c => escape_line(c.encode_utf8(&mut [0; 4])).into_owned(),
        };
        used += piece.chars().count();
        if used > budget {
            return (pieces, true);
        }
        pieces.push(piece);
    }
    (pieces, false)
}

/// A line's text: bytes that are not UTF-8 (where an `invalid-utf8`
/// finding points) shown as `\xNN`, when they come at or after `at`, so
/// that `at` is the same place in the text.
fn text_of(line: &[u8], at: usize) -> Option<std::borrow::Cow<'_, str>> {
    let valid = match std::str::from_utf8(line) {
        Ok(text) => return Some(text.into()),
        Err(e) if at <= e.valid_up_to() => e.valid_up_to(),
        Err(_) => return None,
    };
    let mut text = String::new();
    for chunk in line[valid..].utf8_chunks() {
        text.push_str(chunk.valid());
        for b in chunk.invalid() {
            text.push_str(&format!("\\x{b:02x}"));
        }
    }
    let head = std::str::from_utf8(&line[..valid]).ok()?;
    Some(format!("{head}{text}").into())
}

/// Where the JSON value at `at` ends, at most [`SPAN`] characters on: a
/// string to its closing quote, a number or word to the next delimiter.
/// A place that is not the start of a value (where a reading stopped, in
/// the middle of one) gets one character.
fn value_end(line: &str, at: usize) -> usize {
    let rest = &line[at..];
    let starts_value = line[..at]
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '[' | '{' | ',' | ':' | ' ' | '\t'));
    let first = rest.as_bytes().first().filter(|_| starts_value);
    let len = match first {
        Some(b'"') => {
            let mut escaped = false;
            rest.char_indices()
                .skip(1)
                .find(|&(_, c)| {
                    let close = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    close
                })
                .map_or(rest.len(), |(i, _)| i + 1)
        }
        Some(b'-' | b'0'..=b'9' | b't' | b'f' | b'n') => {
            rest.find([',', ']', '}', ' ', '\t', ':']).unwrap_or(rest.len())
        }
        _ => rest.chars().next().map_or(0, char::len_utf8),
    };
    forward(line, at, SPAN).min(at + len)
}

/// Where the string ends at `at`, its closing quote (a place one character
/// long, where a reading stopped), starts, when it starts on this line.
fn string_start(line: &str, at: usize, end: usize) -> Option<usize> {
    let before = &line[..at];
    if end != at + 1 || line.as_bytes().get(at) != Some(&b'"') || before.ends_with('\\') {
        return None;
    }
    // The last quote before it that is not escaped.
    let mut open = before.rfind('"')?;
    while before[..open].ends_with('\\') {
        open = before[..open].rfind('"')?;
    }
    // The opening quote is the start of a value, not a closing one.
    let lead = before[..open].chars().next_back();
    lead.is_none_or(|c| matches!(c, '[' | '{' | ',' | ':' | ' ' | '\t'))
        .then_some(open)
}

/// The byte `chars` characters after `at` (or the end).
fn forward(line: &str, at: usize, chars: usize) -> usize {
    line[at..].char_indices().nth(chars).map_or(line.len(), |(i, _)| at + i)
}

/// The excerpt drawn under a finding of `severity` at line `line` of the
/// file: the line, numbered, and a caret under the value.
pub fn draw(excerpt: &Excerpt, line: usize, severity: Severity, colored: bool) -> String {
    let level = match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let snippet = Snippet::source(excerpt.text.as_str())
        .line_start(line)
        .fold(false)
        .annotation(AnnotationKind::Primary.span(excerpt.span.clone()));
    // The text is cut already; the renderer's own cut would cut it again.
    let renderer = if colored { Renderer::styled() } else { Renderer::plain() }.term_width(usize::MAX / 4);
    renderer.render(&[Group::with_level(level).element(snippet)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: &str, column: usize) -> Option<(String, String)> {
        excerpt(line.as_bytes(), column).map(|e| (e.text.clone(), e.text[e.span].to_owned()))
    }

    #[test]
    fn underlines_the_value() {
        let line = r#"  "values": ["failedCount", "x\"y", 12, true],"#;
        assert_eq!(at(line, line.find("\"x").unwrap()).unwrap().1, r#""x\"y""#);
        assert_eq!(at(line, line.find("12").unwrap()).unwrap().1, "12");
        assert_eq!(at(line, line.find('[').unwrap()).unwrap().1, "[");
        // Inside a value, where a reading stopped: one character.
        assert_eq!(at(line, line.find("2,").unwrap()).unwrap().1, "2");
        // At a string's closing quote, where a reading stops: the string.
        assert_eq!(at(line, line.find("\", 12").unwrap()).unwrap().1, r#""x\"y""#);
        // A tab shows as spaces.
        assert_eq!(
            at("\t\t\"-2\",", 2).unwrap(),
            ("        \"-2\",".to_owned(), "\"-2\"".to_owned())
        );
        assert_eq!(at(line, line.len()).unwrap().1, " ");
        assert_eq!(at(line, line.len() + 1), None);
        // Bytes that are not UTF-8, where the finding points.
        let latin = b"{\"currentStep\":\"caf\xe9\"}";
        let e = excerpt(latin, 19).unwrap();
        assert_eq!(
            (e.text.as_str(), &e.text[e.span]),
            (r#"{"currentStep":"caf\xe9"}"#, "\\")
        );
    }

    #[test]
    fn cuts_a_long_line_around_the_value() {
        let line = format!("{},\"here\"{}", "a".repeat(5000), "b".repeat(5000));
        let (text, value) = at(&line, 5001).unwrap();
        assert_eq!(value, "\"here\"");
        assert_eq!(text.chars().count(), 1 + BEFORE + 6 + AFTER + 1);
        assert!(text.starts_with('…') && text.ends_with('…'));
    }

    #[test]
    fn escapes_what_a_line_cannot_show() {
        let (text, value) = at("\"a\u{202e}b\"", 0).unwrap();
        assert_eq!(value, text);
        assert!(!text.contains('\u{202e}'), "{text}");
        // Counted as shown: 300 invisible characters each side fit as few.
        let wide = "\u{200b}".repeat(300);
        let line = format!("[\"{wide}\",1,\"{wide}\"]");
        let (text, value) = at(&line, line.find(",1").unwrap() + 1).unwrap();
        assert_eq!(value, "1");
        assert!(
            text.chars().count() <= 2 + BEFORE + SPAN + AFTER,
            "{}",
            text.chars().count()
        );
    }
}
