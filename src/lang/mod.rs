//! The languages tracewire reads: which files belong to which grammar, the grammars themselves,
//! and each language's compiled query and fact extractor.
//!
//! Every language's patterns live in `queries/<lang>/*.scm`; they are embedded in the binary and
//! concatenated into one query per language, so a file is parsed once and walked once.

pub mod address;
pub mod csharp;
pub mod ecma;
pub mod fields;
pub mod go;
pub mod grpc_stubs;
pub mod java;
pub mod python;
pub mod query;
pub mod rust;
pub mod span_name;
pub mod tree;

use crate::facts::FileFacts;
use crate::knowledge::Knowledge;
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;

/// Turns one parsed file of a language into facts. Built once per run and shared by the worker
/// threads; the tree is dropped by the caller when `extract` returns.
pub trait Extractor: Send + Sync {
    /// Extracts the facts of one parsed file into `out` (whose `path` and `lang` are set).
    fn extract(&self, src: &[u8], tree: &tree_sitter::Tree, out: &mut FileFacts);
}

/// A source language with a tree-sitter grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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

    /// The tree-sitter grammar for this language.
    pub fn grammar(self) -> tree_sitter::Language {
        match self {
            Lang::Go => tree_sitter_go::LANGUAGE.into(),
            Lang::Python => tree_sitter_python::LANGUAGE.into(),
            Lang::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            Lang::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Lang::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
            Lang::Java => tree_sitter_java::LANGUAGE.into(),
            Lang::CSharp => tree_sitter_c_sharp::LANGUAGE.into(),
            Lang::Rust => tree_sitter_rust::LANGUAGE.into(),
        }
    }

    /// The embedded query files of this language, as `(file name, source)` pairs; a name with a
    /// directory (`_ecma/calls.scm`) is relative to `queries/`, a bare name to
    /// `queries/<lang>/`. Languages without fact extraction yet have none.
    pub fn query_files(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::Go => go::QUERY_FILES,
            Lang::JavaScript => ecma::JS_QUERY_FILES,
            Lang::TypeScript => ecma::TS_QUERY_FILES,
            Lang::Tsx => ecma::TSX_QUERY_FILES,
            Lang::CSharp => csharp::QUERY_FILES,
            Lang::Java => java::QUERY_FILES,
            Lang::Python => python::QUERY_FILES,
            Lang::Rust => rust::QUERY_FILES,
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

    /// The embedded knowledge table (`queries/<lang>/knowledge.toml`), if the language has one.
    pub fn knowledge_source(self) -> Option<&'static str> {
        match self {
            Lang::Go => Some(go::KNOWLEDGE),
            Lang::JavaScript | Lang::TypeScript | Lang::Tsx => Some(ecma::KNOWLEDGE),
            Lang::CSharp => Some(csharp::KNOWLEDGE),
            Lang::Java => Some(java::KNOWLEDGE),
            Lang::Python => Some(python::KNOWLEDGE),
            Lang::Rust => Some(rust::KNOWLEDGE),
        }
    }

    /// Builds the fact extractor of this language from its knowledge table; `None` for
    /// languages without extraction yet.
    pub fn extractor(
        self,
        knowledge: Arc<Knowledge>,
    ) -> Option<Result<Box<dyn Extractor>, String>> {
        match self {
            Lang::Go => {
                Some(go::GoExtractor::new(knowledge).map(|e| Box::new(e) as Box<dyn Extractor>))
            }
            Lang::JavaScript | Lang::TypeScript | Lang::Tsx => Some(
                ecma::EcmaExtractor::new(self, knowledge)
                    .map(|e| Box::new(e) as Box<dyn Extractor>),
            ),
            Lang::CSharp => Some(
                csharp::CSharpExtractor::new(knowledge).map(|e| Box::new(e) as Box<dyn Extractor>),
            ),
            Lang::Java => {
                Some(java::JavaExtractor::new(knowledge).map(|e| Box::new(e) as Box<dyn Extractor>))
            }
            Lang::Python => Some(
                python::PythonExtractor::new(knowledge).map(|e| Box::new(e) as Box<dyn Extractor>),
            ),
            Lang::Rust => {
                Some(rust::RustExtractor::new(knowledge).map(|e| Box::new(e) as Box<dyn Extractor>))
            }
        }
    }

    /// The names this language's extractor recognises beyond its knowledge table, for the
    /// literal pre-filter; `None` when a file without any known name can still contribute (C#:
    /// top-level statements make any file an entry point), so its files are always parsed.
    pub fn prefilter_needles(self) -> Option<&'static crate::prefilter::ExtractorNeedles> {
        match self {
            Lang::Go => Some(&go::PREFILTER_NEEDLES),
            Lang::Python => Some(&python::PREFILTER_NEEDLES),
            Lang::JavaScript | Lang::TypeScript | Lang::Tsx => Some(&ecma::PREFILTER_NEEDLES),
            Lang::Java => Some(&java::PREFILTER_NEEDLES),
            Lang::CSharp | Lang::Rust => None,
        }
    }

    /// Whether tracewire extracts facts from this language's files.
    pub fn is_analyzed(self) -> bool {
        !self.query_files().is_empty()
    }
}

/// Whether a directory name marks test code (`test`, `tests`, `testdata`, `__tests__`, Go's
/// `xxxtest` helper packages, ...).
fn is_test_dir(name: &str) -> bool {
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
/// `Shop.IntegrationTests`, `Shop.Specs`, `Shop.Benchmarks`.
fn is_dotnet_test_project(dir: &str) -> bool {
    let Some((_, last)) = dir.rsplit_once('.') else {
        return false;
    };
    last.ends_with("Tests")
        || last.ends_with("Test")
        || matches!(last, "Specs" | "Benchmarks" | "Benchmark" | "TestHelpers")
}

/// Go's test helper packages: `httptest`, `grpctest`, `clickhousetest`.
fn is_go_test_package(name: &str) -> bool {
    name.len() > 4
        && name.ends_with("test")
        && name != "latest"
        && name.chars().all(|c| c.is_ascii_lowercase())
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
