//! SARIF 2.1.0 output for GitHub code scanning: exactly one run; the full table of enabled
//! rules with descriptions, help and levels; results with relative forward-slash URIs under
//! `%SRCROOT%`, the repository's root (the nearest directory above the scanned root holding
//! `.git`, else the scanned root), so a subfolder's findings land on the right files; labels as related locations; a line-independent fingerprint; columns counted in
//! Unicode code points (declared); skipped files as tool notifications. Nothing is ever `null`.

use crate::analysis::Outcome;
use crate::diagnostic::Severity;
use crate::rules::{self, RuleMeta};
use serde::Serialize;
use std::collections::BTreeMap;

/// The schema URI written into the log.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    original_uri_base_ids: BTreeMap<&'static str, ArtifactLocation>,
    column_kind: &'static str,
    invocations: Vec<Invocation>,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    semantic_version: &'static str,
    information_uri: String,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<&'static str>,
    precision: &'static str,
    #[serde(rename = "problem.severity")]
    problem_severity: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    related_locations: Vec<RelatedLocation>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    properties: ResultProperties,
}

#[derive(Serialize)]
struct ResultProperties {
    service: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation {
    id: usize,
    physical_location: PhysicalLocation,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
}

/// Renders the outcome as a SARIF 2.1.0 log. `enabled` lists the rules that ran, in catalog
/// order: all of them are described, whether or not they found anything.
pub fn render(outcome: &Outcome, enabled: &[&'static RuleMeta]) -> String {
    let fingerprints = super::fingerprints(outcome);
    let (source_root, prefix) = source_root(&outcome.root);
    let in_repo = |path: &str| -> String {
        if prefix.is_empty() {
            path.to_string()
        } else {
            format!("{prefix}/{path}")
        }
    };
    let index_of = |id: &str| enabled.iter().position(|r| r.id == id).unwrap_or(0);
    let results = outcome
        .diagnostics
        .iter()
        .zip(fingerprints)
        .map(|(d, fp)| SarifResult {
            rule_id: d.rule,
            rule_index: index_of(d.rule),
            level: level(d.severity),
            message: Text {
                text: format!("{}. {}", capitalise(&d.message), d.help),
            },
            locations: vec![location(&in_repo(&d.path), Some(region(d.loc)))],
            related_locations: d
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| RelatedLocation {
                    id: i + 1,
                    physical_location: physical(&in_repo(&l.path), Some(region(l.loc))),
                    message: Text {
                        text: l.message.clone(),
                    },
                })
                .collect(),
            partial_fingerprints: BTreeMap::from([("tracewire/v1", fp)]),
            properties: ResultProperties {
                service: d.service.clone(),
            },
        })
        .collect();
    let notifications = outcome
        .skipped
        .iter()
        .map(|s| Notification {
            level: "note",
            message: Text {
                text: format!("skipped {}: {}", s.rel, s.reason),
            },
            locations: vec![location(&in_repo(&s.rel), None)],
        })
        .chain(outcome.notes.iter().map(|n| Notification {
            level: "note",
            message: Text { text: n.clone() },
            locations: Vec::new(),
        }))
        .collect();
    let root_uri = format!(
        "{}/",
        crate::url::file_uri(&source_root).trim_end_matches('/')
    );
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "tracewire",
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    // The repository when the build knows it, else the package's registry page.
                    information_uri: rules::repository().map_or_else(
                        || format!("https://crates.io/crates/{}", env!("CARGO_PKG_NAME")),
                        str::to_string,
                    ),
                    rules: enabled.iter().map(|m| descriptor(m)).collect(),
                },
            },
            original_uri_base_ids: BTreeMap::from([(
                "%SRCROOT%",
                ArtifactLocation {
                    uri: root_uri,
                    uri_base_id: None,
                },
            )]),
            column_kind: "unicodeCodePoints",
            invocations: vec![Invocation {
                execution_successful: true,
                tool_execution_notifications: notifications,
            }],
            results,
        }],
    };
    let mut out = serde_json::to_string_pretty(&log).expect("plain data serialises");
    out.push('\n');
    out
}

/// The root URIs resolve against: the repository holding the scanned root (the nearest
/// ancestor with `.git`), and the scanned root's path inside it; else the scanned root itself.
fn source_root(root: &std::path::Path) -> (std::path::PathBuf, String) {
    let Ok(scanned) = root.canonicalize() else {
        return (root.to_path_buf(), String::new());
    };
    let repository = scanned.ancestors().find(|dir| dir.join(".git").exists());
    match repository.and_then(|repo| {
        crate::discover::relative(repo, &scanned).map(|prefix| (repo.to_path_buf(), prefix))
    }) {
        Some(found) => found,
        None => (scanned, String::new()),
    }
}

fn descriptor(meta: &'static RuleMeta) -> Descriptor {
    let full = first_paragraph(meta.docs);
    Descriptor {
        id: meta.id,
        name: pascal_case(meta.id),
        short_description: Text {
            text: capitalise(meta.summary),
        },
        full_description: Text { text: full },
        help: Help {
            text: meta.docs.to_string(),
            markdown: meta.docs.to_string(),
        },
        help_uri: rules::docs_url(meta.id),
        default_configuration: Configuration {
            level: level(meta.severity),
        },
        properties: RuleProperties {
            tags: vec!["opentelemetry", "tracing", "observability"],
            precision: "high",
            problem_severity: match meta.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "recommendation",
            },
        },
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(loc: crate::facts::Loc) -> Region {
    Region {
        start_line: loc.line.max(1),
        start_column: loc.col.max(1),
        end_line: loc.end_line.max(loc.line.max(1)),
        end_column: loc.end_col.max(1),
    }
}

fn location(path: &str, region: Option<Region>) -> Location {
    Location {
        physical_location: physical(path, region),
    }
}

fn physical(path: &str, region: Option<Region>) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: encode_path(path),
            uri_base_id: Some("%SRCROOT%"),
        },
        region,
    }
}

/// A relative path as a URI reference: forward slashes, unusual characters percent-encoded.
fn encode_path(path: &str) -> String {
    let mut out = String::new();
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The "What it does" section of a rule's docs, as plain text: at most 1000 characters, cut
/// after the last whole sentence that fits (GitHub shows it as the rule's description).
fn first_paragraph(docs: &str) -> String {
    let body = docs
        .split("## What it does")
        .nth(1)
        .unwrap_or(docs)
        .split("\n## ")
        .next()
        .unwrap_or("");
    let text = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= 1000 {
        return text;
    }
    let head: String = text.chars().take(1000).collect();
    match head.rfind(". ") {
        Some(end) => head[..=end].to_string(),
        None => {
            let cut = head.rfind(' ').unwrap_or(head.len());
            format!("{}…", &head[..cut])
        }
    }
}

fn pascal_case(id: &str) -> String {
    id.split('-').map(capitalise).collect()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::first_paragraph;

    #[test]
    fn long_descriptions_end_at_a_sentence() {
        let sentence = "A sentence of some length that keeps going for a while. ";
        let docs = format!(
            "## What it does\n\n{}\n\n## Why\n\nNo.",
            sentence.repeat(40)
        );
        let full = first_paragraph(&docs);
        assert!(full.chars().count() <= 1000);
        assert!(full.ends_with("for a while."), "{full}");
        let short = first_paragraph("## What it does\n\nShort\nand wrapped.\n\n## Why\n\nNo.");
        assert_eq!(short, "Short and wrapped.");
        let one_word = first_paragraph(&format!("## What it does\n\n{}", "word ".repeat(300)));
        assert!(one_word.ends_with("word…"), "{one_word}");
    }
}
