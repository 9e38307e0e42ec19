//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per
//! finding. Columns are given only for single-line ranges (GitHub rejects them otherwise).

use super::location_path;
use crate::analysis::Outcome;
use crate::diagnostic::Severity;

/// Renders the outcome as workflow commands, one per line.
pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    for d in &outcome.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut properties = vec![
            format!("file={}", property(&location_path(outcome, &d.path))),
            format!("line={}", d.loc.line),
        ];
        if d.loc.line == d.loc.end_line {
            properties.push(format!("col={}", d.loc.col));
            properties.push(format!("endColumn={}", d.loc.end_col));
        } else {
            properties.push(format!("endLine={}", d.loc.end_line));
        }
        properties.push(format!(
            "title={}",
            property(&format!("tracewire {}", d.rule))
        ));
        out.push_str(&format!(
            "::{command} {}::{}\n",
            properties.join(","),
            data(&format!("{} (help: {})", d.message, d.help))
        ));
    }
    out
}

/// Escapes a workflow command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_workflow_command_rules() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
