//! C# span names: the name of each `source.StartActivity(name, kind)` (interpolated strings,
//! `string.Format`, concatenation), with its `ActivityKind`. String constants are read by
//! `setup` (`const string`, top-level string locals).

use crate::facts::{FactKind, NameVia, SpanKindName};
use crate::lang::core::SourceFile;
use crate::lang::span_name::{name_expr, NameSyntax, Shape};
use tree_sitter::Node;

use super::syntax::{args, named_children, string_value, text};
use super::FileCtx;
use crate::lang::fields::NodeFields;

impl<'a> NameSyntax<'a> for FileCtx<'a> {
    fn shape(&self, node: Node<'a>) -> Shape<'a> {
        match node.kind() {
            "string_literal" | "verbatim_string_literal" | "raw_string_literal" => {
                match string_value(node, self.src) {
                    Some(s) => Shape::Literal(s),
                    None => Shape::Other,
                }
            }
            "interpolated_string_expression" => {
                let mut pieces = Vec::new();
                for child in named_children(node) {
                    match child.kind() {
                        "interpolation" => match named_children(child)
                            .into_iter()
                            .find(|c| !c.kind().starts_with("interpolation_"))
                        {
                            Some(e) => pieces.push(Err(e)),
                            None => return Shape::Other,
                        },
                        "interpolation_start" | "interpolation_quote" => {}
                        _ => pieces.push(Ok(text(child, self.src)
                            .replace("{{", "{")
                            .replace("}}", "}"))),
                    }
                }
                Shape::Interpolated(pieces)
            }
            "binary_expression" => {
                let op = node.field("operator").map(|o| text(o, self.src));
                match (op, node.field("left"), node.field("right")) {
                    (Some("+"), Some(l), Some(r)) => Shape::Concat(l, r),
                    _ => Shape::Other,
                }
            }
            "parenthesized_expression" => Shape::inner(node),
            "identifier" | "member_access_expression" => {
                Shape::Name(text(node, self.src).to_string())
            }
            "invocation_expression" => {
                let function = node.field("function").map(|f| text(f, self.src));
                let list: Vec<Node<'a>> =
                    args(node, self.src).into_iter().map(|(_, a)| a).collect();
                match function {
                    Some("string.Format" | "String.Format") if !list.is_empty() => {
                        Shape::Braces(list[0], list[1..].to_vec())
                    }
                    Some(f)
                        if f.ends_with(".ToLower")
                            || f.ends_with(".ToUpper")
                            || f.ends_with(".ToLowerInvariant") =>
                    {
                        match node.field("function").and_then(|f| f.field("expression")) {
                            Some(object) => Shape::Paren(object),
                            None => Shape::Other,
                        }
                    }
                    _ => Shape::Other,
                }
            }
            _ => Shape::Other,
        }
    }

    fn source(&self, node: Node<'a>) -> String {
        text(node, self.src).to_string()
    }
}

impl<'a> FileCtx<'a> {
    /// Names the activity of `source.StartActivity(name, ActivityKind.Server)`. Without a name
    /// the runtime uses the calling method's name: the default, not named here.
    pub(super) fn span_named(&mut self, call: Node<'a>) {
        let list = args(call, self.src);
        let is_kind = |n: Node<'a>| text(n, self.src).contains("ActivityKind");
        let name = list
            .iter()
            .find(|(n, _)| n.as_deref() == Some("name"))
            .or_else(|| list.iter().find(|(n, a)| n.is_none() && !is_kind(*a)))
            .map(|(_, a)| *a);
        let Some(name) = name else { return };
        let expr = name_expr(self, name);
        let span_kind = list
            .iter()
            .filter(|(n, a)| n.as_deref() == Some("kind") || (n.is_none() && is_kind(*a)))
            .find_map(|(_, a)| SpanKindName::find_in(text(*a, self.src)));
        self.push(call, FactKind::span_named(expr, span_kind, NameVia::Span));
    }
}
