//! The layout `ARCHITECTURE.md` promises, checked on the sources: each part
//! of the library uses only the parts below it, no file outgrows a reading,
//! and no state travels between layers in thread-locals.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The parts of the library, lowest first, each with the parts it may use.
/// A part is a top-level module: a file `src/NAME.rs` or a folder
/// `src/NAME/`. The command (`main.rs`, `cli/`) uses the library only
/// through its public API and is not listed.
const LAYERS: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("locate", &["text"]),
    ("unknown", &[]),
    ("read", &["text", "unknown"]),
    ("enums", &["text", "read"]),
    ("codes", &["enums"]),
    ("values", &["text", "read", "enums", "codes"]),
    ("decode", &["text", "locate", "read", "enums", "codes", "values"]),
    (
        "model",
        &["text", "locate", "unknown", "read", "enums", "values", "decode"],
    ),
    ("endpoint", &["text", "enums", "values", "model"]),
    (
        "validate",
        &[
            "text", "locate", "unknown", "enums", "codes", "values", "decode", "model", "endpoint",
        ],
    ),
    ("schema", &["enums", "values", "model", "validate"]),
    ("summary", &["values", "model"]),
    ("poll", &["model"]),
    ("ndjson", &[]),
    ("dump", &["text", "enums", "values"]),
];

/// Lines a source file may have before its unit tests.
const MAX_LINES: usize = 500;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every source file, by its path under `src/`.
fn sources() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .map(|p| {
            let name = p.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The library's source files: all but the command's.
fn library_sources() -> BTreeMap<String, String> {
    let mut all = sources();
    all.retain(|name, _| name != "main.rs" && !name.starts_with("cli/"));
    all
}

/// The part a file belongs to: `values` for `values/seed.rs`.
fn part_of(file: &str) -> &str {
    file.split('/').next().unwrap().trim_end_matches(".rs")
}

/// The part each name re-exported at the crate's root comes from: read
/// from the `pub use` lines of `lib.rs`, and for a glob re-export from
/// where the type is defined.
fn root_names(sources: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for (file, text) in sources {
        for line in text.lines().map(str::trim_start) {
            let rest = ["pub struct ", "pub enum ", "pub trait "]
                .iter()
                .find_map(|p| line.strip_prefix(p));
            if let Some(rest) = rest {
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    names.insert(name, part_of(file).to_owned());
                }
            }
        }
    }
    let lib = &sources["lib.rs"];
    for line in lib.lines().filter_map(|l| l.strip_prefix("pub use ")) {
        let part = line.split("::").next().unwrap().to_owned();
        let list = line.split_once("::{").map_or_else(
            || line.rsplit("::").next().unwrap().trim_end_matches(';').to_owned(),
            |(_, l)| l.trim_end_matches("};").to_owned(),
        );
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            names.insert(name.to_owned(), part.clone());
        }
    }
    names
}

/// The code of a file: its lines outside comments (a doc link is not a
/// dependency).
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.trim_start().starts_with("//"))
}

fn ident(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The first names after each `crate::` of the code, a group such as
/// `crate::{Document, values::Pair}` giving each of its items.
fn names_after_crate(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for line in code_lines(text) {
        for (at, _) in line.match_indices("crate::") {
            let rest = &line[at + 7..];
            match rest.strip_prefix('{') {
                Some(group) => {
                    let group = &group[..group.find('}').unwrap_or(group.len())];
                    names.extend(group.split(',').map(|item| ident(item.trim())));
                }
                None => names.push(ident(rest)),
            }
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// The parts a file names through `crate::` (or `$crate::` in a macro).
fn parts_used(text: &str, root: &BTreeMap<String, String>) -> Vec<String> {
    let mut used = Vec::new();
    for name in names_after_crate(text) {
        let part = root.get(name).cloned().unwrap_or_else(|| name.to_owned());
        if !used.contains(&part) {
            used.push(part);
        }
    }
    used
}

/// A file's module path: `model::shape` for `model/shape.rs`, `cli` for
/// `cli/mod.rs`.
fn module_of(file: &str) -> String {
    let path = file.trim_end_matches(".rs").trim_end_matches("/mod");
    path.replace('/', "::")
}

/// The modules a file names, as module paths: `crate::a::b::Item` and
/// `super::b::Item` (`use` lines and paths alike), kept when they are one
/// of `modules`.
fn modules_named(file: &str, text: &str, modules: &[String]) -> Vec<String> {
    let own = module_of(file);
    let parent = match file.ends_with("mod.rs") {
        true => own.clone(),
        false => own.rsplit_once("::").map_or(String::new(), |(p, _)| p.to_owned()),
    };
    let mut named = Vec::new();
    for line in code_lines(text) {
        let refs = line
            .match_indices("crate::")
            .map(|(at, _)| (String::new(), &line[at + 7..]));
        let supers = line
            .match_indices("super::")
            .map(|(at, _)| (parent.clone(), &line[at + 7..]));
        for (base, rest) in refs.chain(supers) {
            let mut path = base;
            for seg in rest.split("::").map(ident) {
                let next = if path.is_empty() {
                    seg.to_owned()
                } else {
                    format!("{path}::{seg}")
                };
                if seg.is_empty() || !modules.contains(&next) {
                    break;
                }
                path = next;
            }
            if !path.is_empty() && path != own && !named.contains(&path) {
                named.push(path);
            }
        }
    }
    named
}

#[test]
fn each_part_uses_only_the_parts_below_it() {
    let sources = library_sources();
    let root = root_names(&sources);
    let layers: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut wrong = Vec::new();
    // Unit tests (`tests.rs`) may use anything.
    let checked = sources
        .iter()
        .filter(|(f, _)| *f != "lib.rs" && !f.ends_with("tests.rs"));
    for (file, text) in checked {
        let part = part_of(file);
        let Some(allowed) = layers.get(part) else {
            wrong.push(format!("{file}: part `{part}` is not in LAYERS"));
            continue;
        };
        for used in parts_used(text, &root) {
            // `schemars` is re-exported at the root; it is a crate, not a part.
            if used != part && used != "schemars" && !allowed.contains(&used.as_str()) {
                wrong.push(format!("{file}: `{part}` uses `{used}`"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_part_is_listed_below_the_parts_it_uses() {
    for (i, (part, allowed)) in LAYERS.iter().enumerate() {
        for used in *allowed {
            let below = LAYERS[..i].iter().any(|(p, _)| p == used);
            assert!(below, "`{part}` may use `{used}`, which is not listed before it");
        }
    }
}

#[test]
fn no_source_file_is_longer_than_a_reading() {
    let long: Vec<String> = sources()
        .iter()
        .map(|(file, text)| {
            let before_tests = text.lines().take_while(|l| !l.starts_with("#[cfg(test)]")).count();
            (file, before_tests)
        })
        .filter(|(_, n)| *n > MAX_LINES)
        .map(|(file, n)| format!("{file}: {n} lines"))
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines:\n{}", long.join("\n"));
}

#[test]
fn no_state_travels_in_thread_locals() {
    for (file, text) in sources() {
        assert!(!text.contains("thread_local!"), "{file}");
    }
}

/// Files of one folder never name each other both ways, even through
/// others: a folder's `mod.rs` is its interface and is left out, as are
/// unit tests.
#[test]
fn no_two_modules_use_each_other() {
    let all = sources();
    let files: Vec<(&String, &String)> = all
        .iter()
        .filter(|(f, _)| !f.ends_with("mod.rs") && !f.ends_with("tests.rs") && *f != "lib.rs" && *f != "main.rs")
        .collect();
    let modules: Vec<String> = all.keys().map(|f| module_of(f)).collect();
    let edges: BTreeMap<String, Vec<String>> = files
        .iter()
        .map(|(f, text)| {
            let named = modules_named(f, text, &modules);
            (module_of(f), named)
        })
        .collect();
    // A cycle is a module reached again from itself.
    for start in edges.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = Vec::new();
        while let Some((module, trail)) = stack.pop() {
            for next in edges.get(&module).into_iter().flatten() {
                assert!(next != start, "a cycle: {} -> {start}", trail.join(" -> "));
                if !seen.contains(next) {
                    seen.push(next.clone());
                    let mut longer = trail.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
}
