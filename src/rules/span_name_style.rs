//! `span-name-style`: span names that break the repository's dominant (or configured) style.

use super::{code, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{NameVia, SpanKindName};
use crate::lang::Lang;
use crate::model::names::SpanName;
use crate::model::style::{dominant, style_of, NamingStyle};
use crate::model::ServiceView;
use std::collections::{BTreeMap, BTreeSet};

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "span-name-style",
    severity: Severity::Info,
    summary: "a span name breaks the naming style the repository's other names (or its configuration) follow",
    languages: &[
        Lang::Go,
        Lang::JavaScript,
        Lang::TypeScript,
        Lang::Tsx,
        Lang::CSharp,
        Lang::Java,
        Lang::Python,
        Lang::Rust,
    ],
    help_keys: &["span-name-style"],
    docs: r#"## What it does

Collects every span name of the repository that is a literal or resolves through string
constants (across files and services), groups them by span kind (no kind counts as
`INTERNAL`), and sorts each name into a style: `snake_case`, `camelCase`, `PascalCase`,
`kebab-case`, `dotted` (`cart.load`), `verb noun` (`load cart`) or `{METHOD} {route}`
(`GET /cart/{id}`). When one style holds a clear majority of a kind's names — at least 5
distinct names with a recognisable style, 70% of them in one style; a name started at several
sites counts once — the names of that kind in another style are reported, with the dominant
style and examples in the message.

A service whose own names of a kind all follow one style — at least two distinct names — keeps
that style: a Node service with `sitemapHandler` and `ssrHandler` beside Go services that write
`chat.load` has a convention of its own, not outliers.

`[naming] style = "snake_case"` in `tracewire.toml` fixes the style of internal spans instead
of inferring it (values: `snake_case`, `camelCase`, `PascalCase`, `kebab-case`, `dotted`,
`verb-noun`, `method-route`); spans of other kinds keep their inferred style, since the
semantic conventions name them (see `span-name-semconv`).

Not reported: one-word names (`checkout`, `Checkout`: one word shows no way of joining
words), names in no recognisable style, names built at run time, names instrumentation gives
its own spans, and kinds without a clear majority.

## Why it matters

Spans are found by name. When one service writes `load_cart`, another `loadCart` and a third
`cart.load`, queries and dashboards miss the outliers, and every new span makes the next author
guess. A single style across services keeps traces searchable.

## Example

```python
with tracer.start_as_current_span("loadCart"):  # the other names are snake_case
    ...
```

## Fix

Rename the span in the dominant style (`load_cart`), or set `[naming] style` to the style the
repository should follow.
"#,
};

/// Most example names a message lists.
const EXAMPLES: usize = 3;

/// Reports the names of the service that break the style of their kind.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    let census = view.repo.name_census();
    let names = view.span_names();
    let own = own_styles(&names);
    for name in &names {
        let Some((kind, text, style)) = styled(name) else {
            continue;
        };
        let entries = census.by_kind.get(&kind).map(Vec::as_slice).unwrap_or(&[]);
        let (expected, configured) = match (view.naming_style, kind) {
            (Some(configured), SpanKindName::Internal) => (configured, true),
            _ => match dominant(entries) {
                Some(style) => (style, false),
                None => continue,
            },
        };
        if style == expected {
            continue;
        }
        // A service whose own names of this kind all follow one style keeps its convention.
        if !configured && own.get(&kind) == Some(&OwnStyle::Agreed(style)) {
            continue;
        }
        let examples: Vec<String> = entries
            .iter()
            .filter(|e| e.style == Some(expected))
            .map(|e| code(&e.text))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .take(EXAMPLES)
            .collect();
        let whose = if configured {
            "the configured style".to_string()
        } else {
            let total = entries.iter().filter(|e| e.style.is_some()).count();
            let count = entries.iter().filter(|e| e.style == Some(expected)).count();
            format!(
                "the style of {count} of {total} {} span names",
                kind_label(kind)
            )
        };
        let like = if examples.is_empty() {
            String::new()
        } else {
            format!(" ({})", examples.join(", "))
        };
        let message = format!(
            "span name {} is {}, not {}, {whose}{like}",
            code(text),
            style.name(),
            expected.name()
        );
        let help = view.help(
            name.file,
            "span-name-style",
            &[("style", expected.name()), ("name", text)],
        );
        out.push(view.diagnostic(&META, name.file, name.loc, message, help));
    }
}

/// What a service's own distinct names of one kind agree on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum OwnStyle {
    /// Fewer than two names with a recognisable style.
    Few(Option<NamingStyle>),
    /// Two or more names, all in this style.
    Agreed(NamingStyle),
    /// Names in more than one style.
    Mixed,
}

/// A name this rule judges: written by the code (not a formatter's), known, and in a
/// recognisable style; with its kind (unset counts as internal).
fn styled<'n>(name: &'n SpanName<'_>) -> Option<(SpanKindName, &'n str, NamingStyle)> {
    if matches!(name.via, NameVia::Formatter(_)) {
        return None;
    }
    let text = name.text.as_deref()?;
    let kind = name.kind.unwrap_or(SpanKindName::Internal);
    Some((kind, text, style_of(text, kind)?))
}

/// The style each kind's names agree on within the service alone.
fn own_styles(names: &[SpanName<'_>]) -> BTreeMap<SpanKindName, OwnStyle> {
    let mut distinct: BTreeSet<(SpanKindName, &str)> = BTreeSet::new();
    let mut own: BTreeMap<SpanKindName, OwnStyle> = BTreeMap::new();
    for (kind, text, style) in names.iter().filter_map(styled) {
        if !distinct.insert((kind, text)) {
            continue;
        }
        let next = match own.get(&kind).copied().unwrap_or(OwnStyle::Few(None)) {
            OwnStyle::Few(None) => OwnStyle::Few(Some(style)),
            OwnStyle::Few(Some(s)) | OwnStyle::Agreed(s) if s == style => OwnStyle::Agreed(s),
            _ => OwnStyle::Mixed,
        };
        own.insert(kind, next);
    }
    own
}

/// The kind as it reads in a message.
fn kind_label(kind: SpanKindName) -> &'static str {
    match kind {
        SpanKindName::Internal => "internal",
        SpanKindName::Server => "server",
        SpanKindName::Client => "client",
        SpanKindName::Producer => "producer",
        SpanKindName::Consumer => "consumer",
    }
}
