//! Baselines: the fingerprints of the findings a team accepts today, so CI fails only on new
//! ones. `--write-baseline FILE` records them; `--baseline FILE` leaves out findings whose
//! fingerprint is recorded. Fingerprints are line-independent (see `fingerprint`).

use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// The baseline file format's version.
pub const VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version.
    pub version: u32,
    /// Accepted findings, sorted.
    pub findings: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Rule id.
    pub rule: String,
    /// Path relative to the scanned root.
    pub path: String,
    /// Line-independent fingerprint.
    pub fingerprint: String,
}

impl Baseline {
    /// A baseline of these findings with their fingerprints.
    pub fn of(diagnostics: &[Diagnostic], fingerprints: &[String]) -> Baseline {
        let mut findings: Vec<Entry> = diagnostics
            .iter()
            .zip(fingerprints)
            .map(|(d, f)| Entry {
                rule: d.rule.to_string(),
                path: d.path.clone(),
                fingerprint: f.clone(),
            })
            .collect();
        findings.sort();
        findings.dedup();
        Baseline {
            version: VERSION,
            findings,
        }
    }

    /// Reads a baseline file; a missing, unreadable or malformed file is an error.
    pub fn read(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read baseline: {e}", path.display()))?;
        let baseline: Baseline = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a tracewire baseline: {e}", path.display()))?;
        if baseline.version != VERSION {
            return Err(format!(
                "{}: baseline version {} is not supported (expected {VERSION})",
                path.display(),
                baseline.version
            ));
        }
        Ok(baseline)
    }

    /// Writes the baseline as pretty JSON.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let mut text = serde_json::to_string_pretty(self).expect("plain data");
        text.push('\n');
        std::fs::write(path, text)
            .map_err(|e| format!("{}: cannot write baseline: {e}", path.display()))
    }

    /// Keeps the diagnostics whose fingerprint the baseline does not record.
    pub fn filter(&self, diagnostics: Vec<Diagnostic>, fingerprints: &[String]) -> Vec<Diagnostic> {
        let known: BTreeSet<(&str, &str, &str)> = self
            .findings
            .iter()
            .map(|e| (e.rule.as_str(), e.path.as_str(), e.fingerprint.as_str()))
            .collect();
        diagnostics
            .into_iter()
            .zip(fingerprints)
            .filter(|(d, f)| !known.contains(&(d.rule, d.path.as_str(), f.as_str())))
            .map(|(d, _)| d)
            .collect()
    }
}
