//! The facts cache: what extraction found in a source file, kept on disk so that a later run
//! over the same file skips parsing it.
//!
//! An entry is found by a key that digests everything a file's facts depend on: the file's
//! bytes, its path relative to the scanned root, its language, and that language's knowledge
//! table as built for the run (the shipped table and the configuration's extensions, see
//! [`Knowledge::fingerprint`]). Entries live in a directory per build of tracewire (its version
//! and the identity of its executable), so a new build never reads an old build's facts.
//!
//! The cache is never trusted: an entry holds its full key and a digest of its payload, and one
//! that cannot be read, is cut short, fails either check or does not parse is ignored (the
//! file is extracted again and the entry rewritten). Entries are written to a temporary file
//! beside their place and renamed into it, so a concurrent run reads either a whole entry or
//! none. A failure to write is not an error: the run's result never depends on the cache.
//!
//! Only facts from a parse are cached; a file the pre-filter leaves out, a binary file, a
//! parse over its time budget and a contained panic are decided again on each run (a file whose
//! facts come from the cache is not parsed, so the time budget does not apply to it).

use crate::facts::FileFacts;
use crate::knowledge::{Knowledge, KnowledgeBase};
use crate::language::Lang;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The environment variable that names the cache directory (as `--cache-dir` does).
pub const ENV_VAR: &str = "TRACEWIRE_CACHE_DIR";

/// The layout and entry format; a change to either takes a new name.
const FORMAT: &str = "facts-v1";

/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"twfacts1";

/// The bytes before an entry's payload: magic, key, payload digest.
const HEADER_LEN: usize = MAGIC.len() + 32 + 32;

/// The cache directory when none is given: `tracewire` in the user's cache directory
/// (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on
/// Windows); `None` where the platform has none.
pub fn default_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("tracewire"))
}

/// The cache directory of a run: `given` (`--cache-dir`, [`ENV_VAR`]) when it names one, else
/// the user's cache directory ([`default_dir`]) when it exists or can be created; `None` when
/// neither (a home without a cache directory runs uncached). A directory given that cannot be
/// used is reported when the cache is opened.
pub fn choose_dir(given: Option<&Path>) -> Option<PathBuf> {
    match given {
        Some(dir) if !dir.as_os_str().is_empty() => Some(dir.to_path_buf()),
        _ => default_dir().filter(|dir| std::fs::create_dir_all(dir).is_ok()),
    }
}

/// What one file's entry is found by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key([u8; 32]);

impl Key {
    /// The entry's place below the build's directory: two levels, so that no directory holds
    /// more than a few thousand entries.
    fn relative_path(&self) -> PathBuf {
        let hex = self.hex();
        Path::new(&hex[..2]).join(&hex[2..32])
    }

    fn hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Counters of one run's use of the cache.
#[derive(Debug, Default)]
pub struct CacheCounters {
    /// Files whose facts came from the cache.
    pub hits: AtomicU64,
    /// Files looked up and not found.
    pub misses: AtomicU64,
    /// Entries found but not trusted (cut short, corrupted, of another key): ignored and
    /// rewritten.
    pub rejected: AtomicU64,
    /// Entries written.
    pub written: AtomicU64,
    /// Entries that could not be written.
    pub write_errors: AtomicU64,
}

/// An open cache: the directory of this build's entries and the run's knowledge fingerprints.
#[derive(Debug)]
pub struct FactsCache {
    dir: PathBuf,
    knowledge: HashMap<Lang, [u8; 32]>,
    /// This run's use of the cache.
    pub counters: CacheCounters,
}

impl FactsCache {
    /// Opens (creating it if need be) the cache under `root` for a run with these knowledge
    /// tables. Fails when the directory cannot be created, or when the running executable
    /// cannot be identified (then no entry could be told from another build's).
    pub fn open(root: &Path, knowledge: &KnowledgeBase) -> Result<FactsCache, String> {
        let build = build_id().map_err(|e| {
            format!("the cache cannot identify this executable ({e}); --no-cache runs without it")
        })?;
        let dir = root.join(FORMAT).join(build);
        std::fs::create_dir_all(&dir).map_err(|e| {
            format!(
                "{}: cannot use the cache directory: {e} (--cache-dir picks another, --no-cache runs without one)",
                root.display()
            )
        })?;
        let knowledge = Lang::ALL
            .into_iter()
            .filter_map(|lang| {
                knowledge
                    .get(lang)
                    .map(|k| (lang, Knowledge::fingerprint(k)))
            })
            .collect();
        Ok(FactsCache {
            dir,
            knowledge,
            counters: CacheCounters::default(),
        })
    }

    /// The directory of this build's entries.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The key of a source file: its language, knowledge table, path and bytes. `None` for a
    /// language without a knowledge table in this run (it has no extraction to cache).
    pub fn key(&self, lang: Lang, rel: &str, bytes: &[u8]) -> Option<Key> {
        let knowledge = self.knowledge.get(&lang)?;
        let mut hasher = blake3::Hasher::new();
        hasher.update(FORMAT.as_bytes());
        hasher.update(lang.name().as_bytes());
        hasher.update(&[0]);
        hasher.update(knowledge);
        hasher.update(&(rel.len() as u64).to_le_bytes());
        hasher.update(rel.as_bytes());
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
        Some(Key(*hasher.finalize().as_bytes()))
    }

    /// The facts stored under `key` for the file `rel` of `lang`, if an entry is there and
    /// passes every check; an entry that fails one is counted as rejected and ignored.
    pub fn get(&self, key: &Key, lang: Lang, rel: &str) -> Option<FileFacts> {
        let bytes = match std::fs::read(self.dir.join(key.relative_path())) {
            Ok(bytes) => bytes,
            Err(_) => {
                self.counters.misses.fetch_add(1, Ordering::Relaxed);
                return None;
            }
        };
        let facts = decode(&bytes, key).filter(|f| f.path == rel && f.lang == Some(lang));
        if facts.is_none() {
            self.counters.rejected.fetch_add(1, Ordering::Relaxed);
        } else {
            self.counters.hits.fetch_add(1, Ordering::Relaxed);
        }
        facts
    }

    /// Stores a file's facts under `key`, replacing any entry there. Errors are counted, never
    /// reported: the cache only ever saves work.
    pub fn put(&self, key: &Key, facts: &FileFacts) {
        let counter = match self.write(key, &encode(key, facts)) {
            Ok(()) => &self.counters.written,
            Err(_) => &self.counters.write_errors,
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// Writes an entry through a temporary file in its directory, renamed into place.
    fn write(&self, key: &Key, entry: &[u8]) -> std::io::Result<()> {
        let path = self.dir.join(key.relative_path());
        let shard = path.parent().unwrap_or(&self.dir);
        let mut file = match tempfile::NamedTempFile::new_in(shard) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(shard)?;
                tempfile::NamedTempFile::new_in(shard)?
            }
            Err(e) => return Err(e),
        };
        file.write_all(entry)?;
        file.persist(&path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// An entry: magic, key, digest of the payload, payload (the facts as JSON).
fn encode(key: &Key, facts: &FileFacts) -> Vec<u8> {
    let payload = serde_json::to_vec(facts).unwrap_or_default();
    let mut entry = Vec::with_capacity(HEADER_LEN + payload.len());
    entry.extend_from_slice(MAGIC);
    entry.extend_from_slice(&key.0);
    entry.extend_from_slice(blake3::hash(&payload).as_bytes());
    entry.extend_from_slice(&payload);
    entry
}

/// The facts in an entry, if it is whole, is for `key` and its payload is the one digested.
fn decode(entry: &[u8], key: &Key) -> Option<FileFacts> {
    if entry.len() < HEADER_LEN || !entry.starts_with(MAGIC) {
        return None;
    }
    let (header, payload) = entry.split_at(HEADER_LEN);
    if header[MAGIC.len()..MAGIC.len() + 32] != key.0 {
        return None;
    }
    if header[MAGIC.len() + 32..] != *blake3::hash(payload).as_bytes() {
        return None;
    }
    serde_json::from_slice(payload).ok()
}

/// This build: the version and the running executable's size and modification time, so that
/// a rebuilt or reinstalled tracewire starts a fresh directory.
fn build_id() -> std::io::Result<String> {
    let exe = std::env::current_exe()?;
    let meta = std::fs::metadata(&exe)?;
    let modified = meta
        .modified()?
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(&meta.len().to_le_bytes());
    hasher.update(&modified.as_nanos().to_le_bytes());
    let hex = Key(*hasher.finalize().as_bytes()).hex();
    Ok(format!("{}-{}", env!("CARGO_PKG_VERSION"), &hex[..16]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Fact, FactKind, Loc};

    fn open(dir: &Path) -> FactsCache {
        let knowledge = KnowledgeBase::load(&[Lang::Go], &[]).unwrap();
        FactsCache::open(dir, &knowledge).unwrap()
    }

    fn facts(rel: &str) -> FileFacts {
        FileFacts {
            path: rel.into(),
            lang: Some(Lang::Go),
            uses_tracing: true,
            facts: vec![Fact {
                loc: Loc {
                    line: 3,
                    col: 2,
                    end_line: 3,
                    end_col: 9,
                    start_byte: 20,
                    end_byte: 27,
                },
                kind: FactKind::ProviderRegistered,
            }],
            ..FileFacts::default()
        }
    }

    #[test]
    fn an_entry_is_read_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let cache = open(dir.path());
        let key = cache.key(Lang::Go, "a.go", b"package a").unwrap();
        assert!(cache.get(&key, Lang::Go, "a.go").is_none());
        cache.put(&key, &facts("a.go"));
        let back = cache.get(&key, Lang::Go, "a.go").unwrap();
        assert_eq!(back.facts, facts("a.go").facts);
        assert_eq!(cache.counters.hits.load(Ordering::Relaxed), 1);
        assert_eq!(cache.counters.misses.load(Ordering::Relaxed), 1);
        assert_eq!(cache.counters.written.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn the_key_follows_path_bytes_language_and_knowledge() {
        let dir = tempfile::tempdir().unwrap();
        let cache = open(dir.path());
        let key = cache.key(Lang::Go, "a.go", b"package a").unwrap();
        assert_ne!(Some(key), cache.key(Lang::Go, "b.go", b"package a"));
        assert_ne!(Some(key), cache.key(Lang::Go, "a.go", b"package b"));
        let extension = crate::knowledge::KnowledgeExtension {
            functions: [(
                "corp/x.New".to_string(),
                crate::knowledge::Role::ProviderNew,
            )]
            .into(),
            ..Default::default()
        };
        let extended = KnowledgeBase::load(&[Lang::Go], &[(Lang::Go, extension)]).unwrap();
        let other = FactsCache::open(dir.path(), &extended).unwrap();
        assert_ne!(Some(key), other.key(Lang::Go, "a.go", b"package a"));
        assert_eq!(other.key(Lang::Python, "a.py", b"x = 1"), None);
    }

    #[test]
    fn a_damaged_entry_is_rejected_and_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let cache = open(dir.path());
        let key = cache.key(Lang::Go, "a.go", b"package a").unwrap();
        cache.put(&key, &facts("a.go"));
        let path = cache.dir().join(key.relative_path());
        let whole = std::fs::read(&path).unwrap();
        let mut flipped = whole.clone();
        let last = flipped.len() - 2;
        flipped[last] ^= 1;
        for damaged in [
            Vec::new(),
            whole[..HEADER_LEN - 1].to_vec(),
            whole[..whole.len() - 1].to_vec(),
            flipped,
            b"not an entry at all".to_vec(),
        ] {
            std::fs::write(&path, &damaged).unwrap();
            assert!(cache.get(&key, Lang::Go, "a.go").is_none());
        }
        // An entry of another key copied into this one's place is not this file's facts.
        let other = cache.key(Lang::Go, "b.go", b"package a").unwrap();
        std::fs::write(&path, encode(&other, &facts("b.go"))).unwrap();
        assert!(cache.get(&key, Lang::Go, "a.go").is_none());
        assert_eq!(cache.counters.rejected.load(Ordering::Relaxed), 6);
        cache.put(&key, &facts("a.go"));
        assert!(cache.get(&key, Lang::Go, "a.go").is_some());
    }

    #[test]
    fn an_unwritable_cache_fails_to_open_and_a_failed_write_is_counted() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("file");
        std::fs::write(&file, "").unwrap();
        let knowledge = KnowledgeBase::load(&[Lang::Go], &[]).unwrap();
        let err = FactsCache::open(&file, &knowledge).unwrap_err();
        assert!(err.contains("cannot use the cache directory"), "{err}");
        let cache = open(&dir.path().join("c"));
        let key = cache.key(Lang::Go, "a.go", b"package a").unwrap();
        // The entry's shard is taken by a file: the write fails, quietly.
        let shard = cache.dir().join(key.relative_path());
        std::fs::write(shard.parent().unwrap(), "").unwrap();
        cache.put(&key, &facts("a.go"));
        assert_eq!(cache.counters.write_errors.load(Ordering::Relaxed), 1);
        assert!(cache.get(&key, Lang::Go, "a.go").is_none());
    }
}
