//! Human output: codespan-reporting diagnostics with multi-file labels and help, then a
//! summary line. Paths are relative to the working directory, so a terminal or an editor opens
//! them.

use super::{location_path, plural, Counts};
use crate::analysis::Outcome;
use crate::diagnostic::Severity;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label as CsLabel};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor, Config};
use std::collections::HashMap;

/// Writes the outcome for a person to read.
pub fn render(outcome: &Outcome, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let mut files = SimpleFiles::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut file_id = |path: &'_ str, files: &mut SimpleFiles<String, String>| -> usize {
        if let Some(id) = ids.get(path) {
            return *id;
        }
        let text = std::fs::read(outcome.root.join(path))
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        let id = files.add(location_path(outcome, path), text);
        ids.insert(path.to_string(), id);
        id
    };
    let config = Config::default();
    for d in &outcome.diagnostics {
        let primary = file_id(&d.path, &mut files);
        let mut labels = vec![CsLabel::primary(primary, range(&files, primary, d.loc))];
        for l in &d.labels {
            let id = file_id(&l.path, &mut files);
            labels.push(CsLabel::secondary(id, range(&files, id, l.loc)).with_message(&l.message));
        }
        let diagnostic = match d.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
            Severity::Info => CsDiagnostic::note(),
        }
        .with_code(d.rule)
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(vec![format!("help: {}", d.help)]);
        term::emit_to_write_style(out, &config, &files, &diagnostic)
            .map_err(std::io::Error::other)?;
    }
    for s in &outcome.skipped {
        writeln!(
            out,
            "note: skipped {}: {}",
            location_path(outcome, &s.rel),
            s.reason
        )?;
    }
    for n in &outcome.notes {
        writeln!(out, "note: {n}")?;
    }
    let counts = Counts::of(outcome);
    let total = outcome.diagnostics.len();
    let mut line = if total == 0 {
        "no findings".to_string()
    } else {
        format!(
            "{} ({}, {}, {})",
            plural(total, "finding"),
            plural(counts.errors, "error"),
            plural(counts.warnings, "warning"),
            plural(counts.infos, "info")
        )
    };
    line.push_str(&format!(
        " in {}, {}",
        plural(outcome.stats.files, "file"),
        plural(outcome.services.len(), "service")
    ));
    if !outcome.skipped.is_empty() {
        line.push_str(&format!("; {} skipped", outcome.skipped.len()));
    }
    writeln!(out, "{line}")
}

/// The byte range of a location in a loaded file, clamped to the file's length and to character
/// boundaries (the file may have changed, or held invalid UTF-8, since it was analysed).
fn range(
    files: &SimpleFiles<String, String>,
    id: usize,
    loc: crate::facts::Loc,
) -> std::ops::Range<usize> {
    let Ok(file) = files.get(id) else {
        return 0..0;
    };
    let source = file.source();
    let mut start = (loc.start_byte as usize).min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (loc.end_byte as usize).clamp(start, source.len());
    while !source.is_char_boundary(end) {
        end += 1;
    }
    start..end
}
