//! Extraction: read, parse and extract each source file on a rayon pool, one tree-sitter parser
//! per thread and language. The tree is dropped as soon as the file's facts are out; a panic in
//! one file is caught and reported for that file only.

use crate::cache::FactsCache;
use crate::discover::{SkipReason, Skipped, SourceFile};
use crate::facts::FileFacts;
use crate::knowledge::KnowledgeBase;
use crate::lang::{Extractor, Lang};
use crate::prefilter::Prefilter;
use rayon::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;
use tree_sitter::Parser;

pub mod fault;

/// Bytes inspected for a NUL when deciding whether a file is binary.
const BINARY_SNIFF_LEN: usize = 8000;

/// The compiled extractors, only for languages present in the run.
pub struct Extractors {
    by_lang: HashMap<Lang, Box<dyn Extractor>>,
    /// The most time one file's parse may take.
    pub time_budget: std::time::Duration,
    /// The most bytes of one file that are read: a file that has grown past it since the walk
    /// is skipped as too large, never read whole.
    pub max_file_size: u64,
    /// When set, files in which no needle occurs are not parsed (see [`crate::prefilter`]).
    pub prefilter: Option<Prefilter>,
    /// Parse every file and extract nothing: the cost floor, for benchmarks.
    pub parse_only: bool,
    /// When set, facts are looked up here before a parse and stored after one (see
    /// [`crate::cache`]).
    pub cache: Option<FactsCache>,
}

/// The default per-file parse budget.
pub const DEFAULT_TIME_BUDGET: std::time::Duration = std::time::Duration::from_secs(5);

impl Extractors {
    /// Compiles the extractors of the languages that have a knowledge table in `knowledge`.
    pub fn new(knowledge: &KnowledgeBase) -> Result<Extractors, String> {
        let mut by_lang = HashMap::new();
        for lang in Lang::ALL {
            let Some(table) = knowledge.get(lang) else {
                continue;
            };
            if let Some(extractor) = lang.extractor(table.clone()) {
                by_lang.insert(lang, extractor?);
            }
        }
        Ok(Extractors {
            by_lang,
            time_budget: DEFAULT_TIME_BUDGET,
            max_file_size: crate::discover::DEFAULT_MAX_FILE_SIZE,
            prefilter: None,
            parse_only: false,
            cache: None,
        })
    }

    fn get(&self, lang: Lang) -> Option<&dyn Extractor> {
        self.by_lang.get(&lang).map(|e| e.as_ref())
    }
}

/// CPU time spent per phase, summed over threads, in nanoseconds.
#[derive(Debug, Default)]
pub struct PhaseTimes {
    /// Reading files.
    pub read: AtomicU64,
    /// Scanning files for the pre-filter's literals.
    pub prefilter: AtomicU64,
    /// Parsing.
    pub parse: AtomicU64,
    /// Running queries and building facts.
    pub extract: AtomicU64,
    /// Bytes read.
    pub bytes: AtomicU64,
    /// Files parsed.
    pub parsed: AtomicU64,
    /// Files the pre-filter proved irrelevant, not parsed.
    pub filtered: AtomicU64,
    /// Keying files and reading and writing their cache entries.
    pub cache: AtomicU64,
}

impl PhaseTimes {
    fn add(counter: &AtomicU64, since: Instant) -> Instant {
        let now = Instant::now();
        counter.fetch_add((now - since).as_nanos() as u64, Ordering::Relaxed);
        now
    }
}

/// The outcome of one file.
pub enum FileOutcome {
    /// Facts extracted.
    Facts(FileFacts),
    /// Not analysed, and why.
    Skipped(Skipped),
}

thread_local! {
    static PARSERS: RefCell<HashMap<Lang, Parser>> = RefCell::new(HashMap::new());
}

/// Extracts every file in parallel; results come back in input order.
pub fn extract_all(
    files: &[SourceFile],
    extractors: &Extractors,
    times: &PhaseTimes,
) -> Vec<FileOutcome> {
    files
        .par_iter()
        .map(|file| extract_file(file, extractors, times))
        .collect()
}

/// Reads, parses and extracts one file, containing any panic to this file.
pub fn extract_file(file: &SourceFile, extractors: &Extractors, times: &PhaseTimes) -> FileOutcome {
    match read_source(file, extractors, times) {
        Ok(bytes) => extract_source(&file.rel, file.lang, &bytes, extractors, times),
        Err(skipped) => FileOutcome::Skipped(skipped),
    }
}

/// Reads a source file within the size limit, or says why it is skipped.
pub fn read_source(
    file: &SourceFile,
    extractors: &Extractors,
    times: &PhaseTimes,
) -> Result<Vec<u8>, Skipped> {
    let start = Instant::now();
    if fault::injected(fault::Fault::Vanish, &file.rel) {
        // Deleted between the walk and the read, as by a concurrent checkout.
        let _ = std::fs::remove_file(&file.abs);
    }
    let skipped = |reason| {
        Err(Skipped {
            rel: file.rel.clone(),
            reason,
        })
    };
    let bytes = match read_at_most(&file.abs, extractors.max_file_size) {
        Ok(Read::Whole(b)) => b,
        Ok(Read::TooLarge(size)) => return skipped(SkipReason::TooLarge(size)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return skipped(SkipReason::Vanished)
        }
        Err(err) => return skipped(SkipReason::Unreadable(err.to_string())),
    };
    PhaseTimes::add(&times.read, start);
    times.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
    Ok(bytes)
}

/// A file's bytes, or its size when it is larger than the limit.
enum Read {
    Whole(Vec<u8>),
    TooLarge(u64),
}

/// Reads a file whole unless it is larger than `max` bytes, reading no more than `max + 1`.
fn read_at_most(path: &std::path::Path, max: u64) -> std::io::Result<Read> {
    use std::io::Read as _;
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    let mut bytes = Vec::with_capacity(size.min(max) as usize + 1);
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Ok(Read::TooLarge(size.max(bytes.len() as u64)));
    }
    Ok(Read::Whole(bytes))
}

/// Parses and extracts source text that is already in memory (also used by the language server
/// and the tests).
pub fn extract_source(
    rel: &str,
    lang: Lang,
    bytes: &[u8],
    extractors: &Extractors,
    times: &PhaseTimes,
) -> FileOutcome {
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
    if memchr::memchr(0, sniff).is_some() {
        return FileOutcome::Skipped(Skipped {
            rel: rel.to_string(),
            reason: SkipReason::Binary,
        });
    }
    let mut facts = FileFacts {
        path: rel.to_string(),
        lang: Some(lang),
        ..FileFacts::default()
    };
    let Some(extractor) = extractors.get(lang) else {
        // A language without extraction yet: it still belongs to its service.
        return FileOutcome::Facts(facts);
    };
    if let Some(prefilter) = &extractors.prefilter {
        let start = Instant::now();
        let may_contribute = prefilter.may_contribute(lang, rel, bytes);
        PhaseTimes::add(&times.prefilter, start);
        if !may_contribute {
            times.filtered.fetch_add(1, Ordering::Relaxed);
            facts.prefiltered = true;
            return FileOutcome::Facts(facts);
        }
    }
    // Files named for fault injection are always extracted, so that the fault happens.
    let cache = extractors
        .cache
        .as_ref()
        .filter(|_| !extractors.parse_only && !fault::any(rel));
    let mut key = None;
    if let Some(cache) = cache {
        let start = Instant::now();
        key = cache.key(lang, rel, bytes);
        let cached = key.as_ref().and_then(|key| cache.get(key, lang, rel));
        PhaseTimes::add(&times.cache, start);
        if let Some(cached) = cached {
            return FileOutcome::Facts(cached);
        }
    }
    let budget = extractors.time_budget;
    let result = catch_unwind(AssertUnwindSafe(|| {
        if fault::injected(fault::Fault::Panic, rel) {
            panic!("fault injected into the extraction of {rel}");
        }
        let mut start = Instant::now();
        let began = start;
        let tree = PARSERS.with(|parsers| {
            let mut parsers = parsers.borrow_mut();
            let parser = parsers.entry(lang).or_insert_with(|| {
                let mut p = Parser::new();
                p.set_language(&lang.grammar())
                    .expect("grammar ABI is checked by the grammar test");
                p
            });
            // A pathological file cannot stall the run: the parse gives up past the budget.
            let mut over_budget = |_: &tree_sitter::ParseState| {
                if began.elapsed() > budget {
                    std::ops::ControlFlow::Break(())
                } else {
                    std::ops::ControlFlow::Continue(())
                }
            };
            let options = tree_sitter::ParseOptions::new().progress_callback(&mut over_budget);
            let mut read = |i: usize, _: tree_sitter::Point| bytes.get(i..).unwrap_or(&[]);
            let tree = parser.parse_with_options(&mut read, None, Some(options));
            if tree.is_none() {
                // A cancelled parse leaves state behind: reset before the next file.
                parser.reset();
            }
            tree
        });
        start = PhaseTimes::add(&times.parse, start);
        times.parsed.fetch_add(1, Ordering::Relaxed);
        let Some(tree) = tree else {
            return false;
        };
        if extractors.parse_only {
            return true;
        }
        extractor.extract(bytes, &tree, &mut facts);
        PhaseTimes::add(&times.extract, start);
        true
    }));
    match result {
        Ok(true) => {
            if let (Some(cache), Some(key)) = (cache, key) {
                let start = Instant::now();
                cache.put(&key, &facts);
                PhaseTimes::add(&times.cache, start);
            }
            FileOutcome::Facts(facts)
        }
        Ok(false) => FileOutcome::Skipped(Skipped {
            rel: rel.to_string(),
            reason: SkipReason::TimedOut(budget.as_millis() as u64),
        }),
        Err(panic) => {
            // The parser may be in a bad state after a panic: start a fresh one next time.
            PARSERS.with(|p| p.borrow_mut().remove(&lang));
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            FileOutcome::Skipped(Skipped {
                rel: rel.to_string(),
                reason: SkipReason::InternalError(message),
            })
        }
    }
}
