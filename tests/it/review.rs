//! Adoption and review controls, end to end: baselines and `--diff REV` in a real git
//! repository built in a temporary directory.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn tracewire(dir: &Path, args: &[&str]) -> Output {
    crate::common::tracewire()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn rules_and_paths(out: &Output) -> Vec<(String, String)> {
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().into(),
                d["path"].as_str().unwrap().into(),
            )
        })
        .collect()
}

const SERVER: &str = "package main\n\nimport (\n\t\"context\"\n\t\"net/http\"\n\t\"os\"\n\t\"os/signal\"\n\t\"syscall\"\n\n\t\"go.opentelemetry.io/otel\"\n\t\"go.opentelemetry.io/otel/propagation\"\n\tsdktrace \"go.opentelemetry.io/otel/sdk/trace\"\n)\n\nfunc main() {\n\tctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)\n\tdefer stop()\n\ttp := sdktrace.NewTracerProvider()\n\totel.SetTracerProvider(tp)\n\totel.SetTextMapPropagator(propagation.TraceContext{})\n\tdefer tp.Shutdown(ctx)\n\tmux := http.NewServeMux()\n\tmux.HandleFunc(\"/quote\", quote)\n\tgo http.ListenAndServe(\":8080\", mux)\n\t<-ctx.Done()\n}\n\nfunc quote(w http.ResponseWriter, r *http.Request) {}\n";

const CLIENT_BEFORE: &str = "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.Get(\"http://quote:8080/quote\")\n}\n";

const CLIENT_AFTER: &str = "package main\n\nimport (\n\t\"context\"\n\t\"net/http\"\n\t\"os\"\n\t\"os/signal\"\n\t\"syscall\"\n\n\t\"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp\"\n\t\"go.opentelemetry.io/otel\"\n\t\"go.opentelemetry.io/otel/propagation\"\n\tsdktrace \"go.opentelemetry.io/otel/sdk/trace\"\n)\n\nvar client = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}\n\nfunc main() {\n\tctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)\n\tdefer stop()\n\ttp := sdktrace.NewTracerProvider()\n\totel.SetTracerProvider(tp)\n\totel.SetTextMapPropagator(propagation.TraceContext{})\n\tdefer tp.Shutdown(ctx)\n\tctx, span := otel.Tracer(\"client\").Start(ctx, \"fetch\")\n\tdefer span.End()\n\treq, _ := http.NewRequestWithContext(ctx, http.MethodGet, \"http://quote:8080/quote\", nil)\n\tclient.Do(req)\n}\n";

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("quote")).unwrap();
    fs::create_dir_all(root.join("web")).unwrap();
    fs::write(root.join("quote/go.mod"), "module quote\n").unwrap();
    fs::write(root.join("web/go.mod"), "module web\n").unwrap();
    // The server already traces (an untraced route in a traced service is a finding).
    fs::write(root.join("quote/main.go"), SERVER).unwrap();
    fs::write(root.join("web/main.go"), CLIENT_BEFORE).unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "start"]);
    dir
}

#[test]
fn diff_reports_only_what_the_change_introduced_even_in_untouched_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("quote")).unwrap();
    fs::write(root.join("quote/go.mod"), "module quote\n").unwrap();
    // Before: no tracing at all, so nothing to report.
    fs::write(root.join("quote/main.go"), "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.ListenAndServe(\":8080\", routes())\n}\n").unwrap();
    fs::write(root.join("quote/routes.go"), "package main\n\nimport \"net/http\"\n\nfunc routes() *http.ServeMux {\n\tmux := http.NewServeMux()\n\tmux.HandleFunc(\"/quote\", quote)\n\treturn mux\n}\n\nfunc quote(w http.ResponseWriter, r *http.Request) {}\n").unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "start"]);
    let before = tracewire(root, &["check", ".", "--format", "json", "--diff", "HEAD"]);
    assert_eq!(rules_and_paths(&before), vec![]);
    assert_eq!(before.status.code(), Some(0));

    // The change sets up tracing in main.go only. The route in routes.go — a file the change
    // never touched — still extracts nothing: that half-done instrumentation is new.
    fs::write(root.join("quote/main.go"), SERVER.replace("\tmux := http.NewServeMux()\n\tmux.HandleFunc(\"/quote\", quote)\n\tgo http.ListenAndServe(\":8080\", mux)\n", "\tgo http.ListenAndServe(\":8080\", routes())\n").replace("\nfunc quote(w http.ResponseWriter, r *http.Request) {}\n", "")).unwrap();
    let after = tracewire(root, &["check", ".", "--format", "json", "--diff", "HEAD"]);
    assert_eq!(
        rules_and_paths(&after),
        vec![("inbound-not-extracted".into(), "quote/routes.go".into())]
    );
    assert_eq!(after.status.code(), Some(1));

    // Once committed, the same finding is no longer new.
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "trace"]);
    let again = tracewire(root, &["check", ".", "--format", "json", "--diff", "HEAD"]);
    assert_eq!(rules_and_paths(&again), vec![]);
}

#[test]
fn diff_keeps_a_new_finding_in_a_changed_client() {
    let dir = repo();
    let root = dir.path();
    fs::write(root.join("web/main.go"), CLIENT_AFTER).unwrap();
    let instrumented = tracewire(root, &["check", ".", "--format", "json", "--diff", "HEAD"]);
    assert_eq!(rules_and_paths(&instrumented), vec![]);
    let broken = CLIENT_AFTER.replace(
        "client.Do(req)",
        "client.Do(req)\n\thttp.Get(\"http://quote:8080/other\")",
    );
    fs::write(root.join("web/main.go"), broken).unwrap();
    let out = tracewire(root, &["check", ".", "--format", "json", "--diff", "HEAD"]);
    assert_eq!(
        rules_and_paths(&out),
        vec![("outbound-not-injected".into(), "web/main.go".into())]
    );
    let all = tracewire(root, &["check", ".", "--format", "json"]);
    assert!(
        rules_and_paths(&all).contains(&("inbound-not-extracted".into(), "quote/main.go".into()))
    );
}

#[test]
fn a_missing_revision_is_a_clear_error() {
    let dir = repo();
    let out = tracewire(dir.path(), &["check", ".", "--diff", "no-such-rev"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`no-such-rev` is not a commit"), "{err}");
    let plain = tempfile::tempdir().unwrap();
    fs::write(plain.path().join("main.go"), "package main\n").unwrap();
    let out = tracewire(plain.path(), &["check", ".", "--diff", "HEAD"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--diff needs a git repository"));
}

#[test]
fn a_baseline_hides_accepted_findings_even_after_lines_move() {
    let dir = repo();
    let root = dir.path();
    let write = tracewire(root, &["check", ".", "--write-baseline", "baseline.json"]);
    assert_eq!(
        write.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&write.stderr)
    );
    let recorded: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root.join("baseline.json")).unwrap()).unwrap();
    assert_eq!(recorded["version"], 1);
    assert!(!recorded["findings"].as_array().unwrap().is_empty());

    // Lines move above the finding: still accepted.
    let moved = SERVER.replace(
        "func main() {",
        "// A comment.\n\n// Another.\nfunc main() {",
    );
    fs::write(root.join("quote/main.go"), moved).unwrap();
    let out = tracewire(
        root,
        &[
            "check",
            ".",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
        ],
    );
    assert_eq!(rules_and_paths(&out), vec![]);
    assert_eq!(out.status.code(), Some(0));

    // A new finding is reported.
    fs::write(root.join("quote/extra.go"), "package main\n\nimport \"net/http\"\n\nfunc init() {\n\thttp.HandleFunc(\"/new\", quote)\n}\n").unwrap();
    let out = tracewire(
        root,
        &[
            "check",
            ".",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
        ],
    );
    assert_eq!(
        rules_and_paths(&out),
        vec![("inbound-not-extracted".into(), "quote/extra.go".into())]
    );
}

#[test]
fn a_bad_baseline_is_a_clear_error() {
    let dir = repo();
    let root = dir.path();
    let out = tracewire(root, &["check", ".", "--baseline", "missing.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.json: cannot read baseline"));
    fs::write(root.join("bad.json"), "{\"version\": 1, \"finding\": []}").unwrap();
    let out = tracewire(root, &["check", ".", "--baseline", "bad.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.json: not a tracewire baseline"));
}

#[test]
fn diff_shows_the_server_a_newly_instrumented_client_calls() {
    // Before: neither service traces. The change instruments the web client only; the quote
    // server it calls — untouched — now cuts every trace, and that is new.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/repos/untraced-callee");
    for sub in ["web", "quote"] {
        fs::create_dir_all(root.join(sub)).unwrap();
        for file in ["go.mod", "main.go"] {
            fs::copy(example.join(sub).join(file), root.join(sub).join(file)).unwrap();
        }
    }
    fs::write(
        root.join("web/main.go"),
        "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.HandleFunc(\"/\", page)\n\t_ = http.ListenAndServe(\":8080\", nil)\n}\n\nfunc page(w http.ResponseWriter, r *http.Request) {\n\treq, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, \"http://quote:8080/quote\", nil)\n\thttp.DefaultClient.Do(req)\n}\n",
    )
    .unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "untraced"]);
    let before = tracewire(root, &["check", ".", "--format", "json", "--diff", "HEAD"]);
    assert_eq!(rules_and_paths(&before), vec![]);

    fs::copy(example.join("web/main.go"), root.join("web/main.go")).unwrap();
    let after = tracewire(root, &["check", ".", "--format", "json", "--diff", "HEAD"]);
    // The changed line itself names every server span of web after the service.
    assert_eq!(
        rules_and_paths(&after),
        vec![
            ("inbound-not-extracted".into(), "quote/main.go".into()),
            ("span-name-semconv".into(), "web/main.go".into())
        ]
    );
}
