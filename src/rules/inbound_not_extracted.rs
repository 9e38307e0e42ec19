//! `inbound-not-extracted`: an HTTP route or gRPC server continues no caller's trace.

use super::{code, push_labels, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{FactKind, FileFacts, Loc, Proto};
use crate::lang::Lang;
use crate::model::boundary::Verdict;
use crate::model::graph::EdgeKind;
use crate::model::{CallerSite, ServiceView};
use std::collections::BTreeMap;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "inbound-not-extracted",
    severity: Severity::Warning,
    summary: "an HTTP/gRPC server, route or consumer continues no caller's trace",
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
        "inbound-not-extracted/http",
        "inbound-not-extracted/grpc",
        "inbound-not-extracted/untraced",
        "inbound-not-extracted/messaging",
    ],
    docs: r#"## What it does

In a service that uses OpenTelemetry, reports HTTP routes and gRPC servers whose incoming
requests never have their trace context extracted: the route's handler is not wrapped by
instrumentation (`otelhttp.NewHandler`, framework middleware such as `otelgin`, `otelmux`,
`otelecho`, `otelfiber`), the router or server is not wrapped as a whole, the handler does not
call `Extract` itself, and the gRPC server has no `otelgrpc` stats handler or interceptor.

Operational endpoints (`/metrics`, `/healthz`, `/readyz`, `/debug/pprof/...`, `/version`, ...)
are not reported: infrastructure polls them outside any trace.

A route whose path is computed from a prefix (`base + "/cart"`, `` `${base}/cart` ``,
`f"{PREFIX}/cart"`, constants) is a route too (Go, JavaScript/TypeScript, Python); the parts
tracewire cannot read are shown as `{…}`. A service instrumented by deployment — an agent or
launcher in its Dockerfile, compose file or start command, or the OpenTelemetry Operator's
`instrumentation.opentelemetry.io/inject-java|python|nodejs|dotnet` annotation on a workload
whose container, workload or image is named like the service — is not reported. A Python
service whose OpenTelemetry is metrics or logs only does not trace and is not judged here.
A request hook that extracts by hand covers every route of its app: Express `app.use(...)`
middleware, Flask `@app.before_request` (or `app.before_request(f)`), FastAPI/Starlette
`@app.middleware("http")`.

Routes on one router are reported once, at the first route, with the others as labels. When
the service wraps any router or server as a whole, its routes are not reported: tracewire
cannot always tell which router a wrapper covers, and says nothing rather than guess.

Calls from other services of the repository (see `tracewire map`) are labelled at the finding
they reach: an HTTP call at the router whose routes its URL path matches (`/products/42`
reaches `GET /products/{id}`), a gRPC call at the server of its service, a message at the
consumer of its topic. A call whose path is unknown is labelled only when the service reports
one router. When a labelled caller traces, its traces are certainly cut here, and the finding
is an error.

## Why it matters

Each request to such a route starts a new trace. The caller's span and this service's work end
up in different traces, so the end-to-end view is cut here.

## Example

```go
mux := http.NewServeMux()
mux.HandleFunc("/quote", quote)
http.ListenAndServe(":8080", mux)
```

## Fix

Wrap the router once where the server starts:

```go
http.ListenAndServe(":8080", otelhttp.NewHandler(mux, "server"))
```

For gRPC: `grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))`.

## C#

ASP.NET Core hosting continues the caller's W3C trace context by itself (minimal API
endpoints, controllers, gRPC services mapped with `MapGrpcService<T>`), with or without
`AddAspNetCoreInstrumentation`: those are never reported. Reported are servers outside it — an
`HttpListener` whose handling code never extracts — and Kafka consumers (`consumer.Consume`)
built with a plain `ConsumerBuilder` in a file that never calls `Extract` on a propagator.
Consumers built elsewhere, or built with `InstrumentedConsumerBuilder`, are not reported, and
no consumer is reported when automatic instrumentation is switched on for the service or when
the service extracts context by hand anywhere (a helper in another file may serve the
consumer).

## Java

Spring `@GetMapping`/`@PostMapping`/`@RequestMapping` handlers, servlet `doGet`/`doPost`
methods, `com.sun.net.httpserver` contexts and gRPC `ServerBuilder`s are entry points. A
service run with the Java agent (`-javaagent` in a Dockerfile, compose or Kubernetes
command, `JAVA_TOOL_OPTIONS`, Gradle `applicationDefaultJvmArgs`/`jvmArgs`, Maven plugin
configuration, a Makefile) is instrumented throughout and never reported; the Spring Boot
starter (`opentelemetry-spring-boot-starter`) and Spring Boot's Micrometer bridge
(`micrometer-tracing-bridge-otel`) cover Spring MVC and WebFlux handlers. A gRPC server is
instrumented by `.intercept(GrpcTelemetry.create(otel).newServerInterceptor())`, a servlet
container by `SpringWebMvcTelemetry`'s filter, and any handler by a manual
`propagator.extract(Context.current(), carrier, getter)`.

## Rust

axum `.route("/x", get(handler))`, actix-web `.route(..)` and `#[get("/x")]` handlers, hyper
`service_fn(handler)` and tonic `Server::builder().add_service(XServer::new(svc))`. Extracting:
`.layer(OtelAxumLayer::default())` (axum-tracing-opentelemetry), `.wrap(RequestTracing::new())`
(actix-web-opentelemetry), `TracingLogger` (tracing-actix-web), `OtelGrpcLayer`
(tonic-tracing-opentelemetry), a layer or `make_span_with` closure that extracts, middleware
written with `from_fn(f)` in another file (cannot be seen: not reported), a handler or tonic
service implementation that calls `global::get_text_map_propagator(|p| p.extract(..))`.
A bare tower-http `TraceLayer::new_for_http()` does not extract, nor does `OtelInResponseLayer`.
"#,
};

/// A service that does not trace at all, called by services that do: the trace is cut here.
/// Reported once, at its first entry point, with the calls as labels.
fn untraced_with_traced_callers(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    let callers: Vec<&crate::model::CallerSite> =
        view.callers.iter().filter(|c| c.traced).collect();
    if callers.is_empty() || !view.summary.auto_instrumentation.is_empty() || view.service.opaque {
        return;
    }
    let first = view.owned_facts().find(|(_, f)| match &f.kind {
        FactKind::Inbound { route, .. } => !route.as_deref().is_some_and(is_operational),
        _ => false,
    });
    let Some((file, fact)) = first else {
        return;
    };
    let mut names: Vec<&str> = callers.iter().map(|c| c.service.as_str()).collect();
    names.sort();
    names.dedup();
    let mut d = view.diagnostic(
        &META,
        file,
        fact.loc,
        format!(
            "service {} is called by traced services ({}) but does not trace: every trace through it is cut",
            code(&view.service.name),
            names.join(", ")
        ),
        view.help(file, "inbound-not-extracted/untraced", &[]),
    );
    let sites: Vec<(String, Loc)> = callers.iter().map(|c| (c.path.clone(), c.loc)).collect();
    push_labels(&mut d, &sites, "called from here with a trace");
    out.push(d);
}

/// Operational endpoints that are polled by infrastructure, not called inside a trace.
const OPERATIONAL_ROUTES: &[&str] = &[
    "/metrics",
    "/health",
    "/healthz",
    "/livez",
    "/readyz",
    "/ready",
    "/ping",
    "/version",
    "/status",
    "/debug/",
    "/favicon.ico",
    "/robots.txt",
];

/// Whether a route is an operational endpoint (`/healthz`, `/debug/pprof/`, `GET /metrics`).
fn is_operational(route: &str) -> bool {
    let path = route.rsplit(' ').next().unwrap_or(route);
    OPERATIONAL_ROUTES.iter().any(|op| {
        if op.ends_with('/') {
            path.starts_with(op)
        } else {
            path == *op || path.starts_with(&format!("{op}/"))
        }
    })
}

/// A route registration: its file, where, and the route as written.
type RouteSite<'a> = (&'a FileFacts, Loc, Option<String>);

/// Reports inbound entry points that extract nothing.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    let s = &view.summary;
    if !view.service.uses_tracing {
        untraced_with_traced_callers(view, out);
        return;
    }
    if s.covers_everything() {
        return;
    }
    let mut by_router: BTreeMap<String, Vec<RouteSite>> = BTreeMap::new();
    // Every HTTP route the service registers, extracting or not: a caller whose URL path
    // reaches one of them is shown at that route only.
    let mut all_routes: Vec<&str> = Vec::new();
    for (file, fact) in view.owned_facts() {
        let FactKind::Inbound {
            proto,
            route,
            router,
            extraction,
        } = &fact.kind
        else {
            continue;
        };
        if let (Proto::Http, Some(route)) = (proto, route) {
            all_routes.push(route);
        }
        let extracts = view.inbound_verdict(file, *proto, extraction) != Verdict::Drops;
        if extracts || route.as_deref().is_some_and(is_operational) {
            continue;
        }
        match proto {
            Proto::Http => {
                by_router
                    .entry(router.clone().unwrap_or_default())
                    .or_default()
                    .push((file, fact.loc, route.clone()));
            }
            Proto::Messaging => {
                let mut d = view.diagnostic(
                    &META,
                    file,
                    fact.loc,
                    format!(
                        "message consumer {} does not continue the producer's trace",
                        code(router.as_deref().unwrap_or("?"))
                    ),
                    view.help(file, "inbound-not-extracted/messaging", &[]),
                );
                mark_callers(view, &mut d, EdgeKind::Messaging);
                out.push(d);
            }
            Proto::Grpc => {
                let mut d = view.diagnostic(
                    &META,
                    file,
                    fact.loc,
                    "gRPC server does not continue the caller's trace".into(),
                    view.help(file, "inbound-not-extracted/grpc", &[]),
                );
                mark_callers(view, &mut d, EdgeKind::Grpc);
                out.push(d);
            }
        }
    }
    // A caller is shown at the router whose routes its URL path reaches; one whose path is
    // unknown or reaches no route of the service is shown only when one router is reported.
    let http_callers: Vec<&CallerSite> = view
        .callers
        .iter()
        .filter(|c| c.kind == EdgeKind::Http)
        .collect();
    let unrouted: Vec<&CallerSite> = http_callers
        .iter()
        .filter(|c| !reaches_any(c, all_routes.iter().copied()))
        .copied()
        .collect();
    let one_router = by_router.len() == 1;
    for (router, sites) in by_router {
        let (file, loc, route) = &sites[0];
        let message = if sites.len() == 1 {
            match route {
                Some(route) => format!(
                    "HTTP route {} does not continue the caller's trace",
                    code(route)
                ),
                None if router.is_empty() => {
                    "HTTP server does not continue the caller's trace".to_string()
                }
                None => format!(
                    "HTTP server {} does not continue the caller's trace",
                    code(&router)
                ),
            }
        } else if router.is_empty() {
            format!(
                "{} HTTP routes do not continue the caller's trace",
                sites.len()
            )
        } else {
            format!(
                "{} HTTP routes on {} do not continue the caller's trace",
                sites.len(),
                code(&router)
            )
        };
        let help = view.help(file, "inbound-not-extracted/http", &[("router", &router)]);
        let mut d = view.diagnostic(&META, file, *loc, message, help);
        let rest: Vec<(String, Loc)> = sites[1..]
            .iter()
            .map(|(f, l, _)| (f.path.clone(), *l))
            .collect();
        push_labels(&mut d, &rest, "also registered without extraction");
        let mut callers: Vec<&CallerSite> = http_callers
            .iter()
            .filter(|c| reaches_any(c, sites.iter().filter_map(|(_, _, r)| r.as_deref())))
            .copied()
            .collect();
        if one_router {
            callers.extend(unrouted.iter().copied());
        }
        label_callers(&mut d, &callers);
        out.push(d);
    }
}

/// Whether an HTTP call's URL path reaches one of the routes.
fn reaches_any<'r>(caller: &CallerSite, mut routes: impl Iterator<Item = &'r str>) -> bool {
    caller
        .url_path
        .as_deref()
        .is_some_and(|path| routes.any(|r| crate::model::routes::reaches(r, path)))
}

/// Labels the calls other services of the repository make into this kind of entry point; when
/// one of them traces, its traces are certainly cut here, and the finding becomes an error.
fn mark_callers(view: &ServiceView<'_>, d: &mut Diagnostic, kind: EdgeKind) {
    let callers: Vec<&CallerSite> = view.callers.iter().filter(|c| c.kind == kind).collect();
    label_callers(d, &callers);
}

/// Labels the given calls into an entry point, by calling service; when one of them traces,
/// its traces are certainly cut here, and the finding becomes an error.
fn label_callers(d: &mut Diagnostic, callers: &[&CallerSite]) {
    if callers.iter().any(|c| c.traced) {
        d.severity = Severity::Error;
    }
    let mut by_service: BTreeMap<&str, Vec<(String, Loc)>> = BTreeMap::new();
    for c in callers {
        by_service
            .entry(c.service.as_str())
            .or_default()
            .push((c.path.clone(), c.loc));
    }
    for (service, sites) in by_service {
        push_labels(d, &sites, &format!("{service} calls it here"));
    }
}
