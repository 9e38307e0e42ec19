//! Go span and provider lifecycles: is a started span ended on every path, is its context
//! used, and can anything shut a provider down.
//!
//! The path analysis is structural, in the style of `go vet`'s lostcancel: from the statement
//! that starts the span, follow the statements to every exit of the function, treating `if`,
//! `switch`, `select` and loops by their branches, and collect the `return`s (and the fall-off
//! end) reached without an end call. Ownership handoff (the span returned, stored, passed on)
//! stops the analysis: whoever receives it owns the end.

use crate::facts::{FactKind, Lifecycle, Loc, ProviderHandling, SpanContext};
use crate::knowledge::Role;
use crate::lang::core::lifecycle::{self, Arm, Body, Effect, Seq, Stmt, StmtShape};
use crate::lang::core::SourceFile;
use tree_sitter::Node;

use super::resolve::{call_args, descendants, is_function};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// Where an end call sits relative to the function that started the span.
enum EndSite {
    /// `defer span.End()` or inside a deferred closure.
    Deferred,
    /// Inside another closure (a goroutine, a callback): that code owns the end.
    Closure,
    /// A plain statement of the function.
    Direct,
}

impl<'a> FileCtx<'a> {
    /// Records a span start: `ctx, span := tracer.Start(ctx, "name")`.
    pub(super) fn span_started(&mut self, call: Node<'a>) {
        let name = call_args(call).get(1).and_then(|a| self.string_literal(*a));
        let (lifecycle, context) = self.span_lifecycle(call);
        self.push(call, FactKind::span_started(name, lifecycle, context));
    }

    fn span_lifecycle(&self, call: Node<'a>) -> (Lifecycle, SpanContext) {
        let Some(parent) = call.parent() else {
            return (Lifecycle::HandedOff, SpanContext::Used);
        };
        match parent.kind() {
            "expression_statement" => (Lifecycle::Discarded, SpanContext::Used),
            "expression_list" => {
                let Some(holder) = parent.parent() else {
                    return (Lifecycle::HandedOff, SpanContext::Used);
                };
                let is_binding = matches!(
                    holder.kind(),
                    "short_var_declaration" | "assignment_statement"
                ) && holder.field("right").is_some_and(|r| r.id() == parent.id());
                let left = holder.field("left");
                let (Some(left), true) = (left, is_binding) else {
                    return (Lifecycle::HandedOff, SpanContext::Used);
                };
                if left.named_child_count() != 2 {
                    return (Lifecycle::HandedOff, SpanContext::Used);
                }
                let ctx_var = self.text(left.named_child(0).expect("two names"));
                let span_node = left.named_child(1).expect("two names");
                let span_var = self.text(span_node);
                if span_node.kind() != "identifier" {
                    // `s.span = ...`: stored in a struct, ended elsewhere.
                    return (Lifecycle::HandedOff, SpanContext::Used);
                }
                let ctx_node = left.named_child(0).expect("two names");
                // The returned context carries the span: stored or returned, whoever takes it
                // can end the span (`trace.SpanFromContext(ctx).End()`).
                let ctx_kept = ctx_node.kind() != "identifier"
                    || (ctx_var != "_" && self.escapes(holder, &ctx_var));
                // `_, sleepSpan = tracer.Start(..)` in a closure, where `sleepSpan` is a variable
                // of the code around it: that code ends it.
                let outer = holder.kind() == "assignment_statement"
                    && span_var != "_"
                    && self
                        .enclosing_function(holder)
                        .is_some_and(|f| !declares(f, &span_var, self.src));
                let lifecycle = if ctx_kept || outer {
                    Lifecycle::HandedOff
                } else if span_var == "_" {
                    Lifecycle::Discarded
                } else {
                    self.span_end_analysis(holder, &span_var)
                };
                let context = if ctx_var == "_" {
                    self.discarded_context(holder, call, &span_var)
                } else {
                    SpanContext::Used
                };
                (lifecycle, context)
            }
            _ => (Lifecycle::HandedOff, SpanContext::Used),
        }
    }

    /// Decides whether the span bound to `var` by statement `stmt` is ended.
    fn span_end_analysis(&self, stmt: Node<'a>, var: &str) -> Lifecycle {
        let Some(function) = self.enclosing_function(stmt) else {
            return Lifecycle::HandedOff;
        };
        let Some(body) = function.field("body") else {
            return Lifecycle::HandedOff;
        };
        let end_methods = &self.knowledge.methods.span_end;
        let mut ended_elsewhere = false;
        let mut handed_off = false;
        for id in references(body, stmt, var, self.src) {
            let parent = id.parent().expect("identifier has a parent");
            if parent.kind() == "selector_expression" {
                let is_operand = parent.field("operand").is_some_and(|o| o.id() == id.id());
                if is_operand {
                    let field = parent
                        .field("field")
                        .map(|f| self.text(f))
                        .unwrap_or_default();
                    let call = parent.parent().filter(|c| c.kind() == "call_expression");
                    if let (true, Some(call)) = (end_methods.iter().any(|m| *m == field), call) {
                        match end_site(call, function) {
                            EndSite::Deferred | EndSite::Closure => ended_elsewhere = true,
                            EndSite::Direct => {}
                        }
                    }
                    continue;
                }
            }
            if is_assignment_target(id) {
                continue;
            }
            handed_off = true;
        }
        if ended_elsewhere {
            return Lifecycle::Ended;
        }
        if handed_off {
            return Lifecycle::HandedOff;
        }
        match self.leaks_after(stmt, function, var) {
            Some(leaks) if !leaks.is_empty() => Lifecycle::Leaks(leaks),
            _ => Lifecycle::Ended,
        }
    }

    /// The exits reached from `stmt` without ending the span; `None` when the statement's place
    /// cannot be followed.
    fn leaks_after(&self, stmt: Node<'a>, function: Node<'a>, var: &str) -> Option<Vec<Loc>> {
        let body = function.field("body")?;
        let body = Body {
            seq: Seq::all(statement_list(body)?),
            close: Some(body.child(body.child_count().saturating_sub(1))?),
        };
        let shape = GoStmts { cx: self, var };
        let leaks = lifecycle::leaks_after(&shape, stmt, body)?;
        Some(leaks.into_iter().map(|n| self.loc(n)).collect())
    }

    fn is_end_call(&self, call: Node<'a>, var: &str) -> bool {
        let Some(function) = call.field("function") else {
            return false;
        };
        if function.kind() != "selector_expression" {
            return false;
        }
        let operand_is_var = function
            .field("operand")
            .is_some_and(|o| o.kind() == "identifier" && self.text(o) == var);
        let field = function
            .field("field")
            .map(|f| self.text(f))
            .unwrap_or_default();
        operand_is_var && self.knowledge.methods.span_end.iter().any(|m| *m == field)
    }

    /// Whether a call ends the process or unwinds (`panic`, `log.Fatal`, `os.Exit`).
    fn exits(&self, call: Node<'a>) -> bool {
        let function = call.field("function");
        function.is_some_and(|f| f.kind() == "identifier" && self.text(f) == "panic")
            || self.call_role(call) == Some(Role::HardExit)
    }

    /// With the new context discarded (`_, span := tracer.Start(ctx, ...)`), the first later
    /// call that still takes the old context while the span is open.
    fn discarded_context(&self, stmt: Node<'a>, start: Node<'a>, span_var: &str) -> SpanContext {
        // The parent context as written: a variable, or an accessor such as `r.Context()`.
        let parent_ctx = match call_args(start).first() {
            Some(a) if matches!(a.kind(), "identifier" | "call_expression") => {
                self.text(*a).into_owned()
            }
            _ => return SpanContext::Used,
        };
        let Some(function) = self.enclosing_function(stmt) else {
            return SpanContext::Used;
        };
        let first_direct_end = descendants(function)
            .filter(|n| n.kind() == "call_expression" && n.start_byte() > stmt.end_byte())
            .find(|n| {
                self.is_end_call(*n, span_var) && matches!(end_site(*n, function), EndSite::Direct)
            })
            .map(|n| n.start_byte())
            .unwrap_or(usize::MAX);
        let receiver = receiver_name(function, self.src);
        let downstream = descendants(function).find(|n| {
            n.kind() == "call_expression"
                && n.start_byte() > stmt.end_byte()
                && n.start_byte() < first_direct_end
                && !self.is_on_var(*n, span_var)
                && call_args(*n).iter().any(|a| self.text(*a) == parent_ctx)
                && self.is_nesting_work(*n, receiver.as_deref())
        });
        match downstream {
            Some(call) => SpanContext::DiscardedBefore(self.loc(call)),
            None => SpanContext::Used,
        }
    }

    /// Whether the variable bound by `stmt` leaves through anything but call arguments and
    /// method calls: returned, stored, put in a literal, sent.
    fn escapes(&self, stmt: Node<'a>, var: &str) -> bool {
        let Some(body) = self.enclosing_function(stmt).and_then(|f| f.field("body")) else {
            return true;
        };
        references(body, stmt, var, self.src).into_iter().any(|id| {
            let parent = id.parent().expect("identifier has a parent");
            let returned = ancestors(id)
                .find(|a| a.kind().ends_with("statement") || a.kind().ends_with("declaration"))
                .is_some_and(|s| s.kind() == "return_statement");
            returned
                || !(parent.kind() == "argument_list"
                    || parent.kind() == "selector_expression"
                    || is_assignment_target(id))
        })
    }

    /// Whether a call taking the parent context is work that would nest under the span: a
    /// child span, an outbound request, or this package's own code (a function, or a method on
    /// the same receiver) — code the team instruments. A library call that takes the context for
    /// cancellation only (`program.ContextEval(ctx, ...)`, `concurrency.Send(ctx, ...)`) is not.
    fn is_nesting_work(&self, call: Node<'a>, receiver: Option<&str>) -> bool {
        let methods = &self.knowledge.methods;
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
        if self.call_role(call) == Some(Role::RequestWithContext) {
            return true;
        }
        if let Some((recv, m)) = self.method_call(call) {
            let span_start = methods.span_start.contains(&m) && call_args(call).len() >= 2;
            let own_method = recv.kind() == "identifier" && receiver == Some(&*self.text(recv));
            return span_start || own_method;
        }
        call.field("function")
            .is_some_and(|f| f.kind() == "identifier")
    }

    /// Whether a call is a method on the named variable.
    fn is_on_var(&self, call: Node<'a>, var: &str) -> bool {
        self.method_call(call)
            .is_some_and(|(recv, _)| recv.kind() == "identifier" && self.text(recv) == var)
    }

    /// Decides whether anything can shut down the provider built by `call`.
    pub(super) fn provider_handling(&self, call: Node<'a>, var: Option<&str>) -> ProviderHandling {
        let Some(var) = var else {
            return self.unbound_provider(call);
        };
        let Some(function) = self.enclosing_function(call) else {
            // A package-level variable: any function may shut it down.
            return ProviderHandling::Escapes;
        };
        let Some(stmt) = binding_statement(call) else {
            return ProviderHandling::Escapes;
        };
        // `a.tp = ...` stores it in a struct; `tp = ...` assigns a variable declared elsewhere
        // (often package level): either way another function may shut it down.
        if stmt.kind() == "assignment_statement" {
            return ProviderHandling::Escapes;
        }
        let Some(body) = function.field("body") else {
            return ProviderHandling::Escapes;
        };
        let shutdown = &self.knowledge.methods.shutdown;
        let mut escapes = false;
        for id in references(body, stmt, var, self.src) {
            let parent = id.parent().expect("identifier has a parent");
            if parent.kind() == "selector_expression" {
                let field = parent
                    .field("field")
                    .map(|f| self.text(f))
                    .unwrap_or_default();
                if shutdown.iter().any(|s| *s == field) {
                    return ProviderHandling::ShutdownLocal;
                }
                continue;
            }
            if is_assignment_target(id) {
                continue;
            }
            if self.returned_as_interface(function, id) {
                continue;
            }
            let registers = parent.kind() == "argument_list"
                && parent
                    .parent()
                    .is_some_and(|c| self.call_role(c) == Some(Role::ProviderRegister));
            if !registers {
                escapes = true;
            }
        }
        if escapes {
            ProviderHandling::Escapes
        } else {
            ProviderHandling::Dropped
        }
    }

    /// Whether `value` is returned from `function` as a tracer provider interface type, which
    /// has no `Shutdown`: `func initOTel() trace.TracerProvider { ...; return tp }`.
    fn returned_as_interface(&self, function: Node<'a>, value: Node<'a>) -> bool {
        let Some(list) = value.parent().filter(|p| p.kind() == "expression_list") else {
            return false;
        };
        let returned = list
            .parent()
            .is_some_and(|r| r.kind() == "return_statement");
        let in_function = self.enclosing_function(value).map(|f| f.id()) == Some(function.id());
        if !(returned && in_function) {
            return false;
        }
        let mut cursor = list.walk();
        let Some(index) = list
            .named_children(&mut cursor)
            .position(|v| v.id() == value.id())
        else {
            return false;
        };
        let Some(result) = function.field("result") else {
            return false;
        };
        // One result type, or the one at the value's position in `(T, error)`.
        let ty = if result.kind() == "parameter_list" {
            let mut cursor = result.walk();
            let types: Vec<Node<'a>> = result
                .named_children(&mut cursor)
                .filter(|p| p.kind() == "parameter_declaration")
                .filter_map(|p| p.field("type"))
                .collect();
            types.get(index).copied()
        } else {
            (index == 0).then_some(result)
        };
        ty.and_then(|t| self.qualify(t))
            .is_some_and(|q| self.knowledge.role(&q) == Some(Role::ProviderInterface))
    }

    /// A provider built without a variable: returned (escapes) or passed straight on.
    fn unbound_provider(&self, call: Node<'a>) -> ProviderHandling {
        let mut node = call;
        while let Some(parent) = node.parent() {
            match parent.kind() {
                "return_statement" => return ProviderHandling::Escapes,
                "argument_list" => {
                    let registers = parent
                        .parent()
                        .is_some_and(|c| self.call_role(c) == Some(Role::ProviderRegister));
                    return if registers {
                        ProviderHandling::Dropped
                    } else {
                        ProviderHandling::Escapes
                    };
                }
                "expression_statement" => return ProviderHandling::Unused,
                _ if is_function(parent) => return ProviderHandling::Escapes,
                _ => node = parent,
            }
        }
        ProviderHandling::Escapes
    }
}

/// The receiver's name of a method declaration (`s` in `func (s *Server) Get(...)`).
fn receiver_name(function: Node<'_>, src: &[u8]) -> Option<String> {
    let receiver = function.field("receiver")?;
    let param = receiver.named_child(0)?;
    let name = param.field("name")?;
    Some(String::from_utf8_lossy(&src[name.byte_range()]).into_owned())
}

/// The short variable declaration or assignment whose right side holds `value`.
/// Whether a function declares `var` itself: a parameter or result, a `var`, a `:=`.
fn declares(function: Node<'_>, var: &str, src: &[u8]) -> bool {
    descendants(function).any(|n| {
        n.kind() == "identifier"
            && n.utf8_text(src).is_ok_and(|t| t == var)
            && n.parent().is_some_and(|p| match p.kind() {
                "parameter_declaration" | "variadic_parameter_declaration" | "var_spec" => true,
                "expression_list" => p.parent().is_some_and(|d| {
                    matches!(d.kind(), "short_var_declaration" | "range_clause")
                        && d.field("left").is_some_and(|l| l.id() == p.id())
                }),
                _ => false,
            })
    })
}

fn binding_statement(value: Node<'_>) -> Option<Node<'_>> {
    let list = value.parent().filter(|p| p.kind() == "expression_list")?;
    list.parent().filter(|h| {
        matches!(h.kind(), "short_var_declaration" | "assignment_statement")
            && h.field("right").is_some_and(|r| r.id() == list.id())
    })
}

/// The ancestors of a node, innermost first.
fn ancestors(node: Node<'_>) -> impl Iterator<Item = Node<'_>> {
    std::iter::successors(node.parent(), |n| n.parent())
}

/// Identifiers named `var` in `body` after `stmt`.
fn references<'t>(body: Node<'t>, stmt: Node<'t>, var: &str, src: &[u8]) -> Vec<Node<'t>> {
    descendants(body)
        .filter(|n| {
            n.kind() == "identifier"
                && n.start_byte() >= stmt.end_byte()
                && &src[n.byte_range()] == var.as_bytes()
        })
        .collect()
}

/// Whether an identifier is being assigned to (`span = ...`, `ctx, span = ...`).
fn is_assignment_target(id: Node<'_>) -> bool {
    let Some(list) = id.parent().filter(|p| p.kind() == "expression_list") else {
        return false;
    };
    list.parent().is_some_and(|h| {
        matches!(h.kind(), "short_var_declaration" | "assignment_statement")
            && h.field("left").is_some_and(|l| l.id() == list.id())
    })
}

/// Where an end call sits relative to the function that started the span.
fn end_site(call: Node<'_>, function: Node<'_>) -> EndSite {
    let mut node = call;
    while let Some(parent) = node.parent() {
        if parent.id() == function.id() {
            return EndSite::Direct;
        }
        match parent.kind() {
            "defer_statement" => return EndSite::Deferred,
            "func_literal" => {
                let deferred = parent
                    .parent()
                    .filter(|c| c.kind() == "call_expression")
                    .and_then(|c| c.parent())
                    .is_some_and(|s| s.kind() == "defer_statement");
                return if deferred {
                    EndSite::Deferred
                } else {
                    EndSite::Closure
                };
            }
            _ => node = parent,
        }
    }
    EndSite::Direct
}

/// Go's statements as the exit-path walker sees them, for the span in `var`.
struct GoStmts<'c, 'a> {
    cx: &'c FileCtx<'a>,
    var: &'c str,
}

impl<'a> StmtShape<'a> for GoStmts<'_, 'a> {
    /// Go has no `throw`; `panic` is an [`Effect::Exits`].
    const THROW_LEAKS: bool = false;
    const CLIMBS_INTO_BODY: bool = true;

    fn stmt(&self, node: Node<'a>) -> Stmt<'a> {
        match node.kind() {
            "expression_statement" => match node.named_child(0) {
                Some(expr) => Stmt::Expr(expr),
                None => Stmt::Exit,
            },
            "return_statement" => Stmt::Return,
            "block" => match statement_list(node) {
                Some(list) => Stmt::Block(Seq::all(list)),
                None => Stmt::Other,
            },
            "if_statement" => Stmt::If {
                then: node.field("consequence"),
                otherwise: node.field("alternative"),
            },
            "for_statement" => Stmt::Loop(node.field("body")),
            "expression_switch_statement" | "type_switch_statement" | "select_statement" => {
                Stmt::Switch(node)
            }
            "labeled_statement" => match node.named_child(1) {
                Some(inner) => Stmt::Inner(inner),
                None => Stmt::Other,
            },
            "defer_statement" => match node.named_child(0) {
                Some(call) => Stmt::Defer(call),
                None => Stmt::Other,
            },
            // `break` and `continue` pass through: code after them in the same list (dead
            // code) is still followed, as before the walker was shared.
            _ => Stmt::Other,
        }
    }

    fn sequence(&self, node: Node<'a>) -> Option<Seq<'a>> {
        (node.kind() == "statement_list").then(|| Seq::all(node))
    }

    fn is_statement(&self, node: Node<'a>) -> bool {
        node.kind() != "comment"
    }

    fn arm(&self, node: Node<'a>) -> Option<Arm<'a>> {
        node.kind().ends_with("_case").then(|| Arm {
            body: statement_list(node).map(Seq::all),
            default: node.kind() == "default_case",
        })
    }

    fn effect(&self, expr: Node<'a>) -> Effect {
        if expr.kind() != "call_expression" {
            Effect::Continues
        } else if self.cx.is_end_call(expr, self.var) {
            Effect::Ends
        } else if self.cx.exits(expr) {
            Effect::Exits
        } else {
            Effect::Continues
        }
    }

    /// `for { ... }` with no `break` that leaves it.
    fn is_endless(&self, loop_stmt: Node<'a>) -> bool {
        let mut cursor = loop_stmt.walk();
        let infinite = loop_stmt
            .named_children(&mut cursor)
            .all(|c| c.kind() == "block" || c.kind() == "comment");
        infinite && !breaks_out(loop_stmt)
    }

    fn is_function(&self, node: Node<'a>) -> bool {
        is_function(node)
    }
}

/// The statement list of a block or a case clause.
pub(super) fn statement_list(node: Node<'_>) -> Option<Node<'_>> {
    let mut cursor = node.walk();
    let found = node
        .named_children(&mut cursor)
        .find(|c| c.kind() == "statement_list");
    found
}

/// Whether a `for` statement has a `break` that leaves it.
fn breaks_out(for_stmt: Node<'_>) -> bool {
    descendants(for_stmt).any(|n| {
        if n.kind() != "break_statement" {
            return false;
        }
        if n.named_child_count() > 0 {
            return true; // labelled: assume it may leave this loop
        }
        let mut current = n.parent();
        while let Some(p) = current {
            if p.id() == for_stmt.id() {
                return true;
            }
            if matches!(
                p.kind(),
                "for_statement"
                    | "expression_switch_statement"
                    | "type_switch_statement"
                    | "select_statement"
                    | "func_literal"
            ) {
                return false;
            }
            current = p.parent();
        }
        false
    })
}
