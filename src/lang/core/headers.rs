//! Trace context written by hand as a header, without the propagator API: a header named
//! `traceparent` set on an outgoing request (`headers: { traceparent: tp }`,
//! `req.Header.Set("traceparent", tp)`, `headers["traceparent"] = tp`,
//! `.header("traceparent", tp)`). The shape is the same in every language; only node kinds
//! differ, and the check reads them by their common parts (string literals, pairs, argument
//! lists, subscripts on the left of an assignment).

use crate::lang::fields::NodeFields;
use crate::lang::tree::descendants;
use tree_sitter::Node;

/// The W3C header that carries a span's context.
const TRACE_HEADER: &str = "traceparent";

/// How many wrapper nodes a header name may sit in below the construct that writes it
/// (`argument` in C#, `literal_element` in Go, `expression_list` on the left of `=`).
const MAX_WRAPPERS: usize = 3;

/// Whether code under `scope` writes a `traceparent` header: the name as the key of a map or
/// object literal, as the first of two or more arguments of a call that is not a getter, or as
/// the index of an assignment's target. Reading the header (`headers.get("traceparent")`,
/// `x = headers["traceparent"]`) is not writing it.
pub fn writes_trace_header(scope: Node<'_>, src: &[u8]) -> bool {
    let Some(text) = src.get(scope.start_byte()..scope.end_byte()) else {
        return false;
    };
    if !contains_ignore_case(text, TRACE_HEADER.as_bytes()) {
        return false;
    }
    descendants(scope)
        .filter(|n| names_trace_header(*n, src))
        .any(|n| is_written(n, src))
}

/// Whether a node is the header name: a string literal (any quoting) or a bare key spelled
/// `traceparent`, in any case (`Traceparent` in Go's canonical form).
fn names_trace_header(node: Node<'_>, src: &[u8]) -> bool {
    let kind = node.kind();
    let literal = kind.contains("string") && !kind.contains("content") && node.child_count() > 0;
    let bare = matches!(kind, "property_identifier" | "identifier");
    if !literal && !bare {
        return false;
    }
    let Ok(text) = node.utf8_text(src) else {
        return false;
    };
    let text = text
        .trim_start_matches(['r', 'R', 'b', 'B', 'u', 'U', 'f', 'F', '@', '$'])
        .trim_matches(['"', '\'', '`', '#']);
    text.eq_ignore_ascii_case(TRACE_HEADER)
}

/// Whether the header name at `name` is written rather than read.
fn is_written(name: Node<'_>, src: &[u8]) -> bool {
    if matches!(name.kind(), "property_identifier" | "identifier") {
        // A bare name is a header only as a key: `{ traceparent: tp }`, `dict(traceparent=tp)`;
        // elsewhere it is a variable.
        return name.parent().is_some_and(|p| {
            matches!(p.kind(), "pair" | "keyword_argument")
                && p.named_child(0).is_some_and(|c| c.id() == name.id())
        });
    }
    let mut node = name;
    for _ in 0..=MAX_WRAPPERS {
        let Some(parent) = node.parent() else {
            return false;
        };
        let first = parent.named_child(0).is_some_and(|c| c.id() == node.id());
        match parent.kind() {
            // `{ traceparent: tp }`, `{"traceparent": tp}`, `http.Header{"Traceparent": ..}`,
            // `dict(traceparent=tp)`.
            "pair" | "keyed_element" | "keyword_argument" => return first,
            // `Set("traceparent", tp)`, `.header("traceparent", tp)`, `{ "traceparent", tp }`.
            "argument_list" | "arguments" | "initializer_expression" => {
                return first && parent.named_child_count() >= 2 && !is_getter(parent, src);
            }
            // `headers["traceparent"] = tp`.
            "subscript"
            | "index_expression"
            | "subscript_expression"
            | "element_access_expression" => return is_assigned(parent),
            _ => node = parent,
        }
    }
    false
}

/// Whether an argument list belongs to a call whose method reads (`get`, `GetValues`,
/// `getOrDefault`): `headers.get("traceparent", "")` reads with a default.
fn is_getter(arguments: Node<'_>, src: &[u8]) -> bool {
    let Some(call) = arguments.parent() else {
        return false;
    };
    let Some(callee) = call
        .field("function")
        .or_else(|| call.field("name"))
        .or_else(|| call.field("method"))
    else {
        return false;
    };
    let Ok(text) = callee.utf8_text(src) else {
        return false;
    };
    let method = text.rsplit(['.', ':']).next().unwrap_or(text);
    method.to_ascii_lowercase().starts_with("get")
}

/// Whether a subscript is (inside) the target of an assignment.
fn is_assigned(subscript: Node<'_>) -> bool {
    let mut node = subscript;
    for _ in 0..=MAX_WRAPPERS {
        let Some(parent) = node.parent() else {
            return false;
        };
        if parent.kind().contains("assignment") {
            return parent.field("left").is_some_and(|l| l.id() == node.id());
        }
        node = parent;
    }
    false
}

/// Whether `needle` (lowercase ASCII) occurs in `haystack`, ignoring ASCII case.
fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}
