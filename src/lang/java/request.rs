//! Java request scope: which methods run inside a request (route handlers, servlets, gRPC
//! service methods, listeners), whether a trace is in flight at a call, and where request code
//! starts work from a fresh root (`Context.root()`, `setNoParent()`).

use super::tree::EnclosingNamed;
use crate::facts::{DropVia, FactKind, Flow};
use crate::lang::core::SourceFile;
use tree_sitter::Node;

use super::tree::{annotations, args, chain_calls, chain_top, descendants};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// How request code reaches the current context, for the help text.
const CURRENT: &str = "Context.current()";

impl<'a> FileCtx<'a> {
    /// Whether a method handles requests or messages: a mapping or listener annotation, a
    /// servlet method, or a parameter of a request type (`HttpExchange`, `StreamObserver`).
    pub(super) fn is_request_method(&self, method: Node<'a>) -> bool {
        if method.kind() != "method_declaration" {
            return false;
        }
        if let Some(known) = self.request_methods.borrow().get(&method.id()) {
            return *known;
        }
        let methods = &self.knowledge.methods;
        let annotated = annotations(method, self.src).iter().any(|(a, _)| {
            methods.route_annotations.contains(a) || methods.listener_annotations.contains(a)
        });
        let servlet = methods.servlet_methods.contains(&self.name_of(method))
            && self.classes.enclosing(method).is_some_and(|c| {
                c.field("superclass")
                    .is_some_and(|s| self.text(s).trim_end().ends_with("Servlet"))
            });
        let typed = method.field("parameters").is_some_and(|params| {
            super::tree::children(params).iter().any(|p| {
                p.field("type")
                    .is_some_and(|t| self.is_request_type(&self.text(t)))
            })
        });
        let found = annotated || servlet || typed;
        self.request_methods.borrow_mut().insert(method.id(), found);
        found
    }

    /// Whether a node sits in request code (lambdas count as their method's code).
    pub(super) fn in_request_code(&self, node: Node<'a>) -> bool {
        self.functions
            .enclosing_named(node)
            .is_some_and(|m| self.is_request_method(m))
    }

    /// Whether a trace can be in flight at a call: request code, or a method that starts a
    /// span; otherwise the method's name, for the model to match against the methods request
    /// code calls.
    pub(super) fn flow(&self, call: Node<'a>) -> Flow {
        let Some(method) = self.functions.enclosing_named(call) else {
            return Flow::Detached;
        };
        if self.is_request_method(method) {
            return Flow::Request;
        }
        let starts_span = *self
            .starts_span
            .borrow_mut()
            .entry(method.id())
            .or_insert_with(|| {
                descendants(method).any(|n| {
                    n.kind() == "method_invocation"
                        && self.named_in(n, &self.knowledge.methods.span_builder)
                })
            });
        if starts_span {
            return Flow::Request;
        }
        match self.name_of(method) {
            name if name.is_empty() || name == "main" || method.kind() != "method_declaration" => {
                Flow::Detached
            }
            name => Flow::Function(name),
        }
    }

    /// `Context.root()` in request code, reaching a span or the current context. Extracting
    /// onto the root (`extract(Context.root(), carrier, getter)`) continues the caller's trace
    /// and is not reported.
    pub(super) fn fresh_context(&mut self, call: Node<'a>, fresh: &str) {
        if !self.in_request_code(call) {
            return;
        }
        let Some(sink) = self.fresh_sink(call) else {
            return;
        };
        let sink_loc = self.loc(sink.0);
        self.push(
            call,
            FactKind::ContextDropped {
                via: DropVia::FreshContext,
                fresh: fresh.into(),
                sink: sink.1,
                in_scope: Some(CURRENT.into()),
                sink_loc,
                via_client: None,
            },
        );
    }

    /// The work a fresh root reaches and what it is: `spanBuilder(..).setParent(Context.root())`,
    /// `Context.root().makeCurrent()`, `Context.root().with(span)`.
    fn fresh_sink(&self, fresh: Node<'a>) -> Option<(Node<'a>, String)> {
        let parent = fresh.parent()?;
        if parent.kind() == "argument_list" {
            let call = parent.parent()?;
            if call.kind() != "method_invocation" {
                return None;
            }
            return match self.name_of(call).as_str() {
                "setParent" => Some((chain_top(call), "a span".into())),
                "inject" => Some((call, "an outbound request".into())),
                "wrap" | "taskWrapping" => Some((call, "a task".into())),
                _ => None,
            };
        }
        let top = chain_top(fresh);
        let calls = chain_calls(top);
        if calls.iter().any(|c| {
            self.knowledge
                .methods
                .scope_open
                .contains(&self.name_of(*c))
        }) {
            return Some((top, "the current context".into()));
        }
        None
    }

    /// `spanBuilder(name).setNoParent()` in request code: a new trace, unless it links to the
    /// caller's (`addLink`).
    pub(super) fn no_parent(&mut self, call: Node<'a>) {
        if !self.in_request_code(call) || !args(call).is_empty() {
            return;
        }
        let top = chain_top(call);
        let calls = chain_calls(top);
        if calls.iter().any(|c| self.name_of(*c) == "addLink") {
            return;
        }
        if !calls.iter().any(|c| {
            self.knowledge
                .methods
                .span_builder
                .contains(&self.name_of(*c))
        }) {
            return;
        }
        let sink_loc = self.loc(top);
        self.push(
            call,
            FactKind::ContextDropped {
                via: DropVia::FreshContext,
                fresh: "setNoParent()".into(),
                sink: "a span".into(),
                in_scope: Some(CURRENT.into()),
                sink_loc,
                via_client: None,
            },
        );
    }
}
