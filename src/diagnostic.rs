//! Diagnostics: what a rule reports.

use crate::facts::Loc;
use serde::Serialize;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run by default.
    Info,
    /// Likely a broken or degraded trace.
    Warning,
    /// A trace is certainly broken.
    Error,
}

impl Severity {
    /// The lowercase name used in output and configuration.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses a severity name.
    pub fn parse(name: &str) -> Option<Severity> {
        match name {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// A secondary location that explains a diagnostic; it may be in another file or service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Path relative to the scanned root.
    pub path: String,
    /// Where.
    pub loc: Loc,
    /// What is there.
    pub message: String,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule's stable id.
    pub rule: &'static str,
    /// Severity after configuration.
    pub severity: Severity,
    /// One short sentence.
    pub message: String,
    /// Path of the primary location, relative to the scanned root.
    pub path: String,
    /// The primary location: the narrowest node that shows the problem.
    pub loc: Loc,
    /// The service the primary location belongs to.
    pub service: String,
    /// Secondary locations.
    pub labels: Vec<Label>,
    /// Exactly what to add and where.
    pub help: String,
}

impl Diagnostic {
    /// The order output is sorted in: path, line, column, rule.
    pub fn sort_key(&self) -> (&str, u32, u32, &str) {
        (&self.path, self.loc.line, self.loc.col, self.rule)
    }
}
