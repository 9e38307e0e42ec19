//! Where a Java HTTP call goes: the URL expression of a client call broken into
//! [`Piece`]s — literals, concatenation, `String.format`, `URI.create`, `System.getenv`, locals,
//! fields (initialised, or assigned in a constructor) and Spring `@Value("${key}")` /
//! MicroProfile `@ConfigProperty(name = "key")` injections, which read a configuration key the
//! model resolves through the service's configuration files and environment.

use crate::facts::FactKind;
use crate::lang::address::{http_target, printf_pieces, Piece};
use crate::lang::core::SourceFile;
use crate::lang::fields::NodeFields;
use tree_sitter::Node;

use super::tree::{annotations, args, chain_calls, children, descendants};
use super::FileCtx;

/// How many names deep a URL expression is followed (a local built from a field assigned from
/// an injected parameter is three).
const MAX_DEPTH: usize = 5;

/// Builder methods that take the URL of a request (`.uri("http://cart/x")`, OkHttp's
/// `.url(...)`, Spring's `UriComponentsBuilder.fromHttpUrl(...)`).
const URL_METHODS: &[&str] = &["uri", "url", "fromHttpUrl", "fromUriString", "baseUrl"];

impl<'a> FileCtx<'a> {
    /// The target of an HTTP client call: the URL its request builder chain names
    /// (`client.get().uri(url).retrieve()`), else its first argument
    /// (`restTemplate.getForObject(url, ...)`, `client.send(request, ...)`).
    pub(super) fn http_call_target(&self, call: Node<'a>) -> Option<FactKind> {
        let chain = chain_calls(call);
        let from_chain = chain.iter().rev().find_map(|c| {
            let name = self.name_of(*c);
            if !URL_METHODS.contains(&name.as_str()) {
                return None;
            }
            let first = *args(*c).first()?;
            http_target(&self.url_pieces(first, 0))
        });
        from_chain.or_else(|| {
            let first = *args(call).first()?;
            http_target(&self.url_pieces(first, 0))
        })
    }

    /// The pieces of a URL expression.
    fn url_pieces(&self, expr: Node<'a>, depth: usize) -> Vec<Piece> {
        if depth > MAX_DEPTH {
            return vec![Piece::Other];
        }
        match expr.kind() {
            "string_literal" => match self.string_literal(expr) {
                Some(text) => vec![Piece::Lit(text)],
                None => vec![Piece::Other],
            },
            "binary_expression" => {
                let (Some(left), Some(right)) = (expr.field("left"), expr.field("right")) else {
                    return vec![Piece::Other];
                };
                let plus = expr
                    .field("operator")
                    .is_some_and(|o| self.text(o).trim() == "+");
                if !plus {
                    return vec![Piece::Other];
                }
                let mut out = self.url_pieces(left, depth);
                out.extend(self.url_pieces(right, depth));
                out
            }
            "parenthesized_expression" | "cast_expression" => {
                match children(expr).into_iter().last() {
                    Some(inner) => self.url_pieces(inner, depth),
                    None => vec![Piece::Other],
                }
            }
            "identifier" => self.name_pieces(expr, &self.text(expr), depth + 1),
            "field_access" => {
                let this = expr
                    .field("object")
                    .is_some_and(|o| self.text(o).trim() == "this");
                match expr.field("field") {
                    Some(field) if this => self.field_pieces(expr, &self.text(field), depth + 1),
                    _ => vec![Piece::Other],
                }
            }
            "object_creation_expression" => {
                // `new URI(url)`, `new URL(url)`.
                let ty = expr.field("type").map(|t| self.text(t)).unwrap_or_default();
                let list = args(expr);
                match list.as_slice() {
                    [only] if matches!(ty.rsplit('.').next(), Some("URI" | "URL")) => {
                        self.url_pieces(*only, depth)
                    }
                    _ => vec![Piece::Other],
                }
            }
            "method_invocation" => self.call_pieces(expr, depth),
            _ => vec![Piece::Other],
        }
    }

    /// The pieces of a call's value: an environment read, a format, a URI wrapper, or the URL
    /// a builder chain names.
    fn call_pieces(&self, call: Node<'a>, depth: usize) -> Vec<Piece> {
        let name = self.name_of(call);
        let object = call.field("object").map(|o| self.text(o));
        let list = args(call);
        match (name.as_str(), object.as_deref(), list.as_slice()) {
            ("getenv", Some("System"), [var]) => match self.string_literal(*var) {
                Some(var) => vec![Piece::Env(var)],
                None => vec![Piece::Other],
            },
            ("format", Some("String"), [format, rest @ ..]) => match self.string_literal(*format) {
                Some(format) => printf_pieces(
                    &format,
                    rest.iter()
                        .map(|a| self.url_pieces(*a, depth))
                        .collect::<Vec<_>>()
                        .into_iter(),
                ),
                None => vec![Piece::Other],
            },
            ("create", Some("URI"), [url]) => self.url_pieces(*url, depth),
            _ => {
                // `HttpRequest.newBuilder().uri(URI.create(url)).build()`,
                // `UriComponentsBuilder.fromHttpUrl(url)...toUriString()`.
                let named = chain_calls(call).into_iter().rev().find_map(|c| {
                    let n = self.name_of(c);
                    URL_METHODS
                        .contains(&n.as_str())
                        .then(|| args(c).first().copied())
                        .flatten()
                });
                match named {
                    Some(arg) => self.url_pieces(arg, depth),
                    None => vec![Piece::Other],
                }
            }
        }
    }

    /// The pieces of a name used at `at`: a local declared before it in its method, a
    /// parameter of the method (known only when it is injected configuration), or a field.
    fn name_pieces(&self, at: Node<'a>, name: &str, depth: usize) -> Vec<Piece> {
        if let Some(method) = self.enclosing_method_or_constructor(at) {
            if let Some(params) = method.field("parameters") {
                for param in children(params) {
                    if param.field("name").is_some_and(|n| self.text(n) == name) {
                        return self
                            .injected_pieces(param)
                            .unwrap_or_else(|| vec![Piece::Other]);
                    }
                }
            }
            let local = descendants(method)
                .filter(|n| n.kind() == "variable_declarator" && n.start_byte() < at.start_byte())
                .filter(|n| n.field("name").is_some_and(|id| self.text(id) == name))
                .last();
            if let Some(decl) = local {
                return match decl.field("value") {
                    Some(value) => self.url_pieces(value, depth),
                    None => vec![Piece::Other],
                };
            }
        }
        self.field_pieces(at, name, depth)
    }

    /// The pieces of a field of the class around `at`: injected configuration, its
    /// initialiser, or what a constructor assigns it.
    fn field_pieces(&self, at: Node<'a>, name: &str, depth: usize) -> Vec<Piece> {
        let Some(class) = self.classes.enclosing(at) else {
            return vec![Piece::Other];
        };
        let Some(body) = class.field("body") else {
            return vec![Piece::Other];
        };
        for member in children(body) {
            match member.kind() {
                "field_declaration" => {
                    let declarator = children(member).into_iter().find(|d| {
                        d.kind() == "variable_declarator"
                            && d.field("name").is_some_and(|id| self.text(id) == name)
                    });
                    let Some(declarator) = declarator else {
                        continue;
                    };
                    if let Some(pieces) = self.injected_pieces(member) {
                        return pieces;
                    }
                    if let Some(value) = declarator.field("value") {
                        return self.url_pieces(value, depth);
                    }
                }
                "constructor_declaration" => {
                    let assigned = descendants(member).find(|n| {
                        n.kind() == "assignment_expression"
                            && n.field("left").is_some_and(|l| {
                                let text = self.text(l);
                                let text = text.trim();
                                text == name || text.strip_prefix("this.") == Some(name)
                            })
                    });
                    if let Some(right) = assigned.and_then(|a| a.field("right")) {
                        return self.url_pieces(right, depth);
                    }
                }
                _ => {}
            }
        }
        vec![Piece::Other]
    }

    /// The method, constructor or lambda's method around a node.
    fn enclosing_method_or_constructor(&self, at: Node<'a>) -> Option<Node<'a>> {
        let mut node = at.parent();
        while let Some(n) = node {
            if matches!(n.kind(), "method_declaration" | "constructor_declaration") {
                return Some(n);
            }
            if matches!(n.kind(), "class_body" | "program") {
                return None;
            }
            node = n.parent();
        }
        None
    }

    /// The pieces of configuration injected into a field or parameter:
    /// `@Value("${api.url}")`, `@Value("http://${api.host}:8080")`,
    /// `@ConfigProperty(name = "api.url")`; `None` when nothing is injected.
    fn injected_pieces(&self, decl: Node<'a>) -> Option<Vec<Piece>> {
        for (name, annotation) in annotations(decl, self.src) {
            match name.as_str() {
                "Value" => {
                    let text = self.annotation_value(annotation, &["value"])?;
                    return Some(placeholder_pieces(&text));
                }
                "ConfigProperty" => {
                    let key = self.annotation_value(annotation, &["name"])?;
                    return Some(vec![Piece::Env(key)]);
                }
                _ => {}
            }
        }
        None
    }

    /// The string literal given to one of these elements of an annotation, or to its single
    /// unnamed value.
    fn annotation_value(&self, annotation: Node<'a>, keys: &[&str]) -> Option<String> {
        let list = annotation.field("arguments")?;
        children(list).into_iter().find_map(|arg| {
            let value = if arg.kind() == "element_value_pair" {
                let key = self.text(arg.field("key")?);
                if !keys.contains(&key.as_ref()) {
                    return None;
                }
                arg.field("value")?
            } else {
                arg
            };
            self.string_literal(value)
        })
    }

    /// The defaults that `@Value("${key:default}")` and
    /// `@ConfigProperty(name = "key", defaultValue = "...")` give configuration keys.
    pub(super) fn config_defaults(&mut self, root: Node<'a>) {
        if !self.text(root).contains("@Value") && !self.text(root).contains("@ConfigProperty") {
            return;
        }
        let mut found = Vec::new();
        for annotation in descendants(root).filter(|n| n.kind() == "annotation") {
            let Some(name) = annotation.field("name").map(|n| self.text(n)) else {
                continue;
            };
            match name.rsplit('.').next() {
                Some("Value") => {
                    if let Some(text) = self.annotation_value(annotation, &["value"]) {
                        for (key, default) in placeholders(&text) {
                            if let Some(value) = default {
                                found.push((annotation, key, value));
                            }
                        }
                    }
                }
                Some("ConfigProperty") => {
                    let key = self.annotation_value(annotation, &["name"]);
                    let value = self.annotation_value(annotation, &["defaultValue"]);
                    if let (Some(key), Some(value)) = (key, value) {
                        found.push((annotation, key, value));
                    }
                }
                _ => {}
            }
        }
        for (node, key, value) in found {
            self.push(node, FactKind::ConfigDefault { key, value });
        }
    }

    /// Reactive messaging channels: `@Incoming("fights")` and `@Outgoing("fights")` methods and
    /// `@Channel("fights")` injections (an `Emitter` sends, a `Multi` receives) use the topic
    /// that `mp.messaging.<incoming|outgoing>.<channel>.topic` names, the channel by default.
    pub(super) fn reactive_channels(&mut self, root: Node<'a>) {
        let m = &self.knowledge.methods;
        let known = |name: &str| {
            m.incoming_channel_annotations
                .iter()
                .chain(&m.outgoing_channel_annotations)
                .chain(&m.channel_annotations)
                .any(|a| a == name)
        };
        let text = self.text(root);
        let mentioned = m
            .incoming_channel_annotations
            .iter()
            .chain(&m.outgoing_channel_annotations)
            .chain(&m.channel_annotations)
            .any(|a| text.contains(&format!("@{a}")));
        if !mentioned {
            return;
        }
        let mut found = Vec::new();
        for annotation in descendants(root).filter(|n| n.kind() == "annotation") {
            let Some(name) = annotation.field("name").map(|n| self.text(n).into_owned()) else {
                continue;
            };
            let simple = name.rsplit('.').next().unwrap_or(&name);
            if !known(simple) {
                continue;
            }
            // The declaration the annotation sits on (through its `modifiers`).
            let Some(decl) = annotation.parent().and_then(|p| p.parent()) else {
                continue;
            };
            let sends = if m.incoming_channel_annotations.iter().any(|a| a == simple) {
                false
            } else if m.outgoing_channel_annotations.iter().any(|a| a == simple) {
                true
            } else {
                decl.field("type")
                    .is_some_and(|t| self.text(t).contains("Emitter"))
            };
            let channel = annotation
                .field("arguments")
                .and_then(|list| children(list).into_iter().next())
                .filter(|arg| arg.kind() != "element_value_pair")
                .and_then(|arg| self.constant_text(arg));
            let Some(channel) = channel.filter(|c| !c.is_empty()) else {
                continue;
            };
            let direction = if sends { "outgoing" } else { "incoming" };
            found.push((
                decl,
                FactKind::MessageTopicFromEnv {
                    var: format!("mp.messaging.{direction}.{channel}.topic"),
                    default: Some(channel),
                    sends,
                },
            ));
        }
        for (node, kind) in found {
            self.push(node, kind);
        }
    }

    /// A MicroProfile REST client interface (`@RegisterRestClient(configKey = "hero-client")`)
    /// sends its requests to the base URL that `quarkus.rest-client.<configKey>.url` sets, or
    /// to the annotation's `baseUri`.
    pub(super) fn rest_clients(&mut self, root: Node<'a>) {
        let names = &self.knowledge.methods.rest_client_annotations;
        let text = self.text(root);
        if !names.iter().any(|a| text.contains(&format!("@{a}"))) {
            return;
        }
        let mut found = Vec::new();
        for annotation in descendants(root).filter(|n| n.kind() == "annotation") {
            let Some(name) = annotation.field("name").map(|n| self.text(n).into_owned()) else {
                continue;
            };
            if !names
                .iter()
                .any(|a| Some(a.as_str()) == name.rsplit('.').next())
            {
                continue;
            }
            let Some(decl) = annotation.parent().and_then(|p| p.parent()) else {
                continue;
            };
            let Some(key) = self.annotation_value(annotation, &["configKey"]) else {
                continue;
            };
            let var = format!("quarkus.rest-client.{key}.url");
            if let Some(base) = self.annotation_value(annotation, &["baseUri"]) {
                found.push((
                    annotation,
                    FactKind::ConfigDefault {
                        key: var.clone(),
                        value: base,
                    },
                ));
            }
            found.push((decl, FactKind::HttpCallToEnv { var, path: None }));
        }
        for (node, kind) in found {
            self.push(node, kind);
        }
    }

    /// `@KafkaListener(topics = "${kafka.topic.orders}")`: a topic named by a configuration
    /// key; a literal topic otherwise.
    pub(super) fn topic_fact(&self, topic: String, sends: bool) -> FactKind {
        match placeholder_pieces(&topic).as_slice() {
            [Piece::Env(key)] => FactKind::MessageTopicFromEnv {
                var: key.clone(),
                default: placeholders(&topic).into_iter().next().and_then(|(_, d)| d),
                sends,
            },
            _ => FactKind::MessageTopic { topic, sends },
        }
    }

    /// The value of a name used as a topic: a literal, or a `static final` constant of the
    /// file.
    pub(super) fn constant_text(&self, expr: Node<'a>) -> Option<String> {
        if let Some(text) = self.string_literal(expr) {
            return Some(text);
        }
        if expr.kind() != "identifier" {
            return None;
        }
        let name = self.text(expr);
        let class = self.classes.enclosing(expr)?;
        let body = class.field("body")?;
        children(body)
            .into_iter()
            .filter(|m| m.kind() == "field_declaration")
            .filter(|m| {
                children(*m)
                    .iter()
                    .any(|c| c.kind() == "modifiers" && self.text(*c).contains("final"))
            })
            .flat_map(children)
            .find(|d| {
                d.kind() == "variable_declarator"
                    && d.field("name").is_some_and(|id| self.text(id) == name)
            })
            .and_then(|d| d.field("value"))
            .and_then(|v| self.string_literal(v))
    }
}

/// The `${key}` / `${key:default}` placeholders of a Spring value, in order.
fn placeholders(text: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("${") {
        let body_start = at + 2;
        let Some(len) = rest[body_start..].find('}') else {
            break;
        };
        let body = &rest[body_start..body_start + len];
        let (key, default) = match body.split_once(':') {
            // A default that is itself a placeholder is not followed.
            Some((k, d)) => (k.trim(), (!d.contains("${")).then(|| d.to_string())),
            None => (body.trim(), None),
        };
        if !key.is_empty() {
            out.push((key.to_string(), default));
        }
        rest = &rest[body_start + len + 1..];
    }
    out
}

/// A Spring value as pieces: literal text, and each `${key}` placeholder as the configuration
/// key it reads (`http://${api.host}:8080` → `http://`, `api.host`, `:8080`).
fn placeholder_pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("${") {
        if at > 0 {
            out.push(Piece::Lit(rest[..at].to_string()));
        }
        let body_start = at + 2;
        let Some(len) = rest[body_start..].find('}') else {
            out.push(Piece::Other);
            return out;
        };
        let body = &rest[body_start..body_start + len];
        let key = body.split_once(':').map_or(body, |(k, _)| k).trim();
        out.push(if key.is_empty() || key.contains(['$', '{']) {
            Piece::Other
        } else {
            Piece::Env(key.to_string())
        });
        rest = &rest[body_start + len + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Lit(rest.to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spring_values_split_into_literals_and_keys() {
        assert_eq!(
            placeholder_pieces("http://${api.host}:8080/x"),
            vec![
                Piece::Lit("http://".into()),
                Piece::Env("api.host".into()),
                Piece::Lit(":8080/x".into())
            ]
        );
        assert_eq!(
            placeholder_pieces("${api.url:http://a:1}"),
            vec![Piece::Env("api.url".into())]
        );
        assert_eq!(
            placeholder_pieces("orders"),
            vec![Piece::Lit("orders".into())]
        );
        assert_eq!(
            placeholders("${a:x}/${b}"),
            vec![("a".into(), Some("x".into())), ("b".into(), None)]
        );
    }
}
