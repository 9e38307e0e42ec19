//! Reporting: the same outcome rendered for people (`human`) or machines (`json`).

pub mod human;
pub mod json;

use crate::analysis::Outcome;
use crate::diagnostic::Severity;

/// Counts of diagnostics by severity.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
}

impl Counts {
    /// Counts an outcome's diagnostics.
    pub fn of(outcome: &Outcome) -> Counts {
        let mut c = Counts::default();
        for d in &outcome.diagnostics {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
}

/// `n thing` or `n things`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
