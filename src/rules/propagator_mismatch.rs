//! `propagator-mismatch`: the two sides of a service-graph edge propagate trace context in
//! formats that have nothing in common, so the callee never sees the caller's trace.

use super::RuleMeta;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::lang::Lang;
use crate::model::propagation::{Origin, Propagation};
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "propagator-mismatch",
    severity: Severity::Error,
    summary: "a call sends trace context in a format the called service does not read",
    languages: &[Lang::Go, Lang::Python, Lang::JavaScript, Lang::TypeScript],
    help_keys: &["propagator-mismatch"],
    docs: r#"## What it does

Reports a call from one service of the repository to another (an edge of `tracewire map`)
when the caller's global propagator and the callee's share no trace-context format: the caller
sends B3 headers and the callee reads only W3C `traceparent`, or the other way round.

Each side's formats are what it runs with: the propagator installed in code
(`otel.SetTextMapPropagator`, `set_global_textmap`, `propagation.setGlobalPropagator`,
`Sdk.SetDefaultTextMapPropagator`, `ContextPropagators.create`), `OTEL_PROPAGATORS` from its
deployment files where the SDK reads it (default `tracecontext,baggage`), or the language's
default. B3 single- and multi-header count as one format (every B3 propagator extracts both);
baggage carries no trace. A side whose propagator tracewire does not know is not judged.

The finding is at the call; labels show where each side's propagator is set.

## Why it matters

Both services trace, both are instrumented, and every request still starts a new trace at the
callee: its extractor finds no header it understands. This happens when services are
instrumented one at a time, or when one team moves to W3C trace context while a service keeps
the B3 propagator from its Zipkin days.

## Example

```go
// checkout (Go)
otel.SetTextMapPropagator(b3.New())
resp, err := client.Get("http://payment:8080/charge")
```

```python
# payment (Python): the default propagator reads only W3C traceparent and baggage
```

## Fix

Speak one format on both sides, or let one side read both while the system migrates:

```go
otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(
    propagation.TraceContext{}, b3.New(), propagation.Baggage{}))
```

or set `OTEL_PROPAGATORS=tracecontext,baggage,b3` where the SDK reads it.
"#,
};

/// Reports each edge out of the service whose two sides share no trace format.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    if !view.service.uses_tracing {
        return;
    }
    let Some(sent) = view.propagation.as_ref().filter(|p| carries_trace(p)) else {
        return;
    };
    for edge in &view.callees {
        let Some(read) = edge.propagation.as_ref().filter(|p| carries_trace(p)) else {
            continue;
        };
        if !edge.traced || sent.compatible_with(read) != Some(false) {
            continue;
        }
        let Some(((path, loc), more)) = edge.sites.split_first() else {
            continue;
        };
        let Some(file) = view.owned().find(|f| &f.path == path) else {
            continue;
        };
        let callee = &edge.service;
        let mut d = view.diagnostic(
            &META,
            file,
            *loc,
            format!(
                "this {} call to {callee} sends trace context as {}, but {callee} reads only {}{}: the trace is cut here",
                edge.kind.label(),
                sent.describe(),
                read.describe(),
                origin_note(read),
            ),
            view.help(file, "propagator-mismatch", &[("callee", callee)]),
        );
        if let Origin::Code(p, l) = &sent.origin {
            d.labels.push(Label {
                path: p.clone(),
                loc: *l,
                message: format!("{}'s propagator is set here", view.service.name),
            });
        }
        if let Origin::Code(p, l) = &read.origin {
            d.labels.push(Label {
                path: p.clone(),
                loc: *l,
                message: format!("{callee}'s propagator is set here"),
            });
        }
        let more: Vec<(String, crate::facts::Loc)> = more.to_vec();
        super::push_labels(&mut d, &more, &format!("also calls {callee}"));
        out.push(d);
    }
}

/// Whether a propagation carries a trace at all (one that carries none is `no-propagator`'s).
fn carries_trace(p: &Propagation) -> bool {
    p.trace_formats().is_none_or(|f| !f.is_empty())
}

/// Where the callee's formats come from, when not from its code.
fn origin_note(p: &Propagation) -> String {
    match (&p.origin, &p.from_env) {
        (_, Some(env)) => format!(" (`OTEL_PROPAGATORS={env}`)"),
        (Origin::Default(lang), None) => format!(" (the {} default)", lang_label(*lang)),
        (Origin::Deployment(agent), None) if !agent.is_empty() => {
            format!(" (the default of {agent})")
        }
        _ => String::new(),
    }
}

fn lang_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Go => "Go",
        Lang::Python => "Python SDK",
        Lang::JavaScript | Lang::TypeScript | Lang::Tsx => "JavaScript SDK",
        Lang::Java => "Java SDK",
        Lang::CSharp => ".NET SDK",
        Lang::Rust => "Rust SDK",
    }
}
