//! Rust span names: the name expression of each span start (`tracer.start(..)`,
//! `tracer.span_builder(..)`, `tracer.in_span(..)`), the span kind set in a builder chain
//! (`.with_kind(SpanKind::Server)`), and the crate's string constants (`const X: &str = "..";`).
//!
//! `format!` arguments are token trees, not expressions, so a `format!` name is read from its
//! text: the format string's literal pieces, and one hole per placeholder — the positional or
//! named argument it refers to, or the variable an inline `{x}` captures.

use crate::facts::name::{push_text, split_braces, template};
use crate::facts::{FactKind, Hole, NameExpr, NamePart, NameVia, SpanKindName};
use crate::lang::core::SourceFile;
use crate::lang::span_name::{name_expr, NameSyntax, Shape};
use tree_sitter::Node;

use super::resolve::{method_call, string_value};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// Methods that leave a string's value as it is (`name.to_string()`, `op.as_str()`).
const SAME_VALUE: &[&str] = &["to_string", "to_owned", "as_str", "into", "clone", "as_ref"];

impl<'t> NameSyntax<'t> for FileCtx<'_> {
    fn shape(&self, node: Node<'t>) -> Shape<'t> {
        match node.kind() {
            "string_literal" | "raw_string_literal" => {
                Shape::Literal(string_value(node, self.src).unwrap_or_default())
            }
            "binary_expression" => Shape::plus(node, self.src),
            "parenthesized_expression" => Shape::inner(node),
            "reference_expression" => match node.field("value") {
                Some(inner) => Shape::Paren(inner),
                None => Shape::Other,
            },
            "identifier" | "scoped_identifier" | "field_expression" => Shape::Name(self.text(node)),
            "call_expression" => {
                if let Some((recv, m)) = method_call(node, self.src) {
                    if SAME_VALUE.contains(&m.as_str()) {
                        return Shape::Paren(recv);
                    }
                    return Shape::Other;
                }
                let callee = node.field("function").map(|f| self.text(f));
                let args = super::resolve::call_args(node);
                match (callee.as_deref(), args.as_slice()) {
                    (Some("String::from" | "Cow::from" | "Cow::Borrowed"), [a]) => Shape::Paren(*a),
                    _ => Shape::Other,
                }
            }
            "macro_invocation" if self.macro_name(node).as_deref() == Some("concat") => {
                let Some(tree) = node.named_children(&mut node.walk()).last() else {
                    return Shape::Other;
                };
                let mut cursor = tree.walk();
                let pieces = tree
                    .named_children(&mut cursor)
                    .map(|t| match string_value(t, self.src) {
                        Some(s) => Ok(s),
                        None => Err(t),
                    })
                    .collect();
                Shape::Interpolated(pieces)
            }
            _ => Shape::Other,
        }
    }

    fn source(&self, node: Node<'t>) -> String {
        self.text(node)
    }
}

impl FileCtx<'_> {
    /// The name of a macro invocation (`format` for `format!(..)`, `std::format!` too).
    fn macro_name(&self, node: Node<'_>) -> Option<String> {
        let name = self.text(node.field("macro")?);
        Some(name.rsplit("::").next().unwrap_or(&name).to_string())
    }

    /// The name expression of a span name argument.
    fn rust_name_expr<'t>(&self, node: Node<'t>) -> NameExpr {
        let mut node = node;
        while let Shape::Paren(inner) = self.shape(node) {
            node = inner;
        }
        if node.kind() == "macro_invocation" && self.macro_name(node).as_deref() == Some("format") {
            return self.format_name(node);
        }
        if node.kind() == "call_expression" && matches!(self.shape(node), Shape::Other) {
            // A call as the whole name (`req.uri().path()`) is one hole.
            return NameExpr::Template(vec![NamePart::Hole(hole_of(&self.text(node)))]);
        }
        name_expr(self, node)
    }

    /// `format!("{} {path}", method, path = req.uri().path())`, read from its text.
    fn format_name(&self, mac: Node<'_>) -> NameExpr {
        let Some(tree) = mac.named_children(&mut mac.walk()).last() else {
            return NameExpr::Unknown;
        };
        let Some(first) = tree.named_child(0) else {
            return NameExpr::Unknown;
        };
        let Some(format) = string_value(first, self.src) else {
            return NameExpr::Unknown;
        };
        let text = self.text(tree);
        let inner = text
            .get(1..text.len().saturating_sub(1))
            .unwrap_or_default();
        let args = split_top_level(inner);
        let mut positional = Vec::new();
        let mut named = Vec::new();
        for arg in args.iter().skip(1) {
            match named_arg(arg) {
                Some((k, v)) => named.push((k, v)),
                None => positional.push(arg.as_str()),
            }
        }
        let mut parts = Vec::new();
        let mut next = 0;
        for piece in split_braces(&format) {
            match piece {
                Ok(t) => push_text(&mut parts, &t),
                Err(spec) => {
                    let key = spec.split(':').next().unwrap_or("").trim();
                    let arg = if key.is_empty() {
                        next += 1;
                        positional.get(next - 1).copied()
                    } else if let Ok(i) = key.parse::<usize>() {
                        positional.get(i).copied()
                    } else {
                        named
                            .iter()
                            .find(|(k, _)| k == key)
                            .map(|(_, v)| v.as_str())
                            .or(Some(key))
                    };
                    match arg {
                        Some(a) => push_arg(&mut parts, a),
                        None => parts.push(NamePart::Hole(Hole::from_text("?"))),
                    }
                }
            }
        }
        template(parts)
    }

    /// Names the span a span start makes, at its name argument `name`; `chain` is the builder
    /// chain the kind may be set in (`.with_kind(SpanKind::Server)`).
    pub(super) fn span_named<'t>(&mut self, name: Node<'t>, chain: Option<Node<'t>>) {
        let expr = self.rust_name_expr(name);
        let span_kind = chain.and_then(|c| {
            let mut node = c;
            // The chain above the name: `.with_kind(..)` calls between the builder and `start`.
            loop {
                let kinds: Option<SpanKindName> = method_call(node, self.src)
                    .filter(|(_, m)| m == "with_kind" || m == "with_span_kind")
                    .and_then(|_| {
                        let args = super::resolve::call_args(node);
                        args.first()
                            .and_then(|a| SpanKindName::find_in(&format!("kind {}", self.text(*a))))
                    });
                if kinds.is_some() {
                    return kinds;
                }
                match method_call(node, self.src) {
                    Some((recv, _)) if recv.kind() == "call_expression" => node = recv,
                    _ => return None,
                }
            }
        });
        self.push(name, FactKind::span_named(expr, span_kind, NameVia::Span));
    }

    /// Module-level string constants and statics: `const CHECKOUT: &str = "checkout";`.
    pub(super) fn string_constants(&mut self, items: &[Node<'_>]) {
        for &item in items {
            if self.in_test(item) || self.enclosing_fn(item).is_some() {
                continue;
            }
            let (Some(name), Some(value)) = (item.field("name"), item.field("value")) else {
                continue;
            };
            if !matches!(value.kind(), "string_literal" | "raw_string_literal") {
                continue;
            }
            if let Some(v) = string_value(value, self.src) {
                let name = self.text(name);
                self.push(value, FactKind::StringConstant { name, value: v });
            }
        }
    }
}

/// Adds a `format!` argument, written as text, to a name: a literal's value or a hole.
fn push_arg(parts: &mut Vec<NamePart>, arg: &str) {
    let arg = arg.trim();
    if let Some(lit) = arg
        .strip_prefix('"')
        .and_then(|a| a.strip_suffix('"'))
        .filter(|a| !a.contains('"') && !a.contains('\\'))
    {
        push_text(parts, lit);
        return;
    }
    parts.push(NamePart::Hole(hole_of(arg)));
}

/// A hole for an argument written as text; method chains read as paths
/// (`req.uri().path()` reads `req.uri.path`), value-keeping conversions dropped.
fn hole_of(arg: &str) -> Hole {
    let arg = arg.trim();
    let mut plain = arg.trim_start_matches('&').trim().to_string();
    loop {
        let before = plain.len();
        for m in SAME_VALUE {
            if let Some(rest) = plain.strip_suffix(&format!(".{m}()")) {
                plain = rest.to_string();
            }
        }
        if plain.len() == before {
            break;
        }
    }
    // `req.uri().path()` reads the path `req.uri.path`.
    let shape_text = match plain.strip_suffix("()") {
        Some(rest) => format!("{}()", rest.replace("()", "")),
        None => plain.replace("()", ""),
    };
    let shape = Hole::from_text(&shape_text).shape;
    Hole {
        expr: arg.to_string(),
        shape,
    }
}

/// `name = expr` in a `format!` argument list.
fn named_arg(arg: &str) -> Option<(String, String)> {
    let (k, v) = arg.split_once('=')?;
    let k = k.trim();
    if k.is_empty() || !k.chars().all(|c| c.is_alphanumeric() || c == '_') || v.starts_with('=') {
        return None;
    }
    Some((k.to_string(), v.trim().to_string()))
}

/// Splits text at commas outside brackets and strings.
fn split_top_level(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut in_str = false;
    let mut escaped = false;
    let mut cur = String::new();
    for c in text.chars() {
        if in_str {
            cur.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut cur).trim().to_string());
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::HoleShape;

    #[test]
    fn format_arguments_split_outside_brackets_and_strings() {
        assert_eq!(
            split_top_level(r#""{} {}", a.b(1, 2), "x,y""#),
            vec![r#""{} {}""#, "a.b(1, 2)", r#""x,y""#]
        );
        assert_eq!(named_arg("path = req.uri().path()").unwrap().0, "path");
        assert!(named_arg("a == b").is_none());
    }

    #[test]
    fn call_chains_read_as_paths() {
        let mut parts = Vec::new();
        push_arg(&mut parts, "req.uri().path()");
        push_arg(&mut parts, "&op.as_str()");
        let shapes: Vec<_> = parts
            .iter()
            .map(|p| match p {
                NamePart::Hole(h) => h.shape.clone(),
                NamePart::Text(_) => HoleShape::Other,
            })
            .collect();
        assert_eq!(
            shapes,
            vec![
                HoleShape::Call(vec!["req".into(), "uri".into(), "path".into()]),
                HoleShape::Identifier("op".into()),
            ]
        );
    }
}
