//! `outbound-not-injected`: an HTTP or gRPC client call sends no trace context.

use super::{code, push_labels, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{FactKind, Flow, Injection, Loc, Proto};
use crate::lang::Lang;
use crate::model::boundary::Verdict;
use crate::model::ServiceView;
use std::collections::BTreeMap;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "outbound-not-injected",
    severity: Severity::Warning,
    summary: "an HTTP/gRPC client call or message producer sends no trace context",
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
        "outbound-not-injected/default-client",
        "outbound-not-injected/client",
        "outbound-not-injected/grpc",
        "outbound-not-injected/messaging",
    ],
    docs: r#"## What it does

In a service that uses OpenTelemetry, reports outbound calls that carry no trace context:

- `http.Get`, `http.Post`, `http.Head`, `http.PostForm` and `http.DefaultClient` calls, unless
  the service replaces the default transport with `otelhttp.NewTransport`;
- requests sent through an `http.Client` built without an instrumented transport — reported
  once at the client's construction (which may be in another file), with the calls as labels;
- gRPC connections (`grpc.NewClient`, `grpc.Dial`, `grpc.DialContext`) without the `otelgrpc`
  client stats handler or interceptors, including options spread from a slice the same function
  builds only from the gRPC package's own options (`opts := []grpc.DialOption{..}`,
  `opts = append(opts, grpc.WithX(..))`, `grpc.NewClient(addr, opts...)`).
- fluent HTTP clients (resty v2 and v3, from `[[fluent_clients]]` in the knowledge table) whose
  transport is never replaced with `otelhttp.NewTransport` (`.SetTransport(..)` in the
  construction chain or later in the same function), reported at the construction.

A client whose construction tracewire cannot see (a parameter, a factory in another package)
is not reported.

In every language, a call counts as injecting when its function writes a `traceparent` header
by hand (`req.Header.Set("traceparent", tp)`, `headers: { traceparent: tp }`,
`.header("traceparent", tp)`); reading the header (`headers.get("traceparent")`) does not. In
JavaScript and Python, an `inject` into a local carrier the function never reads again
(`headers = {}; inject(headers); requests.get(url)`) injects nothing.

Scripts under a directory whose Dockerfile's final stage is a static web server image
(`FROM nginx`, `httpd`, `caddy`) are a bundle served to browsers and are judged as page code.

Calls in a language the service never traces in are not reported: a TypeScript edge function
beside a Go server runs in a process of its own, which has no trace to propagate when no
TypeScript (or JavaScript) file of the service uses OpenTelemetry and the deployment instruments
nothing.

## Why it matters

The next service receives no `traceparent` and starts a new trace: the call graph is cut at
this edge even when both services are instrumented.

## Example

```go
client := &http.Client{Timeout: 5 * time.Second}
resp, err := client.Do(req)
```

## Fix

```go
client := &http.Client{Timeout: 5 * time.Second, Transport: otelhttp.NewTransport(http.DefaultTransport)}
```

and build requests with `http.NewRequestWithContext(ctx, ...)`. For gRPC:
`grpc.NewClient(target, grpc.WithStatsHandler(otelgrpc.NewClientHandler()))`.

## C#

`HttpClient` (created with `new`, by `IHttpClientFactory` or as a typed client) and gRPC
channels are injected by the runtime itself (its `DiagnosticsHandler` writes `traceparent`
whenever an activity is current), so they are not reported — unless the client's handler
switches that off (`ActivityHeadersPropagator = null` or
`DistributedContextPropagator.CreateNoOutputPropagator()`). Kafka producers built with a plain
`ProducerBuilder` are reported when a trace is in flight at `Produce`/`ProduceAsync`, the
message gets no headers there, and the file never calls `Inject` on a propagator; producers
built elsewhere or with `InstrumentedProducerBuilder`, and every producer of a service with
automatic instrumentation switched on or that injects by hand anywhere, are not.

## JavaScript and TypeScript

Reported: `fetch`, `http.request`, axios, gRPC clients and Kafka producers whose library no
instrumentation patches (HTTP instrumentation covers Node's `http` module, not the built-in
`fetch`, which needs `UndiciInstrumentation`), unless the function injects by hand
(`propagation.inject(context.active(), headers)`). Page code — a module marked `'use client'`,
a script under `static/` or `public/`, a module that calls React hooks or reads browser
globals such as `window.location` — runs in a browser with no trace to propagate, so its
requests are reported only when the page sets up a `WebTracerProvider` without
`FetchInstrumentation`. Functions a page module runs on the server (`getServerSideProps`) and
test files are judged as server code and not at all, respectively.

## Java

Reported: JDK `HttpClient`, OkHttp, Apache HttpClient, `RestTemplate`, `RestClient` and
`WebClient` built by a static factory or constructor and used where a trace is in flight,
`HttpURLConnection` requests, and gRPC channels without `GrpcTelemetry`'s client interceptor;
unless the method injects by hand (`propagator.inject(...)`). A service run with the Java agent
is never reported. The Spring Boot starter instruments the auto-configured
`RestClient.Builder`/`RestTemplateBuilder`/`WebClient.Builder` beans, so clients built from
them are not reported, while `RestClient.create()` and `new RestTemplate()` are.

## Rust

reqwest and awc requests (`client.get(url)...send()`, `reqwest::get(url)`) made where a trace is
in flight (a handler, an `#[instrument]`ed function, a function that starts a span or that
request code calls), and tonic clients (`XClient::connect(..)`/`::new(channel)`). Injecting:
a `reqwest_middleware` client built `.with(TracingMiddleware::default())`, awc
`.trace_request()`, `XClient::with_interceptor(channel, f)` with an interceptor that injects,
a channel layered with `OtelGrpcLayer`, or a function that injects by hand
(`inject_context(&cx, &mut HeaderInjector(..))`).
"#,
};

/// Whether a client key names a message producer (rather than an HTTP client).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct ProtoKey(bool);

/// Reports outbound calls that inject nothing.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    let s = &view.summary;
    if !view.service.uses_tracing || s.covers_everything() {
        return;
    }
    let mut by_client: BTreeMap<(String, ProtoKey), Vec<(String, Loc)>> = BTreeMap::new();
    let first = out.len();
    for (file, fact) in view.owned_facts() {
        let FactKind::Outbound {
            proto,
            target,
            injection,
            flow,
        } = &fact.kind
        else {
            continue;
        };
        // A script a static web server serves runs in a browser, as page code does.
        let flow = match flow {
            Flow::Request if view.served_statically(file) => &Flow::Browser,
            other => other,
        };
        // An HTTP call or a message sent with no trace in flight has nothing to propagate.
        if *proto != Proto::Grpc && !s.in_flight(flow) {
            continue;
        }
        // A process of a runtime the service never traces in has no trace to propagate.
        if !view.runtime_traces(file) {
            continue;
        }
        if view.outbound_verdict(file, *proto, injection) != Verdict::Drops {
            continue;
        }
        match (proto, injection) {
            (Proto::Http, Injection::DefaultClient) => {
                out.push(view.diagnostic(
                    &META,
                    file,
                    fact.loc,
                    format!("{} sends the request without trace context", code(target)),
                    view.help(file, "outbound-not-injected/default-client", &[]),
                ));
            }
            (Proto::Http | Proto::Messaging, Injection::Client(key)) => {
                by_client
                    .entry((key.clone(), ProtoKey(*proto == Proto::Messaging)))
                    .or_default()
                    .push((file.path.clone(), fact.loc));
            }
            (proto, Injection::Patched(lib)) => {
                let (message, key) = match (proto, lib.as_str()) {
                    (Proto::Grpc, _) => (
                        "gRPC client sends calls without trace context".to_string(),
                        "outbound-not-injected/grpc",
                    ),
                    (Proto::Messaging, _) => (
                        format!("{} sends messages without trace context", code(target)),
                        "outbound-not-injected/messaging",
                    ),
                    (_, "fetch") => (
                        format!(
                            "{} sends the request without trace context: HTTP instrumentation does not cover fetch",
                            code(target)
                        ),
                        "outbound-not-injected/fetch",
                    ),
                    _ => (
                        format!("{} sends the request without trace context", code(target)),
                        "outbound-not-injected/default-client",
                    ),
                };
                out.push(view.diagnostic(
                    &META,
                    file,
                    fact.loc,
                    message,
                    view.help(file, key, &[]),
                ));
            }
            (Proto::Messaging, Injection::None) => {
                out.push(view.diagnostic(
                    &META,
                    file,
                    fact.loc,
                    format!("{} sends the message without trace context", code(target)),
                    view.help(file, "outbound-not-injected/messaging", &[]),
                ));
            }
            (Proto::Grpc, Injection::None) => {
                out.push(view.diagnostic(
                    &META,
                    file,
                    fact.loc,
                    "gRPC connection sends calls without trace context".into(),
                    view.help(file, "outbound-not-injected/grpc", &[]),
                ));
            }
            _ => {}
        }
    }
    name_callees(view, &mut out[first..]);
    for ((key, messaging), calls) in by_client {
        let Some(site) = s.clients.get(&key).and_then(|sites| sites.first()) else {
            continue;
        };
        let Some(file) = view.repo.files.iter().find(|f| f.path == site.path) else {
            continue;
        };
        let (message, help, label) = if messaging.0 {
            (
                format!(
                    "producer {} sends messages without trace context",
                    code(&key)
                ),
                "outbound-not-injected/messaging",
                "message sent here",
            )
        } else {
            (
                format!(
                    "HTTP client {} sends requests without trace context",
                    code(&key)
                ),
                "outbound-not-injected/client",
                "request sent here",
            )
        };
        let help = match s.fluent_transports.get(&key) {
            Some(method) if !messaging.0 => view.help(
                file,
                "outbound-not-injected/fluent-client",
                &[("method", method)],
            ),
            _ => view.help(file, help, &[]),
        };
        let mut d = view.diagnostic(&META, file, site.loc, message, help);
        push_labels(&mut d, &calls, label);
        out.push(d);
    }
}

/// Names the service a reported call goes to, where the service graph matched it.
fn name_callees(view: &ServiceView<'_>, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics {
        let callee = view.callees.iter().find(|e| {
            e.sites
                .iter()
                .any(|(path, loc)| *path == d.path && *loc == d.loc)
        });
        if let Some(edge) = callee {
            d.message
                .push_str(&format!(": {} starts a new trace for it", edge.service));
        }
    }
}
