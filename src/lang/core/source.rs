//! What every language's per-file context shares: reading the source under a node and recording
//! facts, and finishing a file (suppressions from comments, facts in order and without repeats).

use crate::facts::{suppression, Suppression};
use crate::facts::{Fact, FactKind, FileFacts, Loc};
use crate::lang::query;
use std::borrow::Cow;
use tree_sitter::Node;

/// A file being read: its source and the facts found so far. An extractor's per-file context
/// implements the two accessors and gets the rest.
pub trait SourceFile<'a> {
    /// The file's bytes.
    fn src(&self) -> &'a [u8];

    /// The facts found so far.
    fn facts_mut(&mut self) -> &mut Vec<Fact>;

    /// The text under a node, lossily decoded.
    fn text(&self, node: Node<'_>) -> Cow<'a, str> {
        query::text(node, self.src())
    }

    /// Where a node is.
    fn loc(&self, node: Node<'_>) -> Loc {
        query::loc(node, self.src())
    }

    /// Records a fact at a node.
    fn push(&mut self, node: Node<'_>, kind: FactKind) {
        let loc = self.loc(node);
        self.facts_mut().push(Fact { loc, kind });
    }

    /// The text of a node's `name` field ("" when it has none: a lambda, an anonymous class).
    fn name_of(&self, node: Node<'_>) -> String {
        use crate::lang::fields::NodeFields;
        node.field("name")
            .map(|n| self.text(n).into_owned())
            .unwrap_or_default()
    }
}

/// Implements [`SourceFile`] for a per-file context with `src` and `facts`
/// fields.
macro_rules! source_file {
    ($ctx:ident) => {
        impl<'a> $crate::lang::core::SourceFile<'a> for $ctx<'a> {
            fn src(&self) -> &'a [u8] {
                self.src
            }

            fn facts_mut(&mut self) -> &mut Vec<$crate::facts::Fact> {
                &mut self.facts
            }
        }
    };
}
pub(crate) use source_file;

/// Finishes a file: suppressions from its comments (tracewire's own, then `extra` for a
/// language's foreign markers such as Go's `//nolint:contextcheck`), facts sorted by position
/// and without repeats, and one `CalledFromRequest` fact per function name called from request
/// code.
pub fn finish<'t>(
    out: &mut FileFacts,
    mut facts: Vec<Fact>,
    comments: &[Node<'t>],
    src: &[u8],
    extra: impl Fn(&str, Loc) -> Option<Suppression>,
    called_from_request: impl IntoIterator<Item = String>,
) {
    for comment in comments {
        let text = query::text(*comment, src);
        let loc = query::loc(*comment, src);
        if let Some(s) = suppression::parse_comment(&text, loc).or_else(|| extra(&text, loc)) {
            out.suppressions.push(s);
        }
    }
    facts.extend(called_from_request.into_iter().map(|name| Fact {
        loc: Loc::default(),
        kind: FactKind::CalledFromRequest { name },
    }));
    facts.sort_by_key(|f| (f.loc.start_byte, f.loc.end_byte));
    facts.dedup();
    out.facts = facts;
}
