//! The ecosystem scripts (`ecosystem/layout`, `check`, `mutate`) on a corpus of one repository:
//! the bundled example committed to a throw-away git snapshot, with labels written here. The
//! real corpus needs network snapshots and runs by hand; this keeps the scripts' scoring honest
//! as tracewire's output evolves.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tracewire");

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("command runs");
    assert!(
        out.status.success(),
        "{:?} failed: {}\n{}",
        cmd,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A git snapshot of the bundled example as `acme+shop`, and its commit.
fn snapshot(root: &Path) -> String {
    let repo = root.join("snapshots/acme+shop");
    crate::common::copy_dir(&project().join("testdata/repos/shop"), &repo);
    let git = |args: &[&str]| {
        run(Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(&repo))
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "shop"]);
    git(&["rev-parse", "HEAD"]).trim().to_string()
}

/// tracewire's diagnostics on the bundled example, by (rule, path, line).
fn diagnostics() -> Vec<Value> {
    let out = run(crate::common::tracewire()
        .args(["check", "testdata/repos/shop", "--format", "json"])
        .args(["--fail-on", "never", "--no-config"])
        .current_dir(project()));
    let doc: Value = serde_json::from_str(&out).unwrap();
    doc["diagnostics"].as_array().unwrap().clone()
}

fn fingerprint_of(diags: &[Value], rule: &str, path: &str) -> String {
    diags
        .iter()
        .find(|d| d["rule"] == rule && d["path"] == path)
        .unwrap_or_else(|| panic!("the example reports {rule} in {path}"))["fingerprint"]
        .as_str()
        .unwrap()
        .to_string()
}

fn script(name: &str, corpus: &Path, root: &Path) -> Command {
    let mut cmd = Command::new("python3");
    cmd.arg(project().join("ecosystem").join(name))
        .env("TRACEWIRE_ECOSYSTEM_CORPUS", corpus)
        .env("TRACEWIRE_ECOSYSTEM_SNAPSHOTS", root.join("snapshots"))
        .env("TRACEWIRE_ECOSYSTEM_DIR", root.join("layout"))
        .env(tracewire::cache::ENV_VAR, crate::common::test_cache_dir());
    cmd
}

#[test]
fn check_scores_labels_and_mutate_kills_a_dropped_span_end() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let commit = snapshot(root);
    let corpus = root.join("corpus");
    fs::create_dir_all(corpus.join("labels")).unwrap();
    fs::write(
        corpus.join("repos.toml"),
        format!(
            "[[repo]]\nname = \"acme/shop\"\ncommit = \"{commit}\"\npath = \"\"\nlanguages = [\"go\", \"python\"]\n"
        ),
    )
    .unwrap();
    let diags = diagnostics();
    let total = diags.len();
    assert!(total > 4, "the example has findings to label");
    // One true, one false, one debatable; every other finding is left unlabelled; a miss that
    // nothing reports, a miss that a finding catches, a label for a finding no longer reported,
    // and two edges: the map's frontend -> cart (broken), labelled once right and once wrong.
    let labels = format!(
        r#"repo = "acme/shop"
commit = "{commit}"

[[diagnostic]]
fingerprint = "{}"
rule = "span-not-ended"
path = "cart/server.go"
line = 27
verdict = "true"
reason = "test"

[[diagnostic]]
fingerprint = "{}"
rule = "span-name-style"
path = "cart/server.go"
line = 47
verdict = "false"
reason = "test"

[[diagnostic]]
fingerprint = "{}"
rule = "no-propagator"
path = "frontend/main.go"
line = 27
verdict = "debatable"
reason = "test"

[[diagnostic]]
fingerprint = "0000000000000000:0"
rule = "span-not-ended"
path = "cart/gone.go"
line = 3
verdict = "true"
reason = "a finding this build no longer gives"

[[missed]]
rule = "context-dropped"
path = "payment/Program.cs"
line = 5
reason = "nothing reports it"

[[missed]]
rule = "source-not-registered"
path = "payment/Program.cs"
line = 25
reason = "the finding at line 27 catches it"

[[edge]]
from = "frontend"
to = "cart"
kind = "grpc"
status = "broken"
reason = "right"

[[edge]]
from = "checkout"
to = "shipping"
kind = "http"
status = "ok"
reason = "labelled the other way: wrong"

[[edge]]
from = "cart"
to = "payment"
kind = "http"
status = "ok"
reason = "missing"
"#,
        fingerprint_of(&diags, "span-not-ended", "cart/server.go"),
        fingerprint_of(&diags, "span-name-style", "cart/server.go"),
        fingerprint_of(&diags, "no-propagator", "frontend/main.go"),
    );
    fs::write(corpus.join("labels/acme__shop.toml"), labels).unwrap();

    let laid = run(&mut script("layout", &corpus, root));
    assert!(laid.contains("1 of 1 laid out"), "{laid}");

    let numbers = root.join("numbers.json");
    let printed = run(script("check", &corpus, root)
        .args(["--bin", BIN, "--json"])
        .arg(&numbers));
    assert!(printed.contains("acme/shop"), "{printed}");
    let doc: Value = serde_json::from_str(&fs::read_to_string(&numbers).unwrap()).unwrap();
    let t = &doc["total"];
    assert_eq!(t["diagnostics"], total);
    assert_eq!(t["verdicts"]["true"], 1);
    assert_eq!(t["verdicts"]["false"], 1);
    assert_eq!(t["verdicts"]["debatable"], 1);
    // The source-not-registered finding catches its miss and is not counted as unlabelled.
    assert_eq!(t["unlabelled"], total - 4);
    assert_eq!(t["precision"], 0.5);
    assert_eq!(t["lost"]["true"], 1);
    assert_eq!(t["misses"], 2);
    assert_eq!(t["caught"], 1);
    // Of four known breaks (a true finding, a lost one, two misses) two are reported.
    assert_eq!(t["recall"], 0.5);
    assert_eq!(t["edges"]["right"], 1);
    assert_eq!(t["edges"]["wrong"], 1);
    assert_eq!(t["edges"]["missing"], 1);
    assert_eq!(t["edges"]["unlabelled"], 5);
    // Per language: Go's true and false findings, C#'s caught miss.
    assert_eq!(doc["languages"]["go"]["verdicts"]["true"], 1);
    assert_eq!(doc["languages"]["csharp"]["caught"], 1);

    // The real operators, one of them: dropping a `defer span.End()` in the Go frontend must be
    // killed (a new span-not-ended), and the already-reported cart service is masked.
    fs::copy(
        project().join("ecosystem/mutations.toml"),
        corpus.join("mutations.toml"),
    )
    .unwrap();
    let outcomes = root.join("mutants.json");
    let summary = run(script("mutate", &corpus, root)
        .args(["--bin", BIN, "--operator", "go-drop-span-end", "--json"])
        .arg(&outcomes));
    let rows: Vec<Value> = serde_json::from_str(&fs::read_to_string(&outcomes).unwrap()).unwrap();
    let frontend: Vec<&Value> = rows.iter().filter(|r| r["service"] == "frontend").collect();
    assert_eq!(frontend.len(), 3, "{summary}");
    assert!(
        frontend.iter().all(|r| r["outcome"] == "killed"),
        "{summary}"
    );
    assert!(
        rows.iter()
            .filter(|r| r["service"] == "cart")
            .all(|r| r["outcome"] == "masked"),
        "{summary}"
    );
    assert!(summary.contains("go"), "{summary}");
}
