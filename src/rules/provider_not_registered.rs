//! `provider-not-registered`: a provider is built but never registered globally, while the
//! service's tracers and instrumentation read the global one.

use super::RuleMeta;
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::FactKind;
use crate::lang::Lang;
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "provider-not-registered",
    severity: Severity::Error,
    summary: "a tracer provider is built but never registered globally nor handed to the instrumentation that needs it",
    languages: &[Lang::Go, Lang::JavaScript, Lang::TypeScript, Lang::CSharp, Lang::Java, Lang::Python, Lang::Rust],
    help_keys: &["provider-not-registered"],
    docs: r#"## What it does

Reports an SDK tracer provider that is built but never made the global provider, in a service
whose tracers (`otel.Tracer`) or instrumentation (`otelhttp`, `otelgrpc`, ... without
`WithTracerProvider`) read the global provider. A service that takes tracers from a provider
value (`tp.Tracer(...)`) uses its provider deliberately and is not reported.

## Why it matters

The global provider stays the no-op one. The exporter is configured and the code looks right,
but every span from the global tracers and from instrumentation is dropped.

## Example

```go
tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
defer tp.Shutdown(ctx)
handler := otelhttp.NewHandler(mux, "server") // reads the global provider
```

## Fix

Register it once, right after building it:

```go
otel.SetTracerProvider(tp)
```

or hand it to each instrumentation with `otelhttp.WithTracerProvider(tp)`.

## C#

.NET has no global registration: a provider starts listening to its sources when
`Sdk.CreateTracerProviderBuilder()...Build()` is called. Reported is a builder chain that is
configured and thrown away without `Build()`. A builder kept in a variable or handed on is not
reported (it may be built elsewhere), nor is a provider set up with
`services.AddOpenTelemetry().WithTracing(...)`, which the host builds.

## Rust

An `SdkTracerProvider` that is never passed to `global::set_tracer_provider`, in a crate that
takes tracers from `global::tracer(..)`. Tracers taken from the provider value
(`provider.tracer("x")`, typically handed to `tracing_opentelemetry::layer().with_tracer(..)`)
use it deliberately and are not reported.
"#,
};

/// Reports providers that the global-reading code never sees.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    let s = &view.summary;
    if !view.service.has_entry
        || s.provider_registered
        || !s.uses_global_provider
        || s.explicit_tracers
        || s.deployment_sdk()
    {
        return;
    }
    for (file, fact) in view.visible_facts() {
        if let FactKind::ProviderCreated { var, .. } = &fact.kind {
            let name = var.as_deref().unwrap_or("tp");
            let message = view.message(
                file,
                "provider-not-registered",
                "tracer provider is built but never registered: tracers and instrumentation still use the no-op global provider",
                &[],
            );
            out.push(view.diagnostic(
                &META,
                file,
                fact.loc,
                message,
                view.help(file, "provider-not-registered", &[("provider", name)]),
            ));
        }
    }
}
