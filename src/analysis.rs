//! The pipeline, end to end: discover → extract → model → rules → suppress/filter.
//! Reporting is separate (see `report`), so the same outcome can be rendered in any format.

use crate::cache::FactsCache;
use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::discover::{self, Skipped, WalkOptions};
use crate::extract::{self, Extractors, FileOutcome, PhaseTimes};
use crate::knowledge::KnowledgeBase;
use crate::lang::Lang;
use crate::model::RepoModel;
use crate::rules::RULES;
use crate::suppress;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Wall time per phase, and throughput counters.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// Walking the tree.
    pub walk: Duration,
    /// Reading, parsing and extracting (wall).
    pub extract_wall: Duration,
    /// CPU time reading, summed over threads.
    pub read_cpu: Duration,
    /// CPU time scanning for the pre-filter's literals, summed over threads.
    pub prefilter_cpu: Duration,
    /// CPU time parsing, summed over threads.
    pub parse_cpu: Duration,
    /// CPU time extracting facts, summed over threads.
    pub extract_cpu: Duration,
    /// Building the model.
    pub model: Duration,
    /// Running rules and suppressions.
    pub rules: Duration,
    /// Source files found, skipped ones included.
    pub files: usize,
    /// Files parsed.
    pub parsed: u64,
    /// Files the pre-filter proved irrelevant, not parsed.
    pub filtered: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Worker threads.
    pub threads: usize,
    /// CPU time keying files and reading and writing cache entries, summed over threads.
    pub cache_cpu: Duration,
    /// The facts cache's use, when it is on.
    pub cache: Option<CacheStats>,
}

/// What one run did with the facts cache.
#[derive(Debug, Default, Clone)]
pub struct CacheStats {
    /// The directory of this build's entries.
    pub dir: PathBuf,
    /// Files whose facts came from the cache.
    pub hits: u64,
    /// Files parsed for want of an entry.
    pub misses: u64,
    /// Entries found damaged or not matching: ignored, and rewritten.
    pub rejected: u64,
    /// Entries written.
    pub written: u64,
    /// Entries that could not be written.
    pub write_errors: u64,
}

impl CacheStats {
    fn of(cache: &FactsCache) -> CacheStats {
        let c = &cache.counters;
        let n = |counter: &std::sync::atomic::AtomicU64| counter.load(Ordering::Relaxed);
        CacheStats {
            dir: cache.dir().to_path_buf(),
            hits: n(&c.hits),
            misses: n(&c.misses),
            rejected: n(&c.rejected),
            written: n(&c.written),
            write_errors: n(&c.write_errors),
        }
    }

    /// Adds another run's counts (several paths checked at once).
    pub fn add(&mut self, other: &CacheStats) {
        self.hits += other.hits;
        self.misses += other.misses;
        self.rejected += other.rejected;
        self.written += other.written;
        self.write_errors += other.write_errors;
    }
}

/// A service as reported in the summary.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ServiceInfo {
    /// Name.
    pub name: String,
    /// Directory relative to the root.
    pub path: String,
    /// Whether it uses OpenTelemetry.
    pub uses_tracing: bool,
}

/// Everything a run found.
#[derive(Debug)]
pub struct Outcome {
    /// The scanned root.
    pub root: PathBuf,
    /// Diagnostics, sorted by path, line, column and rule.
    pub diagnostics: Vec<Diagnostic>,
    /// Files not analysed.
    pub skipped: Vec<Skipped>,
    /// One-line notes for the user (no tracing found, walk errors).
    pub notes: Vec<String>,
    /// The services found.
    pub services: Vec<ServiceInfo>,
    /// Timings and counters.
    pub stats: Stats,
    /// The rules that ran, in catalog order.
    pub rules: Vec<&'static crate::rules::RuleMeta>,
}

/// A loaded repository: every file's facts grouped into services, ready for rules, and able to
/// take a new version of one file (the language server's edit loop).
pub struct Workspace {
    /// The scanned root.
    pub root: PathBuf,
    /// The settings it was loaded with.
    pub settings: Settings,
    /// Facts and services.
    pub repo: RepoModel,
    /// Files not analysed.
    pub skipped: Vec<Skipped>,
    /// Walk errors.
    pub walk_errors: Vec<String>,
    /// Timings and counters of the load.
    pub stats: Stats,
    knowledge: KnowledgeBase,
    extractors: Extractors,
    manifests: Vec<crate::discover::Manifest>,
    root_name: String,
}

impl Workspace {
    /// Walks, reads, parses and extracts `root`. With `all_languages`, extractors for every
    /// analysed language are ready (an editor may open a file of a language the tree lacks).
    pub fn load(
        root: &Path,
        settings: &Settings,
        all_languages: bool,
    ) -> Result<Workspace, String> {
        let mut stats = Stats {
            threads: rayon::current_num_threads(),
            ..Stats::default()
        };
        let t = Instant::now();
        let walk_options = WalkOptions {
            exclude: settings.exclude.clone(),
            max_file_size: settings.max_file_size,
            threads: settings.threads,
            include_tests: settings.include_tests,
        };
        let found = discover::walk(root, &walk_options)?;
        stats.walk = t.elapsed();
        stats.files = found.sources.len() + found.skipped.len();

        let langs: Vec<Lang> = if all_languages {
            Lang::ALL.to_vec()
        } else {
            found
                .sources
                .iter()
                .map(|s| s.lang)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        };
        let knowledge = KnowledgeBase::load(&langs, &settings.knowledge)?;
        let mut extractors = Extractors::new(&knowledge)?;
        extractors.time_budget = settings.file_time_budget;
        extractors.max_file_size = settings.max_file_size;
        extractors.parse_only = settings.parse_only;
        if settings.prefilter {
            extractors.prefilter = Some(crate::prefilter::Prefilter::new(&knowledge));
        }
        if let Some(dir) = &settings.cache {
            extractors.cache = Some(FactsCache::open(dir, &knowledge)?);
        }
        let times = PhaseTimes::default();
        let t = Instant::now();
        let outcomes = extract::extract_all(&found.sources, &extractors, &times);
        stats.extract_wall = t.elapsed();
        stats.read_cpu = Duration::from_nanos(times.read.load(Ordering::Relaxed));
        stats.prefilter_cpu = Duration::from_nanos(times.prefilter.load(Ordering::Relaxed));
        stats.parse_cpu = Duration::from_nanos(times.parse.load(Ordering::Relaxed));
        stats.extract_cpu = Duration::from_nanos(times.extract.load(Ordering::Relaxed));
        stats.bytes = times.bytes.load(Ordering::Relaxed);
        stats.parsed = times.parsed.load(Ordering::Relaxed);

        let t = Instant::now();
        let mut skipped = found.skipped;
        let mut files = Vec::with_capacity(outcomes.len());
        let mut sources_of_files = Vec::with_capacity(outcomes.len());
        for (i, outcome) in outcomes.into_iter().enumerate() {
            match outcome {
                FileOutcome::Facts(f) => {
                    files.push(f);
                    sources_of_files.push(i);
                }
                FileOutcome::Skipped(s) => skipped.push(s),
            }
        }
        reextract_referenced(
            &mut files,
            &sources_of_files,
            &found.sources,
            &mut extractors,
            &times,
        );
        stats.filtered = times.filtered.load(Ordering::Relaxed);
        stats.cache_cpu = Duration::from_nanos(times.cache.load(Ordering::Relaxed));
        stats.cache = extractors.cache.as_ref().map(CacheStats::of);
        skipped.sort_by(|a, b| a.rel.cmp(&b.rel));
        if !settings.include_tests {
            files.retain(|f| !f.test_code);
        }
        files.extend(deployment_facts(&found.deploy));
        files.extend(service_dotenv_facts(root, &found.manifests));
        let root_name = root_name(root);
        let mut manifests = found.manifests;
        manifests.extend(
            settings
                .services
                .iter()
                .map(|(dir, _)| crate::discover::Manifest {
                    dir: dir.clone(),
                    kind: crate::discover::ManifestKind::Configured,
                }),
        );
        let mut repo = RepoModel::build(files, &manifests, &root_name);
        repo.rename_services(&settings.services);
        repo.contracts = std::sync::Arc::new(contracts(&found.protos));
        stats.model = t.elapsed();
        Ok(Workspace {
            root: root.to_path_buf(),
            settings: settings.clone(),
            repo,
            skipped,
            walk_errors: found.walk_errors,
            stats,
            knowledge,
            extractors,
            manifests,
            root_name,
        })
    }

    /// The run's knowledge tables.
    pub fn knowledge(&self) -> &KnowledgeBase {
        &self.knowledge
    }

    /// Runs the enabled rules and suppressions over the whole repository.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        run_rules(&self.repo, &self.knowledge, &self.settings)
    }

    /// Replaces one source file's facts with those of `text` (relative path `rel`), as an
    /// editor sees it; the services are regrouped. A file that is not a source file of an
    /// analysed language is ignored.
    pub fn update_source(&mut self, rel: &str, text: &[u8]) {
        let Some(lang) = Lang::from_path(Path::new(rel)) else {
            return;
        };
        // The pre-filter is for walking many files: an edited file is parsed whatever it holds,
        // since a file of constants alone still names other files' spans. An editor's buffer
        // changes with each keystroke: its versions are not worth keeping in the cache.
        let prefilter = self.extractors.prefilter.take();
        let cache = self.extractors.cache.take();
        let outcome =
            extract::extract_source(rel, lang, text, &self.extractors, &PhaseTimes::default());
        self.extractors.prefilter = prefilter;
        self.extractors.cache = cache;
        let facts = match outcome {
            FileOutcome::Facts(facts)
                if self.settings.include_tests || !(facts.test_code || lang.is_test_path(rel)) =>
            {
                Some(facts)
            }
            _ => None,
        };
        self.replace_source(rel, facts);
    }

    /// Drops one source file (deleted on disk); the services are regrouped.
    pub fn remove_source(&mut self, rel: &str) {
        if self.has_source(rel) {
            self.replace_source(rel, None);
        }
    }

    /// Whether the workspace holds facts of the source file `rel`.
    pub fn has_source(&self, rel: &str) -> bool {
        self.repo
            .files
            .iter()
            .any(|f| f.path == rel && f.lang.is_some())
    }

    /// Puts `facts` in place of the source file `rel`'s (none: the file is gone) and rebuilds
    /// the model.
    fn replace_source(&mut self, rel: &str, facts: Option<crate::facts::FileFacts>) {
        let mut files = std::mem::take(&mut self.repo.files);
        files.retain(|f| f.path != rel || f.lang.is_none());
        files.extend(facts);
        files.sort_by(|a, b| (a.lang.is_none(), &a.path).cmp(&(b.lang.is_none(), &b.path)));
        let contracts = std::sync::Arc::clone(&self.repo.contracts);
        self.repo = RepoModel::build(files, &self.manifests, &self.root_name);
        self.repo.rename_services(&self.settings.services);
        self.repo.contracts = contracts;
    }

    /// The services, as reported in summaries.
    pub fn services(&self) -> Vec<ServiceInfo> {
        self.repo
            .services
            .iter()
            .map(|s| ServiceInfo {
                name: s.name.clone(),
                path: s.root.clone(),
                uses_tracing: s.uses_tracing,
            })
            .collect()
    }
}

/// Runs the whole analysis on `root`.
pub fn analyze(root: &Path, settings: &Settings) -> Result<Outcome, String> {
    let workspace = Workspace::load(root, settings, false)?;
    let t = Instant::now();
    let diagnostics = workspace.diagnostics();
    let mut stats = workspace.stats.clone();
    stats.rules = t.elapsed();
    let mut notes = workspace.walk_errors.clone();
    let repo = &workspace.repo;
    let sources = repo.files.iter().filter(|f| f.lang.is_some()).count();
    if stats.files == 0 {
        notes.push(format!(
            "no source files ({}) found in `{}`: nothing to check",
            crate::language::LANGUAGES,
            root.display()
        ));
    } else if !repo.files.is_empty() && !repo.uses_tracing() {
        notes.push(format!(
            "no OpenTelemetry usage found in {sources} source file{}: nothing to check",
            if sources == 1 { "" } else { "s" }
        ));
    }
    for (dir, _) in &settings.services {
        if !root.join(dir).is_dir() {
            notes.push(format!(
                "the configured service path `{dir}` ([[services]]) does not exist under `{}`",
                root.display()
            ));
        }
    }
    Ok(Outcome {
        root: root.to_path_buf(),
        diagnostics,
        services: workspace.services(),
        skipped: workspace.skipped,
        notes,
        stats,
        rules: RULES
            .iter()
            .filter(|r| settings.is_enabled(r.meta.id))
            .map(|r| r.meta)
            .collect(),
    })
}

/// Runs every enabled rule over every service, then suppressions, then sorts and deduplicates
/// (a finding in a file shared by several services is reported once).
pub fn run_rules(
    repo: &RepoModel,
    knowledge: &KnowledgeBase,
    settings: &Settings,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let model = crate::model::build::Model::build(repo, knowledge, settings.naming_style);
    for view in &model.views {
        for rule in RULES {
            if settings.is_enabled(rule.meta.id) {
                (rule.check)(view, &mut diagnostics);
            }
        }
    }
    let generated: BTreeSet<&str> = repo
        .files
        .iter()
        .filter(|f| f.generated)
        .map(|f| f.path.as_str())
        .collect();
    diagnostics.retain(|d| !generated.contains(d.path.as_str()));
    for d in &mut diagnostics {
        d.severity = settings.severity_of(d.rule, d.severity);
    }
    let enabled = |id: &str| settings.is_enabled(id);
    let (mut diagnostics, problems) = suppress::apply(diagnostics, &repo.files, &enabled);
    diagnostics.extend(crate::suppress::suppression_diagnostics(
        repo, &problems, settings,
    ));
    diagnostics.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.message.cmp(&b.message))
    });
    diagnostics.dedup_by(|a, b| a.sort_key() == b.sort_key() && a.message == b.message);
    diagnostics
}

/// Parses, after all, the files the pre-filter left out that may declare a constant another
/// file's span name refers to (`const CheckoutSpan = "checkout.place-order"` alone in a file
/// has no needle): each such file whose text contains one of the referenced names is
/// extracted again without the pre-filter.
fn reextract_referenced(
    files: &mut [crate::facts::FileFacts],
    sources_of_files: &[usize],
    sources: &[discover::SourceFile],
    extractors: &mut Extractors,
    times: &PhaseTimes,
) {
    use rayon::prelude::*;
    if extractors.prefilter.is_none() || !files.iter().any(|f| f.prefiltered) {
        return;
    }
    let wanted: BTreeSet<&str> = files
        .iter()
        .flat_map(|f| &f.facts)
        .flat_map(|fact| match &fact.kind {
            crate::facts::FactKind::SpanNamed { name, .. } => name.referenced_names(),
            _ => Vec::new(),
        })
        .filter(|n| n.len() > 1)
        .collect();
    if wanted.is_empty() {
        return;
    }
    let Ok(matcher) = aho_corasick::AhoCorasick::new(&wanted) else {
        return;
    };
    let prefilter = extractors.prefilter.take();
    let redo: Vec<(usize, crate::facts::FileFacts)> = files
        .par_iter()
        .enumerate()
        .filter(|(_, f)| f.prefiltered)
        .filter_map(|(i, _)| {
            let source = &sources[sources_of_files[i]];
            let bytes = extract::read_source(source, extractors, times).ok()?;
            if !matcher.is_match(&bytes) {
                return None;
            }
            match extract::extract_source(&source.rel, source.lang, &bytes, extractors, times) {
                FileOutcome::Facts(f) => Some((i, f)),
                FileOutcome::Skipped(_) => None,
            }
        })
        .collect();
    extractors.prefilter = prefilter;
    times
        .filtered
        .fetch_sub(redo.len() as u64, std::sync::atomic::Ordering::Relaxed);
    for (i, f) in redo {
        files[i] = f;
    }
}

/// Reads the deployment files; one that cannot be read or parsed contributes nothing.
fn deployment_facts(files: &[discover::DeployFile]) -> Vec<crate::facts::FileFacts> {
    use rayon::prelude::*;
    files
        .par_iter()
        .flat_map_iter(|f| {
            let text = read_text_lossy(&f.abs).unwrap_or_default();
            // Compose reads `.env` beside the compose file for variable values.
            let dotenv = (f.kind == crate::deploy::DeployKind::Compose)
                .then(|| f.abs.parent().map(|d| d.join(".env")))
                .flatten()
                .and_then(|p| read_text_lossy(&p));
            let workspace = (f.kind == crate::deploy::DeployKind::CargoManifest)
                .then(|| cargo_workspace(f))
                .flatten();
            let workspace = workspace.as_ref().map(|(t, d)| (t.as_str(), d.as_str()));
            crate::deploy::extract(f.kind, &f.rel, &text, dotenv.as_deref(), workspace)
        })
        .collect()
}

/// The nearest Cargo workspace manifest above a `Cargo.toml`, inside the analysed tree: its
/// text and directory (relative to the root).
fn cargo_workspace(f: &discover::DeployFile) -> Option<(String, String)> {
    let mut dir = f.rel.rsplit_once('/').map(|(d, _)| d)?;
    let mut abs = f.abs.parent()?;
    loop {
        abs = abs.parent()?;
        dir = dir.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        if let Some(text) = read_text_lossy(&abs.join("Cargo.toml")) {
            if text.contains("[workspace") {
                return Some((text, dir.to_string()));
            }
        }
        if dir.is_empty() {
            return None;
        }
    }
}

/// The settings of the `.env` file in each service's own directory (read by dotenv loaders and
/// compose `env_file:`): addresses compose does not set.
fn service_dotenv_facts(
    root: &Path,
    manifests: &[crate::discover::Manifest],
) -> Vec<crate::facts::FileFacts> {
    let dirs: std::collections::BTreeSet<&str> = manifests.iter().map(|m| m.dir.as_str()).collect();
    dirs.into_iter()
        .filter_map(|dir| {
            let rel = if dir.is_empty() {
                ".env".to_string()
            } else {
                format!("{dir}/.env")
            };
            let text = read_text_lossy(&root.join(&rel))?;
            Some(crate::deploy::service_dotenv(&rel, &text))
        })
        .filter(|f| !f.facts.is_empty())
        .collect()
}

/// Reads the gRPC contracts; one that cannot be read declares nothing (it is not a source file:
/// no finding is lost).
fn contracts(files: &[discover::ContractFile]) -> crate::proto::Contracts {
    use rayon::prelude::*;
    let services: Vec<crate::proto::ProtoService> = files
        .par_iter()
        .flat_map_iter(|f| {
            let text = read_text_lossy(&f.abs).unwrap_or_default();
            crate::proto::read(&text, &f.rel)
        })
        .collect();
    crate::proto::Contracts::new(services)
}

/// A configuration file's text, invalid UTF-8 replaced; `None` when it cannot be read.
fn read_text_lossy(path: &Path) -> Option<String> {
    std::fs::read(path)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// The name of the scanned root directory, for a service at the root.
fn root_name(root: &Path) -> String {
    let canonical = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "root".into())
}
