//! Makefiles: recipes that start a service (`java -javaagent:... -jar app.jar`,
//! `opentelemetry-instrument python app.py`) and the variables they use.

use super::command::{scan_command, scan_env, split_words};
use crate::facts::Fact;

/// Facts from a Makefile's text, each with the directory (relative to the Makefile) of the
/// service its recipe starts, when the recipe names one (`cd orders && ...`,
/// `java -jar orders/target/orders.jar`).
pub fn facts(text: &str) -> Vec<(Option<String>, Fact)> {
    let mut facts: Vec<(Option<String>, Fact)> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(recipe) = line.strip_prefix('\t') {
            let recipe = recipe.trim_start_matches(['@', '-', '+']);
            let mut dir: Option<String> = None;
            for part in recipe.split("&&").flat_map(|p| p.split(';')) {
                let words = split_words(part);
                if words.first().is_some_and(|w| w == "cd") {
                    dir = words.get(1).cloned();
                    continue;
                }
                let target = dir.clone().or_else(|| jar_service_dir(&words));
                let mut found = Vec::new();
                for word in words.iter().take_while(|w| is_assignment(w)) {
                    if let Some((k, v)) = word.split_once('=') {
                        found.extend(scan_env(k, v, text));
                    }
                }
                found.extend(scan_command(&words, text, part.trim()));
                facts.extend(found.into_iter().map(|f| (target.clone(), f)));
            }
        } else if let Some((name, value)) = variable(trimmed) {
            // `JAVA_OPTS := -javaagent:...`: flags kept for a recipe.
            let found = scan_env(name, value, text).into_iter().chain(scan_command(
                &split_words(value),
                text,
                trimmed,
            ));
            facts.extend(found.map(|f| (None, f)));
        }
    }
    facts
}

/// The service directory of `java -jar <dir>/target/app.jar` (or `<dir>/build/libs/...`).
fn jar_service_dir(words: &[String]) -> Option<String> {
    let at = words.iter().position(|w| w == "-jar")?;
    let jar = words.get(at + 1)?;
    let dir = ["/target/", "/build/libs/"]
        .iter()
        .find_map(|marker| jar.split_once(marker).map(|(d, _)| d))?;
    (!dir.is_empty() && !dir.starts_with('/') && !dir.contains('$')).then(|| dir.to_string())
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
            .filter_map(|(_, f)| match f.kind {
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

    #[test]
    fn recipes_name_the_service_they_start() {
        let dirs = |text: &str| -> Vec<Option<String>> {
            facts(text).into_iter().map(|(d, _)| d).collect()
        };
        assert_eq!(
            dirs("run:\n\tjava -javaagent:otel.jar -jar orders/target/orders.jar &\n"),
            vec![Some("orders".to_string())]
        );
        assert_eq!(
            dirs("run:\n\tcd cart && java -javaagent:../otel.jar -jar app.jar\n"),
            vec![Some("cart".to_string())]
        );
        assert_eq!(
            dirs("run:\n\tjava -javaagent:otel.jar -jar app.jar\n"),
            vec![None]
        );
    }
}
