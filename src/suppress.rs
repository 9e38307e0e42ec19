//! Inline suppressions: `tracewire: ignore[rule-id] reason` on the reported line or the line
//! above, and `tracewire: ignore-file[rule-id] reason` anywhere in a file. The comment syntax is
//! the language's own; only the text after `tracewire:` matters.

use crate::diagnostic::Diagnostic;
use crate::facts::{FileFacts, Loc, Suppression};
use std::collections::HashMap;

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
    })
}

/// Removes the diagnostics that a suppression in their primary file covers.
pub fn apply(diagnostics: Vec<Diagnostic>, files: &[FileFacts]) -> Vec<Diagnostic> {
    let by_path: HashMap<&str, &[Suppression]> = files
        .iter()
        .map(|f| (f.path.as_str(), f.suppressions.as_slice()))
        .collect();
    diagnostics
        .into_iter()
        .filter(|d| {
            let Some(suppressions) = by_path.get(d.path.as_str()) else {
                return true;
            };
            !suppressions.iter().any(|s| covers(s, d))
        })
        .collect()
}

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
        assert!(parse_comment("// tracewire: ignore span-not-ended", Loc::default()).is_none());
    }
}
