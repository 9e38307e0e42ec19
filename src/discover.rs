//! Discovery: walk the tree (gitignore-aware, in parallel), map files to languages and
//! manifests, and skip what must not be read.

use crate::lang::Lang;
use globset::{Glob, GlobSet, GlobSetBuilder};
use ignore::{WalkBuilder, WalkState};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Directory names never walked into.
pub const DEFAULT_EXCLUDED_DIRS: &[&str] =
    &["vendor", "node_modules", "target", "dist", "build", ".git"];

/// The tool's own ignore file, read like `.gitignore`.
pub const IGNORE_FILE: &str = ".tracewireignore";

/// Files larger than this are skipped by default.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 1024 * 1024;

/// A file that decides where a service starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ManifestKind {
    /// `go.mod`.
    GoMod,
    /// `package.json`.
    PackageJson,
    /// `pyproject.toml`, `requirements*.txt`, `setup.py`.
    Python,
    /// `pom.xml`, `build.gradle`, `build.gradle.kts`.
    Jvm,
    /// `*.csproj`.
    Csproj,
    /// `Cargo.toml`.
    Cargo,
    /// A `[[services]]` entry of the configuration.
    Configured,
}

impl ManifestKind {
    /// The manifest kind of a file name.
    pub fn from_file_name(name: &str) -> Option<ManifestKind> {
        Some(match name {
            "go.mod" => ManifestKind::GoMod,
            "package.json" => ManifestKind::PackageJson,
            "pyproject.toml" | "setup.py" => ManifestKind::Python,
            "pom.xml" | "build.gradle" | "build.gradle.kts" => ManifestKind::Jvm,
            "Cargo.toml" => ManifestKind::Cargo,
            _ if name.ends_with(".csproj") => ManifestKind::Csproj,
            _ if name.starts_with("requirements") && name.ends_with(".txt") => ManifestKind::Python,
            _ => return None,
        })
    }
}

/// A source file to analyse.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path on disk.
    pub abs: PathBuf,
    /// Path relative to the scanned root, forward slashes.
    pub rel: String,
    /// Its language.
    pub lang: Lang,
    /// Size in bytes at walk time.
    pub size: u64,
}

/// A manifest found during the walk.
#[derive(Clone, Debug)]
pub struct Manifest {
    /// The directory holding it, relative to the root ("" for the root itself).
    pub dir: String,
    /// What kind it is.
    pub kind: ManifestKind,
}

/// Why a file was not analysed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Larger than the size limit.
    TooLarge(u64),
    /// Looks binary (a NUL byte near the start).
    Binary,
    /// Could not be read.
    Unreadable(String),
    /// Extraction failed inside tracewire.
    InternalError(String),
    /// Parsing took longer than the per-file budget (milliseconds).
    TimedOut(u64),
    /// Gone between the walk and the read.
    Vanished,
    /// The file name is not valid UTF-8 (shown with replacement characters).
    NonUtf8Name,
    /// A symbolic link to a source file or a directory, or a broken one: links are not
    /// followed (what they point to inside the tree is analysed where it lives).
    Symlink,
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::TooLarge(size) => write!(f, "larger than the size limit ({size} bytes)"),
            SkipReason::Binary => f.write_str("binary content"),
            SkipReason::Unreadable(e) => write!(f, "unreadable: {e}"),
            SkipReason::InternalError(e) => write!(f, "internal error, please report: {e}"),
            SkipReason::TimedOut(ms) => write!(f, "parsing took longer than the {ms} ms budget"),
            SkipReason::Vanished => f.write_str("vanished before it could be read"),
            SkipReason::NonUtf8Name => f.write_str("file name is not valid UTF-8"),
            SkipReason::Symlink => f.write_str("symbolic link, not followed"),
        }
    }
}

/// A skipped file and why.
#[derive(Clone, Debug)]
pub struct Skipped {
    /// Path relative to the root.
    pub rel: String,
    /// Why.
    pub reason: SkipReason,
}

/// A file that may describe how a service is deployed.
#[derive(Clone, Debug)]
pub struct DeployFile {
    /// Path on disk.
    pub abs: PathBuf,
    /// Path relative to the root.
    pub rel: String,
    /// What kind it is.
    pub kind: crate::deploy::DeployKind,
    /// Size in bytes at walk time.
    pub size: u64,
}

/// A `.proto` file: the gRPC services and methods it declares name the service map's edges.
#[derive(Clone, Debug)]
pub struct ContractFile {
    /// Path on disk.
    pub abs: PathBuf,
    /// Path relative to the root.
    pub rel: String,
}

/// Everything the walk found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Source files in a known language, sorted by path.
    pub sources: Vec<SourceFile>,
    /// Manifests, sorted by directory.
    pub manifests: Vec<Manifest>,
    /// Deployment files, sorted by path.
    pub deploy: Vec<DeployFile>,
    /// gRPC contracts (`.proto` files within the size limit), sorted by path.
    pub protos: Vec<ContractFile>,
    /// Files skipped at walk time.
    pub skipped: Vec<Skipped>,
    /// Walk errors that are not about one file (unreadable directories, loops).
    pub walk_errors: Vec<String>,
}

/// Options for the walk.
#[derive(Clone, Debug)]
pub struct WalkOptions {
    /// Extra globs (relative to the root) to exclude.
    pub exclude: Vec<String>,
    /// Files above this size are skipped.
    pub max_file_size: u64,
    /// Walker threads (0: automatic).
    pub threads: usize,
    /// Analyse test code too (`_test.go`, `tests/`, `*.spec.ts`, ...).
    pub include_tests: bool,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions {
            exclude: Vec::new(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            threads: 0,
            include_tests: false,
        }
    }
}

/// Builds the exclude matcher; a bad glob is a configuration error.
pub fn exclude_set(globs: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for g in globs {
        let glob = Glob::new(g).map_err(|e| format!("invalid exclude glob `{g}`: {e}"))?;
        builder.add(glob);
        // `dir` also excludes everything under it.
        if let Ok(glob) = Glob::new(&format!("{}/**", g.trim_end_matches('/'))) {
            builder.add(glob);
        }
    }
    builder
        .build()
        .map_err(|e| format!("invalid exclude globs: {e}"))
}

/// Walks `root` and returns what it holds, sorted for deterministic output.
pub fn walk(root: &Path, options: &WalkOptions) -> Result<Discovery, String> {
    let excludes = exclude_set(&options.exclude)?;
    let found = Mutex::new(Discovery::default());
    let root_buf = root.to_path_buf();
    let mut builder = WalkBuilder::new(root);
    builder
        .standard_filters(true)
        .require_git(false)
        .follow_links(false)
        .add_custom_ignore_filename(IGNORE_FILE)
        .threads(options.threads);
    let filter_root = root_buf.clone();
    let filter_excludes = excludes.clone();
    builder.filter_entry(move |entry| {
        let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
        if is_dir && entry.depth() > 0 {
            if let Some(name) = entry.file_name().to_str() {
                if DEFAULT_EXCLUDED_DIRS.contains(&name) {
                    return false;
                }
            }
        }
        match relative(&filter_root, entry.path()) {
            Some(rel) if !rel.is_empty() => !filter_excludes.is_match(&rel),
            _ => true,
        }
    });
    builder.build_parallel().run(|| {
        let found = &found;
        let root = &root_buf;
        let max = options.max_file_size;
        let include_tests = options.include_tests;
        Box::new(move |entry| {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    lock(found).walk_errors.push(err.to_string());
                    return WalkState::Continue;
                }
            };
            let path = entry.path();
            if entry.path_is_symlink() && entry.depth() > 0 {
                let excluded_name = entry
                    .file_name()
                    .to_str()
                    .is_some_and(|n| DEFAULT_EXCLUDED_DIRS.contains(&n));
                if excluded_name {
                    return WalkState::Continue;
                }
                if let Some(skipped) = symlink_note(root, path, include_tests) {
                    lock(found).skipped.push(skipped);
                }
                return WalkState::Continue;
            }
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                return WalkState::Continue;
            }
            let Some(rel) = relative(root, path) else {
                // Only a source file is worth a note: nothing else would have been read.
                if Lang::from_path(path).is_some() {
                    lock(found).skipped.push(Skipped {
                        rel: relative_lossy(root, path),
                        reason: SkipReason::NonUtf8Name,
                    });
                }
                return WalkState::Continue;
            };
            let name = entry.file_name().to_string_lossy();
            if let Some(kind) = crate::deploy::DeployKind::from_file_name(&name) {
                let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                if size <= max {
                    lock(found).deploy.push(DeployFile {
                        abs: path.to_path_buf(),
                        rel: rel.clone(),
                        kind,
                        size,
                    });
                }
            }
            if name.ends_with(".proto") {
                let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                if size <= max {
                    lock(found).protos.push(ContractFile {
                        abs: path.to_path_buf(),
                        rel,
                    });
                }
                return WalkState::Continue;
            }
            if let Some(kind) = ManifestKind::from_file_name(&name) {
                let dir = rel
                    .rsplit_once('/')
                    .map(|(d, _)| d.to_string())
                    .unwrap_or_default();
                lock(found).manifests.push(Manifest { dir, kind });
                return WalkState::Continue;
            }
            let Some(lang) = Lang::from_path(path) else {
                return WalkState::Continue;
            };
            if !include_tests && lang.is_test_path(&rel) {
                return WalkState::Continue;
            }
            let size = match entry.metadata() {
                Ok(m) => m.len(),
                Err(err) => {
                    lock(found).skipped.push(Skipped {
                        rel,
                        reason: SkipReason::Unreadable(err.to_string()),
                    });
                    return WalkState::Continue;
                }
            };
            if size > max {
                lock(found).skipped.push(Skipped {
                    rel,
                    reason: SkipReason::TooLarge(size),
                });
                return WalkState::Continue;
            }
            lock(found).sources.push(SourceFile {
                abs: path.to_path_buf(),
                rel,
                lang,
                size,
            });
            WalkState::Continue
        })
    });
    let mut discovery = found.into_inner().unwrap_or_else(|e| e.into_inner());
    discovery.sources.sort_by(|a, b| a.rel.cmp(&b.rel));
    discovery
        .manifests
        .sort_by(|a, b| (&a.dir, a.kind).cmp(&(&b.dir, b.kind)));
    discovery
        .manifests
        .dedup_by(|a, b| a.dir == b.dir && a.kind == b.kind);
    discovery.skipped.sort_by(|a, b| a.rel.cmp(&b.rel));
    discovery.deploy.sort_by(|a, b| a.rel.cmp(&b.rel));
    discovery.protos.sort_by(|a, b| a.rel.cmp(&b.rel));
    discovery.walk_errors.sort();
    Ok(discovery)
}

/// The note for a symbolic link met during the walk, if it deserves one: a link to a source
/// file or a directory, or a broken link (dangling or a loop), is noted; a link to anything
/// else is not.
fn symlink_note(root: &Path, path: &Path, include_tests: bool) -> Option<Skipped> {
    let rel = relative_lossy(root, path);
    let source = Lang::from_path(path).filter(|l| include_tests || !l.is_test_path(&rel));
    let worth_noting = match std::fs::metadata(path) {
        Ok(target) => target.is_dir() || source.is_some(),
        Err(_) => true,
    };
    worth_noting.then_some(Skipped {
        rel,
        reason: SkipReason::Symlink,
    })
}

/// `path` relative to `root` with forward slashes, invalid UTF-8 replaced.
fn relative_lossy(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// What a file is to the analysis, judged from its path alone (the language server asks this of
/// files changed on disk outside the editor).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileRole {
    /// A source file of an analysed language.
    Source(Lang),
    /// A file that shapes the whole analysis: a manifest, a deployment or contract file, a
    /// service's `.env` or an ignore file (the configuration file is the caller's to recognise).
    Project,
    /// A file the walk never reads (another extension, or under a hidden or excluded folder).
    Unread,
}

/// The role of `rel` (relative to the root, forward slashes). A path under a hidden folder or
/// one of [`DEFAULT_EXCLUDED_DIRS`] is [`FileRole::Unread`], as the walk never enters them.
pub fn file_role(rel: &str) -> FileRole {
    let mut parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
    let Some(name) = parts.pop() else {
        return FileRole::Unread;
    };
    let hidden_or_excluded =
        |p: &&str| (p.starts_with('.') && *p != "..") || DEFAULT_EXCLUDED_DIRS.contains(p);
    if parts.iter().any(hidden_or_excluded) {
        return FileRole::Unread;
    }
    let shapes_project = crate::deploy::DeployKind::from_file_name(name).is_some()
        || ManifestKind::from_file_name(name).is_some()
        || name.ends_with(".proto")
        || matches!(name, ".env" | ".gitignore" | ".ignore" | IGNORE_FILE);
    if shapes_project {
        return FileRole::Project;
    }
    if name.starts_with('.') {
        return FileRole::Unread;
    }
    match Lang::from_path(Path::new(name)) {
        Some(lang) => FileRole::Source(lang),
        None => FileRole::Unread,
    }
}

/// `path` relative to `root` with forward slashes; `None` if it is not valid UTF-8.
pub fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut out = String::new();
    for (i, part) in rel.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(part.as_os_str().to_str()?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_roles_follow_what_the_walk_reads() {
        assert_eq!(file_role("svc/main.go"), FileRole::Source(Lang::Go));
        assert_eq!(file_role("web/src/app.tsx"), FileRole::Source(Lang::Tsx));
        assert_eq!(file_role("docker-compose.yml"), FileRole::Project);
        assert_eq!(file_role("svc/go.mod"), FileRole::Project);
        assert_eq!(file_role("svc/.env"), FileRole::Project);
        assert_eq!(file_role("api/orders.proto"), FileRole::Project);
        assert_eq!(file_role("node_modules/x/index.js"), FileRole::Unread);
        assert_eq!(file_role("target/debug/build/x.rs"), FileRole::Unread);
        assert_eq!(file_role(".git/HEAD"), FileRole::Unread);
        assert_eq!(file_role(".vscode/settings.json"), FileRole::Unread);
        assert_eq!(file_role("svc/.hidden.go"), FileRole::Unread);
        assert_eq!(file_role("README.md"), FileRole::Unread);
        assert_eq!(file_role(""), FileRole::Unread);
    }

    #[test]
    fn manifests_are_recognised() {
        assert_eq!(
            ManifestKind::from_file_name("go.mod"),
            Some(ManifestKind::GoMod)
        );
        assert_eq!(
            ManifestKind::from_file_name("requirements-dev.txt"),
            Some(ManifestKind::Python)
        );
        assert_eq!(
            ManifestKind::from_file_name("Api.csproj"),
            Some(ManifestKind::Csproj)
        );
        assert_eq!(ManifestKind::from_file_name("main.go"), None);
    }

    #[test]
    fn languages_come_from_an_explicit_table() {
        assert_eq!(Lang::from_path(Path::new("a/b.tsx")), Some(Lang::Tsx));
        assert_eq!(
            Lang::from_path(Path::new("a/b.mts")),
            Some(Lang::TypeScript)
        );
        assert_eq!(Lang::from_path(Path::new("a/b.vue")), None);
        assert_eq!(Lang::from_path(Path::new("Makefile")), None);
    }
}
