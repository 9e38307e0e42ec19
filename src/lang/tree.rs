//! Tree navigation shared by every language's extractor: subtree walks and the range index
//! that finds the function (or class) around a node without walking up the tree —
//! `Node::parent` costs a walk down from the root in tree-sitter.

use tree_sitter::Node;

/// How far [`root_of`] climbs to find the file's root; deeper nodes (generated or
/// hostile nesting) are not resolved, since each step up costs a walk down from the root.
const MAX_CLIMB: usize = 256;

/// The root of the tree a node is in; `None` when it is more than [`MAX_CLIMB`] levels up.
pub fn root_of(node: Node<'_>) -> Option<Node<'_>> {
    let mut root = node;
    for _ in 0..MAX_CLIMB {
        match root.parent() {
            Some(p) => root = p,
            None => return Some(root),
        }
    }
    None
}

/// The value bound exactly once to the identifier `id`: looked up in `function` (the function
/// around `id`) and, when the name is not bound there, in the whole file. `bindings(node)`
/// gives the `(name, value)` pairs a node binds (`addr := os.Getenv(..)`). Inside a function a
/// binding after `id` does not count; at file level order does not matter (a module constant
/// read by a function). `None` when the name is bound more than once in the scope searched.
pub fn single_binding<'t>(
    id: Node<'t>,
    function: Option<Node<'t>>,
    src: &[u8],
    bindings: impl Fn(Node<'t>) -> Vec<(Node<'t>, Option<Node<'t>>)>,
) -> Option<Node<'t>> {
    let root = root_of(id);
    for scope in function.into_iter().chain(root) {
        let (count, found) = bindings_in(scope, Some(scope) == root, id, src, &bindings);
        if count > 0 {
            return (count == 1).then_some(found).flatten();
        }
    }
    None
}

/// [`single_binding`] with the file-level answer read from `file` (built once per file with
/// the same `bindings`) instead of a walk of the whole file per identifier.
pub fn single_binding_with<'t>(
    id: Node<'t>,
    function: Option<Node<'t>>,
    src: &[u8],
    bindings: impl Fn(Node<'t>) -> Vec<(Node<'t>, Option<Node<'t>>)>,
    file: &FileBindings<'t>,
) -> Option<Node<'t>> {
    if let Some(function) = function {
        let (count, found) = bindings_in(function, false, id, src, &bindings);
        if count > 0 {
            return (count == 1).then_some(found).flatten();
        }
    }
    match file.names.get(&src[id.byte_range()]) {
        Some(&(1, found)) => found,
        _ => None,
    }
}

/// How often `id`'s name is bound in `scope`, and the value of the binding that counts (before
/// `id` inside a function; any at file level).
fn bindings_in<'t>(
    scope: Node<'t>,
    file_level: bool,
    id: Node<'t>,
    src: &[u8],
    bindings: &impl Fn(Node<'t>) -> Vec<(Node<'t>, Option<Node<'t>>)>,
) -> (usize, Option<Node<'t>>) {
    let name = &src[id.byte_range()];
    let mut found = None;
    let mut count = 0;
    for node in descendants(scope) {
        for (left, value) in bindings(node) {
            if &src[left.byte_range()] != name {
                continue;
            }
            count += 1;
            if node.end_byte() <= id.start_byte() || file_level {
                found = value;
            }
        }
    }
    (count, found)
}

/// Every name bound anywhere in a file: how often, and the value of its last binding.
pub struct FileBindings<'t> {
    names: std::collections::HashMap<Vec<u8>, (usize, Option<Node<'t>>)>,
}

impl<'t> FileBindings<'t> {
    /// One walk of `root` with `bindings` (as given to [`single_binding`]).
    pub fn of(
        root: Node<'t>,
        src: &[u8],
        bindings: impl Fn(Node<'t>) -> Vec<(Node<'t>, Option<Node<'t>>)>,
    ) -> FileBindings<'t> {
        let mut names: std::collections::HashMap<Vec<u8>, (usize, Option<Node<'t>>)> =
            Default::default();
        for node in descendants(root) {
            for (left, value) in bindings(node) {
                let entry = names.entry(src[left.byte_range()].to_vec()).or_default();
                entry.0 += 1;
                entry.1 = value;
            }
        }
        FileBindings { names }
    }
}

/// The nodes of `sorted` (nodes of one tree in document order, e.g. a query's captures of one
/// kind) that lie inside `within`, `within` itself included: the same nodes, in the same
/// order, as filtering `descendants(within)` (plus any node of exactly `within`'s range around
/// it), found by binary search instead of a walk.
pub fn nodes_within<'a, 't>(
    sorted: &'a [Node<'t>],
    within: Node<'_>,
) -> impl Iterator<Item = Node<'t>> + 'a {
    let (start, end) = (within.start_byte(), within.end_byte());
    let from = sorted.partition_point(|n| n.start_byte() < start);
    sorted[from..]
        .iter()
        .take_while(move |n| n.start_byte() < end || (n.start_byte() == end && n.end_byte() == end))
        .filter(move |n| n.end_byte() <= end)
        .copied()
}

/// The position of `node` in `sorted` (nodes of one tree in document order, e.g. a query's
/// captures of one kind), found by binary search; `None` when it is not there.
pub fn position_in(sorted: &[Node<'_>], node: Node<'_>) -> Option<usize> {
    let start = node.start_byte();
    let from = sorted.partition_point(|n| n.start_byte() < start);
    sorted[from..]
        .iter()
        .take_while(|n| n.start_byte() == start)
        .position(|n| n.id() == node.id())
        .map(|k| from + k)
}

/// Every node of a subtree, in document order, the root included.
pub fn descendants(root: Node<'_>) -> impl Iterator<Item = Node<'_>> {
    let mut cursor = root.walk();
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let node = cursor.node();
        if cursor.goto_first_child() {
            return Some(node);
        }
        loop {
            if cursor.node().id() == root.id() {
                done = true;
                return Some(node);
            }
            if cursor.goto_next_sibling() {
                return Some(node);
            }
            if !cursor.goto_parent() {
                done = true;
                return Some(node);
            }
        }
    })
}

/// Nodes (functions, methods, lambdas, classes) by byte range: the one around a node is a
/// binary search and a climb through the indexed nodes that nest around it (as deep as the
/// code nests, never across the file).
pub struct RangeIndex<'t> {
    /// `(start, end, node)`, sorted by start, outer before inner on equal starts.
    spans: Vec<(usize, usize, Node<'t>)>,
    /// For each span, the index of the innermost span around it.
    outer: Vec<Option<usize>>,
}

impl<'t> RangeIndex<'t> {
    /// Indexes the given nodes (nodes of one tree, so their ranges nest).
    pub fn new(nodes: &[Node<'t>]) -> RangeIndex<'t> {
        let mut spans: Vec<_> = nodes
            .iter()
            .map(|f| (f.start_byte(), f.end_byte(), *f))
            .collect();
        spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut outer = Vec::with_capacity(spans.len());
        let mut open: Vec<usize> = Vec::new();
        for (i, (_, end, _)) in spans.iter().enumerate() {
            while open.last().is_some_and(|&o| spans[o].1 < *end) {
                open.pop();
            }
            outer.push(open.last().copied());
            open.push(i);
        }
        RangeIndex { spans, outer }
    }

    /// The innermost indexed node that strictly encloses `node`.
    pub fn enclosing(&self, node: Node<'_>) -> Option<Node<'t>> {
        self.enclosing_where(node, |_| true)
    }

    /// The innermost indexed node that strictly encloses `node` and satisfies `keep`.
    pub fn enclosing_where(
        &self,
        node: Node<'_>,
        keep: impl Fn(Node<'t>) -> bool,
    ) -> Option<Node<'t>> {
        let (start, end) = (node.start_byte(), node.end_byte());
        // Every span around `node` starts at or before it, and the last span to do so is
        // inside each of them: climbing from it visits them all, innermost first.
        let mut at = self.spans.partition_point(|s| s.0 <= start).checked_sub(1);
        while let Some(i) = at {
            let (s, e, f) = self.spans[i];
            if s <= start && e >= end && f.id() != node.id() && keep(f) {
                return Some(f);
            }
            at = self.outer[i];
        }
        None
    }

    /// Whether any indexed node overlaps the byte range.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.spans.iter().any(|(s, e, _)| *s < end && *e > start)
    }

    /// Whether no node is indexed.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// Joins the outcomes of two branches of a path analysis (`Some(ended)` when the branch falls
/// through, `None` when it never does): a branch that never falls through adds nothing.
pub fn combine(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(a), Some(b)) => Some(a && b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_innermost_enclosing_function_is_found() {
        let src = "package p\nfunc a() { f := func() { g() }; f() }\nfunc b() { h() }\n";
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&crate::lang::Lang::Go.grammar())
            .unwrap();
        let tree = parser.parse(src, None).unwrap();
        let functions: Vec<Node<'_>> = descendants(tree.root_node())
            .filter(|n| matches!(n.kind(), "function_declaration" | "func_literal"))
            .collect();
        let index = RangeIndex::new(&functions);
        let call = |name: &str| {
            descendants(tree.root_node())
                .find(|n| n.kind() == "call_expression" && &src[n.byte_range()] == name)
                .unwrap()
        };
        assert_eq!(index.enclosing(call("g()")).unwrap().kind(), "func_literal");
        assert_eq!(
            index.enclosing(call("f()")).unwrap().kind(),
            "function_declaration"
        );
        let b = index.enclosing(call("h()")).unwrap();
        assert!(src[b.byte_range()].starts_with("func b"));
        let literal = index.enclosing(call("g()")).unwrap();
        assert_eq!(
            index.enclosing(literal).unwrap().kind(),
            "function_declaration"
        );
        assert!(index
            .enclosing_where(call("g()"), |n| n.kind() != "func_literal")
            .is_some_and(|n| n.kind() == "function_declaration"));
    }

    /// A Go file with functions nested in functions, siblings, and top-level code between.
    const NESTED: &str = "package p\nvar v = x(func() { y(func() { z() }) })\nfunc a() {\n  f := func() { g(func() { h() }) }\n  f()\n}\nvar w = q()\nfunc b() { i(); func() { j() }() }\nfunc c() { k().l().m() }\n";

    /// [`NESTED`], parsed.
    fn nested_tree() -> tree_sitter::Tree {
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&crate::lang::Lang::Go.grammar())
            .unwrap();
        parser.parse(NESTED, None).unwrap()
    }

    /// The calls of a tree, in document order.
    fn calls_of(tree: &tree_sitter::Tree) -> Vec<Node<'_>> {
        descendants(tree.root_node())
            .filter(|n| n.kind() == "call_expression")
            .collect()
    }

    #[test]
    fn enclosing_agrees_with_climbing_parents() {
        let tree = nested_tree();
        let is_function =
            |n: &Node<'_>| matches!(n.kind(), "function_declaration" | "func_literal");
        let functions: Vec<Node<'_>> = descendants(tree.root_node()).filter(is_function).collect();
        let index = RangeIndex::new(&functions);
        // Ranges cannot tell a node from a wrapper of exactly its range; such nodes are left out.
        let same_range_as_function =
            |n: &Node<'_>| functions.iter().any(|f| f.byte_range() == n.byte_range());
        for node in descendants(tree.root_node()).filter(|n| !same_range_as_function(n)) {
            let mut climbed = node.parent();
            while let Some(p) = climbed.filter(|p| !is_function(p)) {
                climbed = p.parent();
            }
            assert_eq!(
                index.enclosing(node).map(|n| n.id()),
                climbed.map(|n| n.id()),
                "around {:?} at {}",
                node.kind(),
                node.start_byte()
            );
        }
    }

    #[test]
    fn nodes_within_agrees_with_a_subtree_walk() {
        let tree = nested_tree();
        let calls = calls_of(&tree);
        for within in descendants(tree.root_node()).filter(|n| n.is_named()) {
            let walked: Vec<usize> = descendants(within)
                .filter(|n| n.kind() == "call_expression")
                .map(|n| n.id())
                .collect();
            // A node of exactly `within`'s range around it counts as inside it.
            let found: Vec<usize> = nodes_within(&calls, within)
                .filter(|c| {
                    c.byte_range() != within.byte_range()
                        || descendants(within).any(|d| d.id() == c.id())
                })
                .map(|n| n.id())
                .collect();
            assert_eq!(
                found,
                walked,
                "inside {:?} at {}",
                within.kind(),
                within.start_byte()
            );
        }
    }

    #[test]
    fn position_in_finds_each_node_and_only_those() {
        let tree = nested_tree();
        let calls = calls_of(&tree);
        assert!(
            calls.len() > 3,
            "the file has calls, nested ones among them"
        );
        for node in descendants(tree.root_node()) {
            let expected = calls.iter().position(|c| c.id() == node.id());
            assert_eq!(position_in(&calls, node), expected, "{:?}", node.kind());
        }
    }
}
