//! How a JavaScript/TypeScript URL expression is built, for the service graph: literals,
//! template literals, `+`, environment reads (`process.env.CART_URL`,
//! `process.env["CART_URL"]`, with an `||`/`??` fallback) and `const`s bound once to such
//! expressions in the same function or module.

use super::resolve::{descendants, enclosing_function};
use super::FileCtx;
use crate::facts::FactKind;
use crate::lang::address::Piece;
use crate::lang::address_table::{AddressTables, TableShape};
use crate::lang::core::SourceFile;
use crate::lang::fields::NodeFields;
use crate::lang::tree::{root_of, single_binding};
use tree_sitter::Node;

impl FileCtx<'_> {
    /// The pieces of a URL expression.
    pub(super) fn url_pieces(&self, expr: Node<'_>, depth: usize) -> Vec<Piece> {
        if depth > 4 {
            return vec![Piece::Other];
        }
        match expr.kind() {
            "string" => vec![Piece::Lit(self.string_value(expr).unwrap_or_default())],
            "template_string" => self.template_pieces(expr, depth),
            "parenthesized_expression" | "non_null_expression" | "as_expression" => {
                match expr.named_child(0) {
                    Some(inner) => self.url_pieces(inner, depth + 1),
                    None => vec![Piece::Other],
                }
            }
            "binary_expression" => {
                let op = expr
                    .field("operator")
                    .map(|o| self.text(o).into_owned())
                    .unwrap_or_default();
                let (Some(left), Some(right)) = (expr.field("left"), expr.field("right")) else {
                    return vec![Piece::Other];
                };
                match op.as_str() {
                    "+" => {
                        let mut out = self.url_pieces(left, depth + 1);
                        out.extend(self.url_pieces(right, depth + 1));
                        out
                    }
                    // `process.env.CART_URL || 'http://localhost:8080'`: as deployed, the
                    // variable.
                    "||" | "??" => match self.url_pieces(left, depth + 1).as_slice() {
                        [Piece::Env(var)] => vec![Piece::Env(var.clone())],
                        _ => vec![Piece::Other],
                    },
                    _ => vec![Piece::Other],
                }
            }
            "member_expression" | "subscript_expression" => match self.env_read(expr) {
                Some(var) => vec![Piece::Env(var)],
                // `SERVICES["cart"]`: the one entry a literal key names.
                None if expr.kind() == "subscript_expression" => {
                    match crate::lang::address_table::looked_up_values(self, expr).as_deref() {
                        Some([value])
                            if expr
                                .field("index")
                                .is_some_and(|k| self.string_value(k).is_some()) =>
                        {
                            self.url_pieces(*value, depth + 1)
                        }
                        _ => vec![Piece::Other],
                    }
                }
                None => vec![Piece::Other],
            },
            "identifier" => {
                if let Some(var) = self.destructured_env(expr) {
                    return vec![Piece::Env(var)];
                }
                match self.single_const(expr) {
                    Some(value) => self.url_pieces(value, depth + 1),
                    None => vec![Piece::Other],
                }
            }
            _ => vec![Piece::Other],
        }
    }

    /// The port a server's `listen(...)` argument names: a number or string (`3000`,
    /// `'0.0.0.0:3000'`), an environment read with an optional default
    /// (`process.env.PORT || 4000`), a `{ port }` option, or a `const` bound once to one.
    pub(super) fn listen_port_fact(&self, expr: Node<'_>, depth: usize) -> Option<FactKind> {
        if depth > 4 {
            return None;
        }
        match expr.kind() {
            "number" => {
                crate::lang::address::listen_fact(&[Piece::Lit(self.text(expr).into_owned())], None)
            }
            "parenthesized_expression" | "non_null_expression" | "as_expression" => {
                self.listen_port_fact(expr.named_child(0)?, depth + 1)
            }
            "identifier" if self.destructured_env(expr).is_none() => {
                self.listen_port_fact(self.single_const(expr)?, depth + 1)
            }
            "binary_expression" => {
                let op = self.text(expr.field("operator")?).into_owned();
                if op != "||" && op != "??" {
                    return None;
                }
                let default = expr
                    .field("right")
                    .and_then(|r| self.listen_port_fact(r, depth + 1))
                    .and_then(|f| match f {
                        FactKind::ListensOn { port } => Some(port),
                        _ => None,
                    });
                let left = self.url_pieces(expr.field("left")?, depth + 1);
                crate::lang::address::listen_fact(&left, default)
            }
            "object" => {
                let mut cursor = expr.walk();
                let port = expr
                    .named_children(&mut cursor)
                    .filter(|p| p.kind() == "pair")
                    .find(|p| p.field("key").is_some_and(|k| self.text(k) == "port"))?
                    .field("value")?;
                self.listen_port_fact(port, depth + 1)
            }
            _ => crate::lang::address::listen_fact(&self.url_pieces(expr, depth + 1), None),
        }
    }

    /// `process.env.NAME` or `process.env["NAME"]`: the variable's name.
    fn env_read(&self, expr: Node<'_>) -> Option<String> {
        let object = expr.field("object")?;
        if !self.knowledge.is_env_read(&self.qualify(object)?) {
            return None;
        }
        match expr.kind() {
            "member_expression" => Some(self.text(expr.field("property")?).into_owned()),
            _ => self.string_value(expr.field("index")?),
        }
    }

    /// The variable an identifier was destructured from the environment as, anywhere in the
    /// file: `const { SHIPPING_ADDR = '' } = process.env`, `const { ADDR: addr } = process.env`.
    fn destructured_env(&self, id: Node<'_>) -> Option<String> {
        let name = self.text(id);
        let root = root_of(id)?;
        for decl in descendants(root).filter(|n| n.kind() == "variable_declarator") {
            let (Some(pattern), Some(value)) = (decl.field("name"), decl.field("value")) else {
                continue;
            };
            if pattern.kind() != "object_pattern"
                || !self
                    .qualify(value)
                    .is_some_and(|q| self.knowledge.is_env_read(&q))
            {
                continue;
            }
            let mut cursor = pattern.walk();
            for prop in pattern.named_children(&mut cursor) {
                let (key, local) = match prop.kind() {
                    "shorthand_property_identifier_pattern" => (prop, prop),
                    "object_assignment_pattern" => match prop.field("left") {
                        Some(left) => (left, left),
                        None => continue,
                    },
                    "pair_pattern" => match (prop.field("key"), prop.field("value")) {
                        (Some(k), Some(v)) => {
                            let v = match v.kind() {
                                "assignment_pattern" => v.field("left").unwrap_or(v),
                                _ => v,
                            };
                            (k, v)
                        }
                        _ => continue,
                    },
                    _ => continue,
                };
                if self.text(local) == name {
                    return Some(self.text(key).into_owned());
                }
            }
        }
        None
    }

    /// A template literal: its text, with each substitution's pieces in place.
    fn template_pieces(&self, template: Node<'_>, depth: usize) -> Vec<Piece> {
        let src = self.src;
        let end = template.end_byte().saturating_sub(1);
        let mut out = Vec::new();
        let mut pos = template.start_byte() + 1;
        let mut cursor = template.walk();
        for child in template.named_children(&mut cursor) {
            if child.kind() != "template_substitution" {
                continue;
            }
            if child.start_byte() > pos {
                out.push(Piece::Lit(
                    String::from_utf8_lossy(&src[pos..child.start_byte()]).into_owned(),
                ));
            }
            match child.named_child(0) {
                Some(inner) => out.extend(self.url_pieces(inner, depth + 1)),
                None => out.push(Piece::Other),
            }
            pos = child.end_byte();
        }
        if end > pos {
            out.push(Piece::Lit(
                String::from_utf8_lossy(&src[pos..end]).into_owned(),
            ));
        }
        out
    }

    /// The value of the one `const`/`let`/`var` declaration (or assignment) of the name `id`
    /// (see [`single_binding`]).
    pub(super) fn single_const<'t>(&self, id: Node<'t>) -> Option<Node<'t>> {
        single_binding(id, enclosing_function(id), self.src, |node| {
            let (left, right) = match node.kind() {
                "variable_declarator" => ("name", "value"),
                "assignment_expression" => ("left", "right"),
                _ => return Vec::new(),
            };
            match node.field(left) {
                Some(l) if l.kind() == "identifier" => vec![(l, node.field(right))],
                _ => Vec::new(),
            }
        })
    }
}

impl AddressTables for FileCtx<'_> {
    // `SERVICES[name]` with `const SERVICES = { cart: "http://cart:8080/cart" } as const`.
    const SHAPE: TableShape = TableShape {
        identifier: "identifier",
        value_wrappers: &[
            "parenthesized_expression",
            "non_null_expression",
            "as_expression",
        ],
        subscript: ("subscript_expression", "object", "index"),
        table_wrappers: &["as_expression", "satisfies_expression"],
        table: "object",
    };

    fn bound_value<'t>(&self, id: Node<'t>) -> Option<Node<'t>> {
        self.single_const(id)
    }

    fn entry_key(&self, key: Node<'_>) -> Option<String> {
        Some(
            self.string_value(key)
                .unwrap_or_else(|| self.text(key).into_owned()),
        )
    }

    fn literal_key(&self, key: Node<'_>) -> Option<String> {
        self.string_value(key)
    }

    fn pieces(&self, value: Node<'_>, depth: usize) -> Vec<Piece> {
        self.url_pieces(value, depth)
    }
}
