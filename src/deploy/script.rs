//! Start scripts (`start.sh`, `entrypoint.sh`, `run.sh`): the commands a container or a
//! developer runs the service with, `opentelemetry-instrument uvicorn app:app` among them.

use super::command::{scan_command, split_words};
use crate::facts::Fact;

/// The script names read as a service's start script (lowercase prefixes of `*.sh`).
const START_SCRIPTS: &[&str] = &["start", "entrypoint", "docker-entrypoint", "run", "boot"];

/// Whether a file name is a start script's.
pub fn is_start_script(lower: &str) -> bool {
    lower.ends_with(".sh") && START_SCRIPTS.iter().any(|p| lower.starts_with(p))
}

/// Facts from a start script's commands, a line continued by `\` read as one.
pub fn facts(text: &str) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut command = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') && command.is_empty() {
            continue;
        }
        match line.strip_suffix('\\') {
            Some(part) => {
                command.push_str(part);
                command.push(' ');
            }
            None => {
                if !line.starts_with('#') {
                    command.push_str(line);
                }
                let needle = command.split_whitespace().next().unwrap_or("").to_string();
                out.extend(scan_command(&split_words(&command), text, &needle));
                command.clear();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactKind;

    #[test]
    fn continued_commands_are_read_whole() {
        let text = "#!/bin/sh\n# opentelemetry-instrument python old.py\nexec opentelemetry-instrument \\\n  uvicorn --host $HOST app.main:app\n";
        let agents: Vec<_> = facts(text)
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::AutoInstrumentation { agent, .. } => Some((agent, f.loc.line)),
                _ => None,
            })
            .collect();
        assert_eq!(agents, vec![("opentelemetry-instrument".to_string(), 3)]);
        assert!(is_start_script("start-reload.sh"));
        assert!(!is_start_script("test.sh"));
        assert!(!is_start_script("start.py"));
    }
}
