//! `span-name-cardinality`: a span name built from values that vary without bound.

use super::{code, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{Hole, HoleShape, NameExpr, NamePart};
use crate::knowledge::SpanNameValues;
use crate::lang::Lang;
use crate::model::names::{constants, display, hole_value, Constants};
use crate::model::ServiceView;

/// Metadata and docs.
pub static META: RuleMeta = RuleMeta {
    id: "span-name-cardinality",
    severity: Severity::Warning,
    summary:
        "a span name is built from variable data (ids, URLs, paths, user input): unbounded names",
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
    help_keys: &["span-name-cardinality"],
    docs: r#"## What it does

Reads every span name that is built at run time — `fmt.Sprintf`, Rust `format!`, f-strings, template literals,
`String.format`, C# interpolated strings, `string.Format`, concatenation — and reports a name
with a hole fed by data that varies without bound: the request's path, URL or query, a remote
address, a fresh UUID, the time, an id, an email, user input. Names handed to instrumentation
are read too: the function given to Go's `otelhttp.WithSpanNameFormatter` is a name template.

Which library values vary is data in each language's knowledge table (`[span_names]`
`unbounded`: `URL.Path`, `req.url`, `request.path`, `getRequestURI`, ...), as is which are
bounded (`bounded`: `r.Method`, `req.method`, a gRPC method's full name). Other holes are
judged by their name, a documented heuristic: an identifier or last field whose words end in
`id`, `ids`, `uuid`, `guid`, `url`, `uri`, `path`, `query` or `email`, or that begins with
`user` (`orderId`, `order_id`, `requestURL`, `userName`) is taken as unbounded.

Not reported: holes that resolve to a string constant declared anywhere in the service (also
in another file), `SCREAMING_CASE` constants, a method name (`r.Method`: a handful of values),
values from an enum, and any hole tracewire cannot judge — a topic read once from
configuration is a bounded set, so an unknown variable is given the benefit of the doubt.

## Why it matters

Backends group, sample and aggregate spans by name. A name with an id or a path in it makes a
new name per request: dashboards and span metrics explode into one series per value, and the
operation can no longer be found as one thing. The specification says names must be low
cardinality; the varying part belongs in an attribute.

## Example

```go
ctx, span := tracer.Start(ctx, fmt.Sprintf("GET %s", r.URL.Path))
```

## Fix

Name the class of operation and put the value in an attribute:

```go
ctx, span := tracer.Start(ctx, "GET /orders/{id}",
    trace.WithAttributes(attribute.String("url.path", r.URL.Path)))
```
"#,
};

/// Words that mark an identifier as holding a value that varies without bound, when its last
/// word (`orderId` → `id`).
const UNBOUNDED_LAST_WORDS: &[&str] = &[
    "id", "ids", "uuid", "guid", "url", "uri", "path", "query", "email",
];

/// Reports names with unbounded holes.
pub fn check(view: &ServiceView<'_>, out: &mut Vec<Diagnostic>) {
    let constants = constants(view.repo, view.service);
    for name in view.span_names() {
        // A name that is a variable or field as a whole is one hole.
        let whole;
        let parts = match name.expr {
            NameExpr::Template(parts) => parts,
            NameExpr::Constant(c) if name.text.is_none() => {
                whole = [NamePart::Hole(Hole::from_text(c))];
                &whole[..]
            }
            _ => continue,
        };
        let Some(knowledge) = name.file.lang.and_then(|l| view.knowledge.get(l)) else {
            continue;
        };
        let unbounded = parts.iter().find_map(|p| match p {
            NamePart::Hole(h) => {
                unbounded_reason(h, &constants, &knowledge.span_names).map(|why| (h, why))
            }
            NamePart::Text(_) => None,
        });
        let Some((hole, why)) = unbounded else {
            continue;
        };
        let written = match name.expr {
            NameExpr::Constant(c) => format!("{{{c}}}"),
            expr => display(expr),
        };
        let help = view.help(
            name.file,
            "span-name-cardinality",
            &[("value", &hole.expr), ("name", &written)],
        );
        out.push(view.diagnostic(
            &META,
            name.file,
            name.loc,
            format!(
                "span name {} takes {}, {why}: one span name per value",
                code(&written),
                code(&hole.expr)
            ),
            help,
        ));
    }
}

/// Why a hole varies without bound, if it does.
fn unbounded_reason(
    hole: &Hole,
    constants: &Constants<'_>,
    values: &SpanNameValues,
) -> Option<&'static str> {
    if hole_value(constants, hole).is_some() {
        return None;
    }
    let path = hole.path();
    let last = path.last()?;
    if path.len() == 1 && is_screaming(last) {
        return None;
    }
    if SpanNameValues::matching(&values.bounded, path).is_some() {
        return None;
    }
    if SpanNameValues::matching(&values.unbounded, path).is_some() {
        return Some("which varies per request");
    }
    let last = match &hole.shape {
        // `getOrderId()` reads `OrderId`.
        HoleShape::Call(_) => last.strip_prefix("get").unwrap_or(last),
        _ => last,
    };
    let words = words(last);
    let last_word = words.last()?;
    if UNBOUNDED_LAST_WORDS.contains(&last_word.as_str()) {
        return Some("which looks like an id, URL or path");
    }
    if words.first().is_some_and(|w| w == "user") || path.iter().any(|s| s == "user") {
        return Some("which looks like user data");
    }
    None
}

/// An identifier in `SCREAMING_CASE`: a constant by convention.
fn is_screaming(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && name.len() > 2
}

/// The lowercase words of an identifier: split at `_`, `-` and case changes (`orderID` →
/// `order`, `id`; `URLPath` → `url`, `path`).
fn words(ident: &str) -> Vec<String> {
    let chars: Vec<char> = ident.chars().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' || c == '-' || c == '$' {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1);
        let boundary = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
            });
        if boundary && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_split_into_words() {
        assert_eq!(words("orderID"), vec!["order", "id"]);
        assert_eq!(words("URLPath"), vec!["url", "path"]);
        assert_eq!(words("user_name"), vec!["user", "name"]);
        assert_eq!(words("valid"), vec!["valid"]);
    }

    #[test]
    fn holes_are_judged_by_knowledge_then_by_name() {
        let values = SpanNameValues {
            bounded: vec!["Method".into()],
            unbounded: vec!["URL.Path".into()],
            ..SpanNameValues::default()
        };
        let constants = Constants::new();
        let judge = |e: &str| unbounded_reason(&Hole::from_text(e), &constants, &values);
        assert!(judge("r.URL.Path").is_some());
        assert!(judge("r.Method").is_none());
        assert!(judge("orderId").is_some());
        assert!(judge("req.getUserId()").is_some());
        assert!(judge("topic").is_none());
        assert!(judge("status").is_none());
        assert!(judge("valid").is_none());
        assert!(judge("ORDER_ID").is_none());
    }
}
