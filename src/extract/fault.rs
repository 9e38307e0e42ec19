//! Fault injection for tests of the product's own resilience: the hidden environment variable
//! `TRACEWIRE_FAULT_INJECTION` lists faults to inject into the extraction of named files, as
//! comma-separated `kind:relative/path` pairs:
//!
//! - `panic:src/a.go`: extraction of `src/a.go` panics (the run must report it and go on);
//! - `vanish:src/a.go`: `src/a.go` is deleted between the walk and the read (a concurrent
//!   checkout).
//!
//! Unset — always, outside tests — it costs one environment lookup per run.

use std::sync::OnceLock;

/// The environment variable read.
pub const ENV_VAR: &str = "TRACEWIRE_FAULT_INJECTION";

/// A fault to inject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Extraction panics.
    Panic,
    /// The file is deleted before it is read.
    Vanish,
}

fn faults() -> &'static [(Fault, String)] {
    static FAULTS: OnceLock<Vec<(Fault, String)>> = OnceLock::new();
    FAULTS.get_or_init(|| {
        std::env::var(ENV_VAR)
            .map(|spec| parse(&spec))
            .unwrap_or_default()
    })
}

fn parse(spec: &str) -> Vec<(Fault, String)> {
    spec.split(',')
        .filter_map(|item| {
            let (kind, path) = item.trim().split_once(':')?;
            let fault = match kind {
                "panic" => Fault::Panic,
                "vanish" => Fault::Vanish,
                _ => return None,
            };
            Some((fault, path.to_string()))
        })
        .collect()
}

/// Whether `fault` is to be injected into the file `rel`.
pub fn injected(fault: Fault, rel: &str) -> bool {
    faults().iter().any(|(f, p)| *f == fault && p == rel)
}

/// Whether any fault is to be injected into the file `rel`.
pub fn any(rel: &str) -> bool {
    faults().iter().any(|(_, p)| p == rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_name_a_fault_and_a_file() {
        assert_eq!(
            parse("panic:a/b.go, vanish:c.py,bogus:d.go,nocolon"),
            vec![
                (Fault::Panic, "a/b.go".to_string()),
                (Fault::Vanish, "c.py".to_string())
            ]
        );
    }
}
