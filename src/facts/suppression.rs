//! Suppression comments as facts: `tracewire: ignore[rule-id] reason` read from a comment's
//! text during extraction, in any language's comment syntax. They are applied after the rules
//! (`crate::suppress`).

use super::{Loc, Suppression};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Loc;

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
