//! The fixture harness.
//!
//! Expectations are comments on the reported line: `// expect: span-not-ended` (several ids may
//! be comma-separated), or, for a repository whose sources are read as an example (the bundled
//! `shop`), lines `path:line rule` of its `expected.txt` (`#` starts a comment). For every fixture under `testdata/<lang>/<rule>/` — a single file, or a
//! directory analysed as one repository — and for every repository under `testdata/repos/`, the
//! harness asserts that the exact set of (file, line, rule) reported equals the set expected,
//! across all rules: a fixture that trips an unrelated rule fails too.
//!
//! What each finding says (message, help, labels) is snapshotted per language
//! (`tests/it/snapshots/it__fixtures__messages_<lang>.snap`), so wording changes are reviewed too.
//!
//! `TW_FIXTURE=go/span-not-ended cargo test --test it fixtures::` runs only the fixtures whose path
//! under `testdata/` starts with the given prefix (and skips the message snapshots).
//!
//! It also enforces the catalog's quality bar: every rule has, for every language it claims, a
//! `bad*` fixture that expects it and a `good*` fixture.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use tracewire::analysis;
use tracewire::config::Settings;
use tracewire::lang::Lang;
use tracewire::rules::RULES;

type Finding = (String, u32, String);

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

/// The side file of expectations of a repository: `path:line rule` a line.
const EXPECTED_FILE: &str = "expected.txt";

/// Every `expect:` comment under `root`, and every line of its `expected.txt`, as (relative
/// path, line, rule).
fn expectations(root: &Path) -> BTreeSet<Finding> {
    let mut out = BTreeSet::new();
    if let Ok(text) = fs::read_to_string(root.join(EXPECTED_FILE)) {
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let parsed = line.split_once(' ').and_then(|(place, rule)| {
                let (path, number) = place.rsplit_once(':')?;
                let number: u32 = number.parse().ok()?;
                let rule = rule.trim();
                (root.join(path).is_file() && !rule.contains(' '))
                    .then(|| (path.to_string(), number, rule.to_string()))
            });
            let finding = parsed.unwrap_or_else(|| {
                panic!(
                    "{}: `{line}` is not `path:line rule` naming a file",
                    root.join(EXPECTED_FILE).display()
                )
            });
            out.insert(finding);
        }
    }
    for entry in walk(root) {
        if Lang::from_path(&entry).is_none() {
            continue;
        }
        let rel = entry
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = fs::read_to_string(&entry).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            let Some(at) = line.find("expect:") else {
                continue;
            };
            for id in line[at + "expect:".len()..].split([',', ' ']) {
                let id = id.trim();
                if !id.is_empty() {
                    out.insert((rel.clone(), i as u32 + 1, id.to_string()));
                }
            }
        }
    }
    out
}

fn walk(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if root.is_file() {
        out.push(root.to_path_buf());
        return out;
    }
    let mut entries: Vec<_> = fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// What a fixture's findings say, one block per diagnostic: place, rule and message, then the
/// help and each secondary label.
fn messages(fixture: &Path, root: &Path, outcome: &analysis::Outcome) -> String {
    let name = fixture
        .strip_prefix(testdata())
        .unwrap_or(fixture)
        .to_string_lossy()
        .replace('\\', "/");
    let mut out = String::new();
    for d in &outcome.diagnostics {
        out.push_str(&format!(
            "{name} {}:{} {} {}: {}\n  help: {}\n",
            d.path,
            d.loc.line,
            d.severity.name(),
            d.rule,
            d.message,
            d.help
        ));
        for l in &d.labels {
            out.push_str(&format!(
                "  label {}:{}: {}\n",
                l.path, l.loc.line, l.message
            ));
        }
    }
    // A single-file fixture is analysed in a temporary folder, whose name is its service's.
    match root.file_name() {
        Some(dir) if !root.starts_with(testdata()) => {
            out.replace(dir.to_string_lossy().as_ref(), "[fixture]")
        }
        _ => out,
    }
}

/// Analyses a fixture (file or directory) and returns what was expected, what was reported,
/// the JSON report and the findings' messages.
fn analyse(fixture: &Path) -> (BTreeSet<Finding>, BTreeSet<Finding>, String, String) {
    let settings = Settings::default();
    let (root, _tmp) = if fixture.is_file() {
        let tmp = tempfile::tempdir().unwrap();
        fs::copy(fixture, tmp.path().join(fixture.file_name().unwrap())).unwrap();
        (tmp.path().to_path_buf(), Some(tmp))
    } else {
        (fixture.to_path_buf(), None)
    };
    let outcome = analysis::analyze(&root, &settings).expect("analysis runs");
    let actual = outcome
        .diagnostics
        .iter()
        .map(|d| (d.path.clone(), d.loc.line, d.rule.to_string()))
        .collect();
    let rendered = tracewire::report::json::render(&outcome);
    let said = messages(fixture, &root, &outcome);
    (expectations(&root), actual, rendered, said)
}

/// The `TW_FIXTURE` prefix, when only some fixtures should run.
fn only() -> Option<String> {
    std::env::var("TW_FIXTURE").ok().filter(|s| !s.is_empty())
}

/// Whether a fixture passes the `TW_FIXTURE` filter.
fn selected(fixture: &Path) -> bool {
    only().is_none_or(|prefix| {
        fixture.strip_prefix(testdata()).is_ok_and(|rel| {
            rel.to_string_lossy()
                .replace('\\', "/")
                .starts_with(&prefix)
        })
    })
}

fn fixtures_of(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    out.sort();
    out
}

/// Asserts every fixture reports exactly what it expects; returns their findings' messages.
fn check_all(fixtures: &[PathBuf]) -> String {
    let mut failures = Vec::new();
    let mut said = String::new();
    for fixture in fixtures {
        let (expected, actual, rendered, messages) = analyse(fixture);
        said.push_str(&messages);
        if expected != actual {
            let missing: Vec<_> = expected.difference(&actual).collect();
            let unexpected: Vec<_> = actual.difference(&expected).collect();
            failures.push(format!(
                "{}\n  missing:    {missing:?}\n  unexpected: {unexpected:?}\n{rendered}",
                fixture.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "fixture failures:\n{}",
        failures.join("\n")
    );
    said
}

#[test]
fn language_fixtures_report_exactly_what_they_expect() {
    let mut total = 0;
    for lang in Lang::ALL {
        let mut fixtures = Vec::new();
        for rule_dir in fixtures_of(&testdata().join(lang.name())) {
            fixtures.extend(fixtures_of(&rule_dir).into_iter().filter(|f| selected(f)));
        }
        total += fixtures.len();
        let said = check_all(&fixtures);
        if !fixtures.is_empty() && only().is_none() {
            insta::assert_snapshot!(format!("messages_{}", lang.name()), said);
        }
    }
    assert!(total > 0 || only().is_some(), "no fixtures found");
}

#[test]
fn repositories_report_exactly_what_they_expect() {
    let repos: Vec<PathBuf> = fixtures_of(&testdata().join("repos"))
        .into_iter()
        .filter(|f| selected(f))
        .collect();
    if only().is_some() {
        check_all(&repos);
        return;
    }
    assert!(!repos.is_empty(), "no repositories found");
    insta::assert_snapshot!("messages_repos", check_all(&repos));
}

#[test]
fn every_rule_has_bad_and_good_fixtures_in_every_language_it_claims() {
    let mut problems = Vec::new();
    for rule in RULES {
        for lang in rule.meta.languages {
            let dir = testdata().join(lang.name()).join(rule.meta.id);
            let entries = fixtures_of(&dir);
            let named = |prefix: &str| {
                entries
                    .iter()
                    .filter(|p| {
                        p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
                    })
                    .collect::<Vec<_>>()
            };
            let bad_expects_rule = named("bad")
                .iter()
                .any(|p| expectations(p).iter().any(|(_, _, r)| r == rule.meta.id));
            if !bad_expects_rule {
                problems.push(format!(
                    "{}: no bad fixture expecting {}",
                    dir.display(),
                    rule.meta.id
                ));
            }
            if named("good").is_empty() {
                problems.push(format!("{}: no good fixture", dir.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn expectations_name_real_rules() {
    let mut all = BTreeSet::new();
    for path in walk(&testdata()) {
        if path.is_file() {
            for (_, _, rule) in expectations(&path) {
                all.insert(rule);
            }
        }
    }
    let unknown: Vec<_> = all
        .iter()
        .filter(|r| tracewire::rules::by_id(r).is_none())
        .collect();
    assert!(
        unknown.is_empty(),
        "unknown rule ids in expectations: {unknown:?}"
    );
}

/// The bundled example is read by people: its sources show no test comments, and its
/// expectations live in `expected.txt` instead.
#[test]
fn the_bundled_example_keeps_its_expectations_in_a_side_file() {
    let shop = testdata().join("repos/shop");
    for path in walk(&shop) {
        if Lang::from_path(&path).is_some() {
            let text = fs::read_to_string(&path).unwrap();
            assert!(!text.contains("expect:"), "{}", path.display());
        }
    }
    let expected = expectations(&shop);
    assert_eq!(expected.len(), 19, "{expected:?}");
    assert!(expected.contains(&(
        "cart/server.go".to_string(),
        27,
        "span-not-ended".to_string()
    )));
}
