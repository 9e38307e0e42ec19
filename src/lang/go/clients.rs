//! HTTP clients used through a fluent request builder, read from the knowledge table's
//! `[[fluent_clients]]` (Go's resty: `client := resty.New()` … `client.R().SetContext(ctx).
//! Get(url)`). A construction is a client site like an `http.Client{...}` literal, instrumented
//! when its transport is replaced by an instrumented one; a send is an outbound HTTP call
//! through that client, built without the caller's context unless the chain attaches it.

use super::resolve::{call_args, descendants, last_name};
use super::FileCtx;
use crate::facts::{DropVia, FactKind, Flow, Injection, Proto};
use crate::knowledge::{FluentClient, Role};
use crate::lang::core::SourceFile;
use crate::lang::fields::NodeFields;
use tree_sitter::Node;

/// The outermost call of the method chain a call starts (`resty.New().SetTransport(t)` for
/// `resty.New()`).
fn chain_top(call: Node<'_>) -> Node<'_> {
    let mut top = call;
    while let Some(selector) = top.parent().filter(|p| p.kind() == "selector_expression") {
        match selector.parent() {
            Some(outer)
                if outer.kind() == "call_expression"
                    && outer
                        .field("function")
                        .is_some_and(|f| f.id() == selector.id()) =>
            {
                top = outer
            }
            _ => break,
        }
    }
    top
}

/// The calls of a method chain from the outermost inwards, each with its method name, and the
/// operand the innermost method is called on (`client` in `client.R().Get(url)`).
fn chain_calls<'t>(top: Node<'t>, src: &[u8]) -> (Vec<(Node<'t>, String)>, Option<Node<'t>>) {
    let mut calls = Vec::new();
    let mut node = top;
    loop {
        if node.kind() != "call_expression" {
            return (calls, Some(node));
        }
        let Some(function) = node.field("function") else {
            return (calls, None);
        };
        if function.kind() != "selector_expression" {
            return (calls, None);
        }
        let (Some(field), Some(operand)) = (function.field("field"), function.field("operand"))
        else {
            return (calls, None);
        };
        let method = field.utf8_text(src).unwrap_or_default().to_string();
        calls.push((node, method));
        node = operand;
    }
}

impl<'a> FileCtx<'a> {
    /// A fluent client built by `call` (its construction function is in the table): a client
    /// site under the name the chain is stored in.
    pub(super) fn fluent_client_built(&mut self, call: Node<'a>, client: &FluentClient) {
        let top = chain_top(call);
        let Some(key) = self.binding_name(top) else {
            return;
        };
        let (chain, _) = chain_calls(top, self.src);
        let mut transports: Vec<Node<'a>> = chain
            .iter()
            .filter(|(_, m)| client.transport.contains(m))
            .filter_map(|(c, _)| call_args(*c).first().copied())
            .collect();
        // `client.SetTransport(t)` later in the same function.
        if let Some(function) = self.enclosing_function(call) {
            transports.extend(
                descendants(function)
                    .filter(|n| n.kind() == "call_expression")
                    .filter_map(|n| {
                        let (receiver, method) = self.method_call(n)?;
                        (client.transport.contains(&method)
                            && last_name(&self.text(receiver)).as_deref() == Some(key.as_str()))
                        .then(|| call_args(n).first().copied())
                        .flatten()
                    }),
            );
        }
        let instrumented = transports
            .iter()
            .any(|t| self.subtree_has_role(*t, &[Role::InstrumentedTransport]));
        if let Some(transport) = client.transport.first() {
            self.push(
                top,
                FactKind::FluentClient {
                    key: key.clone(),
                    transport: transport.clone(),
                },
            );
        }
        self.push(
            top,
            FactKind::ClientBuilt {
                key,
                instrumented: Some(instrumented),
            },
        );
    }

    /// A request sent through a fluent client (`client.R().SetContext(ctx).Get(url)`) in a
    /// file that imports the client's package: an outbound HTTP call through the client named
    /// by the chain's root. Returns whether the call was one.
    pub(super) fn fluent_send(&mut self, call: Node<'a>, method: &str) -> bool {
        let knowledge = self.knowledge;
        let Some(client) = knowledge.fluent_clients.iter().find(|c| {
            c.send.iter().any(|m| m == method)
                && c.construct.iter().any(|f| {
                    f.rsplit_once('.')
                        .is_some_and(|(package, _)| self.imports.paths().any(|p| p == package))
                })
        }) else {
            return false;
        };
        let (chain, root) = chain_calls(call, self.src);
        if !chain.iter().any(|(_, m)| client.request.contains(m)) {
            return false;
        }
        let Some(key) = root.and_then(|r| last_name(&self.text(r))) else {
            return false;
        };
        let with_context = client.with_context.is_empty()
            || chain.iter().any(|(_, m)| client.with_context.contains(m));
        let injection = self.unless_injected_by_hand(call, Injection::Client(key.clone()));
        let flow: Flow = self.flow(call);
        self.push(
            call,
            FactKind::outbound(Proto::Http, format!("{key}.{method}"), injection, flow),
        );
        self.http_call_to(call, 0);
        if !with_context {
            let attach = client.with_context[0].clone();
            self.request_dropping_context(
                call,
                Some(key),
                DropVia::BuilderWithoutContext { attach },
            );
        }
        true
    }
}
