//! Python span names: the name expression of each span start (f-strings, `%`, `str.format`,
//! concatenation) and the module's and classes' string constants that names refer to.

use crate::facts::{FactKind, NameVia, SpanKindName};
use crate::lang::core::SourceFile;
use crate::lang::span_name::{name_expr, NameSyntax, Shape};
use tree_sitter::Node;

use super::resolve::{call_args, kwarg};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// The file's view of name expressions.
struct Syntax<'c, 'a>(&'c FileCtx<'a>);

impl<'t> NameSyntax<'t> for Syntax<'_, '_> {
    fn shape(&self, node: Node<'t>) -> Shape<'t> {
        let ctx = self.0;
        match node.kind() {
            "string" => {
                let mut pieces = Vec::new();
                let mut cursor = node.walk();
                for child in node.named_children(&mut cursor) {
                    match child.kind() {
                        "string_start" | "string_end" => {}
                        "interpolation" => {
                            match child.field("expression").or_else(|| child.named_child(0)) {
                                Some(e) => pieces.push(Err(e)),
                                None => return Shape::Other,
                            }
                        }
                        _ => pieces.push(Ok(ctx.text(child).replace("{{", "{").replace("}}", "}"))),
                    }
                }
                if pieces.iter().all(Result::is_ok) {
                    return Shape::Literal(
                        ctx.string_value(node)
                            .unwrap_or_else(|| pieces.into_iter().flatten().collect()),
                    );
                }
                Shape::Interpolated(pieces)
            }
            "concatenated_string" => {
                let mut cursor = node.walk();
                let parts = node.named_children(&mut cursor).map(Err).collect();
                Shape::Interpolated(parts)
            }
            "binary_operator" => {
                let op = node.field("operator").map(|o| ctx.text(o));
                let (Some(l), Some(r)) = (node.field("left"), node.field("right")) else {
                    return Shape::Other;
                };
                match op.as_deref() {
                    Some("+") => Shape::Concat(l, r),
                    Some("%") => {
                        let args = if r.kind() == "tuple" {
                            let mut c = r.walk();
                            r.named_children(&mut c).collect()
                        } else {
                            vec![r]
                        };
                        Shape::Printf(l, args)
                    }
                    _ => Shape::Other,
                }
            }
            "call" => {
                let Some(function) = node.field("function") else {
                    return Shape::Other;
                };
                let args = call_args(node);
                if function.kind() == "attribute" {
                    let object = function.field("object");
                    let attr = function.field("attribute").map(|a| ctx.text(a));
                    if let (Some(object), Some("format")) = (object, attr.as_deref()) {
                        if object.kind() == "string" {
                            return Shape::Braces(object, args);
                        }
                    }
                    if let (Some(object), Some("lower" | "upper" | "strip")) =
                        (object, attr.as_deref())
                    {
                        return Shape::Paren(object);
                    }
                }
                if ctx.text(function) == "str" && args.len() == 1 {
                    return Shape::Paren(args[0]);
                }
                Shape::Other
            }
            "identifier" | "attribute" => Shape::Name(ctx.text(node).into_owned()),
            "parenthesized_expression" => Shape::inner(node),
            _ => Shape::Other,
        }
    }

    fn source(&self, node: Node<'t>) -> String {
        self.0.text(node).into_owned()
    }
}

impl<'a> FileCtx<'a> {
    /// Names the span started by `tracer.start_span(name, ...)` or
    /// `tracer.start_as_current_span(name, kind=SpanKind.SERVER)`.
    pub(super) fn span_named(&mut self, call: Node<'_>) {
        let args = call_args(call);
        let Some(name) = args.first().copied().or_else(|| kwarg(self, call, "name")) else {
            return;
        };
        let expr = name_expr(&Syntax(self), name);
        let span_kind = kwarg(self, call, "kind")
            .or_else(|| args.get(2).copied())
            .and_then(|k| SpanKindName::find_in(&self.text(k)));
        let via = if call.parent().is_some_and(|p| p.kind() == "decorator") {
            NameVia::Annotation
        } else {
            NameVia::Span
        };
        self.push(call, FactKind::span_named(expr, span_kind, via));
    }

    /// String constants of the module and of its classes: `CHECKOUT = "checkout"`,
    /// `class SpanNames(str, Enum): CHECKOUT = "checkout"`.
    pub(super) fn string_constants(&mut self, root: Node<'_>) {
        let mut blocks = vec![root];
        let mut cursor = root.walk();
        for child in root.named_children(&mut cursor) {
            let class = match child.kind() {
                "class_definition" => Some(child),
                "decorated_definition" => child
                    .field("definition")
                    .filter(|d| d.kind() == "class_definition"),
                _ => None,
            };
            if let Some(body) = class.and_then(|c| c.field("body")) {
                blocks.push(body);
            }
        }
        for block in blocks {
            let mut cursor = block.walk();
            let statements: Vec<Node<'_>> = block.named_children(&mut cursor).collect();
            for stmt in statements {
                let Some(assign) = stmt
                    .named_child(0)
                    .filter(|a| stmt.kind() == "expression_statement" && a.kind() == "assignment")
                else {
                    continue;
                };
                let (Some(left), Some(right)) = (assign.field("left"), assign.field("right"))
                else {
                    continue;
                };
                if left.kind() != "identifier" {
                    continue;
                }
                if let Some(value) = self.string_value(right) {
                    let name = self.text(left).into_owned();
                    self.push(right, FactKind::StringConstant { name, value });
                }
            }
        }
    }
}
