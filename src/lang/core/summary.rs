//! Function summaries within a file: a function does something by hand (extracts or injects
//! context) when its own body does, or when it calls — by name — a function of the same file
//! that does, followed a few calls deep. Each language says what a function does directly and
//! which names it calls; the closure is computed here, once for every language.

use std::collections::HashSet;

/// What one function does directly, and the last names of the functions it calls.
#[derive(Clone, Debug, Default)]
pub struct FunctionSummary {
    /// The function's declared name.
    pub name: String,
    /// Its own body does the thing.
    pub direct: bool,
    /// The last names of the functions and methods it calls (`helpers.addTrace` → `addTrace`).
    pub calls: Vec<String>,
}

/// How many calls deep a helper is followed.
pub const DEPTH: usize = 3;

/// The names of the functions that do the thing directly or through the file's functions they
/// call, at most [`DEPTH`] calls deep. Linear in the summaries per round.
pub fn through_calls(functions: &[FunctionSummary]) -> HashSet<String> {
    let mut found: HashSet<String> = functions
        .iter()
        .filter(|f| f.direct)
        .map(|f| f.name.clone())
        .collect();
    for _ in 0..DEPTH {
        let more: Vec<String> = functions
            .iter()
            .filter(|f| !found.contains(&f.name))
            .filter(|f| f.calls.iter().any(|c| found.contains(c)))
            .map(|f| f.name.clone())
            .collect();
        if more.is_empty() {
            break;
        }
        found.extend(more);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(name: &str, direct: bool, calls: &[&str]) -> FunctionSummary {
        FunctionSummary {
            name: name.into(),
            direct,
            calls: calls.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn helpers_are_followed_a_few_calls_deep() {
        let found = through_calls(&[
            f("inject_headers", true, &[]),
            f("with_trace", false, &["inject_headers"]),
            f("send", false, &["with_trace"]),
            f("handler", false, &["send", "log"]),
            f("too_far", false, &["handler"]),
            f("log", false, &[]),
        ]);
        for name in ["inject_headers", "with_trace", "send", "handler"] {
            assert!(found.contains(name), "{name}");
        }
        assert!(!found.contains("log"));
        assert!(!found.contains("too_far"), "four calls deep");
    }
}
