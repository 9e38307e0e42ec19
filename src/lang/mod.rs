//! The languages tracewire reads: which files belong to which grammar, the grammars themselves,
//! and each language's compiled query and fact extractor.
//!
//! Every language's patterns live in `queries/<lang>/*.scm`; they are embedded in the binary and
//! concatenated into one query per language, so a file is parsed once and walked once.

pub mod address;
pub mod address_table;
pub mod core;
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
use std::sync::Arc;

/// Turns one parsed file of a language into facts. Built once per run and shared by the worker
/// threads; the tree is dropped by the caller when `extract` returns.
pub trait Extractor: Send + Sync {
    /// Extracts the facts of one parsed file into `out` (whose `path` and `lang` are set).
    fn extract(&self, src: &[u8], tree: &tree_sitter::Tree, out: &mut FileFacts);
}

pub use crate::language::Lang;

/// An extractor's own needles: the names it recognises without the knowledge table, and how it
/// reads the table.
#[derive(Debug)]
pub struct ExtractorNeedles {
    /// Whole identifiers.
    pub words: &'static [&'static str],
    /// Identifier endings.
    pub suffixes: &'static [&'static str],
    /// Identifier beginnings.
    pub prefixes: &'static [&'static str],
    /// Plain substrings.
    pub substrings: &'static [&'static str],
    /// File names that are always parsed (a Python `__main__.py` is an entry point by name).
    pub file_names: &'static [&'static str],
    /// Method lists of the knowledge table read only on a receiver built from a name of the
    /// table (JavaScript's `route`: `app.get(...)` on an `express()` app).
    pub typed_lists: &'static [&'static str],
    /// Modules that code uses without naming them (JavaScript's `globalThis`).
    pub implicit_modules: &'static [&'static str],
    /// File name endings of generated protobuf message code (`.pb.go`, `_pb2.py`): data types
    /// with no request handling, calls or spans, so not parsed unless the file names gRPC.
    pub message_files: &'static [&'static str],
}

impl ExtractorNeedles {
    /// No needles: the base a language's list starts from (`..ExtractorNeedles::NONE`).
    pub const NONE: ExtractorNeedles = ExtractorNeedles {
        words: &[],
        suffixes: &[],
        prefixes: &[],
        substrings: &[],
        file_names: &[],
        typed_lists: &[],
        implicit_modules: &[],
        message_files: &[],
    };
}

/// What each language needs from its grammar and extractor (the enum itself is a leaf in
/// [`crate::language`], so facts can name a language without the grammars).
impl Lang {
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
        use core::anchors::extractor;
        Some(match self {
            Lang::Go => extractor::<go::Go>(self, knowledge),
            Lang::JavaScript | Lang::TypeScript | Lang::Tsx => {
                extractor::<ecma::Ecma>(self, knowledge)
            }
            Lang::CSharp => extractor::<csharp::CSharp>(self, knowledge),
            Lang::Java => extractor::<java::Java>(self, knowledge),
            Lang::Python => extractor::<python::Python>(self, knowledge),
            Lang::Rust => extractor::<rust::Rust>(self, knowledge),
        })
    }

    /// The names this language's extractor recognises beyond its knowledge table, for the
    /// literal pre-filter; `None` when a file without any known name can still contribute (C#:
    /// top-level statements make any file an entry point), so its files are always parsed.
    pub fn prefilter_needles(self) -> Option<&'static ExtractorNeedles> {
        match self {
            Lang::Go => Some(&go::PREFILTER_NEEDLES),
            Lang::Python => Some(&python::PREFILTER_NEEDLES),
            Lang::JavaScript | Lang::TypeScript | Lang::Tsx => Some(&ecma::PREFILTER_NEEDLES),
            Lang::Java => Some(&java::PREFILTER_NEEDLES),
            Lang::CSharp | Lang::Rust => None,
        }
    }

    /// The knowledge roles this language's extractor reads.
    pub fn roles(self) -> &'static [crate::knowledge::Role] {
        match self {
            Lang::Go => go::ROLES,
            Lang::Python => python::ROLES,
            Lang::JavaScript | Lang::TypeScript | Lang::Tsx => ecma::ROLES,
            Lang::Java => java::ROLES,
            Lang::CSharp => csharp::ROLES,
            Lang::Rust => rust::ROLES,
        }
    }

    /// Whether tracewire extracts facts from this language's files.
    pub fn is_analyzed(self) -> bool {
        !self.query_files().is_empty()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
