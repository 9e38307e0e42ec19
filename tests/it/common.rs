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
