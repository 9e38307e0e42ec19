//! Span names as expressions: what a name is built from, as far as its site shows.
//!
//! Extraction describes a name without judging it: a literal, a constant to resolve against the
//! service's string constants, or a template of literal pieces and holes (from `fmt.Sprintf`,
//! f-strings, template literals, `String.format`, interpolated strings, concatenation). Whether a
//! hole is bounded is decided by the rules, with the language's knowledge table.

use serde::{Deserialize, Serialize};

/// How a span name is built.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum NameExpr {
    /// A string literal.
    Literal(String),
    /// A constant by its last name (`names.Checkout` → `Checkout`), resolved against the
    /// service's string constants.
    Constant(String),
    /// Literal pieces and holes.
    Template(Vec<NamePart>),
    /// Computed in a way tracewire does not follow (a parameter, a function's result).
    Unknown,
}

impl NameExpr {
    /// The names this expression takes from elsewhere, which may be constants declared in
    /// another file: a constant's name, an identifier hole, a field path's last name.
    pub fn referenced_names(&self) -> Vec<&str> {
        match self {
            NameExpr::Constant(name) => vec![name.as_str()],
            NameExpr::Template(parts) => parts
                .iter()
                .filter_map(|p| match p {
                    NamePart::Hole(Hole {
                        shape: HoleShape::Identifier(name),
                        ..
                    }) => Some(name.as_str()),
                    NamePart::Hole(Hole {
                        shape: HoleShape::Field(path),
                        ..
                    }) => path.last().map(String::as_str),
                    _ => None,
                })
                .collect(),
            NameExpr::Literal(_) | NameExpr::Unknown => Vec::new(),
        }
    }
}

/// One piece of a templated name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum NamePart {
    /// Literal text.
    Text(String),
    /// A value filled in at run time.
    Hole(Hole),
}

/// A value filled into a name at run time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hole {
    /// The expression as written (`req.URL.Path`, `r.Method`, `uuid.New()`).
    pub expr: String,
    /// Its shape.
    pub shape: HoleShape,
}

/// The shape of a hole's expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum HoleShape {
    /// A plain identifier (`orderId`).
    Identifier(String),
    /// A field path (`req.URL.Path` → `["req", "URL", "Path"]`).
    Field(Vec<String>),
    /// A call; the callee as a path (`r.URL.String()` → `["r", "URL", "String"]`).
    Call(Vec<String>),
    /// Anything else (an index, arithmetic).
    Other,
}

impl Hole {
    /// A hole for `expr` with its shape worked out from the text: identifiers, dotted paths and
    /// calls of dotted paths (`?.`, `->` and `::` count as dots; `this.`/`self.` are dropped).
    pub fn from_text(expr: &str) -> Hole {
        let expr = expr.trim();
        let (body, call) = match expr.strip_suffix(')') {
            Some(rest) => match rest.find('(') {
                Some(open) => (&rest[..open], true),
                None => (expr, false),
            },
            None => (expr, false),
        };
        let normal = body
            .replace("?.", ".")
            .replace("::", ".")
            .replace("->", ".");
        let mut segments: Vec<String> = normal.split('.').map(|s| s.trim().to_string()).collect();
        let plain = segments.iter().all(|s| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        });
        if segments.len() > 1 && matches!(segments[0].as_str(), "this" | "self") {
            segments.remove(0);
        }
        let shape = if !plain {
            HoleShape::Other
        } else if call {
            HoleShape::Call(segments)
        } else if segments.len() == 1 {
            HoleShape::Identifier(segments.remove(0))
        } else {
            HoleShape::Field(segments)
        };
        Hole {
            expr: expr.to_string(),
            shape,
        }
    }

    /// The path of names the hole reads: the identifier, the field path, or the callee.
    pub fn path(&self) -> &[String] {
        match &self.shape {
            HoleShape::Identifier(name) => std::slice::from_ref(name),
            HoleShape::Field(path) | HoleShape::Call(path) => path,
            HoleShape::Other => &[],
        }
    }
}

/// A span kind, where the code sets one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum SpanKindName {
    /// Serves an inbound request.
    Server,
    /// Makes an outbound request.
    Client,
    /// Sends a message.
    Producer,
    /// Receives or processes a message.
    Consumer,
    /// In-process work (the default).
    Internal,
}

impl SpanKindName {
    /// The kind a word names (`server`, `SERVER`, `Server`), if any.
    pub fn from_word(word: &str) -> Option<SpanKindName> {
        Some(match word.to_ascii_lowercase().as_str() {
            "server" => SpanKindName::Server,
            "client" => SpanKindName::Client,
            "producer" => SpanKindName::Producer,
            "consumer" => SpanKindName::Consumer,
            "internal" => SpanKindName::Internal,
            _ => return None,
        })
    }

    /// The kind named in a call's options as written: the word after the first `Kind`,
    /// `Kind.`, `Kind::` or `Kind_` that names one (`trace.WithSpanKind(trace.SpanKindServer)`,
    /// `kind=SpanKind.SERVER`, `ActivityKind.Client`, `setSpanKind(SpanKind.PRODUCER)`).
    pub fn find_in(text: &str) -> Option<SpanKindName> {
        let lower = text.to_ascii_lowercase();
        let bytes = lower.as_bytes();
        let mut from = 0;
        while let Some(at) = lower[from..].find("kind") {
            let mut i = from + at + 4;
            from = i;
            while i < bytes.len() && matches!(bytes[i], b'.' | b':' | b'_') {
                i += 1;
            }
            let word: String = lower[i..]
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            if let Some(kind) = SpanKindName::from_word(&word) {
                return Some(kind);
            }
        }
        None
    }

    /// The name used in messages.
    pub fn label(self) -> &'static str {
        match self {
            SpanKindName::Server => "SERVER",
            SpanKindName::Client => "CLIENT",
            SpanKindName::Producer => "PRODUCER",
            SpanKindName::Consumer => "CONSUMER",
            SpanKindName::Internal => "INTERNAL",
        }
    }
}

/// Who gives a span its name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum NameVia {
    /// The code starts the span by hand.
    Span,
    /// An annotation or decorator makes a method a span (`@WithSpan("name")`).
    Annotation,
    /// The name is handed to instrumentation, which names its spans with it
    /// (`otelhttp.NewHandler(h, "name")`); the instrumentation, as written.
    Instrumentation(String),
    /// A span-name formatter given to instrumentation returns it
    /// (`otelhttp.WithSpanNameFormatter`); the instrumentation option, as written.
    Formatter(String),
}

impl NameVia {
    /// The code itself starts the span (by hand or by an annotation).
    pub fn is_manual(&self) -> bool {
        matches!(self, NameVia::Span | NameVia::Annotation)
    }
}

/// Splits a printf-style format (`%s`, `%d`, `%v`, `%-5.2f`; `%%` is a percent sign) into
/// literal pieces and the indices of the arguments that fill it, in order.
pub fn split_printf(format: &str) -> Vec<Result<String, usize>> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut arg = 0;
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            text.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            text.push('%');
            continue;
        }
        // Flags, width, precision, then the verb.
        let mut verb = None;
        while let Some(&n) = chars.peek() {
            chars.next();
            if n.is_ascii_alphabetic() {
                verb = Some(n);
                break;
            }
        }
        if verb.is_none() {
            text.push('%');
            break;
        }
        if !text.is_empty() {
            out.push(Ok(std::mem::take(&mut text)));
        }
        out.push(Err(arg));
        arg += 1;
    }
    if !text.is_empty() {
        out.push(Ok(text));
    }
    out
}

/// Splits a brace format (`{0}`, `{}`, `{name}`, `{0:N2}`; `{{` and `}}` are braces) into
/// literal pieces and the placeholders as written inside the braces.
pub fn split_braces(format: &str) -> Vec<Result<String, String>> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '{' => {
                let mut inner = String::new();
                for n in chars.by_ref() {
                    if n == '}' {
                        break;
                    }
                    inner.push(n);
                }
                if !text.is_empty() {
                    out.push(Ok(std::mem::take(&mut text)));
                }
                out.push(Err(inner));
            }
            _ => text.push(c),
        }
    }
    if !text.is_empty() {
        out.push(Ok(text));
    }
    out
}

/// Appends literal text to a template, merging it with a preceding piece of text.
pub fn push_text(parts: &mut Vec<NamePart>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(NamePart::Text(last)) = parts.last_mut() {
        last.push_str(text);
    } else {
        parts.push(NamePart::Text(text.to_string()));
    }
}

/// Appends a name expression to a template: literals as text, anything else as a hole written
/// `expr`.
pub fn push_expr(parts: &mut Vec<NamePart>, expr: NameExpr, written: &str) {
    match expr {
        NameExpr::Literal(s) => push_text(parts, &s),
        NameExpr::Template(inner) => {
            for part in inner {
                match part {
                    NamePart::Text(t) => push_text(parts, &t),
                    hole => parts.push(hole),
                }
            }
        }
        NameExpr::Constant(_) | NameExpr::Unknown => {
            parts.push(NamePart::Hole(Hole::from_text(written)))
        }
    }
}

/// A template with its literal pieces merged: a literal when it has no hole.
pub fn template(parts: Vec<NamePart>) -> NameExpr {
    if parts.iter().all(|p| matches!(p, NamePart::Text(_))) {
        let text: String = parts
            .into_iter()
            .map(|p| match p {
                NamePart::Text(t) => t,
                NamePart::Hole(_) => String::new(),
            })
            .collect();
        return NameExpr::Literal(text);
    }
    NameExpr::Template(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_are_shaped_from_their_text() {
        assert_eq!(
            Hole::from_text("req.URL.Path").shape,
            HoleShape::Field(vec!["req".into(), "URL".into(), "Path".into()])
        );
        assert_eq!(
            Hole::from_text("r.URL.String()").shape,
            HoleShape::Call(vec!["r".into(), "URL".into(), "String".into()])
        );
        assert_eq!(
            Hole::from_text("this.orderId").shape,
            HoleShape::Identifier("orderId".into())
        );
        assert_eq!(Hole::from_text("ids[0]").shape, HoleShape::Other);
    }

    #[test]
    fn kinds_are_found_in_options_as_written() {
        let find = SpanKindName::find_in;
        assert_eq!(
            find("trace.WithSpanKind(trace.SpanKindServer)"),
            Some(SpanKindName::Server)
        );
        assert_eq!(find("kind=SpanKind.CONSUMER"), Some(SpanKindName::Consumer));
        assert_eq!(
            find("{ kind: SpanKind.CLIENT }"),
            Some(SpanKindName::Client)
        );
        assert_eq!(find("ActivityKind.Producer"), Some(SpanKindName::Producer));
        assert_eq!(find("attributes: {kindly: 1}"), None);
    }

    #[test]
    fn formats_split_into_text_and_holes() {
        assert_eq!(
            split_printf("GET %s (%d%%)"),
            vec![
                Ok("GET ".to_string()),
                Err(0),
                Ok(" (".to_string()),
                Err(1),
                Ok("%)".to_string())
            ]
        );
        assert_eq!(
            split_braces("{0} {{x}} {name:N}"),
            vec![
                Err("0".to_string()),
                Ok(" {x} ".to_string()),
                Err("name:N".to_string())
            ]
        );
    }
}
