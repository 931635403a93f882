//! Finds where a JSON path points in the source text, to give findings of
//! the validation pass a line and column. It runs only for findings, so it
//! favours simplicity over speed; it never recurses, so deep input cannot
//! overflow the stack.

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    /// A property with a name the crate knows.
    Key(&'static str),
    /// A property with any other name.
    Field(String),
    /// A property whose name the object sends more than once: the one
    /// after `n` earlier ones of that name (written as [`Seg::Field`]).
    Nth(String, usize),
    /// An array element.
    Index(usize),
}

impl Seg {
    fn name(&self) -> Option<&str> {
        match self {
            Seg::Key(k) => Some(k),
            Seg::Field(k) | Seg::Nth(k, _) => Some(k),
            Seg::Index(_) => None,
        }
    }
}

/// Renders a path as `task.result.details[0].values[15]`; `.` when empty.
/// A key that is not a plain name (empty, or with a dot, bracket, quote or
/// space) is written as a JSON string in brackets: `task["a.b"]`.
pub(crate) fn render(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Index(i) => push_index(&mut out, *i),
            other => push_key(&mut out, other.name().unwrap_or_default()),
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// Appends `[i]` to a rendered path.
pub(crate) fn push_index(out: &mut String, i: usize) {
    out.push('[');
    out.push_str(&i.to_string());
    out.push(']');
}

/// Appends `.key`, or `["key"]` for a key that is not a plain name. A key
/// longer than 64 characters is cut there, like quoted text, and marked
/// with `…`, so that a path stays short whatever the input.
pub(crate) fn push_key(out: &mut String, key: &str) {
    let cut = crate::text::snippet(key);
    let key = cut.as_str();
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '$');
    if plain {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(key);
    } else {
        out.push('[');
        out.push_str(&serde_json::to_string(key).unwrap_or_default());
        out.push(']');
    }
}

struct Cursor<'a> {
    s: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn ws(&mut self) {
        while self.pos < self.s.len() && matches!(self.s[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        self.ws();
        (self.peek()? == b).then(|| self.pos += 1)
    }

    /// Reads a string at the cursor; returns its raw bytes between the quotes.
    fn string(&mut self) -> Option<&'a [u8]> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.pos + 1;
        let mut i = start;
        while i < self.s.len() {
            match self.s[i] {
                b'\\' => i += 2,
                b'"' => {
                    self.pos = i + 1;
                    return Some(&self.s[start..i]);
                }
                _ => i += 1,
            }
        }
        None
    }

    /// Skips one value at the cursor.
    fn skip(&mut self) -> Option<()> {
        self.ws();
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.pos += 1;
                }
                b',' | b':' if depth > 0 => self.pos += 1,
                b' ' | b'\t' | b'\n' | b'\r' if depth > 0 => self.pos += 1,
                _ if depth > 0 => self.pos += 1,
                _ => {
                    while self.pos < self.s.len() && !b",}] \t\r\n".contains(&self.s[self.pos]) {
                        self.pos += 1;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }

    /// Moves to the value of property `name` of the object at the cursor,
    /// after `earlier` properties of that name.
    fn member(&mut self, name: &str, mut earlier: usize) -> Option<()> {
        self.eat(b'{')?;
        loop {
            self.ws();
            let raw = self.string()?;
            self.eat(b':')?;
            self.ws();
            if key_is(raw, name) {
                if earlier == 0 {
                    return Some(());
                }
                earlier -= 1;
            }
            self.skip()?;
            self.ws();
            match self.peek()? {
                b',' => self.pos += 1,
                _ => return None,
            }
        }
    }

    /// Moves to element `index` of the array at the cursor.
    fn element(&mut self, index: usize) -> Option<()> {
        self.eat(b'[')?;
        for _ in 0..index {
            self.skip()?;
            self.eat(b',')?;
        }
        self.ws();
        (self.peek()? != b']').then_some(())
    }
}

fn key_is(raw: &[u8], name: &str) -> bool {
    if !raw.contains(&b'\\') {
        return raw == name.as_bytes();
    }
    let mut quoted = Vec::with_capacity(raw.len() + 2);
    quoted.push(b'"');
    quoted.extend_from_slice(raw);
    quoted.push(b'"');
    serde_json::from_slice::<String>(&quoted).is_ok_and(|s| s == name)
}

/// One entry of a key/value array that a finding is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Entry {
    /// The key itself (an unknown key is reported where it is written).
    Key(std::borrow::Cow<'static, str>),
    /// The value that follows the key (a count is reported at its value).
    ValueOf(std::borrow::Cow<'static, str>),
}

/// The byte offset of the value at `path`, and, when `entry` is given and
/// the value is a key/value array, the index of that entry in the array.
pub(crate) fn find(text: &[u8], path: &[Seg], entry: Option<&Entry>) -> Option<(usize, Option<usize>)> {
    let mut c = Cursor { s: text, pos: 0 };
    for seg in path {
        match seg {
            Seg::Index(i) => c.element(*i)?,
            Seg::Nth(name, earlier) => c.member(name, *earlier)?,
            other => c.member(other.name()?, 0)?,
        }
    }
    c.ws();
    let (key, at_key) = match entry {
        None => return Some((c.pos, None)),
        Some(Entry::Key(key)) => (key.as_ref(), true),
        Some(Entry::ValueOf(key)) => (key.as_ref(), false),
    };
    let array = c.pos;
    c.eat(b'[')?;
    let mut index = 0;
    loop {
        c.ws();
        let at = c.pos;
        if c.peek()? == b'"' {
            let raw = c.string()?;
            if index % 2 == 0 && key_is(raw, key) {
                if at_key {
                    return Some((at, Some(index)));
                }
                c.eat(b',')?;
                c.ws();
                return Some((c.pos, Some(index + 1)));
            }
        } else {
            c.pos = at;
            c.skip()?;
        }
        if c.eat(b',').is_none() {
            return Some((array, None));
        }
        index += 1;
    }
}

/// The byte offset of the last byte of the value at `path`: the closing
/// quote of a string, the `]` of an array, the last letter of `null`.
/// That is where serde_json reports a problem with the value once it has
/// read it.
pub(crate) fn find_end(text: &[u8], path: &[Seg]) -> Option<usize> {
    let (start, _) = find(text, path, None)?;
    let mut c = Cursor { s: text, pos: start };
    c.skip()?;
    c.pos.checked_sub(1)
}

/// The 1-based line and column (in bytes) of a byte offset.
pub(crate) fn line_col(text: &[u8], offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    (line, before.len() - start + 1)
}
