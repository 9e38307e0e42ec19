//! Review mode (`check --diff REV`): analyse the working tree and REV's tree the same way and
//! keep only the findings that are new — compared by line-independent fingerprint. A change
//! that instruments a client but not the server it calls shows up here even though the server's
//! file was never touched.

use crate::analysis::{self, Outcome};
use crate::config::Settings;
use crate::fingerprint;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Removes from `outcome` every finding that REV's tree has too.
pub fn only_new(outcome: &mut Outcome, rev: &str, settings: &Settings) -> Result<(), String> {
    let root = outcome
        .root
        .canonicalize()
        .map_err(|e| format!("{}: {e}", outcome.root.display()))?;
    let top = git(&root, &["rev-parse", "--show-toplevel"])
        .map_err(|e| format!("--diff needs a git repository: {e}"))?;
    let top = PathBuf::from(top.trim());
    let inside = root
        .strip_prefix(&top)
        .unwrap_or(Path::new(""))
        .to_path_buf();
    git(
        &top,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| format!("--diff: `{rev}` is not a commit in {}", top.display()))?;

    let old_tree = tempfile::tempdir().map_err(|e| e.to_string())?;
    let archive = Command::new("git")
        .arg("-C")
        .arg(&top)
        .args(["archive", "--format=tar", rev])
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !archive.status.success() {
        return Err(format!(
            "git archive {rev}: {}",
            String::from_utf8_lossy(&archive.stderr).trim()
        ));
    }
    tar::Archive::new(archive.stdout.as_slice())
        .unpack(old_tree.path())
        .map_err(|e| format!("cannot unpack {rev}: {e}"))?;
    let old_root = old_tree.path().join(&inside);
    let before = if old_root.is_dir() {
        analysis::analyze(&old_root, settings)?
    } else {
        // The scanned directory did not exist at REV: everything is new.
        return Ok(());
    };

    let mut text_now = |p: &str| read(&outcome.root, p);
    let now = fingerprint::fingerprints(&outcome.diagnostics, &mut text_now);
    let mut text_then = |p: &str| read(&old_root, p);
    let then = fingerprint::fingerprints(&before.diagnostics, &mut text_then);
    let old: HashSet<(&str, &str, &str)> = before
        .diagnostics
        .iter()
        .zip(&then)
        .map(|(d, f)| (d.rule, d.path.as_str(), f.as_str()))
        .collect();
    let keep: Vec<bool> = outcome
        .diagnostics
        .iter()
        .zip(&now)
        .map(|(d, f)| !old.contains(&(d.rule, d.path.as_str(), f.as_str())))
        .collect();
    let mut keep = keep.into_iter();
    outcome.diagnostics.retain(|_| keep.next().unwrap_or(true));
    Ok(())
}

fn read(root: &Path, path: &str) -> Option<String> {
    std::fs::read(root.join(path))
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}
