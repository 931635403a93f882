//! Text from the input made safe to print on one line of a terminal: a
//! file name, a message or a name read from a response or a dump.
//!
//! Control characters (a newline, an escape) are written as Rust escapes
//! (`\n`, `\u{1b}`), so that one record stays one line and cannot drive the
//! terminal; so are the bidirectional format characters (`U+202E` and its
//! kin), which reorder the rest of a line on screen and could make it read
//! other than it is (CVE-2021-42574).

use std::borrow::Cow;

/// Whether `c` is written as an escape: a control character, or a
/// bidirectional format character (Unicode's `Bidi_Control` property).
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with its unsafe characters escaped; borrowed when it has none.
///
/// `plain("a\nb\u{202E}c")` is `a\nb\u{202e}c`, escapes written out.
pub(crate) fn plain(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return text.into();
    }
    cut(text, usize::MAX).into()
}

/// `text` with its unsafe characters escaped and, past `max` characters,
/// cut and marked with `…`.
pub(crate) fn cut(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max.saturating_mul(4)));
    for (n, c) in text.chars().enumerate() {
        if n == max {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else if unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_and_long_text_cut() {
        assert!(matches!(plain("Employees.csv"), Cow::Borrowed("Employees.csv")));
        assert_eq!(plain("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
        assert_eq!(plain("x\u{202E}gnp.exe"), "x\\u{202e}gnp.exe");
        assert_eq!(plain("\u{2066}\u{200F}é"), "\\u{2066}\\u{200f}é");
        assert_eq!(cut("abcdef", 3), "abc…");
        assert_eq!(cut("a\tb", 3), "a\\tb");
    }
}
