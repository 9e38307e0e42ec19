//! The facts every fixture file yields, one snapshot per language folder of `testdata/`: a
//! change to an extractor shows as a reviewable diff of facts (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test it facts::`), before any rule sees it. Each file's
//! facts also read back from their JSON form unchanged (the form the facts cache keeps).

use crate::common::source_files;
use serde_json::Value;
use std::fmt::Write;
use std::path::Path;
use tracewire::extract::{extract_source, Extractors, FileOutcome, PhaseTimes};
use tracewire::facts::FileFacts;
use tracewire::knowledge::KnowledgeBase;
use tracewire::lang::Lang;

/// `line:col-line:col` of a serialised location.
fn range(loc: &Value) -> String {
    format!(
        "{}:{}-{}:{}",
        loc["line"], loc["col"], loc["end_line"], loc["end_col"]
    )
}

/// One file's facts: a header with the file's flags, then one line per fact and suppression.
fn render(rel: &str, facts: &Value, out: &mut String) {
    let mut flags = Vec::new();
    for (key, value) in facts.as_object().unwrap() {
        match (key.as_str(), value) {
            ("path" | "lang" | "facts" | "suppressions", _) => {}
            (_, Value::Bool(false) | Value::Null) => {}
            (_, Value::Bool(true)) => flags.push(key.clone()),
            (_, v) => flags.push(format!("{key}={v}")),
        }
    }
    writeln!(out, "== {rel} {}", flags.join(" ")).unwrap();
    for fact in facts["facts"].as_array().unwrap() {
        writeln!(out, "{} {}", range(&fact["loc"]), fact["kind"]).unwrap();
    }
    for s in facts["suppressions"].as_array().unwrap() {
        let mut s = s.clone();
        let loc = s.as_object_mut().unwrap().remove("loc").unwrap();
        writeln!(out, "{} suppression {s}", range(&loc)).unwrap();
    }
}

fn snapshot_of(folder: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut files = Vec::new();
    source_files(&root.join(folder), &mut files);
    let knowledge = KnowledgeBase::load(&Lang::ALL, &[]).unwrap();
    let extractors = Extractors::new(&knowledge).unwrap();
    let mut out = String::new();
    for file in files {
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let lang = Lang::from_path(&file).unwrap();
        let bytes = std::fs::read(&file).unwrap();
        match extract_source(&rel, lang, &bytes, &extractors, &PhaseTimes::default()) {
            FileOutcome::Facts(f) => {
                let value = serde_json::to_value(&f).unwrap();
                // The facts cache stores this form: reading it back gives the same facts.
                let back: FileFacts = serde_json::from_value(value.clone()).unwrap();
                assert_eq!(serde_json::to_value(&back).unwrap(), value, "{rel}");
                assert_eq!(back.facts, f.facts, "{rel}");
                render(&rel, &value, &mut out)
            }
            FileOutcome::Skipped(s) => writeln!(out, "== {rel} skipped: {}", s.reason).unwrap(),
        }
    }
    assert!(!out.is_empty(), "testdata/{folder} has source files");
    out
}

macro_rules! facts_of {
    ($($name:ident => $folder:literal),* $(,)?) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!(stringify!($name), snapshot_of($folder));
        }
    )*};
}

facts_of! {
    go => "go",
    python => "python",
    javascript => "javascript",
    typescript => "typescript",
    tsx => "tsx",
    java => "java",
    csharp => "csharp",
    rust => "rust",
    repos => "repos",
}
