//! How a Python URL expression is built, for the service graph: literals, f-strings, `+`,
//! environment reads (`os.environ["X"]`, `os.getenv("X")`) and names bound once to such
//! expressions in the same function or module.

use super::resolve::call_args;
use super::FileCtx;
use crate::lang::address::Piece;
use crate::lang::address_table::{AddressTables, TableShape};
use crate::lang::core::SourceFile;
use crate::lang::fields::NodeFields;
use crate::lang::tree::single_binding;
use tree_sitter::Node;

impl FileCtx<'_> {
    /// The pieces of a URL expression.
    pub(super) fn url_pieces(&self, expr: Node<'_>, depth: usize) -> Vec<Piece> {
        if depth > 4 {
            return vec![Piece::Other];
        }
        match expr.kind() {
            "string" => self.string_pieces(expr, depth),
            "concatenated_string" => {
                let mut cursor = expr.walk();
                let parts: Vec<Node<'_>> = expr.named_children(&mut cursor).collect();
                parts
                    .into_iter()
                    .flat_map(|p| self.url_pieces(p, depth + 1))
                    .collect()
            }
            "parenthesized_expression" => match expr.named_child(0) {
                Some(inner) => self.url_pieces(inner, depth + 1),
                None => vec![Piece::Other],
            },
            "binary_operator" if expr.field("operator").is_some_and(|o| self.text(o) == "+") => {
                let (Some(left), Some(right)) = (expr.field("left"), expr.field("right")) else {
                    return vec![Piece::Other];
                };
                let mut out = self.url_pieces(left, depth + 1);
                out.extend(self.url_pieces(right, depth + 1));
                out
            }
            "call" => {
                let is_env = expr
                    .field("function")
                    .and_then(|f| self.resolve(f))
                    .is_some_and(|q| self.knowledge.is_env_read(&q));
                let var = call_args(expr).first().and_then(|a| self.string_value(*a));
                match var {
                    Some(var) if is_env => vec![Piece::Env(var)],
                    _ => vec![Piece::Other],
                }
            }
            "subscript" => {
                let is_env = expr
                    .field("value")
                    .and_then(|v| self.resolve(v))
                    .is_some_and(|q| self.knowledge.is_env_read(&q));
                let var = expr.field("subscript").and_then(|s| self.string_value(s));
                match var {
                    Some(var) if is_env => vec![Piece::Env(var)],
                    // `SERVICES["cart"]`: the one entry a literal key names.
                    Some(_) => {
                        match crate::lang::address_table::looked_up_values(self, expr).as_deref() {
                            Some([value]) => self.url_pieces(*value, depth + 1),
                            _ => vec![Piece::Other],
                        }
                    }
                    _ => vec![Piece::Other],
                }
            }
            "identifier" => match self.single_binding(expr) {
                Some(value) => self.url_pieces(value, depth + 1),
                None => vec![Piece::Other],
            },
            _ => vec![Piece::Other],
        }
    }

    /// A string literal or f-string: its text, with each interpolation's pieces in place.
    fn string_pieces(&self, string: Node<'_>, depth: usize) -> Vec<Piece> {
        let mut out = Vec::new();
        let mut cursor = string.walk();
        for child in string.named_children(&mut cursor) {
            match child.kind() {
                "string_content" => out.push(Piece::Lit(self.text(child).into_owned())),
                "interpolation" => match child.field("expression") {
                    Some(inner) => out.extend(self.url_pieces(inner, depth + 1)),
                    None => out.push(Piece::Other),
                },
                "string_start" | "string_end" => {}
                _ => out.push(Piece::Other),
            }
        }
        out
    }

    /// The value of the one assignment to the name `id` (see [`single_binding`]).
    fn single_binding<'t>(&self, id: Node<'t>) -> Option<Node<'t>> {
        // The enclosing function, as a node of `id`'s own tree reference.
        let function = self.enclosing_function(id).and_then(|f| {
            crate::lang::tree::root_of(id)?.descendant_for_byte_range(f.start_byte(), f.end_byte())
        });
        single_binding(id, function, self.src, |node| {
            if node.kind() != "assignment" {
                return Vec::new();
            }
            match node.field("left") {
                Some(l) if l.kind() == "identifier" => vec![(l, node.field("right"))],
                _ => Vec::new(),
            }
        })
    }
}

impl AddressTables for FileCtx<'_> {
    // `SERVICES[name]` with `SERVICES = {"cart": "http://cart:8080/cart", ...}` bound once.
    const SHAPE: TableShape = TableShape {
        identifier: "identifier",
        value_wrappers: &["parenthesized_expression"],
        subscript: ("subscript", "value", "subscript"),
        table_wrappers: &[],
        table: "dictionary",
    };

    fn bound_value<'t>(&self, id: Node<'t>) -> Option<Node<'t>> {
        self.single_binding(id)
    }

    fn entry_key(&self, key: Node<'_>) -> Option<String> {
        self.string_value(key)
    }

    fn literal_key(&self, key: Node<'_>) -> Option<String> {
        self.string_value(key)
    }

    fn pieces(&self, value: Node<'_>, depth: usize) -> Vec<Piece> {
        self.url_pieces(value, depth)
    }
}
