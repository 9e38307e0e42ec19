//! JSON output, version 1 (documented in the README). Paths are relative to the scanned root
//! with forward slashes; lines and columns are 1-based, columns in Unicode scalar values.

use super::Counts;
use crate::analysis::{Outcome, ServiceInfo};
use serde::Serialize;

/// The format version; bumped on any incompatible change.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary<'a>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    path: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    service: &'a str,
    fingerprint: String,
    labels: Vec<JsonLabel<'a>>,
    help: &'a str,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    path: &'a str,
    line: u32,
    column: u32,
    message: &'a str,
}

#[derive(Serialize)]
struct Summary<'a> {
    files: usize,
    services: &'a [ServiceInfo],
    errors: usize,
    warnings: usize,
    infos: usize,
    skipped: Vec<JsonSkipped>,
    notes: &'a [String],
}

#[derive(Serialize)]
struct JsonSkipped {
    path: String,
    reason: String,
}

/// Renders the outcome as a JSON document (pretty-printed, newline-terminated).
pub fn render(outcome: &Outcome) -> String {
    let counts = Counts::of(outcome);
    let doc = Document {
        version: VERSION,
        diagnostics: outcome
            .diagnostics
            .iter()
            .zip(super::fingerprints(outcome))
            .map(|(d, fingerprint)| JsonDiagnostic {
                rule: d.rule,
                severity: d.severity.name(),
                message: &d.message,
                path: &d.path,
                line: d.loc.line,
                column: d.loc.col,
                end_line: d.loc.end_line,
                end_column: d.loc.end_col,
                service: &d.service,
                fingerprint,
                labels: d
                    .labels
                    .iter()
                    .map(|l| JsonLabel {
                        path: &l.path,
                        line: l.loc.line,
                        column: l.loc.col,
                        message: &l.message,
                    })
                    .collect(),
                help: &d.help,
            })
            .collect(),
        summary: Summary {
            files: outcome.stats.files,
            services: &outcome.services,
            errors: counts.errors,
            warnings: counts.warnings,
            infos: counts.infos,
            skipped: outcome
                .skipped
                .iter()
                .map(|s| JsonSkipped {
                    path: s.rel.clone(),
                    reason: s.reason.to_string(),
                })
                .collect(),
            notes: &outcome.notes,
        },
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("plain data serialises");
    out.push('\n');
    out
}
