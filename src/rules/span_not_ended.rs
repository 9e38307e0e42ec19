//! `span-not-ended`: a started span is not ended on every path.

use super::{code, push_labels, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{FactKind, Lifecycle, Loc};
use crate::lang::Lang;
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "span-not-ended",
    severity: Severity::Warning,
    summary: "a started span is not ended on every path",
    languages: &[
        Lang::Go,
        Lang::JavaScript,
        Lang::TypeScript,
        Lang::Tsx,
        Lang::CSharp,
        Lang::Java,
        Lang::Python,
        Lang::Rust,
    ],
    help_keys: &["span-not-ended/leaks", "span-not-ended/discarded"],
    docs: r#"## What it does

Follows each span from `tracer.Start` to every exit of the function and reports the spans that
are not ended on some path: no `defer span.End()`, and a `return` (or the end of the function)
reached without `span.End()`. Also reports a span that is thrown away at the start
(`_, _ = tracer.Start(...)` or a bare call), since nothing can end it.

Not reported: a span that is returned, stored in a struct, passed to another function or ended
in a closure — its new owner ends it (in `Close()`, a callback, a goroutine); a span a closure
stores in a variable of the code around it (`_, sleepSpan = tracer.Start(..)` in Go, an outer
`let` in JavaScript, a `nonlocal` or `global` name in Python), which that code ends; spans taken with
`trace.SpanFromContext`, which starts nothing; exits through `panic`, `log.Fatal` and `os.Exit`.

## Why it matters

A span that is never ended is never exported. Its children point to a parent the backend never
receives, and the trace shows a hole exactly where an error path was taken.

## Example

```go
ctx, span := tracer.Start(ctx, "charge")
if err := validate(req); err != nil {
    return err // span leaks
}
span.End()
```

## Fix

End it on every path with `defer span.End()` right after `tracer.Start`.

## C#

Follows each activity from `source.StartActivity(...)`: `using var activity = ...` and
`using (...)` end it on every path, as does `Stop()`/`Dispose()` in a `finally` block.
Otherwise every `return` (and the end of the method) must be preceded by `activity?.Stop()` or
`activity?.Dispose()`. A result thrown away (`source.StartActivity("x");`) is reported too: it
stays `Activity.Current` and every later activity of the flow becomes its child. Activities
returned, stored or passed on are not reported, nor exits through `throw`.

## Java

`Span span = tracer.spanBuilder(name).startSpan();` is followed to every `return`, `throw` and
the end of the method, through `if`, `switch`, loops and `try`/`catch`. A span ended in a
`finally` block, in a callback, or handed on (returned, stored in a field, passed to a method)
is fine. A span ended only on the normal path, after calls that may throw and that nothing
catches, is reported at the first such call: an exception skips `span.end()`. So is
`spanBuilder(..).startSpan().makeCurrent()` in try-with-resources, which closes the scope but
never ends the span. Fix: `try (Scope scope = span.makeCurrent()) { ... } finally { span.end(); }`.

## Rust

opentelemetry-rust spans end when dropped, so a span bound to a name (`let _span = ...`) ends at
the end of its scope and is fine, as are `in_span` and `span.end()`. Reported: a span dropped at
once — `let _ = tracer.start("x");` or a bare `tracer.start("x");` — which ends before any
work runs under it, and a span passed to `std::mem::forget`, which never ends.
"#,
};

/// Reports spans that leak on some path.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    for (file, fact) in view.owned_facts() {
        let FactKind::SpanStarted {
            name, lifecycle, ..
        } = &fact.kind
        else {
            continue;
        };
        let span = name
            .as_deref()
            .map(|n| format!("span {}", code(n)))
            .unwrap_or_else(|| "span".to_string());
        match lifecycle {
            Lifecycle::Leaks(exits) => {
                let mut d = view.diagnostic(
                    &META,
                    file,
                    fact.loc,
                    view.message(
                        file,
                        "span-not-ended/leaks",
                        "{span} is not ended on every path",
                        &[("span", &span)],
                    ),
                    view.help(file, "span-not-ended/leaks", &[]),
                );
                let sites: Vec<(String, Loc)> =
                    exits.iter().map(|l| (file.path.clone(), *l)).collect();
                let label = view.message(
                    file,
                    "span-not-ended/leaks-label",
                    "leaves here without ending the span",
                    &[],
                );
                push_labels(&mut d, &sites, &label);
                out.push(d);
            }
            Lifecycle::Discarded => out.push(view.diagnostic(
                &META,
                file,
                fact.loc,
                view.message(
                    file,
                    "span-not-ended/discarded",
                    "{span} is discarded, so nothing can end it",
                    &[("span", &span)],
                ),
                view.help(file, "span-not-ended/discarded", &[]),
            )),
            Lifecycle::Ended | Lifecycle::HandedOff => {}
        }
    }
}
