//! A tree of 10,000 generated files — valid, broken, binary, empty, huge, deeply nested and
//! non-UTF-8 — runs to completion without a panic, skips what it must with a note, and keeps
//! the findings of the good files.

use std::fs;
use std::path::Path;

const FILES: usize = 10_000;

/// A temporary directory, in memory where there is a tmpfs: creating many thousands of files is
/// most of these tests' time on a disk.
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        if let Ok(dir) = tempfile::tempdir_in(shm) {
            return dir;
        }
    }
    tempfile::tempdir().unwrap()
}

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
    let dir = scratch();
    write_tree(dir.path());
    let out = crate::common::tracewire()
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
    let dir = scratch();
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

    let out = crate::common::tracewire()
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
    assert_eq!(
        reason("bad-\u{fffd}.go").as_deref(),
        Some("file name is not valid UTF-8")
    );
    let reported: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(reported, vec!["good.go"]);
}

/// A file's expected note: its path relative to the root, and how its reason starts.
struct Expected {
    path: String,
    reason: &'static str,
}

/// Nested expressions `depth` deep, as a whole file of the language of `ext`: parentheses and
/// calls, which the extractors walk.
fn deeply_nested(ext: &str, depth: usize) -> String {
    let parens = format!("{}1{}", "(".repeat(depth), ")".repeat(depth));
    let calls = format!("{}1{}", "f(".repeat(depth), ")".repeat(depth));
    match ext {
        "go" => format!("package svc\n\nvar a = {parens}\nvar b = {calls}\n"),
        "py" => format!("a = {parens}\nb = {calls}\n"),
        "js" | "ts" | "tsx" => format!("const a = {parens};\nconst b = {calls};\n"),
        "java" | "cs" => format!("class A {{\n  int a = {parens};\n  int b = {calls};\n}}\n"),
        "rs" => format!("fn main() {{\n    let a = {parens};\n    let b = {calls};\n}}\n"),
        _ => unreachable!("{ext}"),
    }
}

const PY_GOOD: &str = "from opentelemetry import trace\n\ntracer = trace.get_tracer(__name__)\n\n\ndef audit(entry):\n    tracer.start_span(\"audit\")\n    save(entry)\n";

/// Writes a tree holding one of every kind of hostile file; returns what must be noted, and the
/// findings (path, line, rule) that must survive.
fn write_hostile_tree(root: &Path) -> (Vec<Expected>, Vec<(String, u64, String)>) {
    use std::os::unix::ffi::OsStrExt;
    let mut notes = Vec::new();
    let mut note = |path: &str, reason: &'static str| {
        notes.push(Expected {
            path: path.to_string(),
            reason,
        })
    };
    fs::write(root.join("go.mod"), "module example.com/svc\n").unwrap();
    fs::write(root.join("good.go"), GOOD).unwrap();
    fs::write(root.join("good.py"), PY_GOOD).unwrap();
    // A BOM and CRLF line ends: analysed, its finding on the same line as in the LF original.
    let crlf = format!("\u{feff}{}", GOOD.replace('\n', "\r\n"));
    fs::write(root.join("crlf.go"), crlf).unwrap();
    // Invalid UTF-8 in comments and strings: analysed.
    fs::write(
        root.join("latin1.go"),
        b"package svc\n// caf\xe9 \xff\xfe\nvar s = \"\xc3\x28\"\n".as_slice(),
    )
    .unwrap();
    // NUL bytes: at the start, binary; past the sniffed prefix, analysed.
    fs::write(root.join("nul.go"), b"package svc\x00\x00\nfunc A() {}\n").unwrap();
    note("nul.go", "binary content");
    let mut late_nul = format!("package svc\n{}", "// padding\n".repeat(1000)).into_bytes();
    late_nul.extend_from_slice(b"var s = \"\x00\"\n");
    fs::write(root.join("late_nul.go"), late_nul).unwrap();
    // A 50 MB minified bundle: skipped by its size, never read (a sparse tail keeps it cheap).
    let bundle = fs::File::create(root.join("bundle.min.js")).unwrap();
    std::io::Write::write_all(&mut &bundle, "var a=1;".repeat(1000).as_bytes()).unwrap();
    bundle.set_len(50_000_000).unwrap();
    note(
        "bundle.min.js",
        "larger than the size limit (50000000 bytes)",
    );
    // 10,000-deep nesting in every language: parsed, or over the parse budget, never a crash.
    for ext in ["go", "py", "js", "ts", "tsx", "java", "cs", "rs"] {
        fs::write(root.join(format!("deep.{ext}")), deeply_nested(ext, 10_000)).unwrap();
    }
    fs::write(root.join("empty.go"), "").unwrap();
    // Binary content with a source extension.
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    fs::write(root.join("image.java"), binary).unwrap();
    note("image.java", "binary content");
    // Symbolic links: a loop back to the root, a link to itself, a dangling one.
    std::os::unix::fs::symlink(root, root.join("loop")).unwrap();
    note("loop", "symbolic link, not followed");
    std::os::unix::fs::symlink("self.go", root.join("self.go")).unwrap();
    note("self.go", "symbolic link, not followed");
    std::os::unix::fs::symlink("gone.go", root.join("dangling.go")).unwrap();
    note("dangling.go", "symbolic link, not followed");
    // Non-UTF-8 file name.
    fs::write(root.join(std::ffi::OsStr::from_bytes(b"bad-\xff.go")), GOOD).unwrap();
    note("bad-\u{fffd}.go", "file name is not valid UTF-8");
    // Files that fail while read (see `faults`): one deleted between walk and read, one whose
    // extraction panics.
    fs::write(root.join("vanish.go"), GOOD).unwrap();
    note("vanish.go", "vanished before it could be read");
    fs::write(root.join("boom.go"), GOOD).unwrap();
    note(
        "boom.go",
        "internal error, please report: fault injected into the extraction of boom.go",
    );
    // Unreadable: only when permissions are enforced (not for root).
    let locked = root.join("locked.go");
    fs::write(&locked, GOOD).unwrap();
    fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_err() {
        note("locked.go", "unreadable: Permission denied");
    } else {
        eprintln!(
            "locked.go stays readable: running as a user that permissions do not bind (root); \
             its unreadable note is not checked"
        );
        fs::remove_file(&locked).unwrap();
    }
    let findings = vec![
        ("crlf.go".to_string(), 10, "span-not-ended".to_string()),
        ("good.go".to_string(), 10, "span-not-ended".to_string()),
        ("good.py".to_string(), 7, "span-not-ended".to_string()),
    ];
    (notes, findings)
}

/// The fault injection the hostile tree relies on.
const FAULTS: &str = "vanish:vanish.go,panic:boom.go";

fn check_hostile(root: &Path, args: &[&str]) -> std::process::Output {
    let out = crate::common::tracewire()
        .arg("check")
        .arg(root)
        .args(args)
        .env("TRACEWIRE_FAULT_INJECTION", FAULTS)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn every_hostile_file_is_noted_in_stats_json_and_sarif_and_the_rest_still_reported() {
    // Fresh trees: the vanishing file is gone after one run.
    let tree = || {
        let dir = scratch();
        let expected = write_hostile_tree(dir.path());
        (dir, expected)
    };

    let (dir, (notes, findings)) = tree();
    let out = check_hostile(dir.path(), &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let skipped = doc["summary"]["skipped"].as_array().unwrap();
    for n in &notes {
        assert!(
            skipped
                .iter()
                .any(|s| s["path"] == n.path.as_str() && s["reason"] == n.reason),
            "JSON lacks {} ({}): {skipped:#?}",
            n.path,
            n.reason
        );
    }
    let mut reported: Vec<(String, u64, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .filter(|(_, _, rule)| rule == "span-not-ended")
        .collect();
    reported.sort();
    assert_eq!(reported, findings);
    // Only what is listed was skipped: the deep, empty, CRLF and invalid UTF-8 files were read.
    let parsed_ok: Vec<&str> = skipped
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .filter(|p| !notes.iter().any(|n| n.path == *p))
        .filter(|p| !p.starts_with("deep."))
        .collect();
    assert!(parsed_ok.is_empty(), "skipped unexpectedly: {parsed_ok:?}");

    let (dir, (notes, _)) = tree();
    let out = check_hostile(dir.path(), &["--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notifications = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    for n in &notes {
        let text = format!("skipped {}: {}", n.path, n.reason);
        assert!(
            notifications
                .iter()
                .any(|x| x["message"]["text"] == text.as_str() && x["level"] == "note"),
            "SARIF lacks `{text}`"
        );
    }

    let (dir, (notes, _)) = tree();
    let out = check_hostile(dir.path(), &["--stats"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for n in &notes {
        let line = format!("skipped {}: {}", n.path, n.reason);
        assert!(stderr.contains(&line), "--stats lacks `{line}`:\n{stderr}");
    }
    // The 50 MB bundle was never read: well under a megabyte in all.
    let mb: f64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("files: "))
        .and_then(|l| l.rsplit("; ").next())
        .and_then(|l| l.strip_suffix(" MB"))
        .unwrap()
        .parse()
        .unwrap();
    assert!(mb < 1.0, "{mb} MB read");
}

#[test]
fn a_hostile_tree_reports_the_same_with_one_thread_or_four() {
    let run = |threads: &str| {
        // A fresh tree per run: the vanishing file is gone after one.
        let dir = scratch();
        write_hostile_tree(dir.path());
        let out = check_hostile(dir.path(), &["--format", "json", "--threads", threads]);
        let mut doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        // The temporary directory's name is the root service's name: the one expected difference.
        let name = dir
            .path()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let text = doc.to_string().replace(&name, "ROOT");
        doc = serde_json::from_str(&text).unwrap();
        doc
    };
    let one = run("1");
    assert!(!one["diagnostics"].as_array().unwrap().is_empty());
    assert_eq!(one, run("4"));
}

/// 100,000 tiny files, one in a thousand with a finding: every file is counted and every
/// finding kept, within a time that keeps the suite usable.
#[test]
fn a_hundred_thousand_tiny_files() {
    const TINY: usize = 100_000;
    let dir = scratch();
    let root = dir.path();
    let t = std::time::Instant::now();
    fs::write(root.join("go.mod"), "module example.com/svc\n").unwrap();
    for i in 0..TINY {
        let sub = root.join(format!("p{}", i / 1000));
        if i % 1000 == 0 {
            fs::create_dir(&sub).unwrap();
            fs::write(sub.join("work.go"), GOOD).unwrap();
        }
        fs::write(sub.join(format!("f{i}.go")), "package svc\n").unwrap();
    }
    let written = t.elapsed();
    let t = std::time::Instant::now();
    let out = crate::common::tracewire()
        .arg("check")
        .arg(root)
        .args(["--format", "json", "--stats"])
        .output()
        .unwrap();
    let took = t.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{TINY} files written in {written:?}, checked in {took:?}\n{stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["summary"]["files"], (TINY + TINY / 1000) as u64);
    let found = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "span-not-ended")
        .count();
    assert_eq!(found, TINY / 1000);
}
