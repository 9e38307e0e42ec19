//! `instrumented-too-late`: the SDK or an instrumentor is installed after the library it
//! patches was imported or its server/client constructed.

use super::{code, RuleMeta};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::facts::FactKind;
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "instrumented-too-late",
    severity: Severity::Warning,
    summary: "the SDK or an instrumentor is installed after the library it patches was imported or its server/client created",
    languages: &[],
    help_keys: &["instrumented-too-late"],
    docs: r#"## What it does

Reports instrumentation that is installed too late to take effect: in Node, an SDK or
`registerInstrumentations` module loaded after `express`, `http` or `@grpc/grpc-js` were
required (and not preloaded with `--require`/`--import`); in Python, an instrumentor whose
`instrument()` runs after the server, app or channel it patches was created.

## Why it matters

Instrumentation works by patching a library when it is loaded, or by wrapping objects created
after it runs. Code that loaded or built the library first keeps the unpatched version: the
setup file looks right, the SDK starts, and the service's requests are never traced or
propagated.

## Example

```js
const express = require('express');
require('./tracing'); // starts the NodeSDK: too late for express and http
```

## Fix

Load the SDK first, best with `node --require ./tracing.js app.js` (or `--import` for ES
modules); in Python, call `instrument()` before creating the app or channel, or use
`instrument_app(app)`.
"#,
};

/// Reports instrumentation installed after its target.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    for (file, fact) in view.owned_facts() {
        let FactKind::InstrumentedTooLate {
            instrumentation,
            target,
            target_loc,
        } = &fact.kind
        else {
            continue;
        };
        let mut d = view.diagnostic(
            &META,
            file,
            fact.loc,
            format!(
                "{} is installed after {} was loaded, so it stays uninstrumented",
                code(instrumentation),
                code(target)
            ),
            view.help(file, "instrumented-too-late", &[("target", target)]),
        );
        d.labels.push(Label {
            path: file.path.clone(),
            loc: *target_loc,
            message: "loaded here first".into(),
        });
        out.push(d);
    }
}
