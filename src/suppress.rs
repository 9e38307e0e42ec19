//! Inline suppressions: `tracewire: ignore[rule-id] reason` on the reported line or the line
//! above, and `tracewire: ignore-file[rule-id] reason` anywhere in a file. The comment syntax is
//! the language's own; only the text after `tracewire:` matters.

use crate::diagnostic::Diagnostic;
use crate::facts::{FileFacts, Loc, Suppression};
use std::collections::{HashMap, HashSet};

/// The marker every suppression starts with.
const MARKER: &str = "tracewire:";

/// Parses a comment's text into a suppression, if it is one.
pub fn parse_comment(comment: &str, loc: Loc) -> Option<Suppression> {
    let at = comment.find(MARKER)?;
    let rest = comment[at + MARKER.len()..].trim_start();
    let (whole_file, rest) = if let Some(r) = rest.strip_prefix("ignore-file") {
        (true, r)
    } else if let Some(r) = rest.strip_prefix("ignore") {
        (false, r)
    } else {
        return None;
    };
    let rest = rest.strip_prefix('[')?;
    let (ids, reason) = rest.split_once(']')?;
    let rules = ids
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    // The reason ends where another comment starts (`// tracewire: ignore[x] why // more`).
    let reason = reason.split("//").next().unwrap_or("");
    let reason = reason.split(" #").next().unwrap_or("");
    let reason = reason
        .trim()
        .trim_end_matches("*/")
        .trim_end_matches("-->")
        .trim();
    Some(Suppression {
        loc,
        rules,
        whole_file,
        reason: (!reason.is_empty()).then(|| reason.to_string()),
        foreign: false,
    })
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rules_and_reason() {
        let s = parse_comment(
            "// tracewire: ignore[span-not-ended, context-dropped] closed by the pool",
            Loc::default(),
        )
        .unwrap();
        assert_eq!(s.rules, vec!["span-not-ended", "context-dropped"]);
        assert_eq!(s.reason.as_deref(), Some("closed by the pool"));
        assert!(!s.whole_file);
        let f = parse_comment(
            "/* tracewire: ignore-file[no-propagator] */",
            Loc::default(),
        )
        .unwrap();
        assert!(f.whole_file);
        assert_eq!(f.reason, None);
        assert!(parse_comment("// tracewire is great", Loc::default()).is_none());
        let trailing = parse_comment("// tracewire: ignore[x] // another comment", Loc::default());
        assert_eq!(trailing.unwrap().reason, None);
        assert!(parse_comment("// tracewire: ignore span-not-ended", Loc::default()).is_none());
    }
}
