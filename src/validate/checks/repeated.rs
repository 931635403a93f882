//! Keys repeated inside a value the crate keeps as text (an unknown
//! field's), found by walking that text once, without recursion.

use std::collections::BTreeMap;

use crate::locate::Seg;

/// Where a walk is, one frame a container.
enum Frame {
    /// An object: the keys read so far with how many times each was sent,
    /// and the one whose value is read.
    Object(BTreeMap<String, usize>, Option<String>),
    /// An array: the index of the element read.
    Array(usize),
}

/// Calls `found` with the path (inside `text`) of each object that repeats
/// a key, and the key, once a key and object, in the order of the text. `text` is JSON as
/// serde_json accepted it (a kept value), so the walk only tells tokens
/// apart; at any depth, in one loop.
pub(super) fn keys(text: &str, mut found: impl FnMut(Vec<Seg>, &str)) {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut want_key = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'{' => {
                stack.push(Frame::Object(BTreeMap::new(), None));
                want_key = true;
            }
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
                want_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                _ => want_key = true,
            },
            b'"' => {
                let end = string_end(bytes, i + 1);
                if want_key {
                    let raw = &text[i..end];
                    let key = match raw.contains('\\') {
                        true => serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_owned()),
                        false => raw[1..raw.len() - 1].to_owned(),
                    };
                    let repeated = match stack.last_mut() {
                        // Reported at its second sending only.
                        Some(Frame::Object(seen, current)) => {
                            *current = Some(key.clone());
                            let times = seen.entry(key.clone()).or_insert(0);
                            *times += 1;
                            *times == 2
                        }
                        _ => false,
                    };
                    if repeated {
                        found(path(&stack[..stack.len() - 1]), &key);
                    }
                    want_key = false;
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
}

/// The path of the value being read inside the containers of `frames`.
fn path(frames: &[Frame]) -> Vec<Seg> {
    frames
        .iter()
        .map(|f| match f {
            // The copy being read of a key sent more than once.
            Frame::Object(seen, Some(key)) => match seen.get(key) {
                Some(&times) if times > 1 => Seg::Nth(key.clone(), times - 1),
                _ => Seg::Field(key.clone()),
            },
            Frame::Object(_, None) => Seg::Field(String::new()),
            Frame::Array(index) => Seg::Index(*index),
        })
        .collect()
}

/// The index just after the closing quote of the string whose text starts
/// at `from` (after its opening quote).
fn string_end(bytes: &[u8], mut from: usize) -> usize {
    while let Some(&b) = bytes.get(from) {
        match b {
            b'\\' => from += 2,
            b'"' => return from + 1,
            _ => from += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        keys(text, |path, key| {
            out.push(format!("{}: {key}", crate::locate::render(&path)))
        });
        out
    }

    #[test]
    fn finds_each_repeat_with_its_path() {
        assert_eq!(all(r#"{"a":1,"a":2}"#), [".: a"]);
        assert_eq!(all(r#"{"a":1,"a":2,"b":0,"a":3,"b":1}"#), [".: a", ".: b"]);
        assert_eq!(all(r#"[1,{"b":[{"c":0,"c":1}]},"\"{"]"#), ["[1].b[0]: c"]);
        assert_eq!(all(r#"{"a":{"x":1},"b":{"x":1},"\u0061":3}"#), [".: a"]);
        assert_eq!(all(r#""{\"a\":1,\"a\":1}""#), Vec::<String>::new());
        assert_eq!(all(r#"{"k":"a","a":1}"#), Vec::<String>::new());
    }

    #[test]
    fn walks_any_depth_without_recursion() {
        let deep = format!("{}{{\"a\":1,\"a\":1}}{}", "[".repeat(100_000), "]".repeat(100_000));
        let mut n = 0;
        keys(&deep, |path, _| n += path.len());
        assert_eq!(n, 100_000);
    }
}
