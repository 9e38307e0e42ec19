//! End-to-end tests of the `tracewire` binary: exit codes, formats, determinism, bad input.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    crate::common::tracewire()
}

fn shop() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/repos/shop")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn findings_exit_one_and_json_has_the_documented_shape() {
    let o = run(&["check", shop().to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(doc["version"], 1);
    let diags = doc["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 19);
    for d in diags {
        for key in [
            "rule",
            "severity",
            "message",
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "service",
            "labels",
            "help",
        ] {
            assert!(d.get(key).is_some(), "diagnostic lacks {key}: {d}");
        }
        let path = d["path"].as_str().unwrap();
        assert!(!path.contains('\\') && !path.starts_with('/') && !path.starts_with("./"));
        assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
    }
    let services: Vec<&str> = doc["summary"]["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        services,
        vec![
            "ads",
            "cart",
            "checkout",
            "frontend",
            "payment",
            "recommend",
            "shipping"
        ]
    );
    assert_eq!(doc["summary"]["errors"], 4);
    assert_eq!(doc["summary"]["warnings"], 14);
}

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    let root = shop();
    let root = root.to_str().unwrap();
    for format in ["json", "human"] {
        let one = run(&["check", root, "--format", format, "--threads", "1"]);
        let two = run(&["check", root, "--format", format, "--threads", "2"]);
        let again = run(&["check", root, "--format", format, "--threads", "2"]);
        assert_eq!(
            one.stdout, two.stdout,
            "{format} differs between 1 and 2 threads"
        );
        assert_eq!(two.stdout, again.stdout, "{format} differs between runs");
    }
}

#[test]
fn human_output_names_rule_file_and_help() {
    let o = run_in(&shop(), &["check"]);
    let out = stdout(&o);
    assert!(
        out.contains("warning[span-not-ended]: span `validate-item` is not ended on every path")
    );
    assert!(out.contains("┌─ cart/server.go:27:15"), "{out}");
    assert!(out.contains("= help: Add `defer span.End()`"));
    assert!(
        out.trim_end()
            .ends_with("19 findings (4 errors, 14 warnings, 1 info) in 14 files, 7 services"),
        "{out}"
    );
}

#[test]
fn fail_on_controls_the_exit_code() {
    let root = shop();
    let root = root.to_str().unwrap();
    assert_eq!(
        run(&["check", root, "--fail-on", "never"]).status.code(),
        Some(0)
    );
    assert_eq!(
        run(&["check", root, "--fail-on", "error"]).status.code(),
        Some(1)
    );
    let only_warnings = run(&[
        "check",
        root,
        "--fail-on",
        "error",
        "--ignore",
        "no-propagator,source-not-registered,inbound-not-extracted",
    ]);
    assert_eq!(only_warnings.status.code(), Some(0));
}

#[test]
fn select_runs_only_the_named_rules() {
    let o = run(&[
        "check",
        shop().to_str().unwrap(),
        "--format",
        "json",
        "--select",
        "span-not-ended",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rules: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["span-not-ended"; 3]);
}

#[test]
fn usage_errors_exit_two_with_a_message() {
    let o = run(&["check", "/no/such/dir"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/no/such/dir: does not exist"));

    let o = run(&[
        "check",
        shop().to_str().unwrap(),
        "--select",
        "span-not-endd",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown rule id `span-not-endd`; did you mean `span-not-ended`?"),
        "{}",
        stderr(&o)
    );

    let o = run(&["explain", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown rule id `nope` (see `tracewire rules`"));
    let o = run(&["explain", "span_not_ended"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean `span-not-ended`?"));

    let o = run(&["check", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn bad_configuration_is_an_error_pointing_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("tracewire.toml"),
        "exclude = []\n[rules]\nignor = []\n",
    )
    .unwrap();
    fs::write(dir.path().join("main.go"), "package main\nfunc main() {}\n").unwrap();
    let o = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("tracewire.toml:3:1: invalid configuration"),
        "{err}"
    );
    assert!(!err.contains("panicked"));

    fs::write(
        dir.path().join("tracewire.toml"),
        "[rules]\nseverity = { \"span-not-ended\" = \"fatal\" }\n",
    )
    .unwrap();
    let o = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("must be \"info\", \"warning\" or \"error\""));
}

#[test]
fn configuration_is_found_by_walking_up_and_applied() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    fs::create_dir_all(repo.join("svc")).unwrap();
    fs::write(
        dir.path().join("tracewire.toml"),
        "[rules]\nseverity = { \"span-not-ended\" = \"error\" }\n",
    )
    .unwrap();
    fs::write(
        repo.join("svc/work.go"),
        "package svc\n\nimport (\n\t\"context\"\n\n\t\"go.opentelemetry.io/otel\"\n)\n\nfunc Work(ctx context.Context) {\n\totel.Tracer(\"x\").Start(ctx, \"work\")\n}\n",
    )
    .unwrap();
    let o = run(&["check", repo.to_str().unwrap(), "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(doc["diagnostics"][0]["rule"], "span-not-ended");
    assert_eq!(doc["diagnostics"][0]["severity"], "error");
    assert_eq!(doc["diagnostics"][0]["path"], "svc/work.go");
    let ignored = run(&[
        "check",
        repo.to_str().unwrap(),
        "--no-config",
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&ignored)).unwrap();
    assert_eq!(doc["diagnostics"][0]["severity"], "warning");
}

#[test]
fn suppressions_silence_the_named_rule_on_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let src = "package svc\n\nimport (\n\t\"context\"\n\n\t\"go.opentelemetry.io/otel\"\n)\n\nfunc A(ctx context.Context) {\n\t// tracewire: ignore[span-not-ended] ended by the pool\n\totel.Tracer(\"x\").Start(ctx, \"a\")\n}\n\nfunc B(ctx context.Context) {\n\totel.Tracer(\"x\").Start(ctx, \"b\") // tracewire: ignore[context-dropped] wrong rule\n}\n";
    fs::write(dir.path().join("svc.go"), src).unwrap();
    let o = run(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let found: Vec<(String, u64)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("span-not-ended".to_string(), 15),
            ("unused-suppression".to_string(), 15)
        ]
    );
}

#[test]
fn a_repository_without_tracing_gets_one_note() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("main.go"),
        "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.HandleFunc(\"/\", nil)\n\thttp.Get(\"http://x\")\n}\n",
    )
    .unwrap();
    let o = run(&["check", dir.path().to_str().unwrap(), "--color", "never"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("note: no OpenTelemetry usage found in 1 source file: nothing to check"));
    assert!(out.contains("no findings in 1 file, 1 service"));
}

#[test]
fn stats_report_every_phase_on_stderr() {
    let o = run(&[
        "check",
        shop().to_str().unwrap(),
        "--stats",
        "--format",
        "json",
    ]);
    let err = stderr(&o);
    for phase in [
        "files:", "walk", "extract", "parse", "model", "rules", "report", "MB/s",
    ] {
        assert!(err.contains(phase), "--stats lacks {phase}: {err}");
    }
    serde_json::from_str::<serde_json::Value>(&stdout(&o)).expect("stdout stays pure JSON");
}

/// The benchmark floor: `--parse-only` parses what the analysis would parse (the pre-filter
/// applies) and reports nothing; with `--no-prefilter` it parses every file.
#[test]
fn parse_only_parses_what_the_analysis_parses() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.go"),
        "package main\n\nimport \"go.opentelemetry.io/otel\"\n\nfunc main() {\n\t_ = otel.Tracer(\"x\")\n}\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("calc")).unwrap();
    std::fs::write(
        dir.path().join("calc/sum.go"),
        "package calc\n\nfunc Add(a, b int) int { return a + b }\n",
    )
    .unwrap();
    let files_line = |extra: &[&str]| {
        let mut args = vec!["check", dir.path().to_str().unwrap(), "--stats"];
        args.extend_from_slice(extra);
        let o = run(&args);
        let line = stderr(&o)
            .lines()
            .find(|l| l.starts_with("files:"))
            .expect("--stats prints the files line")
            .to_string();
        (o, line)
    };
    let (_, check) = files_line(&[]);
    let (floor, filtered) = files_line(&["--parse-only"]);
    let (_, every) = files_line(&["--parse-only", "--no-prefilter"]);
    assert!(check.contains("1 parsed, 1 not parsed"), "{check}");
    assert_eq!(filtered, check, "the floor parses the files check parses");
    assert!(every.contains("2 parsed, 0 not parsed"), "{every}");
    assert_eq!(floor.status.code(), Some(0), "{}", stdout(&floor));
}

#[test]
fn rules_and_explain_document_the_catalog() {
    let o = run(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for rule in tracewire::rules::RULES {
        assert!(out.contains(rule.meta.id));
        let e = run(&["explain", rule.meta.id]);
        assert_eq!(e.status.code(), Some(0));
        let doc = stdout(&e);
        for heading in [
            "## What it does",
            "## Why it matters",
            "## Example",
            "## Fix",
        ] {
            assert!(
                doc.contains(heading),
                "{} docs lack {heading}",
                rule.meta.id
            );
        }
    }
}

#[test]
fn a_single_file_argument_reports_only_that_file() {
    let file = shop().join("frontend/rpc.go");
    let o = run(&["check", file.to_str().unwrap(), "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let paths: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, vec!["rpc.go"]);
}

#[test]
fn knowledge_extensions_declare_in_house_instrumentation() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("api")).unwrap();
    fs::write(
        root.join("api/routes.go"),
        crate::common::IN_HOUSE_WRAPPED_ROUTES,
    )
    .unwrap();
    let without = run(&[
        "check",
        root.to_str().unwrap(),
        "--format",
        "json",
        "--no-config",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&without)).unwrap();
    assert_eq!(doc["diagnostics"][0]["rule"], "inbound-not-extracted");

    fs::write(
        root.join("tracewire.toml"),
        "[knowledge.go.functions]\n\"example.com/internal/mw.Tracing\" = \"server-wrap\"\n\n[[services]]\npath = \"api\"\nname = \"quote-api\"\n",
    )
    .unwrap();
    let with = run(&["check", root.to_str().unwrap(), "--format", "json"]);
    assert_eq!(with.status.code(), Some(0), "{}", stdout(&with));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&with)).unwrap();
    assert_eq!(doc["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(doc["summary"]["services"][0]["name"], "quote-api");
    assert_eq!(doc["summary"]["services"][0]["path"], "api");
}

#[test]
fn bad_knowledge_extensions_are_errors_pointing_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("main.go"), "package main\n").unwrap();
    fs::write(
        dir.path().join("tracewire.toml"),
        "[knowledge.go.functions]\n\"a/b.C\" = \"instrumented-transprt\"\n",
    )
    .unwrap();
    let o = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "tracewire.toml:2:11: invalid configuration: unknown variant `instrumented-transprt`"
        ),
        "{}",
        stderr(&o)
    );

    fs::write(
        dir.path().join("tracewire.toml"),
        "[knowledge.cobol.functions]\n",
    )
    .unwrap();
    let o = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown language `cobol` in [knowledge]"),
        "{}",
        stderr(&o)
    );

    fs::write(
        dir.path().join("tracewire.toml"),
        "[naming]\nstyle = \"SCREAMING\"\n",
    )
    .unwrap();
    let o = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("tracewire.toml:2:9"), "{}", stderr(&o));

    // A role another language's extractor reads (C#'s message producer) is an error, not a
    // silently ignored entry.
    fs::write(
        dir.path().join("tracewire.toml"),
        "[knowledge.go.functions]\n\"a/b.Send\" = \"message-produce\"\n",
    )
    .unwrap();
    let o = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "tracewire.toml:2:2: the go extractor does not read the role `message-produce` given to `a/b.Send`"
        ),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("instrumented-transport"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn configured_naming_style_replaces_the_inferred_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("work.go"),
        r#"package orders

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders")

func Work(ctx context.Context) {
	ctx, a := tracer.Start(ctx, "load_order")
	defer a.End()
	ctx, b := tracer.Start(ctx, "price-order")
	defer b.End()
	_ = ctx
}
"#,
    )
    .unwrap();
    let root = dir.path().to_str().unwrap();
    let names = |o: &std::process::Output| -> Vec<String> {
        let doc: serde_json::Value = serde_json::from_str(&stdout(o)).unwrap();
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect()
    };
    let args = [
        "check",
        root,
        "--format",
        "json",
        "--select",
        "span-name-style",
    ];
    // Two names are too few to infer a style from.
    assert!(names(&run(&args)).is_empty());
    std::fs::write(
        dir.path().join("tracewire.toml"),
        "[naming]\nstyle = \"kebab-case\"\n",
    )
    .unwrap();
    let found = names(&run(&args));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("span name `load_order` is snake_case, not kebab-case"),
        "{found:?}"
    );
}

/// Runs the binary in a directory, with colour off.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .args(["--color", "never"])
        .output()
        .expect("binary runs")
}

#[test]
fn an_empty_folder_says_there_was_nothing_to_check() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("empty")).unwrap();
    let o = run_in(dir.path(), &["check", "empty"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("note: no source files (Go, Python, JavaScript/TypeScript, Java, C#, Rust) found in `empty`: nothing to check"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_file_argument_that_is_not_source_says_so() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("go.mod"), "module svc\n").unwrap();
    fs::write(
        dir.path().join("main.go"),
        "package main\n\nfunc main() {}\n",
    )
    .unwrap();
    fs::write(dir.path().join("notes.txt"), "hello\n").unwrap();
    let o = run_in(dir.path(), &["check", "notes.txt", "main.go"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("note: `notes.txt` is not a source file (Go, Python"),
        "{out}"
    );
    assert!(!out.contains("`main.go` is not a source file"), "{out}");
}

#[test]
fn a_configured_service_path_that_does_not_exist_says_so() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("tracewire.toml"),
        "[[services]]\npath = \"services/nope\"\nname = \"nope\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("main.go"),
        "package main\n\nfunc main() {}\n",
    )
    .unwrap();
    let o = run_in(dir.path(), &["check"]);
    assert!(
        stdout(&o).contains("note: the configured service path `services/nope` ([[services]]) does not exist under `.`"),
        "{}",
        stdout(&o)
    );
    // A path that exists says nothing.
    fs::create_dir_all(dir.path().join("services/nope")).unwrap();
    let o = run_in(dir.path(), &["check"]);
    assert!(!stdout(&o).contains("does not exist"), "{}", stdout(&o));
}

#[test]
fn selecting_and_ignoring_the_same_rule_is_an_error() {
    let root = shop();
    let root = root.to_str().unwrap();
    let o = run(&[
        "check",
        root,
        "--select",
        "span-not-ended",
        "--ignore",
        "span-not-ended",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("`span-not-ended` is both selected and ignored"),
        "{}",
        stderr(&o)
    );
    // Another rule left selected still runs.
    let o = run(&[
        "check",
        root,
        "--select",
        "span-not-ended,no-propagator",
        "--ignore",
        "no-propagator",
        "--fail-on",
        "never",
    ]);
    assert_eq!(o.status.code(), Some(2), "both lists name no-propagator");
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("tracewire.toml"),
        "[rules]\nselect = [\"span-not-ended\"]\n",
    )
    .unwrap();
    fs::write(dir.path().join("main.go"), "package main\n").unwrap();
    let o = run_in(dir.path(), &["check", "--ignore", "span-not-ended"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no rule would run: every selected rule is also ignored"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_baseline_says_how_many_findings_it_hides() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let root = shop();
    let root = root.to_str().unwrap();
    let written = run(&[
        "check",
        root,
        "--write-baseline",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(written.status.code(), Some(0));
    let o = run(&[
        "check",
        root,
        "--baseline",
        baseline.to_str().unwrap(),
        "--color",
        "never",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("note: 19 findings hidden by the baseline"),
        "{out}"
    );
    let json = run(&[
        "check",
        root,
        "--baseline",
        baseline.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert!(doc["summary"]["notes"][0]
        .as_str()
        .unwrap()
        .starts_with("19 findings hidden by the baseline"));
}

#[test]
fn map_takes_a_configuration_and_says_when_a_path_does_not_exist() {
    let o = run(&["map", "/no/such/dir"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/no/such/dir: does not exist"),
        "{}",
        stderr(&o)
    );

    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("api")).unwrap();
    fs::write(
        dir.path().join("api/main.go"),
        "package main\n\nfunc main() {}\n",
    )
    .unwrap();
    let config = dir.path().join("other.toml");
    fs::write(
        &config,
        "[[services]]\npath = \"api\"\nname = \"quote-api\"\n",
    )
    .unwrap();
    let root = dir.path().to_str().unwrap();
    let names = |o: &Output| -> Vec<String> {
        let doc: serde_json::Value = serde_json::from_str(&stdout(o)).unwrap();
        doc["services"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap().to_string())
            .collect()
    };
    let with = run(&[
        "map",
        root,
        "--format",
        "json",
        "--config",
        config.to_str().unwrap(),
    ]);
    assert_eq!(with.status.code(), Some(0), "{}", stderr(&with));
    assert_eq!(names(&with), vec!["quote-api"]);
    fs::copy(&config, dir.path().join("tracewire.toml")).unwrap();
    let without = run(&["map", root, "--format", "json", "--no-config"]);
    assert_eq!(without.status.code(), Some(0), "{}", stderr(&without));
    assert_ne!(names(&without), vec!["quote-api"]);
    let found = run(&["map", root, "--format", "json"]);
    assert_eq!(names(&found), vec!["quote-api"]);
    let missing = run(&["map", root, "--config", "/no/such.toml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("configuration file not found"));
    let help = run(&["map", "--help"]);
    assert!(stdout(&help).contains("Exit codes: 0"), "{}", stdout(&help));
}

/// The `┌─ path:line:column` heads of human output.
fn heads(o: &Output) -> Vec<String> {
    stdout(o)
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("┌─ "))
        .map(str::to_string)
        .collect()
}

#[test]
fn human_paths_are_relative_to_where_tracewire_runs() {
    let repos = shop().parent().unwrap().to_path_buf();
    // A folder below the working directory, given relative or absolute.
    for arg in ["shop".to_string(), shop().to_str().unwrap().to_string()] {
        let o = run_in(&repos, &["check", &arg]);
        let heads = heads(&o);
        assert!(
            heads.contains(&"shop/cart/server.go:27:15".to_string()),
            "{arg}: {heads:?}"
        );
        for head in &heads {
            assert!(head.starts_with("shop/"), "{arg}: {head}");
            let file = head.split(':').next().unwrap();
            assert!(
                repos.join(file).is_file(),
                "{head} does not open from {}",
                repos.display()
            );
        }
    }
    // A file argument: its path as given.
    let o = run_in(&repos, &["check", "shop/cart/server.go"]);
    assert_eq!(
        heads(&o).first().map(String::as_str),
        Some("shop/cart/server.go:27:15")
    );
    // Several paths, each under its own argument.
    let o = run_in(&repos, &["check", "shop/cart", "./shop/frontend"]);
    let found = heads(&o);
    assert!(
        found.iter().any(|h| h.starts_with("shop/cart/server.go:")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|h| h.starts_with("shop/frontend/main.go:")),
        "{found:?}"
    );
    for head in &found {
        let file = head.split(':').next().unwrap();
        assert!(repos.join(file).is_file(), "{head} does not open");
    }
    // A folder outside the working directory: absolute.
    let elsewhere = tempfile::tempdir().unwrap();
    let o = run_in(elsewhere.path(), &["check", shop().to_str().unwrap()]);
    let first = heads(&o).into_iter().next().unwrap();
    assert!(
        Path::new(first.split(':').next().unwrap()).is_file(),
        "{first}"
    );
}

/// One analysis, several reports: `--report FORMAT=FILE` writes each format exactly as its own
/// run would, next to the report on standard output.
#[test]
fn one_run_writes_several_formats() {
    let dir = tempfile::tempdir().unwrap();
    let repos = shop().parent().unwrap().to_path_buf();
    let sarif = dir.path().join("tracewire.sarif");
    let json = dir.path().join("report.json");
    let both = run_in(
        &repos,
        &[
            "check",
            "shop",
            "--format",
            "github",
            "--report",
            &format!("sarif={}", sarif.display()),
            "--report",
            &format!("json={}", json.display()),
        ],
    );
    assert_eq!(both.status.code(), Some(1), "{}", stderr(&both));
    let alone = |format: &str| run_in(&repos, &["check", "shop", "--format", format]).stdout;
    assert_eq!(both.stdout, alone("github"));
    assert!(stdout(&both).starts_with("::"), "{}", stdout(&both));
    assert_eq!(fs::read(&sarif).unwrap(), alone("sarif"));
    assert_eq!(fs::read(&json).unwrap(), alone("json"));

    for bad in ["xml=out.xml", "sarif", "sarif="] {
        let o = run(&["check", shop().to_str().unwrap(), "--report", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains("--report"), "{bad}: {}", stderr(&o));
    }
    let o = run(&[
        "check",
        shop().to_str().unwrap(),
        "--report",
        "sarif=/no/such/dir/x.sarif",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write report"), "{}", stderr(&o));
}
