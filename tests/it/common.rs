//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use tracewire::lang::Lang;

/// Every source file of a language tracewire reads under `dir`, in path order.
pub fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            source_files(&path, out);
        } else if Lang::from_path(&path).is_some() {
            out.push(path);
        }
    }
}

/// The `tracewire` binary, with the facts cache in a directory of this test run's own (under
/// Cargo's temporary directory, emptied when the run starts), never the user's.
pub fn tracewire() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tracewire"));
    cmd.env(tracewire::cache::ENV_VAR, test_cache_dir());
    cmd
}

/// The facts cache shared by this test run's invocations of the binary.
pub fn test_cache_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("it-facts-cache");
        let _ = std::fs::remove_dir_all(&dir);
        dir
    })
}
