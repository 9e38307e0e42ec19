//! `provider-not-shutdown`: nothing shuts down or flushes the provider on a path that runs at
//! exit, so the tail of every batch is lost.

use super::{code, RuleMeta};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::facts::{FactKind, ProviderHandling};
use crate::lang::Lang;
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "provider-not-shutdown",
    severity: Severity::Warning,
    summary: "nothing shuts down or flushes the provider on a reachable exit path",
    languages: &[
        Lang::Go,
        Lang::JavaScript,
        Lang::TypeScript,
        Lang::CSharp,
        Lang::Java,
        Lang::Python,
        Lang::Rust,
    ],
    help_keys: &[
        "provider-not-shutdown/dropped",
        "provider-not-shutdown/never-runs",
        "provider-not-shutdown/handler-throws",
    ],
    docs: r#"## What it does

Reports, in a program with an entry point:

- a tracer provider that nothing can shut down: built, registered, and never kept for a
  `Shutdown` or `ForceFlush` call, returned or stored (a provider that only exports
  synchronously, with `WithSyncer`, buffers nothing and is not reported);
- a `defer tp.Shutdown(ctx)` in `main` — or a deferred call of the shutdown function an init
  function returns (`shutdown, _ := setupOTelSDK(); defer shutdown(ctx)`, where the function
  returns `tp.Shutdown` or a closure that calls it) — that never runs, because `main` blocks
  serving requests, loops forever (a `for {}` nothing leaves) or waits for a signal (or exits
  through `log.Fatal`/`os.Exit`) and nothing in the service
  handles SIGTERM: a Go process killed by SIGTERM runs no deferred functions. A handler for
  `os.Interrupt` alone (`signal.NotifyContext(ctx, os.Interrupt)`) catches Ctrl-C, not the
  SIGTERM that `docker stop` and Kubernetes send; a handler installed after `main` has
  blocked serving (`srv.Serve(lis)` and then `signal.NotifyContext(..)`) is never installed.

A provider returned typed as the API interface (Go's `trace.TracerProvider`, which has only
`Tracer`) cannot be shut down by its caller and counts as never kept. A provider built in a
module the program depends on by path (Go's `replace example.com/config => ../config`, a Cargo
`path` or `workspace = true` dependency) is the program's: its setup is judged with the
program's `main`.

A provider handed to a caller or stored in a struct is not reported: its owner shuts it down.
In JavaScript and TypeScript, a signal handler that calls a method on a name nothing in the
module declares before it shuts the SDK down (`server.close(() => sdk.shutdown())` where
`app.listen()`'s server was never kept) throws a `ReferenceError` there: reported at that call.

Nor is a provider built and thrown away (Go and Java: a statement of its own, or a local nothing
reads; not chained to `buildAndRegisterGlobal()`): nothing takes a tracer from it, so it
records nothing. (.NET differs: a built `TracerProvider` listens to activities whether or not
it is kept.)
In Rust, the same holds for a tracing guard bound in `main` (`let _guard = init_tracing()`) when
`main` awaits a server without a graceful-shutdown future (`axum::serve(..).await` without
`.with_graceful_shutdown(..)`, tonic's `.serve(addr)` instead of `.serve_with_shutdown(..)`):
the guard's drop, which flushes the provider, never runs.

## Why it matters

The batch span processor exports on a timer. Whatever is still buffered when the process
stops is lost: the last seconds of every deployment, and every short-lived job.

## Example

```go
func main() {
    tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
    otel.SetTracerProvider(tp)
    defer tp.Shutdown(context.Background()) // never runs
    log.Fatal(http.ListenAndServe(":8080", handler))
}
```

## Fix

Handle the signal and return from `main` so the deferred call runs:

```go
ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
defer stop()
srv := &http.Server{Addr: ":8080", Handler: handler}
go srv.ListenAndServe()
<-ctx.Done()
srv.Shutdown(context.Background())
```

## C#

A provider from `Sdk.CreateTracerProviderBuilder()...Build()` that is neither disposed
(`using var`, `using (...)`, `Dispose()`, `Shutdown()`, `ForceFlush()`) nor kept (a field, a
return value, an argument). A provider set up with `services.AddOpenTelemetry()` is owned and
disposed by the host and is never reported; one that only exports to the console exporter
buffers nothing.

## Rust

An `SdkTracerProvider` built with a batch exporter (or a processor tracewire cannot see) whose
handle is neither shut down (`shutdown()`, `force_flush()`, `shutdown_with_timeout()`, `drop`)
nor handed on (returned, stored in a struct — a guard whose `impl Drop` shuts it down —,
passed to a function) in the function that builds it. Moving it into
`global::set_tracer_provider` alone leaves nothing that shuts it down (0.28 removed
`global::shutdown_tracer_provider()`; older code that still calls it, in any file of the
service, is not reported). A
pipeline ended with `install_batch(runtime)` (`opentelemetry_otlp::new_pipeline()`, 0.26 and
older) installs such a provider globally and returns only a tracer, so only that global
shutdown flushes it. A provider with only `with_simple_exporter` (or `install_simple()`)
buffers nothing. A tracing guard (`let _guard = init_tracing()`) in a `main` that awaits a
server without a graceful-shutdown future is never dropped: reported unless SIGTERM is handled
(`tokio::signal::ctrl_c()` alone is SIGINT), even when its `Drop` calls
`global::shutdown_tracer_provider()`. So is a `provider.shutdown()` (of a provider built under
that name) or `global::shutdown_tracer_provider()` written in `main` after such a server. Not
detected yet: a server awaited inside another function `main` awaits.
"#,
};

/// Reports providers nobody can shut down, and shutdowns that never run.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    if !view.service.has_entry {
        return;
    }
    // A shutdown of the process-wide provider (in any file) flushes what was registered, if it
    // runs: a guard whose drop calls it, in a `main` that never returns, is still reported below.
    let dropped = view
        .visible_facts()
        .filter(|_| !view.summary.global_provider_shutdown);
    for (file, fact) in dropped {
        if let FactKind::ProviderCreated {
            handling: ProviderHandling::Dropped,
            buffered: true,
            ..
        } = &fact.kind
        {
            out.push(view.diagnostic(
                &META,
                file,
                fact.loc,
                "tracer provider is never shut down: spans still buffered at exit are lost".into(),
                view.help(file, "provider-not-shutdown/dropped", &[]),
            ));
        }
    }
    for (file, fact) in view.owned_facts() {
        if let FactKind::ShutdownUnreachable {
            undeclared,
            shutdown,
            shutdown_loc,
        } = &fact.kind
        {
            let on_itself = *shutdown_loc == fact.loc;
            let message = if on_itself {
                format!(
                    "the signal handler calls {} on {}, which nothing declares: it throws and tracing is never shut down",
                    code(&format!("{shutdown}()")),
                    code(undeclared)
                )
            } else {
                format!(
                    "the signal handler throws before {}: nothing declares {}",
                    code(&format!("{shutdown}()")),
                    code(undeclared)
                )
            };
            let mut d = view.diagnostic(
                &META,
                file,
                fact.loc,
                message,
                view.help(
                    file,
                    "provider-not-shutdown/handler-throws",
                    &[("name", undeclared)],
                ),
            );
            if !on_itself {
                d.labels.push(Label {
                    path: file.path.clone(),
                    loc: *shutdown_loc,
                    message: "never reached".into(),
                });
            }
            out.push(d);
        }
    }
    let s = &view.summary;
    if !s.main_never_returns_normally || s.signal_handled {
        return;
    }
    // Only shutdowns of a tracer provider (by the name it was built under) count: a deferred
    // `srv.Shutdown` or `mp.Shutdown` is not this rule's business.
    let providers: Vec<&str> = view
        .visible_facts()
        .filter_map(|(_, f)| match &f.kind {
            FactKind::ProviderCreated {
                var: Some(var),
                buffered: true,
                ..
            } => Some(var.as_str()),
            _ => None,
        })
        .collect();
    let buffers = view
        .visible_facts()
        .any(|(_, f)| matches!(f.kind, FactKind::ProviderCreated { buffered: true, .. }));
    // Signals handled, none of them SIGTERM (`signal.NotifyContext(ctx, os.Interrupt)`): the
    // handler is where the fix goes.
    // Where main blocks: shown beside the finding, since that is what keeps the shutdown from
    // running.
    let blocking = view
        .owned_facts()
        .find(|(_, f)| f.kind == FactKind::MainBlocksServing)
        .map(|(file, f)| (file.path.clone(), f.loc));
    let partial_handler = view.owned_facts().find_map(|(file, f)| match &f.kind {
        FactKind::SignalHandled { signals } => Some((file, f.loc, signals.join(", "))),
        _ => None,
    });
    for (file, fact) in view.owned_facts() {
        let FactKind::ShutdownDeferredInMain {
            receiver,
            of_provider,
        } = &fact.kind
        else {
            continue;
        };
        // An empty receiver is a tracing guard dropped at the end of `main` (Rust): it counts
        // when the service sets up a buffering provider at all.
        let guard_of_a_provider =
            receiver.is_empty() && !*of_provider && (!providers.is_empty() || s.sdk_from_config);
        // A closure an init function returns shuts down a provider it knew (`of_provider`).
        let returned_closure = *of_provider && buffers;
        if !guard_of_a_provider && !returned_closure && !providers.contains(&receiver.as_str()) {
            continue;
        }
        let what = if receiver.is_empty() && !*of_provider {
            "the tracing guard is never dropped"
        } else {
            "the provider's shutdown never runs"
        };
        let message = match &partial_handler {
            Some((_, _, signals)) => format!(
                "{what}: main handles only {signals}, so the SIGTERM a stop sends kills it first"
            ),
            None => format!("{what}: main only stops on a signal that nothing handles"),
        };
        let mut d = view.diagnostic(
            &META,
            file,
            fact.loc,
            message,
            view.help(file, "provider-not-shutdown/never-runs", &[]),
        );
        if let Some((path, loc)) = &blocking {
            d.labels.push(Label {
                path: path.clone(),
                loc: *loc,
                message: "main blocks here until the process is killed".into(),
            });
        }
        if let Some((handler_file, loc, _)) = &partial_handler {
            d.labels.push(Label {
                path: handler_file.path.clone(),
                loc: *loc,
                message: "SIGTERM is not among the signals handled here".into(),
            });
        }
        out.push(d);
    }
}
