//! `unused-suppression`: a `tracewire: ignore[...]` comment that suppresses nothing, or names a
//! rule that does not exist. Evaluated after suppressions are applied (see
//! `suppress::suppression_diagnostics`), so its check over a service does nothing.

use super::RuleMeta;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "unused-suppression",
    severity: Severity::Warning,
    summary: "a `tracewire: ignore[...]` comment that suppresses nothing",
    languages: &[
        crate::lang::Lang::Go,
        crate::lang::Lang::Python,
        crate::lang::Lang::JavaScript,
        crate::lang::Lang::TypeScript,
        crate::lang::Lang::Java,
        crate::lang::Lang::CSharp,
        crate::lang::Lang::Rust,
    ],
    help_keys: &[],
    docs: r#"## What it does

Reports a `tracewire: ignore[rule-id]` (or `ignore-file[rule-id]`) comment that covers no
finding — the code was fixed, or the comment sits on the wrong line — and one that names a rule
id tracewire does not have. A suppression naming a rule that did not run (`--select`,
`[rules] ignore`) is not reported.

## Why it matters

Stale suppressions hide the next real finding on that line, and a misspelt rule id suppresses
nothing while looking like it does.

## Example

```go
// tracewire: ignore[span-not-ended] ended by the worker pool
ctx, span := tracer.Start(ctx, "job")
defer span.End() // the span is ended now: the comment is stale
```

## Fix

Delete the comment, or move it to the line of the finding it is meant for.
"#,
};

/// Nothing to do per service: see `suppress::suppression_diagnostics`.
pub fn check(_view: &ServiceView<'_>, _out: &mut Vec<Diagnostic>) {}
