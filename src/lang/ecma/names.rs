//! JavaScript/TypeScript span names: the name expression of each span start (template
//! literals, concatenation) and the module's string constants that names refer to (`const`
//! strings, constant objects, TypeScript string enums).

use crate::facts::{FactKind, NameVia, SpanKindName};
use crate::lang::core::SourceFile;
use crate::lang::span_name::{interpolated, name_expr, NameSyntax, Shape};
use tree_sitter::Node;

use super::resolve::{call_args, is_function};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// The file's view of name expressions.
struct Syntax<'c, 'a>(&'c FileCtx<'a>);

impl<'t> NameSyntax<'t> for Syntax<'_, '_> {
    fn shape(&self, node: Node<'t>) -> Shape<'t> {
        let ctx = self.0;
        match node.kind() {
            "string" => Shape::Literal(ctx.string_value(node).unwrap_or_default()),
            "template_string" => {
                let mut cursor = node.walk();
                let holes: Vec<(Node<'t>, Node<'t>)> = node
                    .named_children(&mut cursor)
                    .filter(|c| c.kind() == "template_substitution")
                    .filter_map(|c| c.named_child(0).map(|e| (c, e)))
                    .collect();
                if holes.is_empty() {
                    return Shape::Literal(ctx.string_value(node).unwrap_or_default());
                }
                Shape::Interpolated(interpolated(node, ctx.src, 1, 1, &holes, false))
            }
            "binary_expression" => Shape::plus(node, ctx.src),
            "parenthesized_expression"
            | "as_expression"
            | "non_null_expression"
            | "satisfies_expression" => match node.named_child(0) {
                Some(inner) => Shape::Paren(inner),
                None => Shape::Other,
            },
            "identifier" | "member_expression" => Shape::Name(ctx.text(node).into_owned()),
            "call_expression" => {
                let callee = node.field("function").map(|f| ctx.text(f));
                let args = call_args(node);
                match (callee.as_deref(), args.first()) {
                    (Some("util.format" | "format"), Some(f)) => {
                        Shape::Printf(*f, args[1..].to_vec())
                    }
                    (Some("String"), Some(a)) => Shape::Paren(*a),
                    _ => Shape::Other,
                }
            }
            _ => Shape::Other,
        }
    }

    fn source(&self, node: Node<'t>) -> String {
        self.0.text(node).into_owned()
    }
}

impl<'a> FileCtx<'a> {
    /// Names the span started by `tracer.startSpan(name, options)` or
    /// `tracer.startActiveSpan(name, { kind: SpanKind.CLIENT }, span => ...)`.
    pub(super) fn span_named(&mut self, call: Node<'_>) {
        let args = call_args(call);
        let Some(name) = args.first() else { return };
        let expr = name_expr(&Syntax(self), *name);
        let span_kind = args
            .get(1)
            .filter(|o| !is_function(**o))
            .and_then(|o| SpanKindName::find_in(&self.text(*o)));
        self.push(call, FactKind::span_named(expr, span_kind, NameVia::Span));
    }

    /// Module-level string constants: `const CHECKOUT = "checkout"`, the string properties of
    /// a constant object (`const SpanNames = { CHECKOUT: "checkout" }`), string enum members.
    pub(super) fn string_constants(&mut self, root: Node<'_>) {
        let mut cursor = root.walk();
        let mut statements: Vec<Node<'_>> = Vec::new();
        for child in root.named_children(&mut cursor) {
            if child.kind() == "export_statement" {
                if let Some(decl) = child.field("declaration") {
                    statements.push(decl);
                }
            } else {
                statements.push(child);
            }
        }
        for stmt in statements {
            match stmt.kind() {
                "lexical_declaration" if self.text(stmt).starts_with("const") => {
                    let mut c = stmt.walk();
                    let declarators: Vec<Node<'_>> = stmt
                        .named_children(&mut c)
                        .filter(|d| d.kind() == "variable_declarator")
                        .collect();
                    for d in declarators {
                        let (Some(name), Some(value)) = (d.field("name"), d.field("value")) else {
                            continue;
                        };
                        let value = unwrap_as(value);
                        if let Some(v) = self.string_value(value) {
                            let name = self.text(name).into_owned();
                            self.push(value, FactKind::StringConstant { name, value: v });
                        } else if value.kind() == "object" {
                            self.object_constants(value);
                        }
                    }
                }
                "enum_declaration" => {
                    let Some(body) = stmt.field("body") else {
                        continue;
                    };
                    let mut c = body.walk();
                    let members: Vec<Node<'_>> = body
                        .named_children(&mut c)
                        .filter(|m| m.kind() == "enum_assignment")
                        .collect();
                    for m in members {
                        let (Some(name), Some(value)) = (m.field("name"), m.field("value")) else {
                            continue;
                        };
                        if let Some(v) = self.string_value(value) {
                            let name = self.text(name).into_owned();
                            self.push(value, FactKind::StringConstant { name, value: v });
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn object_constants(&mut self, object: Node<'_>) {
        let mut c = object.walk();
        let pairs: Vec<Node<'_>> = object
            .named_children(&mut c)
            .filter(|p| p.kind() == "pair")
            .collect();
        for pair in pairs {
            let (Some(key), Some(value)) = (pair.field("key"), pair.field("value")) else {
                continue;
            };
            if let Some(v) = self.string_value(value) {
                let name = self
                    .string_value(key)
                    .unwrap_or_else(|| self.text(key).into_owned());
                self.push(value, FactKind::StringConstant { name, value: v });
            }
        }
    }
}

/// The expression inside `x as const` and `x satisfies T`.
fn unwrap_as(node: Node<'_>) -> Node<'_> {
    match node.kind() {
        "as_expression" | "satisfies_expression" => node.named_child(0).unwrap_or(node),
        _ => node,
    }
}
