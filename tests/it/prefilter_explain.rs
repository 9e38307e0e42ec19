//! `PREFILTER_EXPLAIN=DIR cargo test --test it prefilter_explain:: -- --ignored --nocapture` lists,
//! for each source file under DIR, the pre-filter needles that make it parsed, and counts
//! the files each needle alone keeps in.

use std::collections::BTreeMap;
use tracewire::knowledge::KnowledgeBase;
use tracewire::lang::Lang;
use tracewire::prefilter::Prefilter;

#[test]
#[ignore]
fn explain() {
    let Ok(dir) = std::env::var("PREFILTER_EXPLAIN") else {
        return;
    };
    let kb = KnowledgeBase::load(&Lang::ALL, &[]).unwrap();
    let pf = Prefilter::new(&kb);
    let mut sole: BTreeMap<String, usize> = BTreeMap::new();
    let mut any: BTreeMap<String, usize> = BTreeMap::new();
    for entry in ignore::WalkBuilder::new(&dir).build().flatten() {
        let p = entry.path();
        let Some(lang) = Lang::from_path(p) else {
            continue;
        };
        let src = std::fs::read(p).unwrap();
        let m = pf.matches(lang, &src);
        for n in &m {
            *any.entry(format!("{lang}:{}", n.text)).or_default() += 1;
        }
        if m.len() == 1 {
            *sole.entry(format!("{lang}:{}", m[0].text)).or_default() += 1;
        }
    }
    println!("needle → files it occurs in (files where it is the only one)");
    let mut rows: Vec<_> = any.into_iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    for (k, v) in rows.iter().take(60) {
        println!("{k:40} {v:6} {:6}", sole.get(k).copied().unwrap_or(0));
    }
}

/// `PREFILTER_COMPARE=DIR cargo test --test it prefilter_explain:: -- --ignored --nocapture`
/// checks on any tree (a real repository) that every file's facts, suppressions and flags, and
/// the diagnostics, are the same with and without the pre-filter.
#[test]
#[ignore]
fn compare() {
    use tracewire::analysis::Workspace;
    use tracewire::config::Settings;
    let Ok(dir) = std::env::var("PREFILTER_COMPARE") else {
        return;
    };
    let load = |prefilter| {
        let settings = Settings {
            prefilter,
            include_tests: true,
            ..Settings::default()
        };
        Workspace::load(std::path::Path::new(&dir), &settings, false).unwrap()
    };
    let (with, without) = (load(true), load(false));
    let key = |f: &tracewire::facts::FileFacts| {
        let relevant = !f.facts.is_empty() || !f.suppressions.is_empty();
        format!(
            "{:?} {:?} {:?} {} {} {} {:?}",
            f.lang,
            f.facts,
            f.suppressions,
            f.uses_tracing,
            f.has_entry,
            f.test_code,
            relevant.then_some(f.generated)
        )
    };
    assert_eq!(with.repo.files.len(), without.repo.files.len());
    for (a, b) in with.repo.files.iter().zip(&without.repo.files) {
        assert_eq!(a.path, b.path);
        assert_eq!(key(a), key(b), "{} differs", a.path);
    }
    assert_eq!(
        format!("{:?}", with.diagnostics()),
        format!("{:?}", without.diagnostics())
    );
    println!(
        "{dir}: identical; {} files not parsed by the pre-filter, {} parsed",
        with.stats.filtered, with.stats.parsed
    );
}
