//! Rust name resolution: `use` declarations to paths, callee paths to qualified names, method
//! chains, and the small tree helpers the extractor shares.

use std::collections::HashMap;
use tree_sitter::Node;

use super::FileCtx;
use crate::lang::fields::NodeFields;

/// The names `use` declarations bind in one file.
#[derive(Debug, Default)]
pub(super) struct Imports {
    /// Local name → full path (`SdkTracerProvider` → `opentelemetry_sdk::trace::SdkTracerProvider`).
    pub names: HashMap<String, String>,
    /// Paths imported with `*`.
    pub globs: Vec<String>,
    /// Every imported path, in document order.
    pub paths: Vec<String>,
}

impl Imports {
    /// Records one `use` declaration.
    pub(super) fn bind(&mut self, decl: Node<'_>, src: &[u8]) {
        if let Some(arg) = decl.field("argument") {
            self.bind_tree(arg, "", src);
        }
    }

    fn bind_tree(&mut self, node: Node<'_>, prefix: &str, src: &[u8]) {
        let join = |p: &str, s: &str| {
            if p.is_empty() {
                s.to_string()
            } else {
                format!("{p}::{s}")
            }
        };
        match node.kind() {
            "identifier" | "scoped_identifier" | "crate" | "self" | "super" => {
                let path = join(prefix, &path_text(node, src));
                let last = path.rsplit("::").next().unwrap_or(&path).to_string();
                if last == "self" {
                    let base = path.trim_end_matches("::self").to_string();
                    let name = base.rsplit("::").next().unwrap_or(&base).to_string();
                    self.names.insert(name, base.clone());
                    self.paths.push(base);
                } else {
                    self.names.insert(last, path.clone());
                    self.paths.push(path);
                }
            }
            "use_as_clause" => {
                let (Some(path), Some(alias)) = (node.field("path"), node.field("alias")) else {
                    return;
                };
                let full = join(prefix, &path_text(path, src));
                // `trace::{self as sdktrace}` names the module itself.
                let full = full.strip_suffix("::self").unwrap_or(&full).to_string();
                self.names.insert(text(alias, src), full.clone());
                self.paths.push(full);
            }
            "scoped_use_list" => {
                let base = node
                    .field("path")
                    .map(|p| join(prefix, &path_text(p, src)))
                    .unwrap_or_else(|| prefix.to_string());
                if let Some(list) = node.field("list") {
                    self.bind_tree(list, &base, src);
                }
            }
            "use_list" => {
                let mut cursor = node.walk();
                for child in node.named_children(&mut cursor) {
                    self.bind_tree(child, prefix, src);
                }
            }
            "use_wildcard" => {
                let inner = node
                    .named_child(0)
                    .map(|p| join(prefix, &path_text(p, src)))
                    .unwrap_or_else(|| prefix.to_string());
                self.paths.push(inner.clone());
                self.globs.push(inner);
            }
            _ => {}
        }
    }
}

/// The text of a node.
pub(super) fn text(node: Node<'_>, src: &[u8]) -> String {
    String::from_utf8_lossy(&src[node.byte_range()]).into_owned()
}

/// A path as written, without generic arguments or whitespace (`Vec::<u8>::new` → `Vec::new`).
pub(super) fn path_text(node: Node<'_>, src: &[u8]) -> String {
    let raw = text(node, src);
    let mut out = String::with_capacity(raw.len());
    let mut depth = 0usize;
    for c in raw.chars() {
        match c {
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            c if depth == 0 && !c.is_whitespace() => out.push(c),
            _ => {}
        }
    }
    out.replace("::::", "::").trim_end_matches("::").to_string()
}

/// The last segment of a path.
pub(super) fn last_segment(path: &str) -> &str {
    path.rsplit("::").next().unwrap_or(path)
}

/// The arguments of a call (named children of its `arguments` node).
pub(super) fn call_args(call: Node<'_>) -> Vec<Node<'_>> {
    let Some(args) = call.field("arguments") else {
        return Vec::new();
    };
    let mut cursor = args.walk();
    args.named_children(&mut cursor)
        .filter(|n| !is_comment(*n))
        .collect()
}

/// Whether a node is a comment.
pub(super) fn is_comment(node: Node<'_>) -> bool {
    matches!(node.kind(), "line_comment" | "block_comment")
}

/// For a method call `recv.method(args)`: the receiver and the method name.
pub(super) fn method_call<'t>(call: Node<'t>, src: &[u8]) -> Option<(Node<'t>, String)> {
    let mut f = call.field("function")?;
    if f.kind() == "generic_function" {
        f = f.field("function")?;
    }
    if f.kind() != "field_expression" {
        return None;
    }
    let recv = f.field("value")?;
    let field = f.field("field")?;
    Some((recv, text(field, src)))
}

/// Strips `&`, `&mut`, `*`, parentheses, `.await`, `?` and `.clone()` around an expression.
pub(super) fn unwrap_expr(mut node: Node<'_>) -> Node<'_> {
    loop {
        let inner = match node.kind() {
            "reference_expression" => node.field("value"),
            "parenthesized_expression" | "try_expression" | "await_expression" => {
                node.named_child(0)
            }
            "unary_expression" => node.named_child(0),
            _ => None,
        };
        match inner {
            Some(i) => node = i,
            None => return node,
        }
    }
}

/// The outermost call of a method chain that starts at `call`
/// (`A::builder().with_x(..).build()` from the `A::builder()` call), stepping over `.await` and
/// `?`, and the method names along the way.
pub(super) fn chain_top<'t>(call: Node<'t>, src: &[u8]) -> (Node<'t>, Vec<(String, Node<'t>)>) {
    let mut top = call;
    let mut methods = Vec::new();
    loop {
        let mut up = top;
        while let Some(p) = up.parent() {
            if matches!(p.kind(), "try_expression" | "await_expression") {
                up = p;
            } else {
                break;
            }
        }
        let Some(field) = up.parent() else { break };
        if field.kind() != "field_expression"
            || field.field("value").map(|v| v.id()) != Some(up.id())
        {
            break;
        }
        let Some(outer) = field.parent() else { break };
        if outer.kind() != "call_expression" {
            break;
        }
        if let Some(name) = field.field("field") {
            methods.push((text(name, src), outer));
        }
        top = outer;
    }
    // `.await` / `?` around the top belong to it.
    while let Some(p) = top.parent() {
        if matches!(p.kind(), "try_expression" | "await_expression") {
            top = p;
        } else {
            break;
        }
    }
    (top, methods)
}

/// The calls below the top of a chain: for `a.b().c()`, `[a.b().c(), a.b()]` with their method
/// names, innermost last.
pub(super) fn chain_down<'t>(call: Node<'t>, src: &[u8]) -> Vec<(String, Node<'t>)> {
    let mut out = Vec::new();
    let mut node = unwrap_expr(call);
    while node.kind() == "call_expression" {
        let Some((recv, name)) = method_call(node, src) else {
            break;
        };
        out.push((name, node));
        node = unwrap_expr(recv);
    }
    out
}

/// The expression a method chain starts from (`Router::new()` in `Router::new().route(..)`).
pub(super) fn chain_root<'t>(call: Node<'t>, src: &[u8]) -> Node<'t> {
    let mut node = unwrap_expr(call);
    while node.kind() == "call_expression" {
        match method_call(node, src) {
            Some((recv, _)) => node = unwrap_expr(recv),
            None => break,
        }
    }
    node
}

/// The attributes written before an item (`#[tokio::main]`, `#[instrument]`), as paths.
pub(super) fn attributes<'t>(item: Node<'t>, src: &[u8]) -> Vec<(String, Node<'t>)> {
    let mut out = Vec::new();
    let mut prev = item.prev_named_sibling();
    while let Some(p) = prev {
        if p.kind() == "attribute_item" {
            if let Some(attr) = p.named_child(0) {
                let path = attr
                    .named_child(0)
                    .map(|n| path_text(n, src))
                    .unwrap_or_default();
                out.push((path, attr));
            }
        } else if !is_comment(p) {
            break;
        }
        prev = p.prev_named_sibling();
    }
    out
}

/// Path-like words in a stretch of source (`Box::new(TraceContextPropagator::new())` gives
/// `Box::new` and `TraceContextPropagator::new`): how names inside macro token trees are read.
pub(super) fn path_words(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in source.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() || c == '_' || c == ':' {
            cur.push(c);
        } else if !cur.is_empty() {
            let w = cur.trim_matches(':').to_string();
            if !w.is_empty() && !w.starts_with(|c: char| c.is_ascii_digit()) {
                out.push(w);
            }
            cur.clear();
        }
    }
    out
}

/// The value of a string literal (`"x"`, `r"x"`), or the literal text of a `format!` whose
/// first argument is one.
pub(super) fn string_value(node: Node<'_>, src: &[u8]) -> Option<String> {
    let node = unwrap_expr(node);
    match node.kind() {
        "string_literal" | "raw_string_literal" => {
            let mut cursor = node.walk();
            let content: String = node
                .named_children(&mut cursor)
                .filter(|c| c.kind() == "string_content")
                .map(|c| text(c, src))
                .collect();
            Some(content)
        }
        "macro_invocation" => {
            let name = node.field("macro").map(|m| text(m, src))?;
            if name != "format" {
                return None;
            }
            let tree = node.named_children(&mut node.walk()).last()?;
            let first = tree.named_child(0)?;
            string_value(first, src)
        }
        _ => None,
    }
}

impl FileCtx<'_> {
    /// The qualified path a written path stands for, through the file's `use` declarations.
    pub(super) fn qualify(&self, written: &str) -> String {
        let written = written.trim_start_matches("::");
        let (first, rest) = match written.split_once("::") {
            Some((f, r)) => (f, Some(r)),
            None => (written, None),
        };
        let base = match self.imports.names.get(first) {
            Some(full) => full.clone(),
            None => {
                // A name from a glob import: the first glob under which the knowledge table
                // knows the path.
                let known = self.imports.globs.iter().find_map(|g| {
                    let candidate = format!("{g}::{written}");
                    (self.knowledge.role(&candidate).is_some()
                        || self.knowledge.propagator_format(&candidate).is_some())
                    .then(|| format!("{g}::{first}"))
                });
                known.unwrap_or_else(|| first.to_string())
            }
        };
        match rest {
            Some(r) => format!("{base}::{r}"),
            None => base,
        }
    }

    /// The qualified callee of a path call (`SdkTracerProvider::builder()`), if the callee is a
    /// path rather than a method.
    pub(super) fn callee(&self, call: Node<'_>) -> Option<String> {
        let mut f = call.field("function")?;
        if f.kind() == "generic_function" {
            f = f.field("function")?;
        }
        match f.kind() {
            "identifier" | "scoped_identifier" => Some(self.qualify(&path_text(f, self.src))),
            _ => None,
        }
    }

    /// The qualified callee of a call expression at the root of `node`, if any.
    pub(super) fn call_path(&self, node: Node<'_>) -> Option<String> {
        let node = unwrap_expr(node);
        (node.kind() == "call_expression")
            .then(|| self.callee(node))
            .flatten()
    }

    /// Whether any path written in the subtree (token trees included) resolves to a name with
    /// one of the roles.
    pub(super) fn subtree_has_role(
        &self,
        node: Node<'_>,
        roles: &[crate::knowledge::Role],
    ) -> bool {
        path_words(&text(node, self.src)).iter().any(|w| {
            let q = self.qualify(w);
            self.knowledge.role(&q).is_some_and(|r| roles.contains(&r))
                || q.rsplit_once("::")
                    .and_then(|(ty, _)| self.knowledge.role(ty))
                    .is_some_and(|r| roles.contains(&r))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imports(src: &str) -> Imports {
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&crate::lang::Lang::Rust.grammar())
            .unwrap();
        let tree = parser.parse(src, None).unwrap();
        let mut out = Imports::default();
        let root = tree.root_node();
        let mut cursor = root.walk();
        for decl in root.named_children(&mut cursor) {
            if decl.kind() == "use_declaration" {
                out.bind(decl, src.as_bytes());
            }
        }
        out
    }

    #[test]
    fn use_declarations_bind_groups_aliases_self_and_globs() {
        let i = imports(
            "use opentelemetry::{global, trace::{Tracer, TracerProvider as _}};\n\
             use opentelemetry_sdk::{trace::{self as sdktrace, SdkTracerProvider}};\n\
             use opentelemetry_http::HeaderExtractor as Extract;\n\
             use proto::cart_service_client::*;\n",
        );
        assert_eq!(i.names["global"], "opentelemetry::global");
        assert_eq!(i.names["Tracer"], "opentelemetry::trace::Tracer");
        assert_eq!(i.names["sdktrace"], "opentelemetry_sdk::trace");
        assert_eq!(
            i.names["SdkTracerProvider"],
            "opentelemetry_sdk::trace::SdkTracerProvider"
        );
        assert_eq!(i.names["Extract"], "opentelemetry_http::HeaderExtractor");
        assert_eq!(i.globs, vec!["proto::cart_service_client".to_string()]);
    }

    #[test]
    fn path_words_read_token_trees() {
        assert_eq!(
            path_words("vec![Box::new(TraceContextPropagator::new()), Box::new(b)]"),
            vec![
                "vec",
                "Box::new",
                "TraceContextPropagator::new",
                "Box::new",
                "b"
            ]
        );
    }
}
