//! The integration tests, as one test binary (one link instead of one per file): the
//! `tracewire` binary end to end, fixtures, formats, the language server, invariants and layers.
//! `cargo test --test it fixtures::` runs one module.

mod cache;
mod cli;
mod common;
mod docs;
mod ecosystem;
mod facts;
mod fixtures;
mod formats;
mod grammars;
mod hostile;
mod invariants;
mod layers;
mod lifecycle;
mod lsp;
mod lsp_client;
mod map;
mod prefilter;
mod prefilter_explain;
mod review;
mod sarif;
