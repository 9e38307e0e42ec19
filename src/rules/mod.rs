//! The rule catalog. Each rule is one file: its metadata and docs, and a pure check function
//! over a service's model. Ids are stable (SARIF `ruleId`s): never renamed or reused.

mod context_dropped;
mod exporter_self_traced;
mod inbound_not_extracted;
mod instrumented_too_late;
mod no_propagator;
mod no_tracer_provider;
mod outbound_not_injected;
mod propagator_mismatch;
mod provider_not_registered;
mod provider_not_shutdown;
mod scope_not_closed;
mod source_not_registered;
mod span_context_unused;
mod span_name_cardinality;
mod span_name_semconv;
mod span_name_style;
mod span_not_ended;
pub mod suppression_without_reason;
pub mod unused_suppression;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::facts::{FileFacts, Loc};
use crate::lang::Lang;
use crate::model::ServiceView;

/// A rule's identity and documentation.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// One line: what it reports.
    pub summary: &'static str,
    /// Languages it is implemented for.
    pub languages: &'static [Lang],
    /// Markdown docs: What it does / Why it matters / Example / Fix.
    pub docs: &'static str,
    /// The `[help]` keys the rule reads from each claimed language's knowledge table.
    pub help_keys: &'static [&'static str],
}

/// A rule: metadata plus its check.
pub struct Rule {
    /// Identity and docs.
    pub meta: &'static RuleMeta,
    /// Reports the rule's findings for one service.
    pub check: fn(&ServiceView<'_>, &mut Vec<Diagnostic>),
}

/// The keys under which a knowledge table may word a finding its own way (`[messages]`).
pub const MESSAGE_KEYS: &[&str] = &[
    "context-dropped/fresh-context",
    "instrumented-too-late/from-import",
    "instrumented-too-late/object",
    "provider-not-registered",
    "scope-not-closed/leaks",
    "scope-not-closed/discarded",
    "span-context-unused",
    "span-context-unused/label",
    "span-not-ended/leaks",
    "span-not-ended/leaks-label",
    "span-not-ended/discarded",
];

/// Every rule, in catalog order.
pub static RULES: &[Rule] = &[
    Rule {
        meta: &no_tracer_provider::META,
        check: no_tracer_provider::check,
    },
    Rule {
        meta: &provider_not_registered::META,
        check: provider_not_registered::check,
    },
    Rule {
        meta: &no_propagator::META,
        check: no_propagator::check,
    },
    Rule {
        meta: &propagator_mismatch::META,
        check: propagator_mismatch::check,
    },
    Rule {
        meta: &provider_not_shutdown::META,
        check: provider_not_shutdown::check,
    },
    Rule {
        meta: &exporter_self_traced::META,
        check: exporter_self_traced::check,
    },
    Rule {
        meta: &inbound_not_extracted::META,
        check: inbound_not_extracted::check,
    },
    Rule {
        meta: &outbound_not_injected::META,
        check: outbound_not_injected::check,
    },
    Rule {
        meta: &context_dropped::META,
        check: context_dropped::check,
    },
    Rule {
        meta: &span_not_ended::META,
        check: span_not_ended::check,
    },
    Rule {
        meta: &scope_not_closed::META,
        check: scope_not_closed::check,
    },
    Rule {
        meta: &span_context_unused::META,
        check: span_context_unused::check,
    },
    Rule {
        meta: &span_name_cardinality::META,
        check: span_name_cardinality::check,
    },
    Rule {
        meta: &span_name_style::META,
        check: span_name_style::check,
    },
    Rule {
        meta: &span_name_semconv::META,
        check: span_name_semconv::check,
    },
    Rule {
        meta: &instrumented_too_late::META,
        check: instrumented_too_late::check,
    },
    Rule {
        meta: &unused_suppression::META,
        check: unused_suppression::check,
    },
    Rule {
        meta: &suppression_without_reason::META,
        check: suppression_without_reason::check,
    },
    Rule {
        meta: &source_not_registered::META,
        check: source_not_registered::check,
    },
];

/// Looks a rule up by id.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.meta.id == id)
}

/// The rule id closest to a misspelt one: at most a few edits away, or containing it whole
/// (`not-ended` for `span-not-ended`) when only one id does.
pub fn suggest(id: &str) -> Option<&'static str> {
    let id = id.trim().to_ascii_lowercase().replace('_', "-");
    let ids = RULES.iter().map(|r| r.meta.id);
    if let Some(exact) = ids.clone().find(|r| *r == id) {
        return Some(exact);
    }
    let limit = (id.chars().count() / 3).clamp(1, 3);
    let closest = ids
        .clone()
        .map(|r| (strsim::levenshtein(&id, r), r))
        .filter(|(d, _)| *d <= limit)
        .min();
    if let Some((_, r)) = closest {
        return Some(r);
    }
    let mut containing = ids.filter(|r| id.len() >= 4 && r.contains(id.as_str()));
    match (containing.next(), containing.next()) {
        (Some(r), None) => Some(r),
        _ => None,
    }
}

/// The error for a rule id no rule has, with the closest id when there is one.
pub fn unknown_id(id: &str) -> String {
    match suggest(id) {
        Some(r) => format!("unknown rule id `{id}`; did you mean `{r}`?"),
        None => format!("unknown rule id `{id}` (see `tracewire rules` for the list)"),
    }
}

/// The address of the repository this build comes from, when the build knows it:
/// `TRACEWIRE_REPOSITORY` at build time (the release workflow sets it to the repository it runs
/// in), else the package's `repository` field. Local builds know none, and link nowhere.
pub fn repository() -> Option<&'static str> {
    option_env!("TRACEWIRE_REPOSITORY")
        .or(option_env!("CARGO_PKG_REPOSITORY"))
        .map(|r| r.trim().trim_end_matches('/'))
        .filter(|r| r.starts_with("https://"))
}

/// Where a rule's documentation is published: `docs/rules/<id>.md` in the repository at this
/// version's release tag (generated from the rules' own docs; a test keeps it current). `None`
/// when the build does not know its repository.
pub fn docs_url(id: &str) -> Option<String> {
    repository().map(|repository| docs_url_in(repository, id))
}

/// A rule's documentation page in a repository, at this version's tag.
pub fn docs_url_in(repository: &str, id: &str) -> String {
    format!(
        "{}/blob/v{}/docs/rules/{id}.md",
        repository.trim_end_matches('/'),
        env!("CARGO_PKG_VERSION")
    )
}

/// The documentation page of a rule, as written to `docs/rules/<id>.md`.
pub fn docs_page(meta: &RuleMeta) -> String {
    let langs: Vec<&str> = meta.languages.iter().map(|l| l.name()).collect();
    let langs = if langs.is_empty() {
        "none yet".to_string()
    } else {
        langs.join(", ")
    };
    format!(
        "# {}

{}.

Default severity: {}. Languages: {}.

{}",
        meta.id,
        capitalise(meta.summary),
        meta.severity.name(),
        langs,
        meta.docs
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Most secondary labels one diagnostic lists before summarising the rest.
const MAX_LABELS: usize = 10;

impl<'a> ServiceView<'a> {
    /// A diagnostic of `meta` at `loc` in `file`, in this service.
    pub fn diagnostic(
        &self,
        meta: &'static RuleMeta,
        file: &FileFacts,
        loc: Loc,
        message: String,
        help: String,
    ) -> Diagnostic {
        Diagnostic {
            rule: meta.id,
            severity: meta.severity,
            message,
            path: file.path.clone(),
            loc,
            service: self.service.name.clone(),
            labels: Vec::new(),
            help,
        }
    }
}

impl ServiceView<'_> {
    /// A finding's wording: the file's language's own (`[messages]` in its knowledge table)
    /// when it has one for `key`, else `default`; `{name}` placeholders are filled from `vars`.
    pub fn message(
        &self,
        file: &FileFacts,
        key: &str,
        default: &str,
        vars: &[(&str, &str)],
    ) -> String {
        self.own_message(file, key, vars)
            .unwrap_or_else(|| crate::knowledge::fill(default, vars))
    }

    /// The file's language's own wording of a finding (`[messages]`), if it has one for `key`.
    pub fn own_message(
        &self,
        file: &FileFacts,
        key: &str,
        vars: &[(&str, &str)],
    ) -> Option<String> {
        file.lang
            .and_then(|l| self.knowledge.get(l))
            .and_then(|k| k.message(key, vars))
    }

    /// The fix advice `key` for `file`'s language, with placeholders filled; a pointer to the
    /// rule's docs where the language has none.
    pub fn help(&self, file: &FileFacts, key: &str, vars: &[(&str, &str)]) -> String {
        file.lang
            .and_then(|l| self.knowledge.get(l))
            .and_then(|k| k.help(key, vars))
            .unwrap_or_else(|| {
                let rule = key.split('/').next().unwrap_or(key);
                format!("See `tracewire explain {rule}` for the fix.")
            })
    }
}

/// Adds labels for `sites`, capped at [`MAX_LABELS`] with a last label counting the rest.
fn push_labels(d: &mut Diagnostic, sites: &[(String, Loc)], message: &str) {
    for (path, loc) in sites.iter().take(MAX_LABELS) {
        d.labels.push(Label {
            path: path.clone(),
            loc: *loc,
            message: message.to_string(),
        });
    }
    if sites.len() > MAX_LABELS {
        let (path, loc) = &sites[MAX_LABELS];
        d.labels.push(Label {
            path: path.clone(),
            loc: *loc,
            message: format!("and {} more", sites.len() - MAX_LABELS),
        });
    }
}

/// Inline code in a message: the text in backticks.
pub fn code(text: &str) -> String {
    format!("`{text}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_rule_ids_get_the_closest_id() {
        assert_eq!(suggest("span-not-endd"), Some("span-not-ended"));
        assert_eq!(suggest("span_not_ended"), Some("span-not-ended"));
        assert_eq!(suggest("no-propagtor"), Some("no-propagator"));
        assert_eq!(suggest("not-ended"), Some("span-not-ended"));
        assert_eq!(suggest("span"), None, "several ids contain it");
        assert_eq!(suggest("nope"), None);
        assert_eq!(
            unknown_id("nope"),
            "unknown rule id `nope` (see `tracewire rules` for the list)"
        );
    }
}
