//! Makefiles: recipes that start a service (`java -javaagent:... -jar app.jar`,
//! `opentelemetry-instrument python app.py`) and the variables they use.

use super::command::{scan_command, scan_env, split_words};
use crate::facts::Fact;

/// Facts from a Makefile's text.
pub fn facts(text: &str) -> Vec<Fact> {
    let mut facts = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(recipe) = line.strip_prefix('\t') {
            let recipe = recipe.trim_start_matches(['@', '-', '+']);
            for part in recipe.split("&&").flat_map(|p| p.split(';')) {
                let words = split_words(part);
                for word in words.iter().take_while(|w| is_assignment(w)) {
                    if let Some((k, v)) = word.split_once('=') {
                        facts.extend(scan_env(k, v, text));
                    }
                }
                facts.extend(scan_command(&words, text, part.trim()));
            }
        } else if let Some((name, value)) = variable(trimmed) {
            // `JAVA_OPTS := -javaagent:...`: flags kept for a recipe.
            facts.extend(scan_env(name, value, text));
            facts.extend(scan_command(&split_words(value), text, trimmed));
        }
    }
    facts
}

/// A variable definition `NAME = value` (also `:=`, `?=`, `+=`).
fn variable(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once('=')?;
    let name = name.trim_end_matches([':', '?', '+', ' ']).trim();
    let name = name.strip_prefix("export ").unwrap_or(name).trim();
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some((name, value.trim()))
}

/// Whether a word is an environment assignment `NAME=value`.
fn is_assignment(word: &str) -> bool {
    word.split_once('=').is_some_and(|(k, _)| {
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactKind;

    fn agents(text: &str) -> Vec<String> {
        facts(text)
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::AutoInstrumentation { agent, .. } => Some(agent),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn recipes_and_variables() {
        assert_eq!(
            agents(
                "run:\n\tjava -javaagent:otel/opentelemetry-javaagent.jar -jar target/app.jar\n"
            ),
            vec!["java-agent"]
        );
        assert_eq!(
            agents("run:\n\t@JAVA_TOOL_OPTIONS=-javaagent:/otel.jar java -jar app.jar\n"),
            vec!["java-agent"]
        );
        assert_eq!(
            agents("AGENT := -javaagent:/otel.jar\nrun:\n\tjava $(AGENT) -jar app.jar\n"),
            vec!["java-agent"]
        );
        assert!(agents("build:\n\tmvn package\n").is_empty());
    }
}
