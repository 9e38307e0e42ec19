//! The anchors of one file: the nodes a language's merged query captures, grouped by capture, in
//! document order. Every extractor starts from them; the walk over the tree happens once.

use crate::facts::FileFacts;
use crate::knowledge::Knowledge;
use crate::lang::query::CompiledQuery;
use crate::lang::{Extractor, Lang};
use std::sync::Arc;
use tree_sitter::{Node, Tree};

/// Declares a language's capture indices: `captures!(Captures: call, function, use_decl = "use")`
/// makes a struct with one `u32` per capture of its merged query (named by the field, or by the
/// string after `=` where the capture name is a Rust keyword), resolved by [`FromQuery`],
/// which panics on a name the query lacks (a bug the query tests catch at start-up).
macro_rules! captures {
    ($name:ident: $($field:ident $(= $capture:literal)?),* $(,)?) => {
        /// Capture indices of the language's merged query.
        pub struct $name {
            $($field: u32,)*
        }

        impl $crate::lang::core::anchors::FromQuery for $name {
            fn from_query(query: &$crate::lang::query::CompiledQuery) -> $name {
                $name {
                    $($field: $crate::lang::query::capture(
                        query,
                        $crate::lang::core::anchors::captures!(@name $field $($capture)?),
                    ),)*
                }
            }
        }
    };
    (@name $field:ident $capture:literal) => {
        $capture
    };
    (@name $field:ident) => {
        stringify!($field)
    };
}
pub(crate) use captures;

/// Capture indices resolved from a compiled query.
pub trait FromQuery: Sized {
    /// Resolves every capture name in `query`.
    fn from_query(query: &CompiledQuery) -> Self;
}

/// One language's side of extraction: its capture indices and how a file's anchors become
/// facts. [`Driver`] does the rest (compiling once, sharing across threads).
pub trait Adapter: 'static {
    /// The capture indices of the language's merged query.
    type Captures: FromQuery + Send + Sync;

    /// Extracts the facts of one parsed file into `out` (whose `path` and `lang` are set).
    fn extract(compiled: &Compiled<Self::Captures>, src: &[u8], tree: &Tree, out: &mut FileFacts);
}

/// The extractor of a language: its compiled query run through its [`Adapter`].
pub struct Driver<A: Adapter>(Compiled<A::Captures>);

impl<A: Adapter> Extractor for Driver<A> {
    fn extract(&self, src: &[u8], tree: &Tree, out: &mut FileFacts) {
        A::extract(&self.0, src, tree, out);
    }
}

/// Builds `lang`'s extractor from its adapter and knowledge table.
pub fn extractor<A: Adapter>(
    lang: Lang,
    knowledge: Arc<Knowledge>,
) -> Result<Box<dyn Extractor>, String> {
    let compiled = Compiled::new(lang, knowledge, A::Captures::from_query)?;
    Ok(Box::new(Driver::<A>(compiled)))
}

/// A language's compiled query, its capture indices and its knowledge table: what an extractor
/// is built from, once per run, and shares across worker threads.
pub struct Compiled<C> {
    /// The merged query.
    pub query: CompiledQuery,
    /// Its capture indices.
    pub captures: C,
    /// The language's knowledge table.
    pub knowledge: Arc<Knowledge>,
}

impl<C> Compiled<C> {
    /// Compiles `lang`'s merged query and resolves its captures.
    pub fn new(
        lang: Lang,
        knowledge: Arc<Knowledge>,
        captures: impl FnOnce(&CompiledQuery) -> C,
    ) -> Result<Compiled<C>, String> {
        let query = CompiledQuery::new(lang)?;
        let captures = captures(&query);
        Ok(Compiled {
            query,
            captures,
            knowledge,
        })
    }

    /// Runs the query once over a file, keeping every capture.
    pub fn anchors<'t>(&self, root: Node<'t>, src: &[u8]) -> Anchors<'t> {
        Anchors::all(&self.query, root, src)
    }
}

/// The nodes the merged query captured in one file, by capture index, in document order.
pub struct Anchors<'t> {
    lists: Vec<Vec<Node<'t>>>,
}

impl<'t> Anchors<'t> {
    /// Runs `query` once over `root`. Captures listed in `shallow_only` are kept only up to
    /// `max_depth` below the root: facts are read by looking around a node, and nodes nested
    /// absurdly deep (generated or hostile code) are left alone.
    pub fn collect(
        query: &CompiledQuery,
        root: Node<'t>,
        src: &[u8],
        shallow_only: &[u32],
        max_depth: usize,
    ) -> Anchors<'t> {
        let mut lists = vec![Vec::new(); query.capture_names().len()];
        query.for_each_capture_at_depth(root, src, |capture, node, depth| {
            if depth > max_depth && shallow_only.contains(&capture) {
                return;
            }
            if let Some(list) = lists.get_mut(capture as usize) {
                list.push(node);
            }
        });
        Anchors { lists }
    }

    /// Runs `query` once over `root`, keeping every capture.
    pub fn all(query: &CompiledQuery, root: Node<'t>, src: &[u8]) -> Anchors<'t> {
        Anchors::collect(query, root, src, &[], usize::MAX)
    }

    /// The nodes of one capture, in document order.
    pub fn nodes(&self, capture: u32) -> &[Node<'t>] {
        self.lists
            .get(capture as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The nodes of several captures merged, in document order.
    pub fn merged(&self, captures: &[u32]) -> Vec<Node<'t>> {
        let mut nodes: Vec<Node<'t>> = captures
            .iter()
            .flat_map(|c| self.nodes(*c).iter().copied())
            .collect();
        nodes.sort_by_key(|n| (n.start_byte(), std::cmp::Reverse(n.end_byte())));
        nodes
    }
}
