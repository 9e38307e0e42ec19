//! `span-name-semconv`: server, client and messaging span names that contradict the semantic
//! conventions, and span names that are just the service's name.

use super::{code, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{NameExpr, NameVia, SpanKindName};
use crate::lang::Lang;
use crate::model::names::display;
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "span-name-semconv",
    severity: Severity::Warning,
    summary: "a server, client or messaging span name contradicts the semantic conventions, or a span is named after its service",
    languages: &[
        Lang::Go,
        Lang::JavaScript,
        Lang::TypeScript,
        Lang::Tsx,
        Lang::CSharp,
        Lang::Java,
        Lang::Python,
        Lang::Rust,
    ],
    help_keys: &["span-name-semconv"],
    docs: r#"## What it does

Checks the names of spans the code starts with a kind set (`SERVER`, `CLIENT`, `PRODUCER`,
`CONSUMER`) and the names it hands to instrumentation, against the semantic conventions:

- HTTP server: `{METHOD} {route}` (`GET /users/{id}`), or `{METHOD}` alone. Reported: a bare
  path or URL (`/users`: the method is missing), a full URL or a query string in the name, the
  legacy `HTTP GET`, a lowercase method (`get /users`).
- HTTP client: `{METHOD}`, or `{METHOD} {url.template}`. Reported: a bare path or URL, a full
  URL after the method, the legacy `HTTP GET`.
- RPC: `{package.Service}/{Method}`. Reported: a leading slash (`/pkg.Service/Method`, the form
  gRPC hands to interceptors).
- Messaging: `{operation} {destination}` (`publish shop.orders`). Reported: the legacy order
  `{destination} {operation}` (`shop.orders publish`), also when the destination is filled in
  at run time (`fmt.Sprintf("%s publish", msg.Topic)`).
- Any span: a name that is just the service's name (`frontend` in service `frontend`), which
  every operation of the service would share.

Only names that are literals or resolve through constants are judged, and messaging names built
at run time by their order; the values in names built at run time are `span-name-cardinality`'s
business. Spans without a kind and the names instrumentation
gives its own spans are not checked against the HTTP, RPC or messaging forms.

## Why it matters

Backends and span metrics group by name, and tools that understand HTTP, RPC and messaging
spans expect the conventional names: a server span named `/users` sorts apart from the
`GET /users` spans of every instrumented service, and a span named after its service tells
nothing about what it did.

## Example

```go
ctx, span := tracer.Start(ctx, "/api/cart", trace.WithSpanKind(trace.SpanKindServer))
```

## Fix

Use the conventional form: `GET /api/cart` for an HTTP server span, `GET` for a client span,
`publish orders` for a producer, and name spans after the operation, not the service.
"#,
};

/// HTTP methods in their conventional spelling.
const HTTP_METHODS: &[&str] = &[
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE",
];

/// Messaging operation names.
const MESSAGING_OPERATIONS: &[&str] = &[
    "publish", "send", "receive", "process", "create", "settle", "deliver", "poll", "consume",
    "ack", "nack",
];

/// Reports names that contradict the conventions.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    for name in view.span_names() {
        if matches!(name.via, NameVia::Formatter(_)) {
            continue;
        }
        // A messaging name built at run time still shows its order: `{topic} publish`.
        let messaging = matches!(
            name.kind,
            Some(SpanKindName::Producer | SpanKindName::Consumer)
        );
        let template = match name.expr {
            NameExpr::Template(_) if messaging => Some(display(name.expr)),
            _ => None,
        };
        let Some(text) = name.text.as_ref().or(template.as_ref()) else {
            continue;
        };
        let problem = if is_service_name(text, &view.service.name) {
            Some(format!(
                "span name {} is the service's name: it says nothing about the operation",
                code(text)
            ))
        } else if name.via.is_manual() {
            name.kind.and_then(|kind| contradiction(kind, text))
        } else {
            None
        };
        let Some(message) = problem else { continue };
        let kind = name.kind.map(SpanKindName::label).unwrap_or("INTERNAL");
        let help = view.help(
            name.file,
            "span-name-semconv",
            &[("name", text), ("kind", kind)],
        );
        out.push(view.diagnostic(&META, name.file, name.loc, message, help));
    }
}

/// Whether a name is the service's name, ignoring case and separators.
fn is_service_name(text: &str, service: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let name = norm(text);
    !name.is_empty() && name == norm(service)
}

/// What a name of this kind contradicts, as a message.
fn contradiction(kind: SpanKindName, text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = words.first().copied().unwrap_or_default();
    let second = words.get(1).copied().unwrap_or_default();
    let http = matches!(kind, SpanKindName::Server | SpanKindName::Client);
    let shown = code(text);
    let kind_name = match kind {
        SpanKindName::Server => "server",
        SpanKindName::Client => "client",
        _ => "messaging",
    };
    if http {
        if first == "HTTP" && HTTP_METHODS.contains(&second) {
            return Some(format!(
                "{kind_name} span name {shown} is the legacy `HTTP {{method}}` form: use the method alone"
            ));
        }
        if words.len() == 1 && is_rpc_full_method(first) {
            return Some(format!(
                "RPC span name {shown} has a leading slash: the convention is `package.Service/Method`"
            ));
        }
        if words.len() == 1 && (first.starts_with('/') || first.contains("://")) {
            return Some(format!(
                "HTTP {kind_name} span name {shown} lacks the method: the convention is `{{METHOD}} {{route}}`"
            ));
        }
        let method_first = HTTP_METHODS.contains(&first.to_ascii_uppercase().as_str());
        if words.len() == 2
            && method_first
            && !HTTP_METHODS.contains(&first)
            && second.starts_with('/')
        {
            return Some(format!(
                "HTTP {kind_name} span name {shown} spells the method in lowercase: the convention is the uppercase method"
            ));
        }
        if words.len() == 2 && method_first && (second.contains("://") || second.contains('?')) {
            return Some(format!(
                "HTTP {kind_name} span name {shown} holds a full URL or query: the convention is a route template"
            ));
        }
        return None;
    }
    if words.len() == 2
        && MESSAGING_OPERATIONS.contains(&second)
        && !MESSAGING_OPERATIONS.contains(&first)
    {
        return Some(format!(
            "messaging span name {shown} puts the destination first: the convention is `{{operation}} {{destination}}`"
        ));
    }
    None
}

/// A gRPC full method as interceptors see it: `/package.Service/Method`.
fn is_rpc_full_method(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('/') else {
        return false;
    };
    let parts: Vec<&str> = rest.split('/').collect();
    parts.len() == 2 && parts[0].contains('.') && !parts[1].is_empty() && !parts[0].contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conventional_names_pass_and_contradictions_are_named() {
        use SpanKindName::*;
        for (kind, name) in [
            (Server, "GET /users/{id}"),
            (Server, "GET"),
            (Client, "POST"),
            (Server, "oteldemo.CartService/GetCart"),
            (Producer, "publish shop.orders"),
            (Consumer, "process orders"),
            (Server, "handle request"),
        ] {
            assert_eq!(contradiction(kind, name), None, "{name}");
        }
        for (kind, name) in [
            (Server, "/users"),
            (Client, "HTTP GET"),
            (Server, "/oteldemo.CartService/GetCart"),
            (Server, "get /users"),
            (Client, "GET http://cart/api"),
            (Producer, "orders publish"),
        ] {
            assert!(contradiction(kind, name).is_some(), "{name}");
        }
    }

    #[test]
    fn service_names_match_ignoring_case_and_separators() {
        assert!(is_service_name("checkout-service", "checkoutservice"));
        assert!(!is_service_name("checkout", "checkoutservice"));
    }
}
