//! `span-context-unused`: the context that carries a new span is discarded while later work
//! still takes the old one, so that work does not nest under the span.

use super::{code, RuleMeta};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::facts::{FactKind, SpanContext};
use crate::lang::Lang;
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "span-context-unused",
    severity: Severity::Warning,
    summary:
        "the context that carries a new span is discarded, so work below it does not nest under it",
    languages: &[
        Lang::Go,
        Lang::JavaScript,
        Lang::TypeScript,
        Lang::Tsx,
        Lang::Java,
        Lang::Python,
        Lang::Rust,
    ],
    help_keys: &["span-context-unused"],
    docs: r#"## What it does

Go: reports `_, span := tracer.Start(ctx, ...)` when, while the span is open, later calls in the
same function still take the old `ctx`. Only the returned context carries the new span; work
given the old one becomes a sibling of the span instead of its child.

JavaScript/TypeScript: reports `const span = tracer.startSpan(...)` when the span is never made
current (`context.with(trace.setSpan(...))`, passed on) and, before it ends, the same function
sends an outbound request or starts another span without an explicit parent context.
`startSpan` does not make the span active; `startActiveSpan` does.

Work means a child span, an outbound request, or the package's own code (a function, or a
method on the same receiver), which a team instruments. A library call that takes the context
for cancellation only, lifecycle calls (`wait`, `drain`, `shutdown`) and a leaf span with
nothing below it are not reported.

## Why it matters

The trace tree is wrong: outbound calls and child spans attach to the parent, the span looks
empty, and latency is attributed to the wrong operation.

## Example

```go
_, span := tracer.Start(ctx, "load-cart")
defer span.End()
items := s.loadItems(ctx, cartID) // its spans are not under "load-cart"
```

## Fix

Bind the returned context and pass it on:

```go
ctx, span := tracer.Start(ctx, "load-cart")
```

## Java

A span from `spanBuilder(...).startSpan()` is not current until `makeCurrent()`. Reported:
a span bound to a local that is never made current (nor put in a context with
`Context.current().with(span)`, nor handed on) while, before it ends, the method makes an
outbound HTTP call or starts a child span without an explicit parent. Those attach to the
previous current span instead. Fix: `try (Scope scope = span.makeCurrent()) { ... }`.

## Rust

A span bound by `tracer.start(..)` that is never made current nor used as a parent
(`Context::current_with_span(span)`, `mark_span_as_active(span)`, `cx.with_span(span)`, passed
on) while later in its scope another span is started from the current context (`tracer.start`,
`in_span`) or a reqwest/awc request is sent. `let _span = tracer.start(..)` does not make the
span current.
"#,
};

/// Reports discarded span contexts followed by work on the old context.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    for (file, fact) in view.owned_facts() {
        let FactKind::SpanStarted {
            name,
            context: SpanContext::DiscardedBefore(later),
            ..
        } = &fact.kind
        else {
            continue;
        };
        let span = name
            .as_deref()
            .map(|n| format!("span {}", code(n)))
            .unwrap_or_else(|| "the span".to_string());
        let message = view.message(
            file,
            "span-context-unused",
            "the context returned with {span} is discarded, so later work does not nest under it",
            &[("span", &span)],
        );
        let mut d = view.diagnostic(
            &META,
            file,
            fact.loc,
            message,
            view.help(file, "span-context-unused", &[]),
        );
        d.labels.push(Label {
            path: file.path.clone(),
            loc: *later,
            message: view.message(
                file,
                "span-context-unused/label",
                "still uses the parent context",
                &[],
            ),
        });
        out.push(d);
    }
}
