//! Procfiles: `web: opentelemetry-instrument gunicorn app:app`.

use super::command::{scan_command, split_words};
use crate::facts::Fact;

/// Facts from a Procfile's text.
pub fn facts(text: &str) -> Vec<Fact> {
    text.lines()
        .filter_map(|line| line.split_once(':'))
        .flat_map(|(_, command)| scan_command(&split_words(command), text, command.trim()))
        .collect()
}
