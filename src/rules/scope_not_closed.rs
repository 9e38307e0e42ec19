//! `scope-not-closed`: a span or context made current is never detached, so the thread keeps
//! the wrong current context.

use super::{push_labels, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{FactKind, Lifecycle, Loc};
use crate::lang::Lang;
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "scope-not-closed",
    severity: Severity::Warning,
    summary: "a span made current is never detached (Java `Scope`, Python `attach` token, Rust `ContextGuard`)",
    languages: &[Lang::Java, Lang::Python, Lang::Rust],
    help_keys: &["scope-not-closed/leaks", "scope-not-closed/discarded"],
    docs: r#"## What it does

Follows each `Scope` returned by `span.makeCurrent()` (or `context.makeCurrent()`) and reports
the scopes that are not closed on every path:

- the scope is thrown away (`span.makeCurrent();` as a statement), so nothing can close it;
- it is kept in a variable, but some `return`, `throw`, the end of the method, or an exception
  from a call made while it is open leaves without `scope.close()`.

In Python, the same for the token returned by `context.attach(ctx)`: it must reach
`context.detach(token)` on every path (`return`, `raise`, the end of the function), best in a
`finally:` block. A token that is returned, stored or passed on is its receiver's to detach;
an `attach` at module level sets the context for the life of the process and is not reported.

Not reported: a scope opened in try-with-resources (`try (Scope s = span.makeCurrent())`), one
closed in a `finally` block or in a callback, and one returned, stored in a field or passed on —
its receiver closes it.

## Why it matters

`makeCurrent()` puts the span in a thread-local until the scope is closed. A scope that is
never closed leaves the span current on that thread: later, unrelated work (the next request
served by the same pooled thread) gets it as its parent, traces merge into each other, and
closing scopes out of order corrupts the current context.

## Example

```java
Span span = tracer.spanBuilder("charge").startSpan();
Scope scope = span.makeCurrent();
if (amount <= 0) {
    return false; // scope stays open on this thread
}
scope.close();
span.end();
```

## Fix

```java
Span span = tracer.spanBuilder("charge").startSpan();
try (Scope scope = span.makeCurrent()) {
    ...
} finally {
    span.end();
}
```

## Rust

The `ContextGuard` from `cx.attach()` (or `mark_span_as_active(span)`) detaches its context
when dropped. Reported: a guard dropped at once — `let _ = cx.attach();` or a bare
`cx.attach();` — so the context is never current, and a guard passed to `std::mem::forget`,
so it is never detached. `let _guard = cx.attach();` is fine. Not detected: a guard held
across `.await` (`ContextGuard` is `!Send`, so most such code does not compile; use
`fut.with_context(cx)`).
"#,
};

/// Reports scopes that are not closed on every path.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    for (file, fact) in view.owned_facts() {
        let FactKind::ScopeMadeCurrent { lifecycle } = &fact.kind else {
            continue;
        };
        match lifecycle {
            Lifecycle::Leaks(exits) => {
                let mut d = view.diagnostic(
                    &META,
                    file,
                    fact.loc,
                    view.message(
                        file,
                        "scope-not-closed/leaks",
                        "scope from `makeCurrent()` is not closed on every path",
                        &[],
                    ),
                    view.help(file, "scope-not-closed/leaks", &[]),
                );
                let sites: Vec<(String, Loc)> =
                    exits.iter().map(|l| (file.path.clone(), *l)).collect();
                push_labels(&mut d, &sites, "leaves here with the scope still open");
                out.push(d);
            }
            Lifecycle::Discarded => out.push(view.diagnostic(
                &META,
                file,
                fact.loc,
                view.message(
                    file,
                    "scope-not-closed/discarded",
                    "scope from `makeCurrent()` is discarded, so nothing can close it",
                    &[],
                ),
                view.help(file, "scope-not-closed/discarded", &[]),
            )),
            Lifecycle::Ended | Lifecycle::HandedOff => {}
        }
    }
}
