//! Reporting: the same outcome rendered for people (`human`) or machines (`json`).

pub mod github;
pub mod human;
pub mod json;
pub mod markdown;
pub mod sarif;

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

/// A finding's path as the user's tools see it: relative to the working directory, that is
/// the scanned root (as given on the command line) joined with the path inside it.
pub fn location_path(outcome: &Outcome, path: &str) -> String {
    match display_root(&outcome.root).as_str() {
        "" => path.to_string(),
        root => format!("{root}/{path}"),
    }
}

/// A scanned root as a prefix for its files' paths: relative to the working directory when it
/// lies inside it (absolute otherwise), with forward slashes, `""` for the working directory.
pub fn display_root(root: &std::path::Path) -> String {
    let root = match std::env::current_dir() {
        Ok(cwd) if root.is_absolute() => root.strip_prefix(&cwd).unwrap_or(root).to_path_buf(),
        _ => root.to_path_buf(),
    };
    let root = root.to_string_lossy().replace('\\', "/");
    let mut root = root.trim_end_matches('/');
    while let Some(rest) = root.strip_prefix("./") {
        root = rest.trim_start_matches('/');
    }
    match root {
        "" | "." => String::new(),
        root => root.to_string(),
    }
}

/// The line-independent fingerprint of each of the outcome's diagnostics, in order, read from
/// the files under the scanned root (see `crate::fingerprint`).
pub fn fingerprints(outcome: &Outcome) -> Vec<String> {
    let root = &outcome.root;
    let mut text_of = |path: &str| {
        std::fs::read(root.join(path))
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    };
    crate::fingerprint::fingerprints(&outcome.diagnostics, &mut text_of)
}

/// `n thing` or `n things`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
