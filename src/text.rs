//! Input text made safe to quote on one line of a report or a terminal.
//!
//! [`escape_line`] and [`escape_line_within`] are for any text read from a
//! response or a dump (a hierarchy name, a file name, a dump field): the
//! command prints every such text through them, and a program that shows
//! the crate's data on a terminal can do the same. Inside the crate,
//! `snippet` quotes text in a message the crate writes, and `bound_message`
//! does the same to the text quoted in a message serde_json wrote.

use std::borrow::Cow;

/// How many characters of input text a message quotes.
const MAX: usize = 64;

/// Whether `c` is written as an escape: a control character (a newline, a
/// terminal escape), which could break a report line or drive a terminal;
/// a line or paragraph separator (U+2028, U+2029), which ends a line for
/// many readers; or a format character (Unicode's general category `Cf`:
/// the bidirectional controls such as U+202E, which reorder the rest of a
/// line on screen (CVE-2021-42574), and the invisible ones such as U+200B
/// and U+FEFF), which make a line read other than it is.
fn escaped(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    c.is_control()
        || (!c.is_ascii()
            && matches!(
                c.general_category(),
                GeneralCategory::Format | GeneralCategory::LineSeparator | GeneralCategory::ParagraphSeparator
            ))
}

/// Adds `c` to `out`, as an escape when [`escaped`]: `\n`, `\u{1b}`,
/// `\u{202e}`.
fn push(out: &mut String, c: char) {
    if c.is_control() {
        out.extend(c.escape_default());
    } else if escaped(c) {
        out.extend(c.escape_unicode());
    } else {
        out.push(c);
    }
}

/// `text` ready to print on one line: its control characters written as
/// Rust escapes (`\n`, `\t`, `\u{1b}`), and its line and paragraph
/// separators (U+2028, U+2029) and format characters (general category
/// `Cf`: the bidirectional controls U+202A to U+202E and U+2066 to U+2069,
/// U+200B to U+200F, U+FEFF, U+00AD and their kin) as `\u{…}`, so that it
/// can neither end the line, drive a terminal, nor make the line read other
/// than it is. Borrowed when nothing needs escaping. A backslash is not
/// escaped: `\u{1b}` in the output may be either an escape or that text.
///
/// ```
/// use anaplan_task::text::escape_line;
///
/// assert_eq!(escape_line("Employees"), "Employees");
/// assert_eq!(escape_line("a\nb\u{1b}[31m"), r"a\nb\u{1b}[31m");
/// assert_eq!(escape_line("invoice\u{202E}fdp.exe"), r"invoice\u{202e}fdp.exe");
/// assert_eq!(escape_line("a\u{2028}b\u{200B}"), r"a\u{2028}b\u{200b}");
/// ```
pub fn escape_line(text: &str) -> Cow<'_, str> {
    escape_line_within(text, usize::MAX)
}

/// As [`escape_line`], with at most `max_chars` characters of `text`
/// (counted before escaping) and `…` after them when it is cut. Borrowed
/// when nothing needs escaping or cutting.
///
/// ```
/// use anaplan_task::text::escape_line_within;
///
/// assert_eq!(escape_line_within("abcdef", 3), "abc…");
/// assert_eq!(escape_line_within("a\tb", 3), r"a\tb");
/// ```
pub fn escape_line_within(text: &str, max_chars: usize) -> Cow<'_, str> {
    let (shown, cut) = match text.char_indices().nth(max_chars) {
        None => (text, ""),
        Some((at, _)) => (&text[..at], "…"),
    };
    if cut.is_empty() && !shown.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(shown.len() + 8);
    for c in shown.chars() {
        push(&mut out, c);
    }
    out.push_str(cut);
    Cow::Owned(out)
}

/// Cuts text quoted in an error message to 64 characters, and writes its
/// control and bidirectional characters as escapes.
pub(crate) fn snippet(text: &str) -> String {
    escape_line_within(text, MAX).into_owned()
}

/// A message of serde or serde_json with the input text it quotes cut as
/// [`snippet`] cuts it: a string value (`invalid type: string "…"`, written
/// with Rust's escapes) to 64 characters, an escape counting as one, with
/// `…` before its closing quote; an unknown field or variant name (in
/// backquotes) to 64 characters with `…`; and any control character
/// written as an escape. Only serde's own forms are cut, by how the message
/// starts, so that the crate's messages (already cut) are left as they
/// are. A message that quotes nothing longer, and holds no control
/// character, is returned unchanged.
pub(crate) fn bound_message(message: String) -> String {
    const STRINGS: [&str; 2] = ["invalid type: string \"", "invalid value: string \""];
    const NAMES: [&str; 2] = ["unknown field `", "unknown variant `"];
    let mut out = String::new();
    let mut rest = message.as_str();
    if let Some(after) = STRINGS.iter().find_map(|s| rest.strip_prefix(s)) {
        out.push_str(&rest[..rest.len() - after.len()]);
        rest = cut_debug_string(&mut out, after);
    } else if let Some(name) = NAMES.iter().find_map(|n| rest.strip_prefix(n)) {
        // The name ends at the last backquote before the expected names,
        // which are the crate's own.
        let end = ["`, expected ", "`, there are no "]
            .iter()
            .find_map(|tail| name.rfind(tail))
            .unwrap_or_else(|| name.len() - usize::from(name.ends_with('`')));
        out.push_str(&rest[..rest.len() - name.len()]);
        out.push_str(&snippet(&name[..end]));
        rest = &name[end..];
    }
    if out.is_empty() && !rest.chars().any(escaped) {
        return message;
    }
    for c in rest.chars() {
        push(&mut out, c);
    }
    out
}

/// Copies a string written with Rust's escapes (`"a\n\u{1b}"`, from its
/// opening quote on) to `out`, cut after 64 characters with `…`; returns
/// the text after its closing quote, or the rest when it has none.
fn cut_debug_string<'a>(out: &mut String, text: &'a str) -> &'a str {
    let mut chars = text.char_indices();
    let mut shown = 0usize;
    let mut cut_at = None;
    while let Some((at, c)) = chars.next() {
        if c == '"' {
            out.push_str(&text[..cut_at.unwrap_or(at)]);
            if cut_at.is_some() {
                out.push('…');
            }
            out.push('"');
            return &text[at + 1..];
        }
        if c == '\\' {
            // `\n`, `\"`, `\\`, or `\u{…}`: one character of the input.
            if let Some((_, 'u')) = chars.next() {
                chars.by_ref().find(|&(_, c)| c == '}');
            }
        }
        if shown == MAX {
            cut_at.get_or_insert(at);
        }
        shown += 1;
    }
    out.push_str(text);
    ""
}

/// The most characters of a path a report line shows.
pub(crate) const MAX_SHOWN_PATH: usize = 200;

/// A path as a report line shows it: cut to [`MAX_SHOWN_PATH`]
/// characters, `…` where cut.
pub(crate) fn cut_path(path: &str) -> std::borrow::Cow<'_, str> {
    match path.char_indices().nth(MAX_SHOWN_PATH) {
        Some((at, _)) => format!("{}…", &path[..at]).into(),
        None => path.into(),
    }
}

/// A kind with its article: `an import`, `a process`; `an unknown kind`
/// for `other`.
pub(crate) fn with_article(kind: &str) -> String {
    match kind {
        "other" => "an unknown kind".to_owned(),
        k if k.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {k}"),
        k => format!("a {k}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_and_long_text_cut() {
        assert!(matches!(escape_line("Employees.csv"), Cow::Borrowed("Employees.csv")));
        assert_eq!(escape_line("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
        assert_eq!(escape_line("x\u{202E}gnp.exe"), "x\\u{202e}gnp.exe");
        assert_eq!(escape_line("\u{2066}\u{200F}é"), "\\u{2066}\\u{200f}é");
        assert_eq!(escape_line_within("abcdef", 3), "abc…");
        assert_eq!(escape_line_within("abc", 3), "abc");
        assert_eq!(escape_line_within("a\tb", 3), "a\\tb");
        assert_eq!(snippet(&"é".repeat(65)), format!("{}…", "é".repeat(64)));
    }

    #[test]
    fn short_messages_are_kept_as_written() {
        for message in [
            "invalid type: string \"a\\\"b\\n\", expected a boolean",
            "invalid type: integer `3`, expected a task state",
            "unknown field `x`, expected `a` or `b`",
            "missing field `taskState`",
            "",
        ] {
            assert_eq!(bound_message(message.to_owned()), message);
        }
    }

    #[test]
    fn long_quoted_text_is_cut_and_control_characters_escaped() {
        let long = format!("invalid type: string \"{}\", expected a JSON number", "x".repeat(1000));
        let cut = format!("invalid type: string \"{}…\", expected a JSON number", "x".repeat(64));
        assert_eq!(bound_message(long), cut);
        // An escape counts as one character.
        let escaped = format!("invalid value: string \"{}\", expected x", "\\u{1b}".repeat(70));
        let cut = format!("invalid value: string \"{}…\", expected x", "\\u{1b}".repeat(64));
        assert_eq!(bound_message(escaped), cut);
        let name = format!("unknown variant `{}\n`, expected `a` or `b`", "v".repeat(100));
        let cut = format!("unknown variant `{}…`, expected `a` or `b`", "v".repeat(64));
        assert_eq!(bound_message(name), cut);
        assert_eq!(
            bound_message("unknown field `a\u{1b}b`".to_owned()),
            "unknown field `a\\u{1b}b`"
        );
        assert_eq!(bound_message("a\nb".to_owned()), "a\\nb");
        // Bidirectional format characters too, which reorder a line.
        assert_eq!(
            bound_message("unknown field `a\u{202E}b\u{2066}`".to_owned()),
            "unknown field `a\\u{202e}b\\u{2066}`"
        );
        assert_eq!(snippet("x\u{200F}y\u{7f}"), "x\\u{200f}y\\u{7f}");
        // An unclosed string is kept as it is.
        let unclosed = "invalid type: string \"ab";
        assert_eq!(bound_message(unclosed.to_owned()), unclosed);
        // The crate's own messages are not cut again.
        let own = format!("values: duplicate key `string \"{}` at index 2", "k".repeat(64));
        assert_eq!(bound_message(own.clone()), own);
    }
}
