//! Rust spans, context guards and fresh contexts.
//!
//! An opentelemetry-rust span ends when it is dropped (or at `span.end()`), and a
//! `ContextGuard` detaches its context when dropped, so a value bound to a named variable
//! (`let span`, `let _span`, `let _guard`) lives to the end of its scope and is fine. The
//! mistakes the code shows are dropping the value at once — `let _ = tracer.start("x");` or a
//! bare `cx.attach();` statement, which end the span or detach the context before any work runs
//! under it — and never dropping it (`std::mem::forget`). A span that is started but never
//! made current while later work in the same scope starts spans or sends requests is reported
//! as a span whose context is unused. A fresh `Context::new()` that reaches span or injection
//! work inside request code drops the request's trace.

use crate::facts::{DropVia, FactKind, Lifecycle, SpanContext};
use crate::knowledge::Role;
use crate::lang::core::SourceFile;
use crate::lang::tree::descendants;
use tree_sitter::Node;

use super::resolve::{self, call_args, chain_down, method_call, string_value, unwrap_expr};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// Methods that take an explicit parent context: work started through them does not depend on
/// the current context.
const CONTEXT_SINKS: &[&str] = &[
    "start_with_context",
    "build_with_context",
    "inject_context",
    "with_context",
    "set_parent",
];

impl FileCtx<'_> {
    /// Whether an expression is a tracer: `global::tracer("x")`, `provider.tracer("x")`, or a
    /// variable, field or static named like one.
    pub(super) fn is_tracer(&self, recv: Node<'_>) -> bool {
        let recv = unwrap_expr(recv);
        match recv.kind() {
            "call_expression" => {
                if let Some(q) = self.callee(recv) {
                    return self.knowledge.role(&q) == Some(Role::GlobalTracer);
                }
                method_call(recv, self.src)
                    .is_some_and(|(_, m)| self.knowledge.methods.tracer_from_provider.contains(&m))
            }
            "identifier" | "field_expression" | "scoped_identifier" => {
                self.text(recv).to_lowercase().contains("tracer")
            }
            _ => false,
        }
    }

    /// `tracer.start("x")`, `tracer.start_with_context("x", &cx)`, `tracer.build(builder)`,
    /// `tracer.span_builder("x").start(&tracer)`.
    pub(super) fn span_started(&mut self, call: Node<'_>, recv: Node<'_>, method: &str) {
        // `tracer.span_builder("x")...` or `SpanBuilder::from_name("x")...`.
        let root = resolve::chain_root(recv, self.src);
        let builder = chain_down(recv, self.src)
            .into_iter()
            .find(|(m, _)| self.knowledge.methods.span_builder.contains(m))
            .or_else(|| {
                self.call_path(root)
                    .filter(|q| q.ends_with("SpanBuilder::from_name"))
                    .map(|q| (q, root))
            });
        let name_arg = match (&builder, method) {
            (Some((_, b)), "start" | "start_with_context") => call_args(*b).first().copied(),
            (None, "start" | "start_with_context") if self.is_tracer(recv) => {
                call_args(call).first().copied()
            }
            (None, "build" | "build_with_context") if self.is_tracer(recv) => None,
            _ => return,
        };
        let name = name_arg.and_then(|a| string_value(a, self.src));
        if let Some(arg) = name_arg {
            self.span_named(arg, Some(recv));
        }
        let (lifecycle, var) = self.drop_lifecycle(call);
        let context = match var {
            Some((var, scope, from)) if method == "start" || method == "build" => {
                self.unused_context(&var, scope, from)
            }
            _ => SpanContext::Used,
        };
        self.push(call, FactKind::span_started(name, lifecycle, context));
    }

    /// `tracer.in_span("x", |cx| ...)`: ended when the closure returns, current inside it.
    pub(super) fn in_span(&mut self, call: Node<'_>) {
        let first = call_args(call).first().copied();
        let name = first.and_then(|a| string_value(a, self.src));
        if let Some(arg) = first {
            self.span_named(arg, None);
        }
        self.push(
            call,
            FactKind::span_started(name, Lifecycle::Ended, SpanContext::Used),
        );
    }

    /// `cx.attach()` / `mark_span_as_active(span)`: a guard that keeps the context current
    /// until it drops.
    pub(super) fn guard_made(&mut self, call: Node<'_>) {
        let (lifecycle, _) = self.drop_lifecycle(call);
        self.push(call, FactKind::ScopeMadeCurrent { lifecycle });
    }

    /// When a value that ends on drop is dropped: at once (`let _ =`, a bare statement), never
    /// (`std::mem::forget`), or at the end of its variable's scope. For a named variable, also
    /// the variable, its scope and where it is bound.
    #[allow(clippy::type_complexity)]
    fn drop_lifecycle<'t>(&self, call: Node<'t>) -> (Lifecycle, Option<(String, Node<'t>, usize)>) {
        let mut value = call;
        while let Some(p) = value.parent() {
            if matches!(p.kind(), "try_expression" | "await_expression") {
                value = p;
            } else {
                break;
            }
        }
        let Some(parent) = value.parent() else {
            return (Lifecycle::HandedOff, None);
        };
        match parent.kind() {
            "expression_statement" => (Lifecycle::Discarded, None),
            "let_declaration" => {
                let pattern = parent
                    .field("pattern")
                    .map(|p| self.text(p))
                    .unwrap_or_default();
                let name = pattern.trim_start_matches("mut ").trim().to_string();
                if name == "_" {
                    return (Lifecycle::Discarded, None);
                }
                if !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    return (Lifecycle::HandedOff, None);
                }
                let scope = parent.parent().unwrap_or(parent);
                let from = parent.end_byte();
                let forgets: Vec<_> = descendants(scope)
                    .filter(|n| n.kind() == "call_expression" && n.start_byte() >= from)
                    .filter(|c| {
                        self.callee(*c).is_some_and(|q| {
                            q == "std::mem::forget" || q == "mem::forget" || q == "forget"
                        }) && call_args(*c)
                            .first()
                            .is_some_and(|a| self.text(unwrap_expr(*a)) == name)
                    })
                    .map(|c| self.loc(c))
                    .collect();
                if forgets.is_empty() {
                    (Lifecycle::Ended, Some((name, scope, from)))
                } else {
                    (Lifecycle::Leaks(forgets), None)
                }
            }
            _ => (Lifecycle::HandedOff, None),
        }
    }

    /// For a span bound to `var` that is never made current: the first later work in its scope
    /// that starts from the current context instead (a span, a request).
    fn unused_context(&self, var: &str, scope: Node<'_>, from: usize) -> SpanContext {
        let later = || {
            descendants(scope)
                .filter(move |n| n.start_byte() >= from && n.end_byte() <= scope.end_byte())
        };
        let used = later().any(|n| {
            if n.kind() == "token_tree" {
                return resolve::path_words(&self.text(n)).iter().any(|w| w == var);
            }
            if n.kind() != "identifier" || self.text(n) != var {
                return false;
            }
            let Some(p) = n.parent() else {
                return false;
            };
            match p.kind() {
                "field_expression" => p
                    .field("field")
                    .is_some_and(|f| matches!(self.text(f).as_str(), "span_context" | "clone")),
                "expression_statement" => false,
                _ => true,
            }
        });
        if used {
            return SpanContext::Used;
        }
        let work = later().filter(|n| n.kind() == "call_expression").find(|c| {
            let Some((recv, m)) = method_call(*c, self.src) else {
                return false;
            };
            match m.as_str() {
                "start" => {
                    self.is_tracer(recv)
                        || chain_down(recv, self.src)
                            .iter()
                            .any(|(b, _)| self.knowledge.methods.span_builder.contains(b))
                }
                "in_span" => self.is_tracer(recv),
                "send" => {
                    self.imports_crate("reqwest")
                        || self.imports_crate("reqwest_middleware")
                        || self.imports_crate("awc")
                }
                _ => false,
            }
        });
        match work {
            Some(w) => SpanContext::DiscardedBefore(self.loc(w)),
            None => SpanContext::Used,
        }
    }

    /// Whether an expression is an OpenTelemetry context (`attach` is a common method name).
    pub(super) fn is_context_value(&self, recv: Node<'_>) -> bool {
        let recv = unwrap_expr(recv);
        let text = self.text(recv);
        if text.contains("Context::") {
            return true;
        }
        match recv.kind() {
            "identifier" | "field_expression" => {
                let name = text.rsplit('.').next().unwrap_or(&text).to_lowercase();
                name.ends_with("cx") || name.ends_with("ctx") || name.ends_with("context")
            }
            "call_expression" => {
                if self
                    .callee(recv)
                    .is_some_and(|q| self.knowledge.role(&q) == Some(Role::GlobalPropagator))
                {
                    return true;
                }
                match method_call(recv, self.src) {
                    Some((inner, m)) if m == "clone" => self.is_context_value(inner),
                    Some((_, m)) => m.starts_with("with_") || m.starts_with("current_with"),
                    None => false,
                }
            }
            _ => false,
        }
    }

    /// `Context::new()` reaching span or injection work inside request code.
    pub(super) fn fresh_context(&mut self, fresh: Node<'_>) {
        let Some(function) = self.enclosing_fn(fresh) else {
            return;
        };
        if !self.handler_fns.contains(&function.id()) {
            return;
        }
        let Some((sink, what)) = self.fresh_sink(fresh, function) else {
            return;
        };
        let handler = function
            .field("name")
            .map(|n| self.text(n))
            .unwrap_or_default();
        let kind = FactKind::ContextDropped {
            via: DropVia::FreshContext,
            fresh: self.text(fresh),
            sink: what,
            in_scope: Some(handler),
            sink_loc: self.loc(sink),
            via_client: None,
        };
        self.push(fresh, kind);
    }

    /// The call that takes a fresh context as its parent: directly
    /// (`start_with_context("x", &Context::new())`) or through a variable.
    fn fresh_sink<'t>(&self, fresh: Node<'t>, function: Node<'t>) -> Option<(Node<'t>, String)> {
        let sink_of = |arg: Node<'t>| -> Option<(Node<'t>, String)> {
            let mut n = arg;
            while let Some(p) = n.parent() {
                if matches!(
                    p.kind(),
                    "reference_expression" | "parenthesized_expression"
                ) {
                    n = p;
                } else {
                    break;
                }
            }
            let args = n.parent().filter(|p| p.kind() == "arguments")?;
            let call = args.parent()?;
            let (_, m) = method_call(call, self.src)?;
            let what = match m.as_str() {
                "start_with_context" | "build_with_context" => "a span",
                "inject_context" => "the injected trace context",
                "with_context" => "the future's work",
                "set_parent" => "the span",
                _ => return None,
            };
            CONTEXT_SINKS
                .contains(&m.as_str())
                .then(|| (call, what.to_string()))
        };
        if let Some(found) = sink_of(fresh) {
            return Some(found);
        }
        let binding = fresh.parent().filter(|p| p.kind() == "let_declaration")?;
        let var = self.text(binding.field("pattern")?);
        descendants(function)
            .filter(|n| {
                n.kind() == "identifier"
                    && n.start_byte() >= binding.end_byte()
                    && self.text(*n) == var
            })
            .find_map(sink_of)
    }
}
