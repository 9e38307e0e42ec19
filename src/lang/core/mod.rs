//! The extraction core: analyses written once over a language-neutral view of syntax, which
//! each language's extractor plugs into through a small adapter trait.
//!
//! Each module pairs one skeleton with one analysis. A language answers "what shape is this
//! node" and the module does the rest, in the style of [`crate::lang::span_name`]:
//!
//! - [`anchors`]: the nodes a language's merged query captures, collected in one walk.
//! - [`source`]: reading text and recording facts, shared by every per-file context, and the
//!   end of a file (suppressions, facts in order).
//! - [`summary`]: what a function does by hand, directly or through the file's functions it
//!   calls (the closure over names, written once).
//! - [`headers`]: trace context written by hand as a `traceparent` header.
//! - [`lifecycle`]: the statement skeleton ([`lifecycle::Stmt`]) and the one exit-path walker
//!   that decides whether a started span is ended on every path out of its function.

pub mod anchors;
pub mod headers;
pub mod lifecycle;
pub mod source;
pub mod summary;

pub use source::SourceFile;
