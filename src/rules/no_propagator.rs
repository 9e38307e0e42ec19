//! `no-propagator`: a provider is set up but no text-map propagator is, in a language whose
//! default propagator is a no-op.

use super::RuleMeta;
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::FactKind;
use crate::lang::Lang;
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "no-propagator",
    severity: Severity::Error,
    summary:
        "an SDK is set up but no text-map propagator is, where the language default is a no-op",
    languages: &[
        Lang::Go,
        Lang::JavaScript,
        Lang::TypeScript,
        Lang::Java,
        Lang::Python,
        Lang::Rust,
    ],
    help_keys: &["no-propagator"],
    docs: r#"## What it does

Reports a service that sets up a tracer provider and receives or sends requests, but never
installs a global text-map propagator, in a language whose default propagator does nothing
(Go, Rust, a hand-built Java SDK). Languages whose SDK defaults to W3C trace context (Python,
Node's NodeSDK, .NET) are not reported for a missing propagator.

In Python, whose default is W3C trace context and baggage even without an SDK, it reports a
service that clears the default instead: `OTEL_PROPAGATORS=none` in its deployment (unless the
code installs a propagator, which takes precedence), or `set_global_textmap` with an empty
`CompositePropagator([])`.

## Why it matters

`otelhttp`, `otelgrpc` and manual `Extract`/`Inject` all go through the global propagator. In
Go it is an empty composite until `otel.SetTextMapPropagator` is called: handlers ignore the
incoming `traceparent`, clients send none, and every service starts its own trace. Nothing
fails; the traces are just cut at every boundary.

## Example

```go
tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
otel.SetTracerProvider(tp)
http.ListenAndServe(":8080", otelhttp.NewHandler(mux, "server"))
```

## Fix

```go
otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(
    propagation.TraceContext{}, propagation.Baggage{}))
```

or `otel.SetTextMapPropagator(autoprop.NewTextMapPropagator())` to honour `OTEL_PROPAGATORS`.

## Rust

opentelemetry-rust's global propagator is a `NoopTextMapPropagator` until
`global::set_text_map_propagator(..)` is called, and the SDK does not read `OTEL_PROPAGATORS`:
a binary crate with a provider and an axum/actix/hyper/tonic server or a reqwest/awc/tonic
client is reported when nothing in the crate sets one. `init_tracing_opentelemetry`'s
`init_subscribers()` sets one from `OTEL_PROPAGATORS`.
"#,
};

/// Reports services with an SDK, a process boundary and no propagator.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    let s = &view.summary;
    // A service whose every analysed language propagates by default can only lose its
    // propagator by clearing it.
    let mut langs = view
        .owned()
        .filter_map(|f| f.lang)
        .filter(|l| l.is_analyzed())
        .peekable();
    let has_default = |l: Lang| !view.knowledge.defaults(l).propagators.is_empty();
    if langs.peek().is_some() && langs.all(has_default) {
        cleared_default(view, out);
        return;
    }
    if !view.service.has_entry
        || !s.has_sdk()
        || s.propagators.is_some()
        || s.deployment_sdk()
        || !s.has_boundary
    {
        return;
    }
    let site = view
        .visible_facts()
        .find(|(_, f)| matches!(f.kind, FactKind::ProviderRegistered))
        .or_else(|| {
            view.visible_facts().find(|(_, f)| {
                matches!(
                    f.kind,
                    FactKind::ProviderCreated { .. } | FactKind::SdkFromConfig
                )
            })
        });
    let Some((file, fact)) = site else {
        return;
    };
    let Some(lang) = file.lang else {
        return;
    };
    if has_default(lang) {
        return;
    }
    out.push(view.diagnostic(
        &META,
        file,
        fact.loc,
        format!(
            "no propagator is set: {}'s default propagator is a no-op, so trace context never crosses service boundaries",
            lang_name(lang)
        ),
        view.help(file, "no-propagator", &[]),
    ));
}

/// A language that propagates by default (Python): the default propagators are cleared, by
/// `OTEL_PROPAGATORS=none` where the SDK reads it or by installing an empty composite, in a
/// service with an SDK (or the zero-code launcher) and a boundary.
fn cleared_default(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    let s = &view.summary;
    let Some(lang) = view
        .owned()
        .filter_map(|f| f.lang)
        .find(|l| l.is_analyzed())
    else {
        return;
    };
    if !view.service.has_entry || !s.has_boundary || !(s.has_sdk() || s.deployment_sdk()) {
        return;
    }
    let in_code = |f: &str| f != "none" && f != "env";
    let code_sets = s
        .propagators
        .as_ref()
        .is_some_and(|p| p.is_empty() || p.iter().any(|f| in_code(f)));
    let cleared_in_code = s
        .propagators
        .as_ref()
        .is_some_and(|p| p.iter().any(|f| f == "none"))
        && !code_sets;
    let env_none = view.knowledge.defaults(lang).propagators_from_env
        && s.env
            .get("OTEL_PROPAGATORS")
            .is_some_and(|v| v.split(',').all(|p| p.trim() == "none"));
    let (message, site) = if cleared_in_code {
        let site = view.visible_facts().find(|(f, fact)| {
            f.lang == Some(lang)
                && matches!(&fact.kind, FactKind::PropagatorSet { formats } if formats.iter().any(|x| x == "none"))
        });
        (
            "the global propagator is set to an empty composite, so trace context never crosses service boundaries".to_string(),
            site,
        )
    } else if env_none && !code_sets {
        let site = view
            .visible_facts()
            .find(|(f, fact)| {
                f.lang == Some(lang) && matches!(fact.kind, FactKind::ProviderRegistered)
            })
            .or_else(|| {
                view.visible_facts().find(|(f, fact)| {
                    f.lang == Some(lang)
                        && matches!(
                            fact.kind,
                            FactKind::ProviderCreated { .. } | FactKind::SdkFromConfig
                        )
                })
            })
            .or_else(|| {
                view.owned_facts().find(|(f, fact)| {
                    f.lang == Some(lang)
                        && matches!(
                            fact.kind,
                            FactKind::Inbound { .. } | FactKind::Outbound { .. }
                        )
                })
            });
        (
            format!("`OTEL_PROPAGATORS=none` clears {}'s default propagators, so trace context never crosses service boundaries", lang_name(lang)),
            site,
        )
    } else {
        return;
    };
    let Some((file, fact)) = site else {
        return;
    };
    out.push(view.diagnostic(
        &META,
        file,
        fact.loc,
        message,
        view.help(file, "no-propagator", &[]),
    ));
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Go => "Go",
        Lang::Rust => "Rust",
        Lang::Java => "Java",
        Lang::JavaScript | Lang::TypeScript | Lang::Tsx => "the JavaScript API",
        Lang::Python => "Python",
        Lang::CSharp => ".NET",
    }
}
