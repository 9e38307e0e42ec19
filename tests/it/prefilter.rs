//! The literal pre-filter changes nothing but speed: on every fixture and bundled repository (and
//! on the example with business code added, where it does skip files) the facts every later
//! stage reads, and the diagnostics, are the same with and without it. The fixtures are all
//! tracing code, so there it skips nothing; `tests/it/prefilter_explain.rs` runs the same check on
//! any tree, such as real repositories.
//!
//! A file the filter skips keeps its path and language; what it loses (package name, parse
//! errors, the generated flag) no later stage reads for a file without facts or suppressions,
//! so those are compared only for files that have some.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use tracewire::analysis::Workspace;
use tracewire::config::Settings;
use tracewire::facts::FileFacts;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

/// Every fixture (file or directory) under `testdata/<lang>/<rule>/`, and every repository
/// under `testdata/repos/`.
fn roots() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut langs: Vec<PathBuf> = fs::read_dir(testdata())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir() && !p.ends_with("sarif"))
        .collect();
    langs.sort();
    for lang in langs {
        let mut groups: Vec<PathBuf> = fs::read_dir(&lang)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        groups.sort();
        if lang.ends_with("repos") {
            out.extend(groups);
            continue;
        }
        for group in groups.into_iter().filter(|g| g.is_dir()) {
            let mut cases: Vec<PathBuf> = fs::read_dir(&group)
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .collect();
            cases.sort();
            out.extend(cases);
        }
    }
    out
}

/// What later stages read of a file.
#[derive(Debug, PartialEq)]
struct Seen {
    lang: Option<tracewire::lang::Lang>,
    facts: String,
    suppressions: String,
    uses_tracing: bool,
    has_entry: bool,
    test_code: bool,
    generated: Option<bool>,
}

fn seen(f: &FileFacts) -> Seen {
    let relevant = !f.facts.is_empty() || !f.suppressions.is_empty();
    Seen {
        lang: f.lang,
        facts: format!("{:?}", f.facts),
        suppressions: format!("{:?}", f.suppressions),
        uses_tracing: f.uses_tracing,
        has_entry: f.has_entry,
        test_code: f.test_code,
        generated: relevant.then_some(f.generated),
    }
}

struct Run {
    files: BTreeMap<String, Seen>,
    diagnostics: String,
    filtered: u64,
    parsed: u64,
}

fn run(root: &Path, prefilter: bool, include_tests: bool) -> Run {
    let settings = Settings {
        prefilter,
        include_tests,
        ..Settings::default()
    };
    let ws = Workspace::load(root, &settings, false).expect("loads");
    Run {
        files: ws
            .repo
            .files
            .iter()
            .map(|f| (f.path.clone(), seen(f)))
            .collect(),
        diagnostics: format!("{:#?}", ws.diagnostics()),
        filtered: ws.stats.filtered,
        parsed: ws.stats.parsed,
    }
}

#[test]
fn facts_and_diagnostics_are_the_same_without_the_prefilter() {
    let mut skipped = 0;
    let mut parsed = 0;
    let mut checked = 0;
    for root in roots() {
        // With test code included too, so that files the filter skips are compared even where
        // the analysis would leave them out.
        for include_tests in [false, true] {
            let with = run(&root, true, include_tests);
            let without = run(&root, false, include_tests);
            assert_eq!(without.filtered, 0);
            for (path, full) in &without.files {
                assert_eq!(
                    with.files.get(path),
                    Some(full),
                    "{}: {path} differs with the pre-filter",
                    root.display()
                );
            }
            assert_eq!(with.files.len(), without.files.len(), "{}", root.display());
            assert_eq!(
                with.diagnostics,
                without.diagnostics,
                "{}: diagnostics differ with the pre-filter",
                root.display()
            );
            if !include_tests {
                skipped += with.filtered;
                parsed += with.parsed;
                checked += 1;
            }
        }
    }
    assert!(checked > 250, "only {checked} fixtures found");
    eprintln!("{checked} fixtures: {skipped} files not parsed by the pre-filter, {parsed} parsed");
}

/// The bundled example with business code added to each service: the filter skips the
/// business files and nothing changes.
#[test]
fn the_example_with_business_code_is_the_same_without_the_prefilter() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    crate::common::copy_dir(&testdata().join("repos/shop"), root);
    let business = [
        (
            "frontend/pricing/total.go",
            "package pricing\n\nimport \"strings\"\n\nfunc total(items []float64, region string) float64 {\n\tsum := 0.0\n\tfor _, v := range items {\n\t\tsum += v\n\t}\n\tif strings.HasPrefix(region, \"eu\") {\n\t\tsum *= 1.2\n\t}\n\treturn sum\n}\n",
        ),
        (
            "recommend/scoring.py",
            "import math\n\n\ndef score(items, limit=10):\n    totals = {}\n    for index, item in enumerate(items[:limit]):\n        totals[index % 3] = totals.setdefault(index % 3, 0) + math.sqrt(item)\n    return totals\n",
        ),
        (
            "checkout/src/rounding.ts",
            "export function round2(x: number): number {\n  return Math.round(x * 100) / 100;\n}\n",
        ),
        (
            "ads/src/main/java/shop/ads/Rank.java",
            "package shop.ads;\n\nimport java.util.List;\n\npublic final class Rank {\n    public static long sum(List<Long> xs) {\n        long s = 0;\n        for (long x : xs) {\n            s += x;\n        }\n        return s;\n    }\n}\n",
        ),
    ];
    for (rel, text) in business {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let with = run(root, true, false);
    let without = run(root, false, false);
    assert_eq!(with.filtered, 4, "the business files are skipped");
    assert_eq!(with.parsed + 4, without.parsed);
    assert_eq!(with.files, without.files);
    assert_eq!(with.diagnostics, without.diagnostics);
    assert!(with.diagnostics.contains("span-not-ended"));
}

#[test]
fn business_code_is_not_parsed_and_setup_code_is() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let files = [
        ("go.mod", "module example.com/shop\n"),
        (
            "pricing/total.go",
            "package pricing\n\nimport (\n\t\"errors\"\n\t\"strings\"\n)\n\nvar ErrEmpty = errors.New(\"empty\")\n\nfunc Total(items []float64, region string) (float64, error) {\n\tif len(items) == 0 {\n\t\treturn 0, ErrEmpty\n\t}\n\tsum := 0.0\n\tfor _, v := range items {\n\t\tsum += v\n\t}\n\tif strings.HasPrefix(region, \"eu\") {\n\t\tsum *= 1.2\n\t}\n\treturn sum, nil\n}\n",
        ),
        (
            "main.go",
            "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.ListenAndServe(\":8080\", nil)\n}\n",
        ),
        (
            "handlers/store.go",
            "package handlers\n\nimport \"context\"\n\nfunc Load(ctx context.Context, id string) error {\n\treturn lookup(ctx, id)\n}\n",
        ),
    ];
    for (rel, text) in files {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let with = run(root, true, false);
    let without = run(root, false, false);
    // Only the pricing code is skipped: `main` is an entry point, and a function that takes a
    // request context tells the model which functions request code calls.
    assert_eq!(with.filtered, 1);
    assert_eq!(with.parsed, 2);
    assert_eq!(without.parsed, 3);
    assert_eq!(with.files, without.files);
    assert!(without.files["handlers/store.go"].facts.contains("lookup"));
}

/// An editor's update of a file the pre-filter would skip (constants only) keeps its facts: the
/// span name that uses its constant stays bounded.
#[test]
fn an_edited_file_of_constants_keeps_its_facts() {
    let root = testdata().join("go/span-name-cardinality/good_cross_file");
    let settings = Settings::default();
    let mut ws = Workspace::load(&root, &settings, false).expect("loads");
    assert!(ws.diagnostics().is_empty(), "{:#?}", ws.diagnostics());
    let names = fs::read(root.join("names/names.go")).unwrap();
    ws.update_source("names/names.go", &names);
    let constants: Vec<&FileFacts> = ws
        .repo
        .files
        .iter()
        .filter(|f| f.path == "names/names.go")
        .collect();
    assert!(
        constants
            .iter()
            .any(|f| !f.prefiltered && !f.facts.is_empty()),
        "the edited file was not extracted: {constants:#?}"
    );
    assert!(ws.diagnostics().is_empty(), "{:#?}", ws.diagnostics());
}
