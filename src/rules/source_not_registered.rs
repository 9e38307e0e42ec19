//! `source-not-registered`: a tracer source whose name no `AddSource` pattern of the service
//! matches, so nothing listens to it and every span it starts is dropped.

use super::{code, push_labels, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{FactKind, Loc, SourceName};
use crate::lang::Lang;
use crate::model::ServiceView;
use std::collections::{BTreeMap, BTreeSet};

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "source-not-registered",
    severity: Severity::Error,
    summary:
        "an ActivitySource's name matches no AddSource pattern, so every span it starts is dropped",
    languages: &[Lang::CSharp],
    help_keys: &["source-not-registered"],
    docs: r#"## What it does

In a service that sets up an OpenTelemetry tracer provider in code
(`services.AddOpenTelemetry().WithTracing(...)` or `Sdk.CreateTracerProviderBuilder()`),
reports each `ActivitySource` whose name matches none of the service's `AddSource(...)`
patterns (`*` and `?` are wildcards, matching ignores case, as the SDK does).

Names are resolved across the service's files: a string literal, `nameof(X)`, or a constant
(`const string SourceName = "Shop.Orders"`, a `static readonly` string, a top-level local of
`Program.cs`) declared once in the service; `AddSource(Source.Name)` registers the source
stored under `Source`. When any name or pattern cannot be known — computed
(`typeof(X).Assembly.GetName().Name`), read from configuration, a constant declared outside
the service, an `ActivityListener` installed by hand, setup delegated to an extension method
tracewire cannot see — it says nothing. Services without tracing set up in code are left to
`no-tracer-provider`; sources registered through `OTEL_DOTNET_AUTO_TRACES_ADDITIONAL_SOURCES`
count as registered.

## Why it matters

`ActivitySource.StartActivity` returns `null` unless a listener samples the source. The SDK
listens only to the sources added with `AddSource`: every span of an unregistered source is
silently dropped — no error, no warning, and the `activity?.SetTag(...)` calls hide the null.
It is the most common reason .NET spans "do not show up".

## Example

```csharp
static readonly ActivitySource Source = new("Shop.Checkout");

builder.Services.AddOpenTelemetry()
    .WithTracing(t => t.AddSource("Shop.Orders").AddAspNetCoreInstrumentation());
```

## Fix

Register every source, by name or with a wildcard:

```csharp
.WithTracing(t => t.AddSource("Shop.*").AddAspNetCoreInstrumentation())
```
"#,
};

/// The environment variable through which .NET automatic instrumentation registers sources.
const AUTO_SOURCES_ENV: &str = "OTEL_DOTNET_AUTO_TRACES_ADDITIONAL_SOURCES";

/// Reports sources nothing registers.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    let s = &view.summary;
    if !s.provider_created || s.sdk_from_config {
        return;
    }
    let mut constants: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut sources: Vec<(&SourceName, Option<&str>)> = Vec::new();
    let mut patterns: Vec<(&SourceName, String, Loc)> = Vec::new();
    for (file, fact) in view.visible_facts() {
        match &fact.kind {
            FactKind::StringConstant { name, value } => {
                constants.entry(name).or_default().insert(value);
            }
            FactKind::SourceCreated { name, holder } => sources.push((name, holder.as_deref())),
            FactKind::SourceRegistered { pattern } => {
                patterns.push((pattern, file.path.clone(), fact.loc))
            }
            _ => {}
        }
    }
    let resolver = Resolver {
        constants: &constants,
        sources: &sources,
    };
    let mut registered: Vec<String> = Vec::new();
    for (pattern, _, _) in &patterns {
        match resolver.resolve(pattern) {
            Some(p) => registered.push(p),
            None => return, // a pattern that may match anything
        }
    }
    if let Some(value) = s.env.get(AUTO_SOURCES_ENV) {
        registered.extend(value.split(',').map(|p| p.trim().to_string()));
    }
    let sites: Vec<(String, Loc)> = patterns
        .iter()
        .map(|(_, path, loc)| (path.clone(), *loc))
        .collect();
    for (file, fact) in view.owned_facts() {
        let FactKind::SourceCreated { name, .. } = &fact.kind else {
            continue;
        };
        let Some(name) = resolver.resolve(name) else {
            continue;
        };
        if registered.iter().any(|p| matches_pattern(p, &name)) {
            continue;
        }
        let prefix = name
            .rsplit_once('.')
            .map(|(p, _)| format!("{p}."))
            .unwrap_or_default();
        let mut d = view.diagnostic(
            &META,
            file,
            fact.loc,
            format!(
                "ActivitySource {} matches no AddSource pattern: StartActivity returns null and its spans are dropped",
                code(&name)
            ),
            view.help(
                file,
                "source-not-registered",
                &[("source", &name), ("prefix", &prefix)],
            ),
        );
        push_labels(&mut d, &sites, "sources registered here");
        out.push(d);
    }
}

/// Resolves names and patterns against the service's constants and sources.
struct Resolver<'r> {
    constants: &'r BTreeMap<&'r str, BTreeSet<&'r str>>,
    sources: &'r [(&'r SourceName, Option<&'r str>)],
}

impl Resolver<'_> {
    /// The string a name stands for, if it can be known.
    fn resolve(&self, name: &SourceName) -> Option<String> {
        self.resolve_depth(name, 0)
    }

    fn resolve_depth(&self, name: &SourceName, depth: usize) -> Option<String> {
        match name {
            SourceName::Literal(s) => Some(s.clone()),
            SourceName::Constant(c) => {
                let values = self.constants.get(c.as_str())?;
                (values.len() == 1).then(|| values.iter().next().expect("one").to_string())
            }
            SourceName::SourceOf(holder) if depth == 0 => {
                let mut held = self
                    .sources
                    .iter()
                    .filter(|(_, h)| *h == Some(holder.as_str()));
                let (name, _) = held.next()?;
                if held.next().is_some() {
                    return None;
                }
                self.resolve_depth(name, depth + 1)
            }
            SourceName::SourceOf(_) | SourceName::Unknown => None,
        }
    }
}

/// Whether a source name matches an `AddSource` pattern: `*` any run, `?` one character,
/// ignoring case.
fn matches_pattern(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let n: Vec<char> = name.to_lowercase().chars().collect();
    let (mut pi, mut ni) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ni;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ni = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

#[cfg(test)]
mod tests {
    use super::matches_pattern;

    #[test]
    fn patterns_match_like_the_sdk() {
        assert!(matches_pattern("Shop.Orders", "shop.orders"));
        assert!(matches_pattern("Shop.*", "Shop.Orders"));
        assert!(matches_pattern("*", "anything"));
        assert!(matches_pattern("Shop.?rders", "Shop.Orders"));
        assert!(!matches_pattern("Shop.*", "Billing.Orders"));
        assert!(!matches_pattern("Shop.Orders", "Shop.Orders.Db"));
        assert!(matches_pattern("*.Orders", "Shop.Orders"));
    }
}
