//! Input text quoted in messages: cut to a length a report line can hold,
//! and unable to break the line or drive a terminal.

/// Cuts text quoted in an error message to 64 characters, and writes its
/// control characters as escapes.
pub(crate) fn snippet(text: &str) -> String {
    const MAX: usize = 64;
    let (shown, cut) = match text.char_indices().nth(MAX) {
        None => (text, ""),
        Some((at, _)) => (&text[..at], "…"),
    };
    if !shown.chars().any(char::is_control) {
        return format!("{shown}{cut}");
    }
    // Control characters (newlines, escapes) are written as escapes, so
    // that a report line stays one line and cannot drive a terminal.
    let mut out = String::with_capacity(shown.len() + 8);
    for c in shown.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out.push_str(cut);
    out
}
