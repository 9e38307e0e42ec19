//! SARIF output: valid against the official SARIF 2.1.0 JSON schema (kept as test data), one
//! run, every enabled rule described, results pointing at the right rule, relative URIs.

use serde_json::Value;
use std::path::Path;

fn sarif_of(args: &[&str]) -> Value {
    let shop = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/repos/shop");
    let out = crate::common::tracewire()
        .arg("check")
        .arg(&shop)
        .args(["--format", "sarif"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_log_is_valid_sarif_2_1_0() {
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/sarif/sarif-2.1.0.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let log = sarif_of(&[]);
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
    // A log the schema rejects must fail: the validator is really checking.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::String("fatal".into());
    assert!(!validator.is_valid(&broken));
}

#[test]
fn one_run_with_every_enabled_rule_and_relative_uris() {
    let log = sarif_of(&["--ignore", "span-context-unused"]);
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let rules = runs[0]["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), tracewire::rules::RULES.len() - 1);
    assert!(!ids.contains(&"span-context-unused"));
    for rule in rules {
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(
                !rule[key]["text"].as_str().unwrap().is_empty(),
                "{key} of {}",
                rule["id"]
            );
        }
    }
    let results = runs[0]["results"].as_array().unwrap();
    // The shop's nineteen findings, less the two of the ignored span-context-unused.
    assert_eq!(results.len(), 17);
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let location = &r["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            !uri.starts_with('/') && !uri.contains('\\') && !uri.starts_with("file:"),
            "{uri}"
        );
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(r["partialFingerprints"]["tracewire/v1"]
            .as_str()
            .unwrap()
            .contains(':'));
    }
    let span = results
        .iter()
        .find(|r| r["ruleId"] == "span-not-ended")
        .unwrap();
    assert_eq!(
        span["locations"][0]["physicalLocation"]["region"]["startLine"],
        27
    );
    assert_eq!(
        span["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        30
    );
    assert_eq!(runs[0]["columnKind"], "unicodeCodePoints");
}

/// Code scanning reads URIs against the repository's root: a subfolder's findings carry the
/// subfolder, whichever directory tracewire runs in.
#[test]
fn uris_resolve_against_the_repository_root() {
    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir(repo.path().join(".git")).unwrap();
    let svc = repo.path().join("services/svc");
    std::fs::create_dir_all(&svc).unwrap();
    std::fs::write(
        svc.join("work.go"),
        "package svc\n\nimport (\n\t\"context\"\n\n\t\"go.opentelemetry.io/otel\"\n)\n\nfunc Work(ctx context.Context) {\n\totel.Tracer(\"x\").Start(ctx, \"work\")\n}\n",
    )
    .unwrap();
    for (cwd, arg) in [
        (repo.path().to_path_buf(), "services/svc"),
        (svc.clone(), "."),
        (repo.path().join("services"), "svc"),
    ] {
        let out = crate::common::tracewire()
            .current_dir(&cwd)
            .args(["check", arg, "--format", "sarif"])
            .output()
            .unwrap();
        let log: Value = serde_json::from_slice(&out.stdout).unwrap();
        let run = &log["runs"][0];
        let uri = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
        assert_eq!(uri, "services/svc/work.go", "from {}", cwd.display());
        let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
            .as_str()
            .unwrap();
        let root = repo.path().canonicalize().unwrap();
        assert_eq!(base, format!("file://{}/", root.display()));
    }
}
