//! Java span names: the name of each `spanBuilder(name)` (concatenation, `String.format`,
//! `formatted`), `@WithSpan("name")` names, and the `static final String` constants that names
//! refer to.

use crate::facts::{FactKind, NameVia, SpanKindName};
use crate::lang::core::SourceFile;
use crate::lang::span_name::{name_expr, NameSyntax, Shape};
use tree_sitter::Node;

use super::tree::{args, chain_calls, children};
use super::FileCtx;
use crate::lang::fields::NodeFields;

impl<'a> NameSyntax<'a> for FileCtx<'a> {
    fn shape(&self, node: Node<'a>) -> Shape<'a> {
        match node.kind() {
            "string_literal" => Shape::Literal(self.string_literal(node).unwrap_or_default()),
            "binary_expression" => Shape::plus(node, self.src),
            "parenthesized_expression" => Shape::inner(node),
            "identifier" | "field_access" => Shape::Name(self.text(node).into_owned()),
            "method_invocation" => {
                let name = self.name_of(node);
                let object = node.field("object");
                let object_text = object.map(|o| self.text(o));
                let list = args(node);
                match (name.as_str(), object_text.as_deref()) {
                    ("format", Some("String")) if !list.is_empty() => {
                        Shape::Printf(list[0], list[1..].to_vec())
                    }
                    ("formatted", Some(_)) => Shape::Printf(object.expect("object"), list),
                    ("valueOf", Some("String")) if list.len() == 1 => Shape::Paren(list[0]),
                    ("toLowerCase" | "toUpperCase" | "trim", Some(_)) => {
                        Shape::Paren(object.expect("object"))
                    }
                    _ => Shape::Other,
                }
            }
            _ => Shape::Other,
        }
    }

    fn source(&self, node: Node<'a>) -> String {
        self.text(node).into_owned()
    }
}

impl<'a> FileCtx<'a> {
    /// Names the span of `tracer.spanBuilder(name)...startSpan()`, with the kind its chain sets.
    pub(super) fn span_named(&mut self, call: Node<'a>) {
        let chain = chain_calls(call);
        let Some(builder) = chain
            .iter()
            .find(|c| self.named_in(**c, &self.knowledge.methods.span_builder))
        else {
            return;
        };
        let Some(name) = args(*builder).first().copied() else {
            return;
        };
        let expr = name_expr(self, name);
        let span_kind = chain
            .iter()
            .find(|c| self.name_of(**c) == "setSpanKind")
            .and_then(|c| SpanKindName::find_in(&self.text(*c)));
        self.push(call, FactKind::span_named(expr, span_kind, NameVia::Span));
    }

    /// Names given by `@WithSpan("name")` or `@WithSpan(value = "name", kind = ...)`; the
    /// default name (`Class.method`) is the instrumentation's.
    pub(super) fn annotation_named(&mut self, annotation: Node<'a>) {
        let Some(list) = annotation.field("arguments") else {
            return;
        };
        let mut name = None;
        let mut span_kind = None;
        for arg in children(list) {
            if arg.kind() == "element_value_pair" {
                let key = arg.field("key").map(|k| self.text(k));
                let value = arg.field("value");
                match (key.as_deref(), value) {
                    (Some("value"), Some(v)) => name = Some(v),
                    (Some("kind"), Some(v)) => span_kind = SpanKindName::find_in(&self.text(v)),
                    _ => {}
                }
            } else if !arg.kind().ends_with("comment") {
                name = Some(arg);
            }
        }
        let Some(name) = name else { return };
        let expr = name_expr(self, name);
        if matches!(&expr, crate::facts::NameExpr::Literal(s) if s.is_empty()) {
            return;
        }
        self.push(
            annotation,
            FactKind::span_named(expr, span_kind, NameVia::Annotation),
        );
    }

    /// `static final String` fields and interface constants.
    pub(super) fn string_constants(&mut self, decls: &[Node<'a>]) {
        for &decl in decls {
            if decl.kind() == "field_declaration" {
                let modifiers = children(decl)
                    .into_iter()
                    .find(|c| c.kind() == "modifiers")
                    .map(|m| self.text(m).into_owned())
                    .unwrap_or_default();
                let words: Vec<&str> = modifiers.split_whitespace().collect();
                if !(words.contains(&"static") && words.contains(&"final")) {
                    continue;
                }
            }
            let is_string = decl.field("type").is_some_and(|t| self.text(t) == "String");
            if !is_string {
                continue;
            }
            for declarator in children(decl)
                .into_iter()
                .filter(|d| d.kind() == "variable_declarator")
            {
                let (Some(name), Some(value)) =
                    (declarator.field("name"), declarator.field("value"))
                else {
                    continue;
                };
                if let Some(v) = self.string_literal(value) {
                    let name = self.text(name).into_owned();
                    self.push(value, FactKind::StringConstant { name, value: v });
                }
            }
        }
    }
}
