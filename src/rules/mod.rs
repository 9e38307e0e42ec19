//! The rule catalog. Each rule is one file: its metadata and docs, and a pure check function
//! over a service's model. Ids are stable (SARIF `ruleId`s): never renamed or reused.

mod context_dropped;
mod inbound_not_extracted;
mod instrumented_too_late;
mod no_propagator;
mod no_tracer_provider;
mod outbound_not_injected;
mod provider_not_registered;
mod provider_not_shutdown;
mod scope_not_closed;
mod span_context_unused;
mod span_not_ended;

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
        meta: &provider_not_shutdown::META,
        check: provider_not_shutdown::check,
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
        meta: &instrumented_too_late::META,
        check: instrumented_too_late::check,
    },
];

/// Looks a rule up by id.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.meta.id == id)
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
fn code(text: &str) -> String {
    format!("`{text}`")
}
