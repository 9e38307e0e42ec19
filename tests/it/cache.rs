//! The facts cache end to end: a run that reads its facts from the cache prints what a run
//! without it prints, to the byte; a damaged entry is never trusted; a change to what
//! extraction depends on is a different key.

use crate::common::{copy_dir, files_below, tracewire};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

fn testdata(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(rel)
}

/// One run's report in JSON (standard output) and human form (a second report of the same
/// run), its exit code and its `--stats`.
struct Run {
    json: Vec<u8>,
    human: Vec<u8>,
    code: Option<i32>,
    stats: String,
}

/// Checks `root` with `cache` (`None`: `--no-cache`) and `extra` arguments.
fn check(root: &Path, cache: Option<&Path>, extra: &[&str]) -> Run {
    let out_dir = tempfile::tempdir().unwrap();
    let human = out_dir.path().join("report.txt");
    let mut cmd = tracewire();
    cmd.arg("check")
        .arg(root)
        .args([
            "--format", "json", "--color", "never", "--stats", "--report",
        ])
        .arg(format!("human={}", human.display()))
        .args(extra);
    match cache {
        Some(dir) => cmd.arg("--cache-dir").arg(dir),
        None => cmd.arg("--no-cache"),
    };
    let out: Output = cmd.output().expect("binary runs");
    let stats = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}: {stats}",
        root.display()
    );
    Run {
        json: out.stdout,
        human: fs::read(&human).unwrap(),
        code: out.status.code(),
        stats,
    }
}

/// The cache counters of a run's `--stats`: (from the cache, written, damaged).
fn counters(run: &Run) -> (u64, u64, u64) {
    let line = run
        .stats
        .lines()
        .find(|l| l.starts_with("cache: "))
        .unwrap_or_else(|| panic!("no cache line in {}", run.stats));
    let numbers: Vec<u64> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .take(4)
        .map(|w| w.parse().unwrap())
        .collect();
    (numbers[0], numbers[1], numbers[3])
}

fn assert_same(label: &str, uncached: &Run, cached: &Run) {
    assert_eq!(uncached.code, cached.code, "{label}: exit code");
    assert!(
        uncached.json == cached.json,
        "{label}: JSON differs\n--- uncached\n{}\n--- cached\n{}",
        String::from_utf8_lossy(&uncached.json),
        String::from_utf8_lossy(&cached.json)
    );
    assert!(
        uncached.human == cached.human,
        "{label}: human output differs\n--- uncached\n{}\n--- cached\n{}",
        String::from_utf8_lossy(&uncached.human),
        String::from_utf8_lossy(&cached.human)
    );
}

#[test]
fn a_warm_run_prints_the_bytes_of_a_cold_run_and_of_an_uncached_one() {
    for folder in [
        "repos/shop",
        "repos/aspire",
        "repos/messaging",
        "repos/grpc-stubs",
        "repos/env-addresses",
        "go",
        "python",
        "javascript",
        "typescript",
        "tsx",
        "java",
        "csharp",
        "rust",
    ] {
        let root = testdata(folder);
        let cache = tempfile::tempdir().unwrap();
        let uncached = check(&root, None, &[]);
        assert!(uncached.stats.contains("cache: off"), "{}", uncached.stats);
        let cold = check(&root, Some(cache.path()), &[]);
        let warm = check(&root, Some(cache.path()), &[]);
        assert_same(&format!("{folder} cold"), &uncached, &cold);
        assert_same(&format!("{folder} warm"), &uncached, &warm);
        let (hits, written, _) = counters(&cold);
        assert_eq!(
            hits, 0,
            "{folder}: a cold run finds nothing: {}",
            cold.stats
        );
        assert!(written > 0, "{folder}: a cold run writes: {}", cold.stats);
        assert_eq!(
            counters(&warm),
            (written, 0, 0),
            "{folder}: a warm run reads every parsed file from the cache and parses none: {}",
            warm.stats
        );
        assert_eq!(files_below(cache.path()).len() as u64, written, "{folder}");
    }
}

#[test]
fn after_one_file_changes_only_that_file_is_parsed_again() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("shop");
    copy_dir(&testdata("repos/shop"), &root);
    let cache = tmp.path().join("cache");
    let cold = check(&root, Some(&cache), &[]);
    let (_, written, _) = counters(&cold);
    // A span that is never ended, in a file the cache holds.
    let main = root.join("cart/main.go");
    let text = fs::read_to_string(&main).unwrap();
    fs::write(
        &main,
        format!("{text}\nfunc leak(ctx context.Context, id string) error {{\n\tctx, span := otel.Tracer(\"t\").Start(ctx, \"leak\")\n\tif id == \"\" {{\n\t\treturn nil\n\t}}\n\tspan.End()\n\treturn nil\n}}\n"),
    )
    .unwrap();
    let uncached = check(&root, None, &[]);
    assert!(uncached.json != cold.json, "the edit changes the findings");
    let warm = check(&root, Some(&cache), &[]);
    assert_same("shop after an edit", &uncached, &warm);
    assert_eq!(counters(&warm), (written - 1, 1, 0), "{}", warm.stats);
}

#[test]
fn damaged_entries_are_ignored_and_rewritten() {
    let root = testdata("repos/shop");
    let cache = tempfile::tempdir().unwrap();
    let uncached = check(&root, None, &[]);
    check(&root, Some(cache.path()), &[]);
    let files = files_below(cache.path());
    assert!(files.len() >= 6, "{files:?}");
    // Each entry is damaged in another way: emptied, cut short, a bit flipped in its payload,
    // replaced by another file's entry, by text, by bytes that claim to be an entry.
    let other = fs::read(&files[1]).unwrap();
    for (i, path) in files.iter().enumerate() {
        let whole = fs::read(path).unwrap();
        let damaged = match i % 6 {
            0 => Vec::new(),
            1 => whole[..whole.len() / 2].to_vec(),
            2 => {
                let mut b = whole.clone();
                let at = b.len() - 3;
                b[at] ^= 0x20;
                b
            }
            3 => other.clone(),
            4 => b"{\"path\": \"checkout/main.go\", \"facts\": []}".to_vec(),
            _ => {
                let mut b = whole[..72].to_vec();
                b.extend_from_slice(b"{\"path\":\"x.go\",\"lang\":\"go\",\"facts\":[]}");
                b
            }
        };
        fs::write(path, damaged).unwrap();
    }
    let after = check(&root, Some(cache.path()), &[]);
    assert_same("shop with damaged entries", &uncached, &after);
    let n = files.len() as u64;
    assert_eq!(counters(&after), (0, n, n), "{}", after.stats);
    let again = check(&root, Some(cache.path()), &[]);
    assert_same("shop after the rewrite", &uncached, &again);
    assert_eq!(counters(&again), (n, 0, 0), "{}", again.stats);
}

#[test]
fn concurrent_runs_share_a_cache_directory() {
    let root = testdata("repos/shop");
    let cache = tempfile::tempdir().unwrap();
    let uncached = check(&root, None, &[]);
    let runs: Vec<Run> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| check(&root, Some(cache.path()), &[])))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (i, run) in runs.iter().enumerate() {
        assert_same(&format!("concurrent run {i}"), &uncached, run);
        assert_eq!(counters(run).2, 0, "{}", run.stats);
    }
    let warm = check(&root, Some(cache.path()), &[]);
    assert_same("after concurrent runs", &uncached, &warm);
    let (hits, written, damaged) = counters(&warm);
    assert_eq!((written, damaged), (0, 0), "{}", warm.stats);
    // Every entry is whole, and no temporary file is left behind.
    assert_eq!(files_below(cache.path()).len() as u64, hits);
}

#[test]
fn knowledge_from_the_configuration_is_part_of_the_key() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("repo");
    fs::create_dir_all(root.join("api")).unwrap();
    fs::write(
        root.join("api/routes.go"),
        crate::common::IN_HOUSE_WRAPPED_ROUTES,
    )
    .unwrap();
    let cache = tmp.path().join("cache");
    let before = check(&root, Some(&cache), &[]);
    assert_eq!(counters(&before), (0, 1, 0));
    assert!(String::from_utf8_lossy(&before.json).contains("inbound-not-extracted"));

    // A rule setting is not extraction's business: the facts are reused.
    let config = "[rules]\nignore = [\"span-name-style\"]\n";
    let rules_only = check_with_config(&root, &cache, config);
    assert_eq!(counters(&rules_only), (1, 0, 0), "{}", rules_only.stats);

    // A knowledge extension changes what the file means: a new key, and the new meaning.
    let config =
        "[knowledge.go.functions]\n\"example.com/internal/mw.Tracing\" = \"server-wrap\"\n";
    let extended = check_with_config(&root, &cache, config);
    assert_eq!(counters(&extended), (0, 1, 0), "{}", extended.stats);
    assert!(!String::from_utf8_lossy(&extended.json).contains("inbound-not-extracted"));
    assert_eq!(files_below(&cache).len(), 2);

    // Another role for the same name is another table again.
    let config =
        "[knowledge.go.functions]\n\"example.com/internal/mw.Tracing\" = \"server-middleware\"\n";
    let other = check_with_config(&root, &cache, config);
    assert_eq!(counters(&other), (0, 1, 0), "{}", other.stats);
}

/// Writes `config` as the tree's tracewire.toml and checks it with `cache`, asserting that the
/// report is that of a run without the cache.
fn check_with_config(root: &Path, cache: &Path, config: &str) -> Run {
    fs::write(root.join("tracewire.toml"), config).unwrap();
    let cached = check(root, Some(cache), &[]);
    assert_same(config, &check(root, None, &[]), &cached);
    cached
}

#[test]
fn the_cache_directory_is_the_users_unless_given_and_none_with_no_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let root = testdata("repos/shop");
    let xdg = tmp.path().join("xdg");
    let run = |args: &[&str], env: Option<&Path>| {
        let mut cmd = tracewire();
        cmd.env_remove(tracewire::cache::ENV_VAR)
            .env("XDG_CACHE_HOME", &xdg)
            .env("HOME", tmp.path().join("home"))
            .arg("check")
            .arg(&root)
            .args(["--format", "json"])
            .args(args);
        if let Some(dir) = env {
            cmd.env(tracewire::cache::ENV_VAR, dir);
        }
        cmd.output().unwrap()
    };
    if cfg!(target_os = "linux") {
        assert_eq!(run(&[], None).status.code(), Some(1));
        assert!(!files_below(&xdg.join("tracewire/facts-v1")).is_empty());
    }
    let from_env = tmp.path().join("env");
    assert_eq!(run(&[], Some(&from_env)).status.code(), Some(1));
    assert!(!files_below(&from_env).is_empty());
    let given = tmp.path().join("given");
    let flag = given.to_str().unwrap();
    assert_eq!(
        run(&["--cache-dir", flag], Some(&from_env)).status.code(),
        Some(1)
    );
    assert!(!files_below(&given).is_empty());
    // --no-cache wins over the environment's directory: nothing is written there.
    let unused = tmp.path().join("unused");
    let o = run(&["--no-cache"], Some(&unused));
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!unused.exists());
}

#[test]
fn a_cache_directory_that_cannot_be_made_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    fs::write(&file, "").unwrap();
    let o = tracewire()
        .args(["check", testdata("repos/shop").to_str().unwrap()])
        .arg("--cache-dir")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cannot use the cache directory") && err.contains("--no-cache"),
        "{err}"
    );
}
