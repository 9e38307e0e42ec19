//! Modules a program builds in from the repository itself, by path: Go's
//! `replace example.com/config => ../config` in `go.mod`, Cargo's
//! `telemetry = { path = "../telemetry" }` (or `{ workspace = true }` naming a
//! `[workspace.dependencies]` entry with a path). Such a library's setup runs inside the
//! programs that call it (see [`FactKind::ModuleDependency`]).

use super::line_of;
use crate::facts::{Fact, FactKind};

/// The most references read from one manifest.
const MAX_REFERENCES: usize = 256;

/// `dir` joined with a relative path, or `None` when the path is absolute or leaves the
/// analysed tree (a module outside it is not the repository's to attach).
fn join_inside(dir: &str, rel: &str) -> Option<String> {
    if rel.starts_with('/') || rel.contains('\\') || rel.contains(['$', '*']) {
        return None;
    }
    crate::url::join_path(dir, rel)
}

/// A reference fact to `target` (relative to `dir`) found at `needle` in `text`.
fn reference(text: &str, needle: &str, dir: &str, target: &str) -> Option<Fact> {
    let target = join_inside(dir, target)?;
    (target != dir).then(|| Fact {
        kind: FactKind::ModuleDependency { dir: target },
        loc: line_of(text, needle),
    })
}

/// Facts from a `go.mod`: its `replace` directives to local directories (`=> ./x`, `=> ../x`).
pub fn go_mod_facts(text: &str, dir: &str) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut in_block = false;
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("").trim();
        let directive = if in_block {
            if line.starts_with(')') {
                in_block = false;
                continue;
            }
            line
        } else if let Some(rest) = line.strip_prefix("replace") {
            let rest = rest.trim_start();
            if rest.starts_with('(') {
                in_block = true;
                continue;
            }
            rest
        } else {
            continue;
        };
        let Some((_, target)) = directive.split_once("=>") else {
            continue;
        };
        // A local replacement is a path and no version: `=> ../config`.
        let mut words = target.split_whitespace();
        let (Some(path), None) = (words.next(), words.next()) else {
            continue;
        };
        if !(path.starts_with("./") || path.starts_with("../") || path == "." || path == "..") {
            continue;
        }
        out.extend(reference(text, directive, dir, path));
        if out.len() >= MAX_REFERENCES {
            break;
        }
    }
    out
}

/// Facts from a `Cargo.toml`: its dependencies with a `path` (directly, or through the
/// workspace's `[workspace.dependencies]`, given as the workspace manifest's text and
/// directory), each both a [`FactKind::ModuleDependency`] and a
/// [`FactKind::ProjectReference`]. Development dependencies build tests only and are left out.
pub fn cargo_facts(text: &str, dir: &str, workspace: Option<(&str, &str)>) -> Vec<Fact> {
    let Ok(manifest) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    let shared: Option<(toml::Table, &str)> = workspace.and_then(|(wtext, wdir)| {
        let table = wtext.parse::<toml::Table>().ok()?;
        let deps = table
            .get("workspace")?
            .get("dependencies")?
            .as_table()?
            .clone();
        Some((deps, wdir))
    });
    // The manifest's own `[workspace.dependencies]` when it is the workspace root.
    let own_shared = manifest
        .get("workspace")
        .and_then(|w| w.get("dependencies"))
        .and_then(|d| d.as_table());
    let mut tables: Vec<&toml::Table> = Vec::new();
    if let Some(d) = manifest.get("dependencies").and_then(|d| d.as_table()) {
        tables.push(d);
    }
    if let Some(targets) = manifest.get("target").and_then(|t| t.as_table()) {
        tables.extend(
            targets
                .values()
                .filter_map(|t| t.get("dependencies").and_then(|d| d.as_table())),
        );
    }
    let mut out = Vec::new();
    for (name, spec) in tables.into_iter().flatten() {
        let Some(spec) = spec.as_table() else {
            continue;
        };
        let fact = if let Some(path) = spec.get("path").and_then(|p| p.as_str()) {
            reference(text, name, dir, path)
        } else if spec.get("workspace").and_then(|w| w.as_bool()) == Some(true) {
            let (deps, wdir) = match (&shared, own_shared) {
                (Some((deps, wdir)), _) => (deps, *wdir),
                (None, Some(deps)) => (deps, dir),
                (None, None) => continue,
            };
            let Some(path) = deps.get(name).and_then(|d| d.get("path")?.as_str()) else {
                continue;
            };
            join_inside(wdir, path).and_then(|target| {
                (target != dir).then(|| Fact {
                    kind: FactKind::ModuleDependency { dir: target },
                    loc: line_of(text, name),
                })
            })
        } else {
            None
        };
        // A crate built into the program is also one of its libraries: its code runs there,
        // like a .NET class library a program references (see `model::libraries`).
        if let Some(Fact {
            kind: FactKind::ModuleDependency { dir },
            loc,
        }) = &fact
        {
            out.push(Fact {
                kind: FactKind::ProjectReference { dir: dir.clone() },
                loc: *loc,
            });
        }
        out.extend(fact);
        if out.len() >= MAX_REFERENCES {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dirs(facts: Vec<Fact>) -> Vec<String> {
        let mut out: Vec<String> = facts
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::ModuleDependency { dir } => Some(dir),
                _ => None,
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn go_replace_directives_to_local_directories() {
        let text = "module example.com/producer\n\nreplace example.com/config => ../config\n\nreplace (\n\texample.com/kafka v0.1.0 => ./kafka // local\n\tgithub.com/x/y => github.com/z/y v1.2.0\n\texample.com/far => ../../../outside\n)\n";
        assert_eq!(
            dirs(go_mod_facts(text, "svc/producer")),
            vec!["svc/config", "svc/producer/kafka"]
        );
    }

    #[test]
    fn cargo_path_dependencies_direct_and_through_the_workspace() {
        let member = "[package]\nname = \"api\"\n\n[dependencies]\ntelemetry = { path = \"../telemetry\" }\nextra = { workspace = true }\nserde = { workspace = true }\naxum = \"0.8\"\n\n[dev-dependencies]\ntestkit = { path = \"../testkit\" }\n";
        let root = "[workspace]\nmembers = [\"api\"]\n\n[workspace.dependencies]\nextra = { path = \"crates/extra\", version = \"0.1\" }\nserde = \"1\"\n";
        assert_eq!(
            dirs(cargo_facts(member, "api", Some((root, "")))),
            vec!["crates/extra", "telemetry"]
        );
        // Each is also a library of the crate.
        let libraries: Vec<String> = cargo_facts(member, "api", Some((root, "")))
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::ProjectReference { dir } => Some(dir),
                _ => None,
            })
            .collect();
        assert_eq!(libraries, vec!["crates/extra", "telemetry"]);
        assert!(cargo_facts("not toml [", "api", None).is_empty());
        // A broken workspace manifest: only the direct path dependency.
        assert_eq!(
            dirs(cargo_facts(member, "api", Some(("[", "")))),
            vec!["telemetry"]
        );
    }
}
