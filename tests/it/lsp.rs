//! End-to-end test of `tracewire lsp`: real JSON-RPC over the child's stdio.

use crate::lsp_client::Client;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::time::Duration;

const CLEAN: &str = "package svc\n\nimport (\n\t\"context\"\n\n\t\"go.opentelemetry.io/otel\"\n)\n\n// Work does the work.\nfunc Work(ctx context.Context) {\n\t_, span := otel.Tracer(\"x\").Start(ctx, \"work\")\n\tdefer span.End()\n}\n";
const BROKEN: &str = "package svc\n\nimport (\n\t\"context\"\n\n\t\"go.opentelemetry.io/otel\"\n)\n\n// Work does the work.\nfunc Work(ctx context.Context) {\n\totel.Tracer(\"x\").Start(ctx, \"work\")\n}\n";

/// The server on `root`, with this test run's facts cache.
fn start(root: &std::path::Path) -> Client {
    start_with(root, crate::common::tracewire())
}

/// The server on `root`, started by `command`.
fn start_with(root: &std::path::Path, command: std::process::Command) -> Client {
    Client::spawn(command, root, Duration::from_secs(30))
}

/// The next diagnostics published for a URI ending in `file`.
fn diagnostics_for(client: &mut Client, file: &str) -> Vec<Value> {
    loop {
        let m = client.next();
        if m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"].as_str().unwrap().ends_with(file)
        {
            return m["params"]["diagnostics"].as_array().unwrap().clone();
        }
    }
}

/// Waits until the server has handled everything sent so far, recording each publication.
fn settle(client: &mut Client, state: &mut BTreeMap<String, Vec<Value>>) {
    client.settle(|m| {
        if m["method"] == "textDocument/publishDiagnostics" {
            let uri = m["params"]["uri"].as_str().unwrap().to_string();
            let diagnostics = m["params"]["diagnostics"].as_array().unwrap().clone();
            state.insert(uri, diagnostics);
        }
    });
}

#[test]
fn diagnostics_appear_on_edit_and_clear_on_fix() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir_all(root.join("svc")).unwrap();
    let file = root.join("svc/work.go");
    std::fs::write(&file, CLEAN).unwrap();
    let uri = format!("file://{}", file.display());
    let root_uri = format!("file://{}", root.display());

    let mut client = start(&root);
    let init = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": root_uri,
            "capabilities": { "general": { "positionEncodings": ["utf-8", "utf-16"] } }
        }),
    );
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(init["result"]["serverInfo"]["name"], "tracewire");
    client.notify("initialized", json!({}));

    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "go", "version": 1, "text": BROKEN}}),
    );
    let diagnostics = diagnostics_for(&mut client, "svc/work.go");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "span-not-ended");
    assert_eq!(d["source"], "tracewire");
    assert_eq!(d["range"]["start"], json!({"line": 10, "character": 1}));
    // The rule's page, when the build knows where it is published; no guessed link otherwise.
    assert_eq!(
        d["codeDescription"]["href"].as_str().map(str::to_string),
        tracewire::rules::docs_url("span-not-ended")
    );

    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": d["range"],
            "context": {"diagnostics": [d]}
        }),
    );
    let edit = &actions["result"][0]["edit"]["changes"][&uri][0];
    assert_eq!(
        edit["newText"],
        "\t// tracewire: ignore[span-not-ended] reason\n"
    );
    assert_eq!(edit["range"]["start"], json!({"line": 10, "character": 0}));

    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": CLEAN}]}),
    );
    assert!(diagnostics_for(&mut client, "svc/work.go").is_empty());

    let shutdown = client.request("shutdown", Value::Null);
    assert!(shutdown.get("error").is_none());
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert!(status.success());
}

/// Starts the server on `root`, waits for the diagnostics of `file`, edits it, and stops.
fn session(root: &std::path::Path, cache: &std::path::Path, file: &str) -> Vec<Value> {
    let mut command = crate::common::tracewire();
    command.env(tracewire::cache::ENV_VAR, cache);
    let mut client = start_with(root, command);
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": format!("file://{}", root.display()), "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    let diagnostics = diagnostics_for(&mut client, file);
    let uri = format!("file://{}", root.join(file).display());
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "go", "version": 1, "text": CLEAN}}),
    );
    assert!(diagnostics_for(&mut client, file).is_empty());
    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(client.child.wait().unwrap().success());
    diagnostics
}

/// Each cache entry's path and modification time.
fn entries(dir: &std::path::Path) -> Vec<(std::path::PathBuf, std::time::SystemTime)> {
    crate::common::files_below(dir)
        .into_iter()
        .map(|path| {
            let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
            (path, modified)
        })
        .collect()
}

#[test]
fn the_server_loads_through_the_facts_cache_and_keeps_edits_out_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap().join("repo");
    std::fs::create_dir_all(root.join("svc")).unwrap();
    std::fs::write(root.join("svc/work.go"), BROKEN).unwrap();
    let cache = dir.path().join("cache");

    let first = session(&root, &cache, "svc/work.go");
    assert_eq!(first.len(), 1, "{first:?}");
    // The file on disk was parsed and cached; the editor's version of it was not.
    let written = entries(&cache);
    assert_eq!(written.len(), 1, "{written:?}");

    let second = session(&root, &cache, "svc/work.go");
    assert_eq!(first, second);
    // The second start read the entry: nothing was written again.
    assert_eq!(entries(&cache), written);
}

/// A small deterministic random source (xorshift), so a failing sequence can be replayed.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// One finding, as both the server and `check` can state it: path, 1-based start and end
/// (line, byte column), rule, message.
type Finding = (String, u64, u64, u64, u64, String, String);

/// What `tracewire check` reports on `root` now, without the facts cache.
fn fresh_check(root: &std::path::Path) -> Vec<Finding> {
    let output = crate::common::tracewire()
        .args([
            "check",
            "--no-cache",
            "--fail-on",
            "never",
            "--format",
            "json",
        ])
        .arg(root)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut findings: Vec<Finding> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["end_line"].as_u64().unwrap(),
                d["end_column"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    findings.sort();
    findings
}

/// The findings the server has published so far (the last publication of each file).
fn published(root: &std::path::Path, state: &BTreeMap<String, Vec<Value>>) -> Vec<Finding> {
    let prefix = format!("file://{}/", root.display());
    let mut findings: Vec<Finding> = state
        .iter()
        .flat_map(|(uri, diagnostics)| {
            let path = uri.strip_prefix(&prefix).unwrap().to_string();
            diagnostics.iter().map(move |d| {
                let at = |end: &str, key: &str| d["range"][end][key].as_u64().unwrap() + 1;
                let message = d["message"].as_str().unwrap();
                let message = message.split_once("\nhelp: ").map_or(message, |(m, _)| m);
                (
                    path.clone(),
                    at("start", "line"),
                    at("start", "character"),
                    at("end", "line"),
                    at("end", "character"),
                    d["code"].as_str().unwrap().to_string(),
                    message.to_string(),
                )
            })
        })
        .collect();
    findings.sort();
    findings
}

/// After every step of a random sequence of edits — in the editor (lines deleted, duplicated or
/// borrowed from another file; documents opened and closed) and on disk behind the editor's
/// back (files changed, created and deleted, reported through `didChangeWatchedFiles`) — what
/// the server has published equals what a fresh `check` reports on the edited tree.
#[test]
fn after_random_edits_the_server_agrees_with_a_fresh_check() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap().join("shop");
    crate::common::copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/repos/shop"),
        &root,
    );
    let mut files = Vec::new();
    crate::common::source_files(&root, &mut files);
    let originals: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let uri_of = |path: &std::path::Path| format!("file://{}", path.display());

    let mut client = start(&root);
    client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": uri_of(&root),
            "capabilities": {
                "general": { "positionEncodings": ["utf-8"] },
                "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } }
            }
        }),
    );
    client.notify("initialized", json!({}));
    let mut state = BTreeMap::new();
    settle(&mut client, &mut state);
    assert!(!state.is_empty(), "the example has findings to start from");
    assert_eq!(published(&root, &state), fresh_check(&root));

    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let mut open: std::collections::BTreeSet<usize> = Default::default();
    let mut version = 1;
    let mut created = 0;
    let mut history = Vec::new();
    for step in 0..60 {
        let i = random.below(files.len());
        let path = files[i].clone();
        let uri = uri_of(&path);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        let lines: Vec<&str> = current.lines().collect();
        let action = random.below(7);
        // A new text for the file: a line deleted, duplicated, or borrowed from a file of the
        // same language; or the original back.
        let mut edited = || -> String {
            let mut lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            let at = random.below(lines.len().max(1));
            match random.below(4) {
                0 if !lines.is_empty() => {
                    lines.remove(at);
                }
                1 if !lines.is_empty() => {
                    let line = lines[at].clone();
                    lines.insert(at, line);
                }
                2 => {
                    let other = random.below(files.len());
                    let same_lang = files[other].extension() == path.extension();
                    if let Some(line) = originals[other].lines().nth(random.below(40)) {
                        if same_lang {
                            lines.insert(at, line.to_string());
                        }
                    }
                }
                _ => return originals[i].clone(),
            }
            lines.join("\n") + "\n"
        };
        match action {
            // The editor changes an open (or newly opened) document, and saves it.
            0..=2 => {
                let text = edited();
                std::fs::write(&path, &text).unwrap();
                version += 1;
                if open.insert(i) {
                    client.notify(
                        "textDocument/didOpen",
                        json!({"textDocument": {
                        "uri": uri, "languageId": "x", "version": version, "text": text}}),
                    );
                } else {
                    client.notify(
                        "textDocument/didChange",
                        json!({
                        "textDocument": {"uri": uri, "version": version},
                        "contentChanges": [{"text": text}]}),
                    );
                }
                history.push(format!("{step}: edit {}", path.display()));
            }
            // A document is closed: the server goes back to the disk's text.
            3 if open.remove(&i) => {
                client.notify(
                    "textDocument/didClose",
                    json!({"textDocument": {"uri": uri}}),
                );
                history.push(format!("{step}: close {}", path.display()));
            }
            // A tool outside the editor rewrites a file that is not open.
            3 | 4 if !open.contains(&i) => {
                let text = edited();
                std::fs::write(&path, &text).unwrap();
                client.notify(
                    "workspace/didChangeWatchedFiles",
                    json!({"changes": [{"uri": uri, "type": 2}]}),
                );
                history.push(format!("{step}: rewrite on disk {}", path.display()));
            }
            // A file that is not open is deleted, or comes back.
            5 if !open.contains(&i) => {
                let typ = if path.exists() {
                    std::fs::remove_file(&path).unwrap();
                    3
                } else {
                    std::fs::write(&path, &originals[i]).unwrap();
                    1
                };
                client.notify(
                    "workspace/didChangeWatchedFiles",
                    json!({"changes": [{"uri": uri, "type": typ}]}),
                );
                history.push(format!("{step}: delete/restore {}", path.display()));
            }
            // A new file appears beside it: a copy of another file of the same language.
            6 => {
                created += 1;
                let ext = path.extension().unwrap().to_str().unwrap();
                let new = path.with_file_name(format!("added{created}.{ext}"));
                std::fs::write(&new, &originals[i]).unwrap();
                client.notify(
                    "workspace/didChangeWatchedFiles",
                    json!({"changes": [{"uri": uri_of(&new), "type": 1}]}),
                );
                history.push(format!("{step}: create {}", new.display()));
            }
            _ => continue,
        }
        settle(&mut client, &mut state);
        assert_eq!(
            published(&root, &state),
            fresh_check(&root),
            "the server and a fresh check disagree after:\n{}",
            history.join("\n")
        );
    }
    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(client.child.wait().unwrap().success());
}
