//! `suppression-without-reason`: a `tracewire: ignore[...]` comment that does not say why.
//! Evaluated after suppressions are applied (see `suppress::suppression_diagnostics`).

use super::RuleMeta;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "suppression-without-reason",
    severity: Severity::Warning,
    summary: "a `tracewire: ignore[...]` comment that gives no reason",
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

Reports a `tracewire: ignore[rule-id]` comment with nothing after the closing bracket.

## Why it matters

A suppression is a decision that a finding does not apply. Without the reason, the next reader
cannot tell whether it still holds, and reviewers cannot tell a judgement from a shortcut.

## Example

```go
// tracewire: ignore[context-dropped]
go audit(context.Background())
```

## Fix

Say why after the bracket:

```go
// tracewire: ignore[context-dropped] the audit outlives the request on purpose
```
"#,
};

/// Nothing to do per service: see `suppress::suppression_diagnostics`.
pub fn check(_view: &ServiceView<'_>, _out: &mut Vec<Diagnostic>) {}
