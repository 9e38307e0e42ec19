//! Line-independent fingerprints of findings, for SARIF's `partialFingerprints`, baselines and
//! the review mode: the same finding keeps its fingerprint when lines are added above it.
//!
//! A fingerprint is a hash of the rule id, the file path and the whitespace-normalised text of
//! the reported node, followed by `:n`, the occurrence index among findings with the same hash
//! in the file (so two identical findings stay distinct).

use crate::diagnostic::Diagnostic;
use std::collections::HashMap;

/// The fingerprint of each diagnostic, in order. `text_of` gives a file's text by path.
pub fn fingerprints(
    diagnostics: &[Diagnostic],
    text_of: &mut dyn FnMut(&str) -> Option<String>,
) -> Vec<String> {
    let mut texts: HashMap<String, Option<String>> = HashMap::new();
    let mut seen: HashMap<u64, usize> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let text = texts
                .entry(d.path.clone())
                .or_insert_with(|| text_of(&d.path));
            let snippet = text
                .as_deref()
                .and_then(|t| t.get(d.loc.start_byte as usize..d.loc.end_byte as usize))
                .map(normalise)
                .unwrap_or_else(|| normalise(&d.message));
            let hash = fnv1a(&[d.rule, "\0", &d.path, "\0", &snippet]);
            let n = seen.entry(hash).or_default();
            let fingerprint = format!("{hash:016x}:{n}");
            *n += 1;
            fingerprint
        })
        .collect()
}

/// Collapses every run of whitespace to one space.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 64-bit FNV-1a over the concatenated parts: stable across platforms and releases.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::facts::Loc;

    fn diag(start: u32, end: u32, line: u32) -> Diagnostic {
        Diagnostic {
            rule: "span-not-ended",
            severity: Severity::Warning,
            message: "m".into(),
            path: "a.go".into(),
            loc: Loc {
                line,
                col: 1,
                end_line: line,
                end_col: 2,
                start_byte: start,
                end_byte: end,
            },
            service: "s".into(),
            labels: Vec::new(),
            help: String::new(),
        }
    }

    #[test]
    fn fingerprints_ignore_line_moves_and_count_duplicates() {
        let before = "x := f()\nx := f()\n";
        let after = "\n\n// new\nx :=   f()\nx := f()\n";
        let a = fingerprints(&[diag(0, 8, 1), diag(9, 17, 2)], &mut |_| {
            Some(before.into())
        });
        let b = fingerprints(&[diag(9, 19, 4), diag(20, 28, 5)], &mut |_| {
            Some(after.into())
        });
        assert_eq!(a, b);
        assert!(a[0].ends_with(":0") && a[1].ends_with(":1"));
        assert_ne!(a[0], a[1]);
    }
}
