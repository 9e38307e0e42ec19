//! Go span names: the name expression of each span start and of each name handed to
//! instrumentation, and the package's string constants that names refer to.

use crate::facts::{FactKind, NameExpr, NameVia, SpanKindName};
use crate::lang::core::SourceFile;
use crate::lang::span_name::{name_expr, NameSyntax, Shape};
use tree_sitter::Node;

use super::resolve::{call_args, descendants, is_function};
use super::FileCtx;
use crate::lang::fields::NodeFields;

impl<'a> NameSyntax<'a> for FileCtx<'a> {
    fn shape(&self, node: Node<'a>) -> Shape<'a> {
        match node.kind() {
            "interpreted_string_literal" | "raw_string_literal" => {
                Shape::Literal(self.string_literal(node).unwrap_or_default())
            }
            "binary_expression" => Shape::plus(node, self.src),
            "parenthesized_expression" => Shape::inner(node),
            "identifier" | "selector_expression" => Shape::Name(self.text(node).into_owned()),
            "call_expression" => {
                let args = call_args(node);
                let callee = node.field("function").and_then(|f| self.qualify(f));
                match (callee.as_deref(), args.first()) {
                    (Some("fmt.Sprintf"), Some(format)) => {
                        Shape::Printf(*format, args[1..].to_vec())
                    }
                    (Some("fmt.Sprint"), _) => {
                        Shape::Interpolated(args.iter().map(|a| Err(*a)).collect())
                    }
                    (
                        Some("strings.ToLower" | "strings.ToUpper" | "strings.TrimSpace"),
                        Some(a),
                    ) => Shape::Paren(*a),
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
    /// Names the span started by `tracer.Start(ctx, name, opts...)`.
    pub(super) fn span_named(&mut self, call: Node<'a>) {
        let args = call_args(call);
        let Some(name) = args.get(1) else { return };
        let expr = name_expr(self, *name);
        let options: String = args[2..].iter().map(|a| self.text(*a)).collect();
        let span_kind = SpanKindName::find_in(&options);
        self.push(call, FactKind::span_named(expr, span_kind, NameVia::Span));
    }

    /// Names handed to instrumentation (`otelhttp.NewHandler(h, "name")`) and the names a
    /// span-name formatter returns (`otelhttp.WithSpanNameFormatter(func(...) string {...})`).
    pub(super) fn instrumentation_named(&mut self, call: Node<'a>, qualified: &str) {
        let table = &self.knowledge.span_names;
        let args = call_args(call);
        if let Some(named) = table.instrumentation.get(qualified) {
            let has_formatter = descendants(call).any(|n| {
                n.kind() == "call_expression"
                    && n.field("function")
                        .and_then(|f| self.qualify(f))
                        .is_some_and(|q| table.formatters.contains(&q))
            });
            if has_formatter {
                return;
            }
            let Some(arg) = args.get(named.arg) else {
                return;
            };
            let name = name_expr(self, *arg);
            if name == NameExpr::Unknown {
                return;
            }
            let what = short(qualified);
            self.push(
                *arg,
                FactKind::span_named(
                    name,
                    SpanKindName::from_word(&named.kind),
                    NameVia::Instrumentation(what),
                ),
            );
            return;
        }
        if !table.formatters.iter().any(|f| f == qualified) {
            return;
        }
        let Some(function) = args.first().copied().filter(|a| is_function(*a)) else {
            return;
        };
        let span_kind = self.enclosing_instrumentation_kind(call);
        let Some(body) = function.field("body") else {
            return;
        };
        let returns: Vec<Node<'a>> = descendants(body)
            .filter(|n| n.kind() == "return_statement")
            .filter(|n| {
                // Returns of nested function literals are not the formatter's.
                let mut p = n.parent();
                while let Some(node) = p {
                    if node.id() == function.id() {
                        return true;
                    }
                    if is_function(node) {
                        return false;
                    }
                    p = node.parent();
                }
                false
            })
            .collect();
        for ret in returns {
            let Some(value) = ret.named_child(0).and_then(|l| {
                if l.kind() == "expression_list" {
                    l.named_child(0)
                } else {
                    Some(l)
                }
            }) else {
                continue;
            };
            let name = name_expr(self, value);
            self.push(
                value,
                FactKind::span_named(name, span_kind, NameVia::Formatter(short(qualified))),
            );
        }
    }

    /// The kind of the spans made by the instrumentation call an option sits in.
    fn enclosing_instrumentation_kind(&self, option: Node<'a>) -> Option<SpanKindName> {
        let mut node = option.parent();
        for _ in 0..6 {
            let n = node?;
            if n.kind() == "call_expression" {
                let qualified = n.field("function").and_then(|f| self.qualify(f));
                if let Some(q) = qualified {
                    if let Some(named) = self.knowledge.span_names.instrumentation.get(&q) {
                        return SpanKindName::from_word(&named.kind);
                    }
                    if self.knowledge.role(&q)
                        == Some(crate::knowledge::Role::InstrumentedTransport)
                    {
                        return Some(SpanKindName::Client);
                    }
                }
            }
            node = n.parent();
        }
        None
    }

    /// Package-level string constants and variables: `const checkoutSpan = "checkout"`.
    pub(super) fn string_constants(&mut self, root: Node<'a>) {
        let mut cursor = root.walk();
        let decls: Vec<Node<'a>> = root
            .named_children(&mut cursor)
            .filter(|n| matches!(n.kind(), "const_declaration" | "var_declaration"))
            .collect();
        for decl in decls {
            let specs: Vec<Node<'a>> = descendants(decl)
                .filter(|n| matches!(n.kind(), "const_spec" | "var_spec"))
                .collect();
            for spec in specs {
                let names = spec.fields("name");
                let Some(values) = spec.field("value") else {
                    continue;
                };
                let values: Vec<Node<'a>> = {
                    let mut c = values.walk();
                    values.named_children(&mut c).collect()
                };
                for (name, value) in names.iter().zip(values) {
                    if let Some(v) = self.string_literal(value) {
                        let name = self.text(*name).into_owned();
                        self.push(value, FactKind::StringConstant { name, value: v });
                    }
                }
            }
        }
    }
}

/// The last two segments of a qualified name (`otelhttp.NewHandler`).
fn short(qualified: &str) -> String {
    let last = qualified.rsplit('/').next().unwrap_or(qualified);
    last.to_string()
}
