//! tracewire: a static analyzer that finds where distributed traces will break.
//!
//! The pipeline runs one way, one module per stage:
//! [`discover`] → [`extract`] (per file, parallel, via [`lang`]) → [`model`] → [`rules`] →
//! [`suppress`] → [`report`]. [`analysis`] wires the stages together. Every module uses only
//! modules below it in the order ARCHITECTURE.md lists; `tests/it/layers.rs` enforces it.

pub mod analysis;
pub mod baseline;
pub mod cache;
pub mod cli;
pub mod config;
pub mod deploy;
pub mod diagnostic;
pub mod discover;
pub mod extract;
pub mod facts;
pub mod fingerprint;
pub mod knowledge;
pub mod lang;
pub mod language;
pub mod lsp;
pub mod model;
pub mod prefilter;
pub mod proto;
pub mod report;
pub mod review;
pub mod rules;
pub mod single_file;
pub mod suppress;
pub mod url;
