//! Dockerfiles: `ENTRYPOINT`/`CMD` (exec or shell form) and `ENV`.

use super::command::{scan_command, scan_env, split_words};
use super::line_of;
use crate::facts::{Fact, FactKind};

/// Images whose program is a static web server: a final stage built on one serves files (a
/// single-page app's bundle) and runs no script of the directory itself.
const STATIC_SERVER_IMAGES: &[&str] =
    &["nginx", "nginx-unprivileged", "httpd", "caddy", "lighttpd"];

/// Facts from a Dockerfile's text.
pub fn facts(text: &str) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut last_from: Option<String> = None;
    for instruction in instructions(text) {
        let (keyword, rest) = match instruction.split_once(char::is_whitespace) {
            Some((k, r)) => (k.to_ascii_uppercase(), r.trim()),
            None => continue,
        };
        match keyword.as_str() {
            "FROM" => last_from = Some(rest.to_string()),
            "ENTRYPOINT" | "CMD" => {
                let words = exec_form(rest).unwrap_or_else(|| split_words(rest));
                facts.extend(scan_command(
                    &words,
                    text,
                    rest.lines().next().unwrap_or(rest),
                ));
            }
            "ENV" => {
                for (name, value) in env_pairs(rest) {
                    facts.extend(scan_env(&name, &value, text));
                }
            }
            _ => {}
        }
    }
    if let Some(from) = last_from.filter(|f| serves_static(f)) {
        let first_line = from.lines().next().unwrap_or(&from).to_string();
        facts.push(Fact {
            loc: line_of(text, &first_line),
            kind: FactKind::StaticSite,
        });
    }
    facts
}

/// Whether a `FROM` line (`nginx:1.25-alpine`, `--platform=linux/amd64 docker.io/library/nginx`,
/// `nginxinc/nginx-unprivileged:alpine AS web`) names a static web server image.
fn serves_static(from: &str) -> bool {
    let Some(image) = from.split_whitespace().find(|w| !w.starts_with("--")) else {
        return false;
    };
    let image = image.split('@').next().unwrap_or(image);
    let name = image.rsplit('/').next().unwrap_or(image);
    let name = name.split(':').next().unwrap_or(name);
    STATIC_SERVER_IMAGES.contains(&name.to_ascii_lowercase().as_str())
}

/// Instructions with line continuations joined and comments dropped.
fn instructions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if current.is_empty() && (trimmed.starts_with('#') || trimmed.is_empty()) {
            continue;
        }
        match trimmed.strip_suffix('\\') {
            Some(head) => {
                current.push_str(head);
                current.push(' ');
            }
            None => {
                current.push_str(trimmed);
                out.push(std::mem::take(&mut current));
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The exec form `["a", "b"]`, if that is what `rest` is.
fn exec_form(rest: &str) -> Option<Vec<String>> {
    rest.starts_with('[')
        .then(|| serde_json::from_str(rest).ok())
        .flatten()
}

/// `K=V K2="v 2"` or the legacy `K V` form.
fn env_pairs(rest: &str) -> Vec<(String, String)> {
    let words = split_words(rest);
    if words.first().is_some_and(|w| w.contains('=')) {
        words
            .iter()
            .filter_map(|w| w.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    } else {
        match rest.split_once(char::is_whitespace) {
            Some((k, v)) => vec![(k.to_string(), v.trim().to_string())],
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactKind;

    #[test]
    fn a_final_static_server_stage_is_a_static_site() {
        let built = "FROM node:20 AS build\nRUN npm run build\nFROM nginx:1.25-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n";
        assert!(facts(built)
            .iter()
            .any(|f| f.kind == FactKind::StaticSite && f.loc.line == 3));
        let served_by_node =
            "FROM nginx:1.25 AS assets\nFROM node:20\nCMD [\"node\", \"server.js\"]\n";
        assert!(!facts(served_by_node)
            .iter()
            .any(|f| f.kind == FactKind::StaticSite));
        assert!(serves_static(
            "--platform=linux/amd64 nginxinc/nginx-unprivileged:alpine AS web"
        ));
        assert!(!serves_static("node:20-alpine"));
    }

    #[test]
    fn entrypoint_and_env_forms() {
        let text = "FROM python:3.12\nENV OTEL_PROPAGATORS=b3 \\\n    NODE_OPTIONS=\"--require ./tracing.js\"\n# CMD opentelemetry-instrument ignored\nCMD [\"opentelemetry-instrument\", \"python\", \"app.py\"]\n";
        let facts = facts(text);
        let kinds: Vec<String> = facts
            .iter()
            .map(|f| match &f.kind {
                FactKind::EnvSetting { name, value } => format!("{name}={value}@{}", f.loc.line),
                FactKind::AutoInstrumentation { agent, .. } => format!("{agent}@{}", f.loc.line),
                _ => String::new(),
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                "OTEL_PROPAGATORS=b3@2",
                "NODE_OPTIONS=--require ./tracing.js@3",
                "node-preload@3",
                "opentelemetry-instrument@5",
            ]
        );
    }
}
