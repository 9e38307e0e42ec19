//! `package.json` scripts: `node --require ./tracing.js server.js`,
//! `NODE_OPTIONS='--require ...' node app.js`.

use super::command::{scan_command, scan_env, split_words};
use crate::facts::Fact;

/// Facts from a `package.json`'s scripts; malformed JSON yields none.
pub fn facts(text: &str) -> Vec<Fact> {
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    let Some(scripts) = doc.get("scripts").and_then(|s| s.as_object()) else {
        return Vec::new();
    };
    let mut facts = Vec::new();
    for (name, script) in scripts {
        let Some(script) = script.as_str() else {
            continue;
        };
        let needle = format!("\"{name}\"");
        for part in script.split("&&") {
            let words = split_words(part);
            // Leading `NAME=value` words are environment for the command.
            for word in words.iter().take_while(|w| is_assignment(w)) {
                if let Some((k, v)) = word.split_once('=') {
                    let mut env = scan_env(k, v, text);
                    for f in &mut env {
                        f.loc = super::line_of(text, &needle);
                    }
                    facts.extend(env);
                }
            }
            facts.extend(scan_command(&words, text, &needle));
        }
    }
    facts.sort_by_key(|f| f.loc.start_byte);
    facts
}

/// Whether a `package.json` describes a runnable application: it has a `start` script. A
/// library's manifest has none, and setup rules apply only to applications.
pub fn is_application(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|doc| doc.get("scripts")?.get("start").cloned())
        .is_some_and(|s| s.is_string())
}

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

    #[test]
    fn scripts_with_preloads_and_node_options() {
        let text = r#"{
  "name": "web",
  "scripts": {
    "start": "node --require ./instrumentation.js server.js",
    "prod": "NODE_OPTIONS='--require @opentelemetry/auto-instrumentations-node/register' node server.js"
  }
}"#;
        let agents: Vec<(String, u32)> = facts(text)
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::AutoInstrumentation { agent, .. } => Some((agent, f.loc.line)),
                _ => None,
            })
            .collect();
        assert_eq!(
            agents,
            vec![
                ("node-preload".to_string(), 4),
                ("node-auto-instrumentations".to_string(), 5)
            ]
        );
    }
}
