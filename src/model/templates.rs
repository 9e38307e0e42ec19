//! Deployment files whose build directory is a template (`context: services/cart-${LANG}` with
//! no value for `LANG`): one instance per directory of the repository the template matches,
//! each instance's services deployed together under the same binding of the variables.

use crate::facts::{FactKind, FileFacts};
use std::collections::BTreeSet;

/// One part of a templated path.
#[derive(Debug, PartialEq)]
enum Part<'a> {
    /// Literal text.
    Lit(&'a str),
    /// A variable (`${LANG}`, `$LANG`): any non-empty text without `/`.
    Var(&'a str),
}

/// The deployment files that target a templated directory, replaced by one copy per service
/// directory the template matches (its `DeployedAs` facts marked with the binding); one whose
/// template matches no directory describes the directory the variables' values name. Other
/// files are kept unchanged.
pub(super) fn expand(files: Vec<FileFacts>, dirs: &BTreeSet<&str>) -> Vec<FileFacts> {
    let mut out = Vec::with_capacity(files.len());
    for mut file in files {
        let Some(pattern) = file.applies_to_template.take() else {
            out.push(file);
            continue;
        };
        let parts = parse(&pattern);
        if !anchored(&parts) {
            out.push(file);
            continue;
        }
        let instances: Vec<(&str, String)> = dirs
            .iter()
            .filter_map(|dir| {
                let mut binding = Vec::new();
                matches(&parts, dir, &mut binding).then(|| {
                    let text: Vec<String> =
                        binding.iter().map(|(k, v)| format!("{k}={v}")).collect();
                    (*dir, text.join(","))
                })
            })
            .collect();
        if instances.is_empty() {
            out.push(file);
            continue;
        }
        for (dir, variant) in instances {
            let mut copy = file.clone();
            copy.applies_to_dir = Some(dir.to_string());
            for fact in &mut copy.facts {
                if let FactKind::DeployedAs { variant: v, .. } = &mut fact.kind {
                    *v = Some(variant.clone());
                }
            }
            out.push(copy);
        }
    }
    out
}

/// The parts of a templated path; a `$` that starts no variable name is literal.
fn parse(pattern: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let mut rest = pattern;
    while let Some(at) = rest.find('$') {
        let after = &rest[at + 1..];
        let (name, len) = if let Some(inner) = after.strip_prefix('{') {
            match inner.find('}') {
                Some(end) => (&inner[..end], end + 2),
                None => break,
            }
        } else {
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            (&after[..end], end)
        };
        if name.is_empty() {
            parts.push(Part::Lit(&rest[..at + 1]));
            rest = after;
            continue;
        }
        if at > 0 {
            parts.push(Part::Lit(&rest[..at]));
        }
        parts.push(Part::Var(name));
        rest = &after[len..];
    }
    if !rest.is_empty() {
        parts.push(Part::Lit(rest));
    }
    parts
}

/// Whether each variable shares its directory level with literal text (`cart-${LANG}`): a
/// level that is only a variable (`${DIR}/Dockerfile`) would match any directory.
fn anchored(parts: &[Part<'_>]) -> bool {
    parts.iter().enumerate().all(|(at, part)| {
        if !matches!(part, Part::Var(_)) {
            return true;
        }
        let before = at
            .checked_sub(1)
            .and_then(|b| parts.get(b))
            .is_some_and(|p| matches!(p, Part::Lit(l) if !l.ends_with('/')));
        let after = parts
            .get(at + 1)
            .is_some_and(|p| matches!(p, Part::Lit(l) if !l.starts_with('/')));
        before || after
    })
}

/// Whether `text` is an instance of the template, a variable taking the same value wherever it
/// occurs; `binding` receives the values.
fn matches<'a>(parts: &[Part<'a>], text: &str, binding: &mut Vec<(&'a str, String)>) -> bool {
    match parts.split_first() {
        None => text.is_empty(),
        Some((Part::Lit(lit), rest)) => text
            .strip_prefix(lit)
            .is_some_and(|t| matches(rest, t, binding)),
        Some((Part::Var(name), rest)) => {
            if let Some((_, value)) = binding.iter().find(|(n, _)| n == name) {
                let value = value.clone();
                return text
                    .strip_prefix(value.as_str())
                    .is_some_and(|t| matches(rest, t, binding));
            }
            let limit = text.find('/').unwrap_or(text.len());
            for end in 1..=limit {
                if !text.is_char_boundary(end) {
                    continue;
                }
                binding.push((name, text[..end].to_string()));
                if matches(rest, &text[end..], binding) {
                    return true;
                }
                binding.pop();
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bind(pattern: &str, text: &str) -> Option<Vec<(String, String)>> {
        let parts = parse(pattern);
        let mut binding = Vec::new();
        matches(&parts, text, &mut binding).then(|| {
            binding
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect()
        })
    }

    #[test]
    fn templates_bind_their_variables() {
        assert_eq!(
            bind("services/cart-${LANG}", "services/cart-python"),
            Some(vec![("LANG".into(), "python".into())])
        );
        assert_eq!(
            bind("$A/x-${A}", "go/x-go"),
            Some(vec![("A".into(), "go".into())])
        );
        // A variable is one directory level, the same value wherever it occurs.
        assert_eq!(bind("services/cart-${LANG}", "services/cart-py/src"), None);
        assert_eq!(bind("$A/x-${A}", "go/x-rust"), None);
        assert_eq!(bind("services/cart-${LANG}", "services/cart-"), None);
        assert_eq!(bind("services/cart-${LANG}", "services/web"), None);
        assert_eq!(bind("a$", "a$"), Some(vec![]));
    }

    #[test]
    fn a_level_that_is_only_a_variable_is_not_a_template() {
        assert!(anchored(&parse("services/cart-${LANG}")));
        assert!(anchored(&parse("${LANG}-cart/src")));
        assert!(!anchored(&parse("${DIR}")));
        assert!(!anchored(&parse("services/${DIR}/src")));
    }
}
