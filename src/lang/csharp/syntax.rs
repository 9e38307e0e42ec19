//! C# tree navigation: callees of invocations, arguments, string values, and the byte-range
//! indexes (functions, classes, ERROR subtrees) that replace walks up the tree.

use crate::lang::fields::NodeFields;
pub(super) use crate::lang::tree::descendants;
use tree_sitter::Node;

/// The parts of an invocation's callee.
pub(super) struct Callee<'t> {
    /// The receiver (`x` in `x.M()`, `x?.M()`); `None` for a bare call `M()`.
    pub receiver: Option<Node<'t>>,
    /// The method name, without generic arguments.
    pub method: String,
}

/// The callee of an invocation: `x.M<T>()`, `x?.M()`, `M()`.
pub(super) fn callee<'t>(call: Node<'t>, src: &[u8]) -> Option<Callee<'t>> {
    let function = call.field("function")?;
    match function.kind() {
        "member_access_expression" => Some(Callee {
            receiver: function.field("expression"),
            method: simple_name(function.field("name")?, src)?,
        }),
        "conditional_access_expression" => {
            let binding = named_children(function)
                .into_iter()
                .find(|n| n.kind() == "member_binding_expression")?;
            Some(Callee {
                receiver: function.field("condition"),
                method: simple_name(binding.field("name")?, src)?,
            })
        }
        "identifier" | "generic_name" => Some(Callee {
            receiver: None,
            method: simple_name(function, src)?,
        }),
        _ => None,
    }
}

/// The identifier of a simple or generic name (`MapGrpcService<T>` → `MapGrpcService`).
pub(super) fn simple_name(node: Node<'_>, src: &[u8]) -> Option<String> {
    match node.kind() {
        "identifier" => Some(text(node, src).to_string()),
        "generic_name" => node
            .named_child(0)
            .filter(|n| n.kind() == "identifier")
            .map(|n| text(n, src).to_string()),
        _ => None,
    }
}

/// The last name of a type or expression as written (`System.Diagnostics.ActivitySource` →
/// `ActivitySource`, `ProducerBuilder<string, string>` → `ProducerBuilder`, `this._client` →
/// `_client`).
pub(super) fn last_name(node: Node<'_>, src: &[u8]) -> Option<String> {
    match node.kind() {
        "identifier" | "generic_name" => simple_name(node, src),
        "qualified_name" | "member_access_expression" => last_name(node.field("name")?, src),
        "nullable_type" => last_name(node.field("type")?, src),
        "alias_qualified_name" => last_name(node.field("name")?, src),
        // `_consumer!`: the null-forgiving operator.
        "parenthesized_expression" | "postfix_unary_expression" => {
            last_name(node.named_child(0)?, src)
        }
        _ => None,
    }
}

/// The source text of a node.
pub(super) fn text<'s>(node: Node<'_>, src: &'s [u8]) -> &'s str {
    std::str::from_utf8(&src[node.byte_range()]).unwrap_or("")
}

/// The value of a string literal without interpolation: `"x"`, `@"x"`, `"""x"""`.
pub(super) fn string_value(node: Node<'_>, src: &[u8]) -> Option<String> {
    match node.kind() {
        "string_literal" => {
            let mut value = String::new();
            for child in named_children(node) {
                match child.kind() {
                    "string_literal_content" => value.push_str(text(child, src)),
                    "escape_sequence" => value.push_str(&unescape(text(child, src))),
                    _ => return None,
                }
            }
            Some(value)
        }
        "verbatim_string_literal" => {
            let t = text(node, src);
            Some(t.strip_prefix('@')?.trim_matches('"').replace("\"\"", "\""))
        }
        "raw_string_literal" => named_children(node)
            .into_iter()
            .find(|n| n.kind() == "raw_string_content")
            .map(|n| text(n, src).to_string()),
        _ => None,
    }
}

/// The few escapes that can appear in a source name.
fn unescape(escape: &str) -> String {
    match escape {
        "\\\\" => "\\".into(),
        "\\\"" => "\"".into(),
        "\\'" => "'".into(),
        other => other.to_string(),
    }
}

/// The arguments of an invocation or object creation, as `(name, expression)`: `name` is set for
/// named arguments (`parentContext: ctx`).
pub(super) fn args<'t>(call: Node<'t>, src: &[u8]) -> Vec<(Option<String>, Node<'t>)> {
    let Some(list) = call.field("arguments").or_else(|| {
        named_children(call)
            .into_iter()
            .find(|n| n.kind() == "argument_list")
    }) else {
        return Vec::new();
    };
    named_children(list)
        .into_iter()
        .filter(|a| a.kind() == "argument")
        .filter_map(|a| {
            let name = a.field("name").map(|n| text(n, src).to_string());
            let value = a.named_child(a.named_child_count().checked_sub(1)? as u32)?;
            Some((name, value))
        })
        .collect()
}

/// The named children of a node.
/// The one type argument of a generic call (`AddGrpcClient<Basket.BasketClient>(..)` →
/// `Basket.BasketClient`).
pub(super) fn single_type_argument(call: Node<'_>) -> Option<Node<'_>> {
    let function = call.field("function")?;
    let name = match function.kind() {
        "member_access_expression" => function.field("name")?,
        _ => function,
    };
    let arguments = named_children(name)
        .into_iter()
        .find(|n| n.kind() == "type_argument_list")?;
    match named_children(arguments).as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

pub(super) fn named_children(node: Node<'_>) -> Vec<Node<'_>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).collect()
}

/// Nodes by byte range.
pub(super) use crate::lang::tree::RangeIndex;

/// The ERROR nodes of a tree: only subtrees that contain an error are walked.
pub(super) fn error_nodes(root: Node<'_>) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    if !root.has_error() {
        return out;
    }
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.is_error() {
            out.push(node);
            continue;
        }
        let mut cursor = node.walk();
        for child in node.children(&mut cursor) {
            if child.has_error() {
                stack.push(child);
            }
        }
    }
    out
}

/// Whether a node is a function: method, constructor, local function, lambda, accessor.
pub(super) fn is_function(node: Node<'_>) -> bool {
    matches!(
        node.kind(),
        "method_declaration"
            | "constructor_declaration"
            | "local_function_statement"
            | "lambda_expression"
            | "anonymous_method_expression"
            | "accessor_declaration"
    )
}

/// Whether a local declaration statement is `using var x = ...` (or `await using var`).
pub(super) fn is_using_declaration(stmt: Node<'_>) -> bool {
    let mut cursor = stmt.walk();
    let found = stmt.children(&mut cursor).any(|c| c.kind() == "using");
    found
}

/// The attribute names on a declaration (`[HttpGet("x")]` → `HttpGet`).
pub(super) fn attribute_names(decl: Node<'_>, src: &[u8]) -> Vec<String> {
    named_children(decl)
        .into_iter()
        .filter(|n| n.kind() == "attribute_list")
        .flat_map(named_children)
        .filter(|a| a.kind() == "attribute")
        .filter_map(|a| last_name(a.field("name")?, src))
        .collect()
}

/// The first string argument of the named attribute on a declaration (`[HttpGet("{id}")]`).
pub(super) fn attribute_string(decl: Node<'_>, name: &str, src: &[u8]) -> Option<String> {
    named_children(decl)
        .into_iter()
        .filter(|n| n.kind() == "attribute_list")
        .flat_map(named_children)
        .filter(|a| {
            a.kind() == "attribute"
                && a.field("name")
                    .and_then(|n| last_name(n, src))
                    .is_some_and(|n| n == name)
        })
        .find_map(|a| {
            let list = named_children(a)
                .into_iter()
                .find(|n| n.kind() == "attribute_argument_list")?;
            let first = named_children(list).into_iter().next()?;
            string_value(first.named_child(0)?, src)
        })
}

/// The modifiers of a declaration (`public`, `static`, `const`, `readonly`).
pub(super) fn modifiers<'s>(decl: Node<'_>, src: &'s [u8]) -> Vec<&'s str> {
    named_children(decl)
        .into_iter()
        .filter(|n| n.kind() == "modifier")
        .map(|n| text(n, src))
        .collect()
}

/// The name a variable declarator binds and its value (`var m = new T(...)`).
pub(super) fn declared_value(node: Node<'_>) -> Vec<(Node<'_>, Option<Node<'_>>)> {
    if node.kind() != "variable_declarator" {
        return Vec::new();
    }
    let children = named_children(node);
    let Some(name) = children.iter().find(|c| c.kind() == "identifier").copied() else {
        return Vec::new();
    };
    let value = children
        .iter()
        .rev()
        .find(|c| c.id() != name.id())
        .map(|v| match v.kind() {
            "equals_value_clause" => v.named_child(0).unwrap_or(*v),
            _ => *v,
        });
    vec![(name, value)]
}
