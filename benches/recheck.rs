//! Editor re-check latency: how long the language server takes, after an edit, to re-extract a
//! 2,000-line Go file and re-run every rule for the repository (the bundled example plus that
//! file). Run with `cargo bench --bench recheck`; prints the median and the 95th percentile.

use std::time::Instant;
use tracewire::analysis::Workspace;
use tracewire::config::Settings;

/// A 2,000-line Go file: handlers with spans, clients and context use.
fn big_file() -> String {
    let mut s = String::from(
        "package main\n\nimport (\n\t\"context\"\n\t\"net/http\"\n\n\t\"go.opentelemetry.io/otel\"\n)\n\nvar tracer = otel.Tracer(\"bench\")\n\n",
    );
    let mut i = 0;
    while s.lines().count() < 2000 {
        s.push_str(&format!(
            "func handler{i}(w http.ResponseWriter, r *http.Request) {{\n\tctx, span := tracer.Start(r.Context(), \"handler{i}\")\n\tdefer span.End()\n\tif r.URL.Path == \"/{i}\" {{\n\t\treturn\n\t}}\n\treq, _ := http.NewRequestWithContext(ctx, http.MethodGet, \"http://svc/{i}\", nil)\n\t_ = req\n\thelper{i}(ctx)\n}}\n\nfunc helper{i}(ctx context.Context) {{\n\t_, span := tracer.Start(ctx, \"helper{i}\")\n\tspan.End()\n}}\n\n"
        ));
        i += 1;
    }
    s
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/repos/shop");
    for entry in walk(&example) {
        let rel = entry.strip_prefix(&example).unwrap();
        let target = root.join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &target).unwrap();
    }
    let text = big_file();
    std::fs::write(root.join("frontend/big.go"), &text).unwrap();
    let mut ws = Workspace::load(root, &Settings::default(), true).expect("workspace loads");
    let mut times = Vec::new();
    for round in 0..200 {
        let edited = text.replace("handler0\")", &format!("handler0-{round}\")"));
        let start = Instant::now();
        ws.update_source("frontend/big.go", edited.as_bytes());
        let diagnostics = ws.diagnostics();
        times.push(start.elapsed());
        std::hint::black_box(diagnostics);
    }
    times.sort();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    println!(
        "re-check of a {}-line file after an edit: median {:.2} ms, p95 {:.2} ms ({} rounds)",
        text.lines().count(),
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        times.len()
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
