//! `no-tracer-provider`: a service creates spans or installs instrumentation, but nothing sets
//! up an SDK provider, so every span is a no-op.

use super::RuleMeta;
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::FactKind;
use crate::lang::Lang;
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "no-tracer-provider",
    severity: Severity::Warning,
    summary:
        "a service creates spans or installs instrumentation, but no SDK tracer provider is set up",
    languages: &[
        Lang::Go,
        Lang::JavaScript,
        Lang::TypeScript,
        Lang::CSharp,
        Lang::Java,
        Lang::Python,
        Lang::Rust,
    ],
    help_keys: &["no-tracer-provider"],
    docs: r#"## What it does

Reports a service (a program with an entry point) that starts spans, takes tracers or installs
tracing instrumentation, while nothing in the service builds an SDK tracer provider, builds an
SDK from configuration, or registers a provider.

An SDK installed by deployment counts: the Java agent, `opentelemetry-instrument`, a Node
`--require` of the auto-instrumentations, .NET auto-instrumentation, or the OpenTelemetry
Operator's `instrumentation.opentelemetry.io/inject-java|python|nodejs|dotnet` annotation on a
Kubernetes workload whose container, workload or image is named like the service.

## Why it matters

The OpenTelemetry API is a no-op until an SDK is installed. Every span the service creates is
dropped, and instrumentation records nothing: the service is a gap in every trace that passes
through it.

## Example

```go
var tracer = otel.Tracer("checkout")

func main() {
    http.Handle("/pay", otelhttp.NewHandler(http.HandlerFunc(pay), "pay"))
    log.Fatal(http.ListenAndServe(":8080", nil))
}
```

## Fix

Set up the SDK in `main` before serving:

```go
exp, err := otlptracegrpc.New(ctx)
tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
otel.SetTracerProvider(tp)
defer tp.Shutdown(ctx)
```

Libraries (modules without a `main`) are not reported: the application sets up the SDK.

## C#

A program (top-level statements or `static Main`) that uses OpenTelemetry and starts
activities, while nothing sets up the SDK: no `AddOpenTelemetry().WithTracing(...)`, no
`Sdk.CreateTracerProviderBuilder()`, no .NET automatic instrumentation switched on by its
deployment (`CORECLR_ENABLE_PROFILING=1`, `OTEL_DOTNET_AUTO_HOME`). Setup delegated to an
extension method whose name says so (`builder.AddServiceDefaults()`,
`services.AddObservability()`, `AddApplicationInsightsTelemetry()`) counts as set up.

## Rust

Spans (`global::tracer(..)`, `tracer.start`, `in_span`) or the `tracing` bridge
(`tracing_opentelemetry::layer()`) in a binary crate that never builds an
`SdkTracerProvider` (nor installs one with an `opentelemetry_otlp::new_pipeline()` or
`init_tracing_opentelemetry` pipeline). Library crates (no `fn main`) are not asked to.
"#,
};

/// Reports services that create telemetry without any SDK.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    let s = &view.summary;
    if !view.service.has_entry
        || !view.service.uses_tracing
        || s.has_sdk()
        || !s.creates_telemetry
        || !s.auto_instrumentation.is_empty()
    {
        return;
    }
    let first = view.owned_facts().find(|(_, f)| {
        matches!(
            f.kind,
            FactKind::SpanStarted { .. }
                | FactKind::Instrumentation { .. }
                | FactKind::GlobalTracer
        )
    });
    let Some((file, fact)) = first else {
        return;
    };
    out.push(view.diagnostic(
        &META,
        file,
        fact.loc,
        format!(
            "service `{}` creates telemetry but never sets up a tracer provider: every span is a no-op",
            view.service.name
        ),
        view.help(file, "no-tracer-provider", &[]),
    ));
}
