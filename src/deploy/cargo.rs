//! Rust manifests (`Cargo.toml`): the crates of the repository a crate builds into itself
//! (`telemetry = { path = "../telemetry" }`). A library crate a binary depends on this way runs
//! inside that binary, like a .NET class library a program references.

use super::compose::join;
use super::line_of;
use crate::facts::{Fact, FactKind};

/// The dependency tables whose path dependencies are built into the crate.
const TABLES: &[&str] = &["dependencies", "build-dependencies"];

/// Facts from a manifest's text; `dir` is its directory relative to the root. Malformed TOML
/// yields none.
pub fn facts(text: &str, dir: &str) -> Vec<Fact> {
    let Ok(doc) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for table in TABLES {
        let Some(deps) = doc.get(*table).and_then(|d| d.as_table()) else {
            continue;
        };
        for (name, spec) in deps {
            let Some(path) = spec.get("path").and_then(|p| p.as_str()) else {
                continue;
            };
            let target = join(dir, path.trim_end_matches('/'));
            if target == dir || path.contains('$') {
                continue;
            }
            out.push(Fact {
                kind: FactKind::ProjectReference { dir: target },
                loc: line_of(text, name),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_dependencies_are_references() {
        let text = "[package]\nname = \"api\"\n\n[dependencies]\naxum = \"0.8\"\ntelemetry = { path = \"../telemetry\" }\nshared = { workspace = true }\n\n[dev-dependencies]\nfixtures = { path = \"../fixtures\" }\n";
        let dirs: Vec<String> = facts(text, "services/api")
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::ProjectReference { dir } => Some(dir),
                _ => None,
            })
            .collect();
        assert_eq!(dirs, vec!["services/telemetry".to_string()]);
        assert!(facts("not toml [", "x").is_empty());
    }
}
