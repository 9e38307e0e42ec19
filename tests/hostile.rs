//! A tree of 10,000 generated files — valid, broken, binary, empty, huge, deeply nested and
//! non-UTF-8 — runs to completion without a panic, skips what it must with a note, and keeps
//! the findings of the good files.

use std::fs;
use std::path::Path;
use std::process::Command;

const FILES: usize = 10_000;

const GOOD: &str = "package svc\n\nimport (\n\t\"context\"\n\n\t\"go.opentelemetry.io/otel\"\n)\n\nfunc Work(ctx context.Context) {\n\totel.Tracer(\"x\").Start(ctx, \"work\")\n}\n";

fn write_tree(root: &Path) {
    for i in 0..FILES {
        let dir = root.join(format!("d{}", i / 500));
        if i % 500 == 0 {
            fs::create_dir_all(&dir).unwrap();
        }
        let path = dir.join(format!("f{i}.go"));
        let content: Vec<u8> = match i % 10 {
            0 => GOOD.as_bytes().to_vec(),
            1 => b"package svc\nfunc broken( {\n\tx := [\n".to_vec(),
            2 => vec![0u8, 159, 146, 150, 0, 1, 2, 3, 255, 254],
            3 => Vec::new(),
            4 => {
                let mut v =
                    b"package svc\n// \xff\xfe invalid utf-8 \xc3\x28\nfunc A() {}\n".to_vec();
                v.extend_from_slice(&[0xe2, 0x82]);
                v
            }
            5 => format!(
                "package svc\nvar x = {}1{}\n",
                "(".repeat(3000),
                ")".repeat(3000)
            )
            .into_bytes(),
            6 => "\u{feff}package svc\r\nfunc B() {}\r\n".as_bytes().to_vec(),
            7 => "package svc\nfunc C() { otel.Tracer(\"x\").Start("
                .as_bytes()
                .to_vec(),
            _ => b"package svc\n\nfunc D() int { return 1 }\n".to_vec(),
        };
        fs::write(path, content).unwrap();
    }
    // One file over the size limit.
    let huge = "package svc\n".to_string() + &"var _ = 1\n".repeat(120_000);
    fs::write(root.join("huge.go"), huge).unwrap();
}

#[test]
fn a_hostile_tree_runs_to_completion() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(dir.path());
    let out = Command::new(env!("CARGO_BIN_EXE_tracewire"))
        .args(["check", dir.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "exit {:?}: {stderr}",
        out.status
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["summary"]["files"], FILES as u64 + 1);
    let skipped = doc["summary"]["skipped"].as_array().unwrap();
    let binary = skipped
        .iter()
        .filter(|s| s["reason"] == "binary content")
        .count();
    assert_eq!(binary, FILES / 10);
    assert!(skipped.iter().any(
        |s| s["path"] == "huge.go" && s["reason"].as_str().unwrap().starts_with("larger than")
    ));
    // Every good file keeps its finding: the discarded span.
    let discarded = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "span-not-ended")
        .count();
    assert_eq!(discarded, FILES / 10);
}

#[test]
fn pathological_files_are_skipped_with_a_note_and_the_rest_still_reported() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("good.go"), GOOD).unwrap();
    // Slow to parse: far past a 1 ms budget. It imports `context`, so the pre-filter cannot
    // rule it out and it is parsed.
    let slow = format!(
        "package svc\n\nimport \"context\"\n\nvar _ context.Context\n{}",
        "var _ = f(1, 2, 3)\n".repeat(40_000)
    );
    fs::write(root.join("slow.go"), slow).unwrap();
    // A 3 MB minified bundle: over the size limit.
    fs::write(root.join("bundle.min.js"), "a=1;".repeat(800_000)).unwrap();
    // A symlink loop and a non-UTF-8 file name.
    std::os::unix::fs::symlink(root, root.join("loop")).unwrap();
    fs::write(root.join(std::ffi::OsStr::from_bytes(b"bad-\xff.go")), GOOD).unwrap();
    // BOM, CRLF and NUL after the sniffed prefix.
    fs::write(
        root.join("bom.go"),
        "\u{feff}package svc\r\n\r\nfunc A() {}\r\n",
    )
    .unwrap();
    fs::write(root.join("tracewire.toml"), "file-time-budget-ms = 1\n").unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_tracewire"))
        .args(["check", root.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let skipped = doc["summary"]["skipped"].as_array().unwrap();
    let reason = |path: &str| {
        skipped
            .iter()
            .find(|s| s["path"] == path)
            .map(|s| s["reason"].as_str().unwrap().to_string())
    };
    assert_eq!(
        reason("slow.go").as_deref(),
        Some("parsing took longer than the 1 ms budget")
    );
    assert!(reason("bundle.min.js")
        .unwrap()
        .starts_with("larger than the size limit"));
    let notes: Vec<&str> = doc["summary"]["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notes.iter().any(|n| n.contains("not valid UTF-8")),
        "{notes:?}"
    );
    let reported: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(reported, vec!["good.go"]);
}
