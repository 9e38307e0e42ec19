//! `context-dropped`: request code starts a span or an outbound call from a fresh root while
//! the request's context is in scope.

use super::{code, RuleMeta};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::facts::{DropVia, FactKind};
use crate::lang::Lang;
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "context-dropped",
    severity: Severity::Warning,
    summary: "request-scoped code starts a span or outbound call from a fresh root context",
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
        "context-dropped/fresh-context",
        "context-dropped/request-without-context",
    ],
    docs: r#"## What it does

Inside a function that has a request's context in scope (a `context.Context`, `*http.Request`,
`*gin.Context`, `echo.Context` or `*fiber.Ctx` parameter, or a closure within such a function),
reports:

- `context.Background()` or `context.TODO()` — directly, through `context.WithTimeout` and
  friends, or through a variable — reaching a span start, an outbound request or any call that
  takes a context;
- `http.NewRequest`, which builds a request with no context, unless the request later gets one
  with `req.WithContext(ctx)`.
- a request of a fluent HTTP client (resty: `client.R().Get(url)`) sent without its
  context-attaching method (`SetContext(ctx)`); the clients are listed in the knowledge table's
  `[[fluent_clients]]`.

A measurement (`hist.Record(context.Background(), int64(n))`, any value with
`metric.WithAttributes(..)`) takes a context for exemplars only and is not reported.

`main`, `init` and goroutines started with `go` are not request code: a fresh context there is
deliberate. Nor reported: calls that take a context for cancellation only (listeners,
lifecycle methods, resource detection, a consumer's blocking `ReadMessage`: `context_neutral`
in the knowledge table), and a propagator's `Extract(context.Background(), carrier)`, which
restores the trace the carrier holds (a job record, a message body).

In Python, where the request's context is the current one, it reports an empty `Context()` or
`trace.set_span_in_context(trace.INVALID_SPAN)` given as a span's `context=` (directly or
through a variable) inside a request handler: a function with a route decorator, a `request`
parameter (Django, Starlette, aiohttp views, gRPC servicer methods) or an `http.server`
`do_GET`-style method. Scheduled jobs and other functions are not reported.

## Why it matters

Work started from a fresh root has no parent: its spans become new traces, and outbound calls
send no trace context even through an instrumented transport.

## Example

```go
func (s *server) GetQuote(ctx context.Context, req *pb.QuoteRequest) (*pb.Quote, error) {
    ctx2, cancel := context.WithTimeout(context.Background(), time.Second)
    defer cancel()
    return s.rates.Lookup(ctx2, req.Currency)
}
```

## Fix

Derive from the request's context: `context.WithTimeout(ctx, time.Second)`, and
`http.NewRequestWithContext(r.Context(), ...)`. To keep the trace but drop cancellation, use
`context.WithoutCancel(ctx)`.

## C#

.NET keeps the current activity in `Activity.Current`; a `StartActivity` without a parent
continues whatever is current. Reported are, in request code (controller actions, endpoint
handlers, methods taking `HttpContext` or `ServerCallContext`, and closures within them that
are not sent to another thread): `Activity.Current = null` followed by a `StartActivity` with
no explicit parent or links; and, in code that extracts a caller's or a message's context by
hand (`var parent = propagator.Extract(...)`), a `StartActivity` without a parent that runs
before the extraction or while the extracted context is never used.

## Rust

Inside a request handler (a route handler, a tonic service method, a function that takes a
request), `Context::new()` or `Context::default()` handed to `start_with_context`,
`build_with_context`, `inject_context`, `with_context` or `set_parent`, directly or through a
variable. The same calls in start-up code are not reported.
"#,
};

/// Reports request code that drops its context.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    if !view.service.uses_tracing {
        return;
    }
    for (file, fact) in view.owned_facts() {
        let FactKind::ContextDropped {
            via,
            fresh,
            sink,
            in_scope,
            sink_loc,
            via_client,
        } = &fact.kind
        else {
            continue;
        };
        if via_client
            .as_ref()
            .is_some_and(|key| !view.summary.clients.contains_key(key))
        {
            continue;
        }
        let scope = in_scope.as_deref().unwrap_or("ctx");
        let (message, help) = match via {
            DropVia::FreshContext => (
                view.message(
                    file,
                    "context-dropped/fresh-context",
                    "{fresh} starts {sink} from a fresh root while {scope} is in scope",
                    &[
                        ("fresh", &code(fresh)),
                        ("sink", sink),
                        ("scope", &code(scope)),
                    ],
                ),
                view.help(file, "context-dropped/fresh-context", &[("scope", scope)]),
            ),
            DropVia::RequestWithoutContext => (
                format!(
                    "{} builds a request with no context while {} is in scope",
                    code(fresh),
                    code(scope)
                ),
                view.help(
                    file,
                    "context-dropped/request-without-context",
                    &[("scope", scope)],
                ),
            ),
            DropVia::BuilderWithoutContext { attach } => (
                format!(
                    "{} sends a request without {} while {} is in scope",
                    code(fresh),
                    code(attach),
                    code(scope)
                ),
                view.help(
                    file,
                    "context-dropped/builder-without-context",
                    &[("scope", scope), ("attach", attach)],
                ),
            ),
        };
        let mut d = view.diagnostic(&META, file, fact.loc, message, help);
        if sink_loc != &fact.loc {
            d.labels.push(Label {
                path: file.path.clone(),
                loc: *sink_loc,
                message: format!("{sink} starts here"),
            });
        }
        out.push(d);
    }
}
