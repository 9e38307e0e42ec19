//! `instrumented-too-late`: the SDK or an instrumentor is installed after the library it
//! patches was imported or its server/client constructed.

use super::{code, RuleMeta};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::facts::{FactKind, FileFacts};
use crate::lang::Lang;
use crate::model::ServiceView;
use crate::model::NODE_AUTO_INSTRUMENTATIONS;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "instrumented-too-late",
    severity: Severity::Warning,
    summary: "the SDK or an instrumentor is installed after the library it patches was imported or its server/client created",
    languages: &[Lang::JavaScript, Lang::TypeScript, Lang::Python],
    help_keys: &["instrumented-too-late"],
    docs: r#"## What it does

Reports instrumentation that is installed too late to take effect: in Node, an SDK started
(`sdk.start()`, `provider.register()`, `registerInstrumentations(...)`) or a local module that
does so imported after `express`, `@grpc/grpc-js`, `fastify`, `koa`, `kafkajs`, ... was loaded
in the same file, when the service instruments that library and does not preload the SDK with
`--require`/`--import` or the auto-instrumentations launcher; in Python, an instrumentor whose
`instrument()` runs after the server, app or channel it patches was created.

A module loaded before the library that constructs its instrumentations at its top level
(`const sdk = new NodeSDK({ instrumentations: [new HttpInstrumentation()] })` in `./tracing`)
patches in time even when `sdk.start()` runs later: each instrumentation enables itself as it is
constructed. Node's own `http`/`https` are not reported: instrumentation patches those shared core modules
in place, so loading them first is harmless. A local module counts only when it resolves to a
file of the service that starts an SDK or registers instrumentations.

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
    let node_preloads = node_preloaded_files(view);
    for (file, fact) in view.owned_facts() {
        let FactKind::InstrumentedTooLate {
            instrumentation,
            target,
            target_loc,
            loaded_before,
        } = &fact.kind
        else {
            continue;
        };
        if is_ecma(file)
            && !node_finding_stands(view, file, instrumentation, target, &node_preloads)
        {
            continue;
        }
        // A module loaded first that enables instrumentation as it loads (`import './tracing'`
        // constructing `new HttpInstrumentation()` at its top level) patched the target in
        // time; a later `sdk.start()` only registers the provider.
        let dir = parent_dir(&file.path);
        let patched_in_time = loaded_before.iter().any(|m| {
            resolve_module(view, dir, m)
                .is_some_and(|f| f.facts.iter().any(|x| x.kind == FactKind::PatchesOnLoad))
        });
        if patched_in_time && !instrumentation.starts_with('.') {
            continue;
        }
        // A launcher that patches every library before the application is imported
        // (`opentelemetry-instrument`).
        let patched_first = file
            .lang
            .map(|l| view.knowledge.defaults(l))
            .is_some_and(|d| {
                d.launchers_patch_first
                    .iter()
                    .any(|l| view.summary.auto_instrumentation.contains(l))
            });
        if patched_first {
            continue;
        }
        let vars = [
            ("instrumentation", code(instrumentation)),
            ("target", code(target)),
        ];
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        // How the language loads what it instruments: a module import, or an object built from
        // one (`from flask import Flask`: the class is kept as imported).
        let wording = if target.starts_with("from ") {
            "instrumented-too-late/from-import"
        } else {
            "instrumented-too-late/object"
        };
        let message = if let Some(own) = view.own_message(file, wording, &vars) {
            own
        } else if instrumentation.starts_with('.') {
            format!(
                "{} is loaded after {}, so the instrumentation it installs does not patch it",
                code(instrumentation),
                code(target)
            )
        } else {
            format!(
                "{} is installed after {} was loaded, so it stays uninstrumented",
                code(instrumentation),
                code(target)
            )
        };
        let mut d = view.diagnostic(
            &META,
            file,
            fact.loc,
            message,
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

/// Whether a file is JavaScript or TypeScript.
fn is_ecma(file: &FileFacts) -> bool {
    matches!(
        file.lang,
        Some(Lang::JavaScript | Lang::TypeScript | Lang::Tsx)
    )
}

/// Node: the finding stands when nothing preloads instrumentation, the service instruments the
/// library loaded first, and a local module named as the instrumentation sets tracing up.
fn node_finding_stands(
    view: &ServiceView<'_>,
    file: &FileFacts,
    instrumentation: &str,
    target: &str,
    preloaded: &[&FileFacts],
) -> bool {
    let s = &view.summary;
    if s.auto_instrumentation.contains(NODE_AUTO_INSTRUMENTATIONS) {
        return false;
    }
    if preloaded.iter().any(|f| sets_up_tracing(f)) {
        return false;
    }
    let library = file
        .lang
        .and_then(|l| view.knowledge.get(l))
        .and_then(|k| k.patched_module(target).map(str::to_string));
    if !library.is_some_and(|lib| s.is_patched(&lib)) {
        return false;
    }
    if instrumentation.starts_with("./") || instrumentation.starts_with("../") {
        let dir = parent_dir(&file.path);
        return resolve_module(view, dir, instrumentation).is_some_and(sets_up_tracing);
    }
    true
}

/// Whether a file starts an SDK or registers instrumentations when it is loaded.
fn sets_up_tracing(file: &FileFacts) -> bool {
    file.facts.iter().any(|f| match &f.kind {
        FactKind::ProviderRegistered => true,
        FactKind::Instrumentation { what, .. } => what.ends_with("registerInstrumentations"),
        _ => false,
    })
}

/// The service's files preloaded with `node --require`/`--import`.
fn node_preloaded_files<'a>(view: &ServiceView<'a>) -> Vec<&'a FileFacts> {
    let mut out = Vec::new();
    for (file, fact) in view.visible_facts() {
        let FactKind::AutoInstrumentation {
            agent,
            module: Some(module),
        } = &fact.kind
        else {
            continue;
        };
        if agent != "node-preload" {
            continue;
        }
        let from_file = resolve_module(view, parent_dir(&file.path), module);
        let from_root = || resolve_module(view, &view.service.root, module);
        let by_suffix = || {
            let tail = module.trim_start_matches("./").trim_start_matches('/');
            let tail = tail.rsplit('/').next().unwrap_or(tail);
            view.owned()
                .find(|f| f.path == tail || f.path.ends_with(&format!("/{tail}")))
        };
        if let Some(f) = from_file.or_else(from_root).or_else(by_suffix) {
            out.push(f);
        }
    }
    out
}

/// The service file a module specifier resolves to from directory `dir`, trying the usual
/// extensions and index files (and `.ts` for a `.js` specifier, as TypeScript allows).
fn resolve_module<'a>(view: &ServiceView<'a>, dir: &str, spec: &str) -> Option<&'a FileFacts> {
    let joined = crate::url::join_path(dir, spec)?;
    let stem = joined
        .strip_suffix(".js")
        .or_else(|| joined.strip_suffix(".mjs"))
        .unwrap_or(&joined)
        .to_string();
    let candidates = [
        joined.clone(),
        format!("{joined}.js"),
        format!("{joined}.ts"),
        format!("{joined}.mjs"),
        format!("{joined}.cjs"),
        format!("{joined}.mts"),
        format!("{stem}.ts"),
        format!("{stem}.mts"),
        format!("{joined}/index.js"),
        format!("{joined}/index.ts"),
    ];
    candidates
        .iter()
        .find_map(|c| view.owned().find(|f| &f.path == c))
}

/// The directory of a relative path ("" at the top).
fn parent_dir(path: &str) -> &str {
    path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}
