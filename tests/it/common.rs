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

/// Copies the directory `from` to `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file below `dir` (none if it does not exist), in path order.
pub fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    out
}

/// A Go API served through an in-house wrapper, `mw.Tracing`, that tracewire does not know:
/// its route is reported as not extracting unless `[knowledge.go]` declares the wrapper.
pub const IN_HOUSE_WRAPPED_ROUTES: &str = "package api\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/internal/mw\"\n\t\"go.opentelemetry.io/otel\"\n)\n\nvar tracer = otel.Tracer(\"api\")\n\n// Serve serves the API.\nfunc Serve() error {\n\tmux := http.NewServeMux()\n\tmux.HandleFunc(\"/quote\", quote)\n\treturn http.ListenAndServe(\":8080\", mw.Tracing(mux))\n}\n\nfunc quote(w http.ResponseWriter, r *http.Request) {}\n";
