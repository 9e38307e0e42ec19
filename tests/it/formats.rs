//! Snapshot of every output format on the bundled example. Review changes with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test --test it formats::`).

use std::path::Path;

fn render(format: &str) -> String {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = crate::common::tracewire()
        .current_dir(repo)
        .args([
            "check",
            "testdata/repos/shop",
            "--color",
            "never",
            "--format",
            format,
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // The absolute root only appears in SARIF's %SRCROOT%: the repository holding the example.
    let root = repo.canonicalize().unwrap();
    text.replace(&format!("file://{}", root.display()), "file://[ROOT]")
        .replace(env!("CARGO_PKG_VERSION"), "[VERSION]")
}

#[test]
fn human() {
    insta::assert_snapshot!(render("human"));
}

#[test]
fn json() {
    insta::assert_snapshot!(render("json"));
}

#[test]
fn sarif() {
    insta::assert_snapshot!(render("sarif"));
}

#[test]
fn github() {
    insta::assert_snapshot!(render("github"));
}

#[test]
fn markdown() {
    insta::assert_snapshot!(render("markdown"));
}

/// JSON's `fingerprint` is SARIF's `partialFingerprints["tracewire/v1"]`, finding by finding:
/// the ecosystem labels and code-scanning alerts name a finding the same way.
#[test]
fn json_fingerprints_are_sarifs() {
    let json: serde_json::Value = serde_json::from_str(&render("json")).unwrap();
    let sarif: serde_json::Value = serde_json::from_str(&render("sarif")).unwrap();
    let from_json: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["fingerprint"].as_str().unwrap())
        .collect();
    let from_sarif: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["partialFingerprints"]["tracewire/v1"].as_str().unwrap())
        .collect();
    assert!(!from_json.is_empty());
    assert_eq!(from_json, from_sarif);
}
