//! Tree navigation for Java: subtree walks, the range index that finds the method or class
//! around a node without walking up, and method-call chains (`a.b().c()`).

use crate::lang::fields::NodeFields;
pub(super) use crate::lang::tree::descendants;
use tree_sitter::Node;

/// Nodes (methods, lambdas, classes) by byte range.
pub(super) use crate::lang::tree::RangeIndex;

/// Java's view of the range index: methods, not the lambdas inside them.
pub(super) trait EnclosingNamed<'t> {
    /// The innermost indexed node around `node` that is not a lambda.
    fn enclosing_named(&self, node: Node<'_>) -> Option<Node<'t>>;
}

impl<'t> EnclosingNamed<'t> for RangeIndex<'t> {
    fn enclosing_named(&self, node: Node<'_>) -> Option<Node<'t>> {
        self.enclosing_where(node, |f| f.kind() != "lambda_expression")
    }
}

/// The arguments of a call or `new`, in order.
pub(super) fn args(call: Node<'_>) -> Vec<Node<'_>> {
    let Some(list) = call.field("arguments") else {
        return Vec::new();
    };
    let mut cursor = list.walk();
    list.named_children(&mut cursor)
        .filter(|n| !n.kind().ends_with("comment"))
        .collect()
}

/// The receiver of a method call (`x` in `x.m()`), if written.
pub(super) fn object(call: Node<'_>) -> Option<Node<'_>> {
    call.field("object")
}

/// The innermost call of a chain (`a.b()` in `a.b().c().d()`), or the node itself.
pub(super) fn chain_root(call: Node<'_>) -> Node<'_> {
    let mut node = call;
    while let Some(inner) = object(node).filter(|o| o.kind() == "method_invocation") {
        node = inner;
    }
    node
}

/// The calls of a chain from `call` inward, outermost first (`d`, `c`, `b` for `a.b().c().d()`).
pub(super) fn chain_calls(call: Node<'_>) -> Vec<Node<'_>> {
    let mut out = vec![call];
    let mut node = call;
    while let Some(inner) = object(node).filter(|o| o.kind() == "method_invocation") {
        out.push(inner);
        node = inner;
    }
    out
}

/// The outermost call of the chain that `node` starts or continues (`a.b().c()` for `a.b()`).
/// Walks up, so it is used only at the few anchors that need it.
pub(super) fn chain_top(node: Node<'_>) -> Node<'_> {
    let mut top = node;
    while let Some(parent) = top.parent() {
        let continues = parent.kind() == "method_invocation"
            && object(parent).is_some_and(|o| o.id() == top.id());
        if !continues {
            break;
        }
        top = parent;
    }
    top
}

/// The named children of a node.
pub(super) fn children(node: Node<'_>) -> Vec<Node<'_>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).collect()
}

/// The annotations in a declaration's modifiers, as `(name, node)`.
pub(super) fn annotations<'t>(decl: Node<'t>, src: &[u8]) -> Vec<(String, Node<'t>)> {
    let Some(modifiers) = children(decl).into_iter().find(|c| c.kind() == "modifiers") else {
        return Vec::new();
    };
    children(modifiers)
        .into_iter()
        .filter(|a| matches!(a.kind(), "annotation" | "marker_annotation"))
        .filter_map(|a| {
            let name = a.field("name")?;
            let text = String::from_utf8_lossy(&src[name.byte_range()]);
            let simple = text.rsplit('.').next().unwrap_or(&text).to_string();
            Some((simple, a))
        })
        .collect()
}

/// Whether a node sits inside `ancestor` (by byte range).
pub(super) fn within(node: Node<'_>, ancestor: Node<'_>) -> bool {
    node.start_byte() >= ancestor.start_byte() && node.end_byte() <= ancestor.end_byte()
}
