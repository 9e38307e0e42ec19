//! `exporter-self-traced`: an OTLP exporter sends spans over a connection or client that is
//! itself instrumented, so every export produces more spans to export.

use super::RuleMeta;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::facts::FactKind;
use crate::lang::Lang;
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "exporter-self-traced",
    severity: Severity::Warning,
    summary: "an OTLP exporter's own gRPC connection or HTTP client is instrumented, so every export is traced and exported again",
    languages: &[Lang::Go],
    help_keys: &["exporter-self-traced"],
    docs: r#"## What it does

Reports an OTLP exporter option that hands the exporter an instrumented transport:
`otlptracegrpc.WithGRPCConn(conn)` where `conn` was dialed with `otelgrpc` (in the same function,
or by a helper of the file that dials into the pointer it is given), `WithDialOption` with an
`otelgrpc` stats handler or interceptor, or `otlptracehttp.WithHTTPClient` with an `otelhttp`
transport. The label shows where the instrumentation is added.

Go only: the OTLP exporters of Python, JavaScript, Java and .NET suppress instrumentation for
their own requests, and their connections are not handed in by the application.

## Why it matters

Each export is an RPC; an instrumented connection makes a client span for it, which is exported
in the next batch, which makes another span. The collector fills with `opentelemetry.proto.
collector.trace.v1.TraceService/Export` spans, the export traffic grows with itself, and a
slow collector makes it worse. It happens when one helper dials every connection of a service
with the same options, the collector's included.

## Example

```go
func mustConnGRPC(ctx context.Context, conn **grpc.ClientConn, addr string) {
    *conn, _ = grpc.NewClient(addr, grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
}

mustConnGRPC(ctx, &svc.collectorConn, collectorAddr)
exporter, err := otlptracegrpc.New(ctx, otlptracegrpc.WithGRPCConn(svc.collectorConn))
```

## Fix

Dial the collector without instrumentation (or let the exporter dial it):

```go
exporter, err := otlptracegrpc.New(ctx,
    otlptracegrpc.WithEndpoint(collectorAddr), otlptracegrpc.WithInsecure())
```
"#,
};

/// Reports each exporter option whose transport is instrumented.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    for (file, fact) in view.owned_facts() {
        let FactKind::ExporterInstrumented {
            exporter,
            instrumentation,
        } = &fact.kind
        else {
            continue;
        };
        let mut d = view.diagnostic(
            &META,
            file,
            fact.loc,
            format!(
                "`{exporter}` hands the exporter an instrumented transport: every export is traced and exported again"
            ),
            view.help(file, "exporter-self-traced", &[]),
        );
        d.labels.push(Label {
            path: file.path.clone(),
            loc: *instrumentation,
            message: "the exporter's transport is instrumented here".into(),
        });
        out.push(d);
    }
}
