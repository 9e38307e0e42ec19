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
    let name = &src[id.byte_range()];
    let root = root_of(id);
    for scope in function.into_iter().chain(root) {
        let mut found = None;
        let mut count = 0;
        for node in descendants(scope) {
            for (left, value) in bindings(node) {
                if &src[left.byte_range()] != name {
                    continue;
                }
                count += 1;
                if node.end_byte() <= id.start_byte() || Some(scope) == root {
                    found = value;
                }
            }
        }
        if count > 0 {
            return (count == 1).then_some(found).flatten();
        }
    }
    None
}

/// The ids of the nodes nested deeper than `max` levels below `root`, found in one cursor walk.
/// Extractors that look up the tree from a node (each `Node::parent` is a walk down from the
/// root) leave such nodes alone, so that a pathological file (10,000 nested calls) costs linear
/// time instead of cubic.
pub fn nodes_deeper_than(root: Node<'_>, max: usize) -> std::collections::HashSet<usize> {
    let mut deep = std::collections::HashSet::new();
    let mut cursor = root.walk();
    let mut depth = 0usize;
    loop {
        if depth > max {
            deep.insert(cursor.node().id());
        }
        if cursor.goto_first_child() {
            depth += 1;
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return deep;
            }
            depth -= 1;
        }
    }
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
/// binary search.
pub struct RangeIndex<'t> {
    /// `(start, end, node)`, sorted by start, outer before inner on equal starts.
    spans: Vec<(usize, usize, Node<'t>)>,
}

impl<'t> RangeIndex<'t> {
    /// Indexes the given nodes.
    pub fn new(nodes: &[Node<'t>]) -> RangeIndex<'t> {
        let mut spans: Vec<_> = nodes
            .iter()
            .map(|f| (f.start_byte(), f.end_byte(), *f))
            .collect();
        spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        RangeIndex { spans }
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
        let upto = self.spans.partition_point(|s| s.0 <= start);
        self.spans[..upto]
            .iter()
            .rev()
            .find(|(s, e, f)| *s <= start && *e >= end && f.id() != node.id() && keep(*f))
            .map(|(_, _, f)| *f)
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
}
