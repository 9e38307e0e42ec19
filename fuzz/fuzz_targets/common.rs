//! The properties every extraction target checks, on any bytes read as a file of one language:
//! extraction and the rules never panic (a panic caught inside extraction comes back as a
//! skipped file with an internal error, which counts as a failure here), and every location of
//! every fact and finding lies inside the file, on the line and column of its bytes.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use tracewire::discover::SkipReason;
use tracewire::extract::FileOutcome;
use tracewire::lang::Lang;
use tracewire::single_file::{loc_problems, SingleFile};

/// One compiled checker per language, built on first use.
fn checker(lang: Lang) -> &'static SingleFile {
    static CHECKERS: OnceLock<Mutex<HashMap<Lang, &'static SingleFile>>> = OnceLock::new();
    let mut map = CHECKERS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    map.entry(lang).or_insert_with(|| {
        Box::leak(Box::new(
            SingleFile::new(lang).expect("embedded knowledge loads"),
        ))
    })
}

/// Checks the properties on `data` read as a file of `lang`; panics (a crash for the fuzzer)
/// when one fails.
pub fn check(lang: Lang, data: &[u8]) {
    let checker = checker(lang);
    let rel = format!("fuzz/input.{}", extension(lang));
    let checked = checker.check(&rel, data);
    if let FileOutcome::Skipped(skipped) = &checked.outcome {
        if let SkipReason::InternalError(message) = &skipped.reason {
            panic!("extraction panicked: {message}");
        }
    }
    let problems = loc_problems(data, &checked);
    assert!(problems.is_empty(), "locations outside the input: {problems:#?}");
}

fn extension(lang: Lang) -> &'static str {
    match lang {
        Lang::Go => "go",
        Lang::Python => "py",
        Lang::JavaScript => "js",
        Lang::TypeScript => "ts",
        Lang::Tsx => "tsx",
        Lang::Java => "java",
        Lang::CSharp => "cs",
        Lang::Rust => "rs",
    }
}
