//! Inline suppressions: `tracewire: ignore[rule-id] reason` on the reported line or the line
//! above, and `tracewire: ignore-file[rule-id] reason` anywhere in a file. The comment syntax is
//! the language's own; only the text after `tracewire:` matters. Comments are read into
//! suppressions during extraction (`facts::suppression`); this module applies them after the
//! rules and reports the ones that suppress nothing.

use crate::diagnostic::Diagnostic;
use crate::facts::{FileFacts, Suppression};
use crate::rules;
use std::collections::{HashMap, HashSet};

/// A suppression comment that suppressed nothing, or that gives no reason.
#[derive(Clone, Debug)]
pub struct Finding<'a> {
    /// The file holding the comment.
    pub path: &'a str,
    /// The comment.
    pub suppression: &'a Suppression,
    /// What is wrong with it.
    pub problem: Problem,
}

/// What is wrong with a suppression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// It names a rule id that does not exist.
    UnknownRule(String),
    /// It covers no finding.
    Unused,
    /// It gives no reason.
    NoReason,
}

/// Removes the diagnostics that a suppression in their primary file covers, and reports the
/// suppressions that covered nothing (among those naming only rules that ran) or give no
/// reason.
pub fn apply<'a>(
    diagnostics: Vec<Diagnostic>,
    files: &'a [FileFacts],
    enabled: &dyn Fn(&str) -> bool,
) -> (Vec<Diagnostic>, Vec<Finding<'a>>) {
    let by_path: HashMap<&str, &[Suppression]> = files
        .iter()
        .filter(|f| !f.suppressions.is_empty())
        .map(|f| (f.path.as_str(), f.suppressions.as_slice()))
        .collect();
    let mut used: HashSet<(&str, usize)> = HashSet::new();
    let kept = diagnostics
        .into_iter()
        .filter(|d| {
            let Some((path, suppressions)) = by_path.get_key_value(d.path.as_str()) else {
                return true;
            };
            let mut covered = false;
            for (i, s) in suppressions.iter().enumerate() {
                if covers(s, d) {
                    used.insert((path, i));
                    covered = true;
                }
            }
            !covered
        })
        .collect();
    let mut findings = Vec::new();
    for (path, suppressions) in &by_path {
        for (i, s) in suppressions.iter().enumerate() {
            let unknown = s
                .rules
                .iter()
                .find(|r| *r != "all" && crate::rules::by_id(r).is_none());
            if s.foreign {
                continue;
            }
            let problem = if let Some(r) = unknown {
                Some(Problem::UnknownRule(r.clone()))
            } else if !used.contains(&(*path, i))
                && s.rules.iter().all(|r| r == "all" || enabled(r))
            {
                Some(Problem::Unused)
            } else if s.reason.is_none() {
                Some(Problem::NoReason)
            } else {
                None
            };
            if let Some(problem) = problem {
                findings.push(Finding {
                    path,
                    suppression: s,
                    problem,
                });
            }
        }
    }
    (kept, findings)
}

/// Whether a suppression covers a diagnostic: it names the rule (or `all`) and sits on the
/// diagnostic's line or the line above, or covers the whole file.
fn covers(s: &Suppression, d: &Diagnostic) -> bool {
    let names_rule = s.rules.iter().any(|r| r == d.rule || r == "all");
    if !names_rule {
        return false;
    }
    s.whole_file || s.loc.line == d.loc.line || s.loc.line + 1 == d.loc.line
}

/// Diagnostics for problem suppressions (unused, unknown rule, no reason), for the enabled
/// suppression rules.
pub fn suppression_diagnostics(
    repo: &crate::model::RepoModel,
    problems: &[Finding<'_>],
    settings: &crate::config::Settings,
) -> Vec<Diagnostic> {
    problems
        .iter()
        .filter_map(|p| {
            let (meta, message, help) = match &p.problem {
                Problem::UnknownRule(id) => (
                    &rules::unused_suppression::META,
                    format!("suppression names unknown rule {}", rules::code(id)),
                    match rules::suggest(id) {
                        Some(r) => format!("Did you mean {}?", rules::code(r)),
                        None => "Use a rule id from `tracewire rules`.".to_string(),
                    },
                ),
                Problem::Unused => (
                    &rules::unused_suppression::META,
                    format!(
                        "suppression of {} covers no finding",
                        p.suppression
                            .rules
                            .iter()
                            .map(|r| rules::code(r))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    "Delete the comment, or move it to the line of the finding it is meant for."
                        .to_string(),
                ),
                Problem::NoReason => (
                    &rules::suppression_without_reason::META,
                    "suppression gives no reason".to_string(),
                    "Say why after the bracket: `tracewire: ignore[rule-id] reason`.".to_string(),
                ),
            };
            if !settings.is_enabled(meta.id) {
                return None;
            }
            let service = repo
                .services
                .iter()
                .find(|s| s.files.iter().any(|&i| repo.files[i].path == p.path))
                .map(|s| s.name.clone())
                .unwrap_or_default();
            Some(Diagnostic {
                rule: meta.id,
                severity: settings.severity_of(meta.id, meta.severity),
                message,
                path: p.path.to_string(),
                loc: p.suppression.loc,
                service,
                labels: Vec::new(),
                help,
            })
        })
        .collect()
}
