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
    languages: &[Lang::Go, Lang::JavaScript, Lang::TypeScript, Lang::Java],
    help_keys: &["no-propagator"],
    docs: r#"## What it does

Reports a service that sets up a tracer provider and receives or sends requests, but never
installs a global text-map propagator, in a language whose default propagator does nothing
(Go, Rust, a hand-built Java SDK). Languages whose SDK defaults to W3C trace context (Python,
Node's NodeSDK, .NET) are not reported.

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
"#,
};

/// Reports services with an SDK, a process boundary and no propagator.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    let s = &view.summary;
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
    if !lang.default_propagators().is_empty() {
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
