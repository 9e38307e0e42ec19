//! The pipeline runs one way: every `crate::<module>` reference in `src/` (outside comments and
//! `#[cfg(test)]` code) points to a module lower in `LAYERS`. A new top-level module must be
//! placed here, and an upward reference fails with the file that makes it. ARCHITECTURE.md
//! explains the order.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Top-level modules, lowest first. A module may use only modules listed before it.
const LAYERS: &[&str] = &[
    "language",
    "url",
    "facts",
    "diagnostic",
    "fingerprint",
    "knowledge",
    "lang",
    "prefilter",
    "proto",
    "deploy",
    "discover",
    "cache",
    "extract",
    "model",
    "rules",
    "config",
    "suppress",
    "baseline",
    "analysis",
    "single_file",
    "review",
    "report",
    "lsp",
    "cli",
];

/// Source with comments, string literals and `#[cfg(test)]` items removed (enough for `crate::`
/// paths: a test module or a doc link may point anywhere).
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.starts_with(b"//") {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if rest.starts_with(b"/*") {
            i = text[i..].find("*/").map_or(bytes.len(), |j| i + j + 2);
        } else if rest.starts_with(b"'\\") && rest.len() > 3 && rest[3] == b'\'' {
            i += 4; // an escaped char literal: '\''
        } else if rest.len() > 2 && rest[0] == b'\'' && rest[2] == b'\'' {
            i += 3; // a char literal: '"'
        } else if bytes[i] == b'"' {
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
        } else {
            if bytes[i].is_ascii() {
                out.push(bytes[i] as char);
            }
            i += 1;
        }
    }
    out
}

/// The top-level modules a piece of code names through `crate::`.
fn references(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
        }
    }
    found
}

fn module_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            module_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_uses_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    module_files(&src, &mut files);
    files.sort();
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut problems = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if top == "lib" || top == "main" {
            continue;
        }
        let Some(own) = rank(&top) else {
            problems.push(format!(
                "src/{}: module `{top}` has no place in LAYERS",
                rel.display()
            ));
            continue;
        };
        let code = code_of(&fs::read_to_string(file).unwrap());
        for used in references(&code) {
            if used == top || used == "self" || used == "super" {
                continue;
            }
            match rank(&used) {
                Some(r) if r < own => {}
                Some(_) => problems.push(format!(
                    "src/{}: `{top}` uses `{used}`, which is not below it",
                    rel.display()
                )),
                None => problems.push(format!(
                    "src/{}: uses `crate::{used}`, which has no place in LAYERS",
                    rel.display()
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_grouped_and_plain_paths_but_not_comments() {
    let code = code_of(
        "use crate::facts::Loc;\nuse crate::{model, rules::by_id};\n// crate::cli\n\
         let q = '\"'; let s = \"crate::lsp …\"; let t = crate::url::x;\n\
         #[cfg(test)]\nmod tests { use crate::cli; }",
    );
    let found: Vec<String> = references(&code).into_iter().collect();
    assert_eq!(found, ["facts", "model", "rules", "url"]);
}
