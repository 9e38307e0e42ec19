//! Properties the fuzz targets (`fuzz/`) check on random input, checked here on every fixture
//! and on hostile text in every language: extraction and the rules never panic, and every
//! location of every fact and finding lies inside its file. And a run's output does not depend
//! on how many threads it used.

use std::path::{Path, PathBuf};
use tracewire::discover::SkipReason;
use tracewire::extract::FileOutcome;

use crate::common::source_files;
use tracewire::lang::Lang;
use tracewire::single_file::{loc_problems, SingleFile};

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

/// Checks one text as a file of `lang`; returns a description of each broken property.
fn problems(checker: &SingleFile, rel: &str, src: &[u8]) -> Vec<String> {
    let checked = checker.check(rel, src);
    if let FileOutcome::Skipped(s) = &checked.outcome {
        if let SkipReason::InternalError(e) = &s.reason {
            return vec![format!("{rel}: extraction panicked: {e}")];
        }
    }
    loc_problems(src, &checked)
        .into_iter()
        .map(|p| format!("{rel}: {p}"))
        .collect()
}

#[test]
fn every_location_in_every_fixture_lies_inside_its_file() {
    let mut files = Vec::new();
    source_files(&testdata(), &mut files);
    let checkers: Vec<SingleFile> = Lang::ALL
        .iter()
        .map(|l| SingleFile::new(*l).unwrap())
        .collect();
    let mut broken = Vec::new();
    let mut with_facts = 0;
    for path in &files {
        let lang = Lang::from_path(path).unwrap();
        let checker = &checkers[Lang::ALL.iter().position(|l| *l == lang).unwrap()];
        let src = std::fs::read(path).unwrap();
        let rel = path.strip_prefix(testdata()).unwrap().to_string_lossy();
        broken.extend(problems(checker, &rel, &src));
        if let FileOutcome::Facts(f) = checker.extract(&rel, &src) {
            with_facts += usize::from(!f.facts.is_empty());
        }
    }
    assert!(files.len() > 100 && with_facts > 100, "{}", files.len());
    assert!(broken.is_empty(), "{broken:#?}");
}

/// Hostile variations of real fixtures in each language: a BOM, CRLF line ends, multi-byte
/// characters, invalid UTF-8, a NUL byte, truncation in the middle of a character.
#[test]
fn hostile_text_in_every_language_keeps_its_locations_inside() {
    let mut broken = Vec::new();
    for lang in Lang::ALL {
        let checker = SingleFile::new(lang).unwrap();
        let mut files = Vec::new();
        let dir = testdata().join(lang.name());
        if dir.is_dir() {
            source_files(&dir, &mut files);
        }
        let mut originals: Vec<Vec<u8>> = files
            .iter()
            .step_by((files.len() / 8).max(1))
            .map(|p| std::fs::read(p).unwrap())
            .collect();
        originals.push(include_bytes!("../../src/single_file.rs").to_vec());
        originals.push(b"\xff\xfe\x00".to_vec());
        for (i, original) in originals.iter().enumerate() {
            let text = String::from_utf8_lossy(original);
            let mut variants: Vec<Vec<u8>> = vec![
                format!("\u{feff}{text}").into_bytes(),
                text.replace('\n', "\r\n").into_bytes(),
                text.replace('e', "\u{e9}")
                    .replace('a', "\u{1f600}")
                    .into_bytes(),
            ];
            let mut invalid = original.clone();
            for b in invalid.iter_mut().step_by(37) {
                *b = 0xff;
            }
            variants.push(invalid);
            let mut nul = original.clone();
            nul.insert(original.len() / 2, 0);
            variants.push(nul);
            let emoji = text.replace('e', "\u{1f600}").into_bytes();
            variants.push(emoji[..emoji.len() * 2 / 3].to_vec());
            for (j, v) in variants.iter().enumerate() {
                let rel = format!("{i}-{j}.{}", extension(lang));
                broken.extend(problems(&checker, &rel, v));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
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

fn json_with_threads(root: &Path, threads: usize) -> Vec<u8> {
    let out = crate::common::tracewire()
        .arg("check")
        .arg(root)
        .args(["--format", "json", "--threads", &threads.to_string()])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    for root in [
        testdata().join("go"),
        testdata().join("python"),
        testdata().join("javascript"),
        testdata().join("typescript"),
        testdata().join("java"),
        testdata().join("csharp"),
        testdata().join("repos"),
    ] {
        let one = json_with_threads(&root, 1);
        let four = json_with_threads(&root, 4);
        let doc: serde_json::Value = serde_json::from_slice(&one).unwrap();
        assert!(
            !doc["diagnostics"].as_array().unwrap().is_empty(),
            "{}",
            root.display()
        );
        assert!(
            one == four,
            "{}: output differs between 1 and 4 threads",
            root.display()
        );
    }
}
