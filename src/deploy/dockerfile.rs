//! Dockerfiles: `ENTRYPOINT`/`CMD` (exec or shell form) and `ENV`.

use super::command::{scan_command, scan_env, split_words};
use crate::facts::Fact;

/// Facts from a Dockerfile's text.
pub fn facts(text: &str) -> Vec<Fact> {
    let mut facts = Vec::new();
    for instruction in instructions(text) {
        let (keyword, rest) = match instruction.split_once(char::is_whitespace) {
            Some((k, r)) => (k.to_ascii_uppercase(), r.trim()),
            None => continue,
        };
        match keyword.as_str() {
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
    facts
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
