//! Markdown for a pull-request comment: a one-line verdict, then the findings grouped by
//! service, each with its location, message and fix.

use super::{location_path, plural, Counts};
use crate::analysis::Outcome;
use crate::diagnostic::Severity;
use std::collections::BTreeMap;

/// Renders the outcome as a Markdown comment.
pub fn render(outcome: &Outcome) -> String {
    let counts = Counts::of(outcome);
    let total = outcome.diagnostics.len();
    let mut out = String::new();
    if total == 0 {
        out.push_str(&format!(
            "### ✅ tracewire: no broken traces found ({}, {})\n",
            plural(outcome.stats.files, "file"),
            plural(outcome.services.len(), "service")
        ));
    } else {
        let icon = if counts.errors > 0 { "❌" } else { "⚠️" };
        let mut by_service: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &outcome.diagnostics {
            *by_service.entry(d.service.as_str()).or_default() += 1;
        }
        out.push_str(&format!(
            "### {icon} tracewire: {} in {} ({}, {}, {})\n",
            plural(total, "finding"),
            plural(by_service.len(), "service"),
            plural(counts.errors, "error"),
            plural(counts.warnings, "warning"),
            plural(counts.infos, "info")
        ));
    }
    let mut by_service: BTreeMap<&str, Vec<&crate::diagnostic::Diagnostic>> = BTreeMap::new();
    for d in &outcome.diagnostics {
        by_service.entry(d.service.as_str()).or_default().push(d);
    }
    for (service, diagnostics) in by_service {
        out.push_str(&format!("\n#### `{service}`\n\n"));
        for d in diagnostics {
            let badge = match d.severity {
                Severity::Error => "**error**",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            let rule = match crate::rules::docs_url(d.rule) {
                Some(url) => format!("[`{}`]({url})", d.rule),
                None => format!("`{}`", d.rule),
            };
            out.push_str(&format!(
                "- {badge} {rule} at `{}:{}`: {}\n  - Fix: {}\n",
                location_path(outcome, &d.path),
                d.loc.line,
                d.message,
                d.help
            ));
        }
    }
    if !outcome.skipped.is_empty() {
        out.push_str(&format!(
            "\n<sub>{} not analysed (binary, too large or unreadable).</sub>\n",
            plural(outcome.skipped.len(), "file")
        ));
    }
    out
}
