//! The languages tracewire reads, as a plain enum: names, file extensions and test-code
//! conventions. Grammars, queries and extractors live in [`crate::lang`]; this module is a leaf
//! so that facts and knowledge can name a language without them.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// The languages tracewire analyses, as named to people.
pub const LANGUAGES: &str = "Go, Python, JavaScript/TypeScript, Java, C#, Rust";

/// A source language with a tree-sitter grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Go (`.go`).
    Go,
    /// Python (`.py`, `.pyi`).
    Python,
    /// JavaScript (`.js`, `.mjs`, `.cjs`, `.jsx`).
    JavaScript,
    /// TypeScript without JSX (`.ts`, `.mts`, `.cts`).
    TypeScript,
    /// TypeScript with JSX (`.tsx`).
    Tsx,
    /// Java (`.java`).
    Java,
    /// C# (`.cs`).
    CSharp,
    /// Rust (`.rs`).
    Rust,
}

impl Lang {
    /// Every language, in a fixed order.
    pub const ALL: [Lang; 8] = [
        Lang::Go,
        Lang::Python,
        Lang::JavaScript,
        Lang::TypeScript,
        Lang::Tsx,
        Lang::Java,
        Lang::CSharp,
        Lang::Rust,
    ];

    /// The language of a source file, decided by its extension alone (an explicit table: the
    /// `ignore` crate's type table maps extensions too loosely to choose a grammar).
    pub fn from_path(path: &Path) -> Option<Lang> {
        let ext = path.extension()?.to_str()?;
        Some(match ext {
            "go" => Lang::Go,
            "py" | "pyi" => Lang::Python,
            "js" | "mjs" | "cjs" | "jsx" => Lang::JavaScript,
            "ts" | "mts" | "cts" => Lang::TypeScript,
            "tsx" => Lang::Tsx,
            "java" => Lang::Java,
            "cs" => Lang::CSharp,
            "rs" => Lang::Rust,
            _ => return None,
        })
    }

    /// The runtime a language's code runs in: JavaScript and TypeScript (with or without JSX)
    /// share Node's (or a browser's); every other language is its own.
    pub fn runtime(self) -> Lang {
        match self {
            Lang::TypeScript | Lang::Tsx => Lang::JavaScript,
            other => other,
        }
    }

    /// The short lowercase name used in output and in `queries/<name>/`.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Go => "go",
            Lang::Python => "python",
            Lang::JavaScript => "javascript",
            Lang::TypeScript => "typescript",
            Lang::Tsx => "tsx",
            Lang::Java => "java",
            Lang::CSharp => "csharp",
            Lang::Rust => "rust",
        }
    }

    /// Whether a path (relative, forward slashes) is test code in this language's conventions.
    /// Test code is not deployed: it is left out of the analysis unless asked for.
    pub fn is_test_path(self, rel: &str) -> bool {
        let file = rel.rsplit('/').next().unwrap_or(rel);
        let mut dirs = rel.split('/').rev().skip(1);
        let in_test_dir =
            dirs.any(|d| is_test_dir(d) || (self == Lang::Go && is_go_test_package(d)));
        in_test_dir
            || match self {
                Lang::Go => file.ends_with("_test.go"),
                Lang::Python => {
                    (file.starts_with("test_") || file.ends_with("_test.py"))
                        || file == "conftest.py"
                }
                Lang::JavaScript | Lang::TypeScript | Lang::Tsx => {
                    [".test.", ".spec.", "-test.", "-spec."]
                        .iter()
                        .any(|m| file.contains(m))
                        || has_test_suffix(file)
                }
                Lang::Java => {
                    file.ends_with("Test.java")
                        || file.ends_with("Tests.java")
                        || file.ends_with("IT.java")
                }
                Lang::CSharp => {
                    file.ends_with("Tests.cs")
                        || file.ends_with("Test.cs")
                        || rel.split('/').rev().skip(1).any(is_dotnet_test_project)
                }
                // Benchmarks are not deployed; `tests/` is a test directory already.
                Lang::Rust => rel.split('/').rev().skip(1).any(|d| d == "benches"),
            }
    }
}

/// Whether a JavaScript file name's middle part names a kind of test (`auth.servertest.ts`,
/// `cart.e2e.ts`, `api.integration-spec.js`): the parts between the first and the extension.
fn has_test_suffix(file: &str) -> bool {
    let parts: Vec<&str> = file.split('.').collect();
    parts.len() > 2
        && parts[1..parts.len() - 1].iter().any(|p| {
            let p = p.to_ascii_lowercase();
            p == "e2e" || p.ends_with("test") || p.ends_with("spec")
        })
}

/// Whether a directory name marks test code (`test`, `tests`, `testdata`, `__tests__`, Go's
/// `xxxtest` helper packages, ...).
fn is_test_dir(name: &str) -> bool {
    // `__tests__`, `__e2e__`, `__mocks__`, `__fixtures__`: test runners' own folders.
    if let Some(inner) = name.strip_prefix("__").and_then(|n| n.strip_suffix("__")) {
        if ["test", "e2e", "mock", "fixture", "spec"]
            .iter()
            .any(|t| inner.contains(t))
        {
            return true;
        }
    }
    matches!(
        name,
        "test"
            | "tests"
            | "testdata"
            | "testing"
            | "__tests__"
            | "e2e"
            | "mocks"
            | "mock"
            | "fakes"
            | "testutil"
            | "testutils"
            | "integration-tests"
            | "integration_tests"
    )
}

/// .NET test and benchmark projects by their directory name: `Shop.Tests`, `Shop.UnitTests`,
/// `Shop.IntegrationTests`, `Shop.Specs`, `Shop.Benchmarks`, and test libraries named by a
/// middle part (`Platform.Test.Framework`, `Shop.Testing.Kafka`).
fn is_dotnet_test_project(dir: &str) -> bool {
    let Some((_, rest)) = dir.split_once('.') else {
        return false;
    };
    let last = rest.rsplit('.').next().unwrap_or(rest);
    let test_part = |p: &str| p.ends_with("Tests") || p.ends_with("Test") || p == "Testing";
    test_part(last)
        || matches!(last, "Specs" | "Benchmarks" | "Benchmark" | "TestHelpers")
        || rest.split('.').any(test_part)
}

/// Go's test helper packages: `httptest`, `grpctest`, `clickhousetest`.
fn is_go_test_package(name: &str) -> bool {
    name.len() > 4
        && name.ends_with("test")
        && name != "latest"
        && name.chars().all(|c| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_runner_folders_and_test_file_kinds_are_test_code() {
        let ts = Lang::TypeScript;
        assert!(ts.is_test_path("web/src/__e2e__/auth.ts"));
        assert!(ts.is_test_path("web/src/__mocks__/fetch.ts"));
        assert!(ts.is_test_path("web/src/auth.servertest.ts"));
        assert!(ts.is_test_path("api/cart.e2e.ts"));
        assert!(ts.is_test_path("api/cart.integration-spec.ts"));
        // Look-alikes: names that only contain "test", generated folders, config files.
        assert!(!ts.is_test_path("web/src/latest.ts"));
        assert!(!ts.is_test_path("web/src/contest.config.ts"));
        assert!(!ts.is_test_path("web/src/__generated__/api.ts"));
        assert!(!ts.is_test_path("web/src/attestation.service.ts"));
        assert!(!Lang::Python.is_test_path("app/__init__.py"));
        assert!(Lang::Python.is_test_path("app/__tests__/views.py"));
    }

    #[test]
    fn dotnet_test_projects_are_named_by_any_dotted_part() {
        let cs = Lang::CSharp;
        assert!(cs.is_test_path("src/Shop.Tests/CartTests.cs"));
        assert!(cs.is_test_path("src/Shop.IntegrationTests/Fixture.cs"));
        assert!(cs.is_test_path("platform/Platform.Test.Framework/Kafka/Consumer.cs"));
        assert!(cs.is_test_path("src/Shop.Testing.Kafka/Consumer.cs"));
        // Look-alikes: a part that only starts with or contains "Test", a name with no dot.
        assert!(!cs.is_test_path("src/Shop.Testimonials/Service.cs"));
        assert!(!cs.is_test_path("src/Shop.Contest/Service.cs"));
        assert!(!cs.is_test_path("src/TestRunner/Service.cs"));
        assert!(!cs.is_test_path("src/Shop.Api/Program.cs"));
    }
}
