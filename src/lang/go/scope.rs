//! Go request scope: which functions have a request's context in scope, and where request code
//! starts work from a fresh root instead (`context.Background()`, `http.NewRequest`).

use crate::facts::{DropVia, FactKind};
use crate::knowledge::Role;
use crate::lang::core::SourceFile;
use tree_sitter::Node;

use super::resolve::{call_args, descendants, last_name};
use super::{function_of, FileCtx};
use crate::lang::fields::NodeFields;

/// How deep a fresh context is followed through derived contexts and variables.
const MAX_FLOW_DEPTH: usize = 4;

impl<'a> FileCtx<'a> {
    /// How code at `node` reaches the request's context (`ctx`, `r.Context()`), if a request is
    /// in scope: a parameter of the enclosing function, or of a function a closure sits in. A
    /// closure started with `go` is detached on purpose and has no request in scope.
    pub(super) fn request_context(&self, node: Node<'a>) -> Option<String> {
        let function = self.enclosing_function(node)?;
        if let Some(known) = self.request_contexts.borrow().get(&function.id()) {
            return known.clone();
        }
        let how = match self.params_context(function) {
            Some(how) => Some(how),
            None if function.kind() == "func_literal" && !is_go_launched(function) => {
                self.request_context(function)
            }
            None => None,
        };
        self.request_contexts
            .borrow_mut()
            .insert(function.id(), how.clone());
        how
    }

    fn params_context(&self, function: Node<'a>) -> Option<String> {
        let params = function.field("parameters")?;
        let mut cursor = params.walk();
        for param in params.named_children(&mut cursor) {
            if param.kind() != "parameter_declaration" {
                continue;
            }
            let Some(ty) = param.field("type") else {
                continue;
            };
            let Some(how) = self
                .qualify(ty)
                .and_then(|q| self.knowledge.request_context(&q))
            else {
                continue;
            };
            let name = param
                .fields("name")
                .into_iter()
                .map(|n| self.text(n))
                .find(|n| n != "_");
            if let Some(name) = name {
                return Some(how.replace("{name}", &name));
            }
        }
        None
    }

    /// `context.Background()` / `context.TODO()` in request code: reports it when it reaches a
    /// span start or an outbound call.
    pub(super) fn fresh_context(&mut self, call: Node<'a>) {
        let Some(in_scope) = self.request_context(call) else {
            return;
        };
        // A new root linked to the caller's trace (`trace.WithLinks`, `span.AddLink`) is the
        // documented way to start detached work: deliberate.
        let links = self.enclosing_function(call).is_some_and(|f| {
            descendants(f).any(|n| {
                n.kind() == "call_expression"
                    && self
                        .callee_name(n)
                        .is_some_and(|c| self.knowledge.methods.span_link.contains(&c))
            })
        });
        if links {
            return;
        }
        let Some(sink) = self.fresh_sink(call, 0) else {
            return;
        };
        let kind = FactKind::ContextDropped {
            via: DropVia::FreshContext,
            fresh: self.text(call).into_owned(),
            sink: self.describe_sink(sink),
            in_scope: Some(in_scope),
            sink_loc: self.loc(sink),
            via_client: None,
        };
        self.push(call, kind);
    }

    /// The call that first starts work from `value`, following derived contexts
    /// (`context.WithTimeout(context.Background(), d)`) and the variables they are bound to.
    fn fresh_sink(&self, value: Node<'a>, depth: usize) -> Option<Node<'a>> {
        if depth > MAX_FLOW_DEPTH {
            return None;
        }
        let parent = value.parent()?;
        match parent.kind() {
            "argument_list" => {
                let outer = parent.parent()?;
                if is_go_statement_call(outer) {
                    return None;
                }
                if self.call_role(outer) == Some(Role::DeriveContext) {
                    return self.fresh_sink(outer, depth + 1);
                }
                if self.restores_context(outer) {
                    return None;
                }
                let is_first = call_args(outer)
                    .first()
                    .is_some_and(|a| a.id() == value.id());
                (is_first && self.is_traced_work(outer)).then_some(outer)
            }
            "expression_list" => {
                let holder = parent.parent()?;
                if !matches!(
                    holder.kind(),
                    "short_var_declaration" | "assignment_statement"
                ) {
                    return None;
                }
                let var = self.binding_name(value)?;
                // `if ctx == nil { ctx = context.Background() }`: a nil guard, not a new root.
                if holder.kind() == "assignment_statement" && self.is_nil_guard(holder, &var) {
                    return None;
                }
                self.variable_sink(&var, holder, depth + 1)
            }
            _ => None,
        }
    }

    /// The first call after `after` that takes variable `var` as its context.
    fn variable_sink(&self, var: &str, after: Node<'a>, depth: usize) -> Option<Node<'a>> {
        let function = self.enclosing_function(after)?;
        let uses = descendants(function).filter(|n| {
            n.kind() == "call_expression"
                && n.start_byte() >= after.end_byte()
                && call_args(*n)
                    .first()
                    .is_some_and(|a| a.kind() == "identifier" && self.text(*a) == var)
        });
        for call in uses {
            if is_go_statement_call(call) {
                continue;
            }
            // `trace.ContextWithSpanContext(ctx, sc)`, `propagator.Extract(ctx, carrier)`: the
            // trace is put back on purpose.
            if self.call_role(call) == Some(Role::ReattachContext) || self.restores_context(call) {
                return None;
            }
            if self.call_role(call) == Some(Role::DeriveContext) {
                if let Some(sink) = self.fresh_sink(call, depth + 1) {
                    return Some(sink);
                }
                continue;
            }
            if self.is_traced_work(call) {
                return Some(call);
            }
        }
        None
    }

    /// Whether `call` hands back its context argument with a carried trace put back
    /// (`propagator.Extract(context.Background(), carrier)`).
    fn restores_context(&self, call: Node<'a>) -> bool {
        self.method_call(call).is_some_and(|(_, m)| {
            self.knowledge.methods.context_restore.contains(&m) && call_args(call).len() >= 2
        })
    }

    /// Whether `stmt` sits in an `if` that tests `var == nil`.
    fn is_nil_guard(&self, stmt: Node<'a>, var: &str) -> bool {
        let mut node = stmt;
        for _ in 0..4 {
            let Some(parent) = node.parent() else {
                return false;
            };
            if parent.kind() == "if_statement" {
                let condition = parent
                    .field("condition")
                    .map(|c| self.text(c).replace(' ', ""))
                    .unwrap_or_default();
                return condition.contains(&format!("{var}==nil"));
            }
            node = parent;
        }
        false
    }

    /// Whether a call taking a context as its first argument starts work a trace would follow:
    /// a span, an outbound request, a method on a client or service value, a local function.
    /// Package functions (constructors, `context.*`) and lifecycle methods that use the
    /// context for cancellation only are not.
    fn is_traced_work(&self, call: Node<'a>) -> bool {
        let methods = &self.knowledge.methods;
        // Lifecycle work named as such (`shutdown(ctx)`, `DrainSender(ctx, ...)`,
        // `WaitForAllReady(ctx)`) uses the context for cancellation only.
        let lifecycle = self.callee_name(call).is_some_and(|name| {
            let name = name.to_ascii_lowercase();
            methods
                .context_neutral_words
                .iter()
                .any(|w| name.contains(w.as_str()))
        });
        if lifecycle {
            return false;
        }
        if let Some((_, m)) = self.method_call(call) {
            // A measurement (`hist.Record(ctx, int64(n))`, `counter.Add(ctx, 1)`, any value with
            // `metric.WithAttributes(..)`) takes a context for exemplars only;
            // `store.Add(ctx, item)` is work.
            let args = call_args(call);
            let measured = || {
                args.get(1).is_some_and(|v| is_number(*v, self.src))
                    || args.iter().skip(2).any(|a| {
                        a.kind() == "call_expression"
                            && self
                                .qualify(function_of(*a))
                                .is_some_and(|q| methods.metric_options.contains(&q))
                    })
            };
            if methods.metric_record.contains(&m) && measured() {
                return false;
            }
            let span_start = methods.span_start.contains(&m) && args.len() >= 2;
            return span_start
                || methods.request_with_context.contains(&m)
                || !methods.context_neutral.contains(&m);
        }
        if self.qualify(function_of(call)).is_some() {
            return self.call_role(call) == Some(Role::RequestWithContext);
        }
        function_of(call).kind() == "identifier"
    }

    /// A short description of what a sink call starts.
    fn describe_sink(&self, sink: Node<'a>) -> String {
        let methods = &self.knowledge.methods;
        if let Some((_, m)) = self.method_call(sink) {
            if methods.span_start.contains(&m) && call_args(sink).len() >= 2 {
                return "a span".into();
            }
            if methods.request_with_context.contains(&m) {
                return "an outbound request".into();
            }
        }
        if self.call_role(sink) == Some(Role::RequestWithContext) {
            return "an outbound request".into();
        }
        format!("`{}`", self.text(function_of(sink)))
    }

    /// `http.NewRequest` in request code: the request carries no context unless the code later
    /// attaches one (`req.WithContext(ctx)`). `via_client` names the client a `client.Get(url)`
    /// goes through: the finding stands only if that name is an HTTP client of the service.
    pub(super) fn request_without_context(&mut self, call: Node<'a>, via_client: Option<String>) {
        self.request_dropping_context(call, via_client, DropVia::RequestWithoutContext);
    }

    /// A `ContextDropped` fact for an outbound request built in request code without the
    /// request's context, in the way `via` says.
    pub(super) fn request_dropping_context(
        &mut self,
        call: Node<'a>,
        via_client: Option<String>,
        via: DropVia,
    ) {
        let Some(in_scope) = self.request_context(call) else {
            return;
        };
        let var = self.binding_name(call);
        let function = self.enclosing_function(call);
        if let (Some(var), Some(function)) = (var.as_deref(), function) {
            let attaches = descendants(function).any(|n| {
                n.kind() == "call_expression"
                    && self.method_call(n).is_some_and(|(recv, m)| {
                        self.knowledge.methods.request_with_context.contains(&m)
                            && last_name(&self.text(recv)).as_deref() == Some(var)
                    })
            });
            if attaches {
                return;
            }
        }
        let kind = FactKind::ContextDropped {
            via,
            fresh: self.text(function_of(call)).into_owned(),
            sink: "an outbound request".into(),
            in_scope: Some(in_scope),
            sink_loc: self.loc(call),
            via_client,
        };
        self.push(call, kind);
    }
}

/// Whether a function literal is started as a goroutine or deferred: `go func() { ... }()`,
/// `defer func() { ... }()`.
fn is_go_launched(func_literal: Node<'_>) -> bool {
    func_literal
        .parent()
        .filter(|c| c.kind() == "call_expression")
        .is_some_and(is_go_statement_call)
}

/// Whether a call is the one a `go` or `defer` statement starts: work detached from the
/// request on purpose (a goroutine that outlives it, cleanup that runs when its context may
/// already be cancelled).
fn is_go_statement_call(call: Node<'_>) -> bool {
    call.parent()
        .is_some_and(|p| p.kind() == "go_statement" || p.kind() == "defer_statement")
}

/// Whether an expression is a number: a numeric literal, arithmetic, or a conversion to a
/// numeric type (`int64(len(xs))`).
fn is_number(expr: Node<'_>, src: &[u8]) -> bool {
    match expr.kind() {
        "int_literal" | "float_literal" => true,
        "unary_expression" | "binary_expression" | "parenthesized_expression" => {
            let mut cursor = expr.walk();
            let children: Vec<Node<'_>> = expr.named_children(&mut cursor).collect();
            children.into_iter().any(|c| is_number(c, src))
        }
        "call_expression" => function_of(expr).utf8_text(src).is_ok_and(|f| {
            matches!(
                f,
                "int"
                    | "int8"
                    | "int16"
                    | "int32"
                    | "int64"
                    | "uint"
                    | "uint8"
                    | "uint16"
                    | "uint32"
                    | "uint64"
                    | "float32"
                    | "float64"
            )
        }),
        _ => false,
    }
}
