//! The language server as an editor feels it, on the generated monorepo (default
//! `target/bench-monorepo-s1`, made with `python3 benches/gen.py --scale 1` when missing; or
//! the tree given by `TRACEWIRE_BENCH_TREE`). Run with `cargo bench --bench lsp`.
//!
//! - **Start-up**: from spawning `tracewire lsp` to its answer to the first request after
//!   `initialized` (the server answers only once the workspace is loaded and the first
//!   diagnostics are published), with an empty facts cache (cold) and with the one the cold
//!   start left (warm).
//! - **Edit → publish**: the time from sending `didChange` to receiving the diagnostics of the
//!   edited file, over edits that alternately remove and restore the line ending a span in a
//!   Go, a TypeScript, a JavaScript and a Java file (each edit changes that file's findings, so
//!   each is published); median and 95th percentile.
//!
//! Real JSON-RPC over the child's stdio, the release binary; nothing else should run meanwhile.

#[path = "../tests/it/lsp_client.rs"]
mod lsp_client;

use lsp_client::Client;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Files edited, by the line whose removal leaves a span unended.
const EDITED: &[(&str, &str)] = &[
    ("go", "defer span.End()"),
    ("ts", "span.end();"),
    ("js", "span.end();"),
    ("java", "span.end();"),
];

/// Edits per measured run.
const EDITS: usize = 200;

/// `tracewire lsp` on `root` with the facts cache in `cache`, initialised and loaded.
fn start(root: &Path, cache: &Path) -> Client {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tracewire"));
    command.env("TRACEWIRE_CACHE_DIR", cache);
    let mut server = Client::spawn(command, root, Duration::from_secs(120));
    server.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(root), "capabilities": {
            "general": {"positionEncodings": ["utf-8"]}}}),
    );
    server.notify("initialized", json!({}));
    // Answered after the load and the first publication.
    server.settle(|_| {});
    server
}

fn stop(mut server: Client) {
    server.request("shutdown", Value::Null);
    server.notify("exit", Value::Null);
    let _ = server.child.wait();
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The tree to run on, generated at scale 1 when missing.
fn tree() -> PathBuf {
    if let Some(dir) = std::env::var_os("TRACEWIRE_BENCH_TREE") {
        return PathBuf::from(dir).canonicalize().expect("the tree exists");
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = manifest.join("target/bench-monorepo-s1");
    if !dir.exists() {
        let status = Command::new("python3")
            .arg(manifest.join("benches/gen.py"))
            .args(["--scale", "1"])
            .arg(&dir)
            .status()
            .expect("python3 runs benches/gen.py");
        assert!(status.success(), "benches/gen.py failed");
    }
    dir.canonicalize().unwrap()
}

/// The first file of each edited language holding its span-ending line.
fn edited_files(root: &Path) -> Vec<(PathBuf, String, String)> {
    let mut all = Vec::new();
    walk(root, &mut all);
    all.sort();
    EDITED
        .iter()
        .filter_map(|(ext, line)| {
            all.iter().find_map(|path| {
                if path.extension()?.to_str()? != *ext {
                    return None;
                }
                let text = std::fs::read_to_string(path).ok()?;
                let removed = text.replacen(line, "", 1);
                (removed != text).then(|| (path.clone(), text, removed))
            })
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Median and 95th percentile, in milliseconds.
fn percentiles(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    (
        ms(times[times.len() / 2]),
        ms(times[(times.len() * 95 / 100).min(times.len() - 1)]),
    )
}

fn main() {
    let root = tree();
    let cache = tempfile::tempdir().expect("temp dir");

    let mut starts = Vec::new();
    for label in ["cold cache", "warm cache", "warm cache", "warm cache"] {
        let t = Instant::now();
        let server = start(&root, cache.path());
        starts.push((label, t.elapsed()));
        stop(server);
    }
    for (label, time) in &starts {
        println!("start-up, {label}: {:.0} ms", ms(*time));
    }

    let files = edited_files(&root);
    assert!(!files.is_empty(), "no file to edit in {}", root.display());
    let mut server = start(&root, cache.path());
    for (path, text, _) in &files {
        server.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "x", "version": 1, "text": text}}),
        );
    }
    server.settle(|_| {});
    let mut times = Vec::with_capacity(EDITS);
    for edit in 0..EDITS {
        let (path, text, removed) = &files[edit % files.len()];
        // Each file alternates between its broken and its original text.
        let broken = (edit / files.len()).is_multiple_of(2);
        let uri = uri(path);
        let body = if broken { removed } else { text };
        let t = Instant::now();
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": edit + 2},
                "contentChanges": [{"text": body}]}),
        );
        loop {
            let m = server.next();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                break;
            }
        }
        times.push(t.elapsed());
    }
    stop(server);
    let (median, p95) = percentiles(times);
    println!(
        "edit -> publish over {EDITS} edits of {} files ({}): median {median:.1} ms, p95 {p95:.1} ms",
        files.len(),
        files
            .iter()
            .map(|(p, ..)| p.extension().unwrap().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    );
}
