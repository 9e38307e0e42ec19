//! JavaScript span and provider lifecycles: is a started span ended on every path, is it
//! ever made current, and can anything shut a provider down.
//!
//! The path analysis is structural: from the statement that starts the span (or the top of a
//! `startActiveSpan` callback), follow the statements to every exit of the function, treating
//! `if`, `switch`, loops and `try` by their branches; a `finally` that ends the span covers
//! everything inside its `try`. Ownership handoff (the span returned, stored, passed on) stops
//! the analysis: whoever receives it owns the end.

use crate::facts::{FactKind, Lifecycle, Loc, ProviderHandling, SpanContext};
use crate::knowledge::Role;
use crate::lang::core::lifecycle::{self, Arm, Body, Catch, Effect, Seq, Stmt, StmtShape};
use crate::lang::core::SourceFile;
use tree_sitter::Node;

use super::resolve::{
    call_args, callee, climb_wrappers, descendants, enclosing_function, is_function,
};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// How the references to a span variable use it.
#[derive(Default)]
struct Uses {
    /// Ended inside a nested function (a callback, a `.then`): that code owns the end.
    ended_in_closure: bool,
    /// Returned, stored, passed to a function or captured in an object.
    handed_off: bool,
    /// Put into a context (`trace.setSpan(ctx, span)`): made current somewhere.
    activated: bool,
}

impl<'a> FileCtx<'a> {
    /// Records a span start: `tracer.startSpan(name, ...)` or
    /// `tracer.startActiveSpan(name, ..., span => ...)`.
    pub(super) fn span_started(&mut self, call: Node<'_>, active: bool) {
        self.span_named(call);
        let args = call_args(call);
        let name = args.first().and_then(|a| self.string_value(*a));
        // `{ root: true }` in request code starts a new trace.
        let root_option = args.iter().skip(1).any(|a| {
            self.object_property(*a, "root")
                .is_some_and(|v| v.kind() == "true")
        });
        if root_option {
            self.context_dropped(call, call, "root: true", "a span");
        }
        let (lifecycle, context) = if active {
            (self.active_span_lifecycle(call), SpanContext::Used)
        } else {
            self.span_lifecycle(call)
        };
        self.push(call, FactKind::span_started(name, lifecycle, context));
    }

    /// Whether a function declares `var` itself: a parameter, or a `let`/`const`/`var` in its
    /// body.
    fn declares(&self, function: Node<'_>, var: &str) -> bool {
        self.param_names(function).iter().any(|p| p == var)
            || descendants(function).any(|n| {
                n.kind() == "variable_declarator"
                    && n.field("name")
                        .is_some_and(|name| name.kind() == "identifier" && self.text(name) == var)
            })
    }

    /// `startActiveSpan`: the callback gets the span and must end it.
    fn active_span_lifecycle(&self, call: Node<'_>) -> Lifecycle {
        let Some(callback) = call_args(call).last().copied().filter(|a| is_function(*a)) else {
            return Lifecycle::HandedOff;
        };
        let Some(body) = callback.field("body") else {
            return Lifecycle::HandedOff;
        };
        let params = self.param_names(callback);
        let Some(var) = params.first().filter(|p| !p.is_empty()) else {
            let text = self.text(body);
            return if text.contains("getActiveSpan") || text.contains(".end(") {
                Lifecycle::HandedOff
            } else {
                Lifecycle::Discarded
            };
        };
        let uses = self.span_uses(body, body.start_byte(), var, callback);
        if uses.ended_in_closure {
            return Lifecycle::Ended;
        }
        if uses.handed_off {
            return Lifecycle::HandedOff;
        }
        if body.kind() != "statement_block" {
            // `span => span.end()` is a direct end; any other expression body leaks.
            return if self.is_end_call(climb_call(body), var) {
                Lifecycle::Ended
            } else {
                Lifecycle::Leaks(vec![self.loc(body)])
            };
        }
        let shape = EcmaStmts { cx: self, var };
        let leaks = lifecycle::leaks_from(&shape, body_of(body));
        if leaks.is_empty() {
            Lifecycle::Ended
        } else {
            Lifecycle::Leaks(leaks.into_iter().map(|n| self.loc(n)).collect())
        }
    }

    /// `startSpan`: what happens to the span, and whether it is ever made current.
    fn span_lifecycle(&self, call: Node<'_>) -> (Lifecycle, SpanContext) {
        let node = climb_wrappers(call);
        let Some(parent) = node.parent() else {
            return (Lifecycle::HandedOff, SpanContext::Used);
        };
        let var = match parent.kind() {
            "expression_statement" => return (Lifecycle::Discarded, SpanContext::Used),
            "member_expression" => {
                let ends = parent.field("property").is_some_and(|p| {
                    self.knowledge
                        .methods
                        .span_end
                        .contains(&self.text(p).into_owned())
                });
                let lifecycle = if ends {
                    Lifecycle::Ended
                } else {
                    Lifecycle::HandedOff
                };
                return (lifecycle, SpanContext::Used);
            }
            "variable_declarator" => parent
                .field("name")
                .filter(|n| n.kind() == "identifier")
                .map(|n| self.text(n).into_owned()),
            "assignment_expression" => parent
                .field("left")
                .filter(|n| n.kind() == "identifier")
                .map(|n| self.text(n).into_owned()),
            _ => None,
        };
        let Some(var) = var else {
            return (Lifecycle::HandedOff, SpanContext::Used);
        };
        let Some(function) = enclosing_function(call) else {
            // A module-level span: any function may end it.
            return (Lifecycle::HandedOff, SpanContext::Used);
        };
        let Some(body) = function.field("body") else {
            return (Lifecycle::HandedOff, SpanContext::Used);
        };
        let Some(stmt) = statement_of(parent) else {
            return (Lifecycle::HandedOff, SpanContext::Used);
        };
        // `sleepSpan = tracer.startSpan(..)` in a callback, where `sleepSpan` is a variable of
        // the code around it: that code ends it.
        if parent.kind() == "assignment_expression" && !self.declares(function, &var) {
            return (Lifecycle::HandedOff, SpanContext::Used);
        }
        let uses = self.span_uses(body, stmt.end_byte(), &var, function);
        let context = if uses.activated || uses.handed_off {
            SpanContext::Used
        } else {
            self.unused_context(function, stmt, &var)
        };
        if uses.ended_in_closure {
            return (Lifecycle::Ended, context);
        }
        if uses.handed_off {
            return (Lifecycle::HandedOff, context);
        }
        let lifecycle = match self.leaks_after(stmt, function, &var) {
            Some(leaks) if !leaks.is_empty() => Lifecycle::Leaks(leaks),
            _ => Lifecycle::Ended,
        };
        (lifecycle, context)
    }

    /// How the references to `var` after `from` in `scope` use the span.
    fn span_uses(&self, scope: Node<'_>, from: usize, var: &str, function: Node<'_>) -> Uses {
        let mut uses = Uses::default();
        let end_methods = &self.knowledge.methods.span_end;
        for id in descendants(scope) {
            if id.start_byte() < from {
                continue;
            }
            match id.kind() {
                "shorthand_property_identifier" if self.text(id) == var => {
                    uses.handed_off = true;
                    continue;
                }
                "identifier" if self.text(id) == var => {}
                _ => continue,
            }
            let Some(parent) = id.parent() else {
                continue;
            };
            match parent.kind() {
                "member_expression" => {
                    let is_object = parent.field("object").is_some_and(|o| o.id() == id.id());
                    if !is_object {
                        continue;
                    }
                    let property = parent
                        .field("property")
                        .map(|p| self.text(p).into_owned())
                        .unwrap_or_default();
                    let is_call = parent
                        .parent()
                        .is_some_and(|c| c.kind() == "call_expression");
                    if is_call && end_methods.contains(&property) {
                        let direct =
                            enclosing_function(parent).is_some_and(|f| f.id() == function.id());
                        if !direct {
                            uses.ended_in_closure = true;
                        }
                    }
                }
                "assignment_expression"
                    if parent.field("left").is_some_and(|l| l.id() == id.id()) => {}
                "arguments" => {
                    let call = parent.parent();
                    let sets_span = call.and_then(callee).is_some_and(|c| {
                        let t = self.text(c);
                        t.ends_with("setSpan") || t.ends_with("setSpanContext")
                    });
                    if sets_span {
                        uses.activated = true;
                    } else {
                        uses.handed_off = true;
                    }
                }
                _ => uses.handed_off = true,
            }
        }
        uses
    }

    /// With the span never made current, the first later outbound call or span start (without
    /// an explicit parent) before the span ends: that work does not nest under it.
    fn unused_context(&self, function: Node<'_>, stmt: Node<'_>, var: &str) -> SpanContext {
        let first_end = descendants(function)
            .filter(|n| n.kind() == "call_expression" && n.start_byte() > stmt.end_byte())
            .find(|n| self.is_end_call(*n, var))
            .map(|n| n.start_byte())
            .unwrap_or(usize::MAX);
        let methods = &self.knowledge.methods;
        let later = descendants(function).find(|n| {
            if n.start_byte() <= stmt.end_byte() || n.start_byte() >= first_end {
                return false;
            }
            if !matches!(n.kind(), "call_expression" | "new_expression") {
                return false;
            }
            if let Some((_, m)) = self.method_call(*n) {
                let args = call_args(*n).len();
                if methods.span_start.contains(&m) && args < 3 {
                    return true;
                }
                if methods.active_span_start.contains(&m) && args < 4 {
                    return true;
                }
            }
            matches!(
                self.role_of(*n),
                Some(Role::DefaultClientCall | Role::FetchCall)
            )
        });
        match later {
            Some(n) => SpanContext::DiscardedBefore(self.loc(n)),
            None => SpanContext::Used,
        }
    }

    /// The exits reached from `stmt` without ending the span; `None` when its place cannot be
    /// followed.
    fn leaks_after<'t>(&self, stmt: Node<'t>, function: Node<'t>, var: &str) -> Option<Vec<Loc>> {
        let body = function.field("body")?;
        let shape = EcmaStmts { cx: self, var };
        let leaks = lifecycle::leaks_after(&shape, stmt, body_of(body))?;
        Some(leaks.into_iter().map(|n| self.loc(n)).collect())
    }

    /// Whether a call is `var.end()` (also `var?.end()`).
    pub(super) fn is_end_call(&self, call: Node<'_>, var: &str) -> bool {
        if call.kind() != "call_expression" {
            return false;
        }
        self.method_call(call).is_some_and(|(recv, m)| {
            recv.kind() == "identifier"
                && self.text(recv) == var
                && self.knowledge.methods.span_end.contains(&m)
        })
    }

    /// Decides whether anything can shut down the provider or SDK built by `node`.
    pub(super) fn provider_handling(
        &self,
        node: Node<'_>,
        var: Option<&str>,
        role: Role,
    ) -> ProviderHandling {
        if role == Role::BrowserProviderNew || node.kind() == "call_expression" {
            // A page never exits cleanly; `registerOTel` owns its provider.
            return ProviderHandling::Escapes;
        }
        let outer = climb_wrappers(node);
        if self.unbuffered(node, var) {
            // Spans are exported as they end: nothing is lost without a shutdown.
            return ProviderHandling::Escapes;
        }
        let Some(var) = var else {
            return match outer.parent().map(|p| p.kind()) {
                Some("member_expression") | Some("expression_statement") => {
                    ProviderHandling::Dropped
                }
                Some("arguments") => {
                    let registers = outer
                        .parent()
                        .and_then(|a| a.parent())
                        .is_some_and(|c| self.role_of(c) == Some(Role::ProviderRegister));
                    if registers {
                        ProviderHandling::Dropped
                    } else {
                        ProviderHandling::Escapes
                    }
                }
                _ => ProviderHandling::Escapes,
            };
        };
        let declared_in = outer.parent();
        let stored_elsewhere = declared_in.is_some_and(|p| {
            p.kind() == "assignment_expression"
                && p.field("left").is_some_and(|l| l.kind() != "identifier")
        }) || declared_in
            .is_some_and(|p| matches!(p.kind(), "public_field_definition" | "field_definition"));
        if stored_elsewhere {
            return ProviderHandling::Escapes;
        }
        let exported = {
            let mut n = outer.parent();
            let mut found = false;
            while let Some(p) = n {
                if p.kind() == "export_statement" {
                    found = true;
                    break;
                }
                if p.kind().ends_with("statement") || is_function(p) {
                    break;
                }
                if p.kind() == "lexical_declaration" || p.kind() == "variable_declaration" {
                    n = p.parent();
                    continue;
                }
                n = p.parent();
            }
            found
        };
        if exported {
            return ProviderHandling::Escapes;
        }
        let mut root = node;
        while let Some(p) = root.parent() {
            root = p;
        }
        let shutdown = &self.knowledge.methods.shutdown;
        let mut escapes = false;
        for id in descendants(root) {
            if id.start_byte() < outer.end_byte() {
                continue;
            }
            if id.kind() == "shorthand_property_identifier" && self.text(id) == var {
                escapes = true;
                continue;
            }
            if id.kind() != "identifier" || self.text(id) != var {
                continue;
            }
            let Some(parent) = id.parent() else {
                continue;
            };
            match parent.kind() {
                "member_expression" => {
                    let property = parent
                        .field("property")
                        .map(|p| self.text(p).into_owned())
                        .unwrap_or_default();
                    if shutdown.contains(&property) {
                        return ProviderHandling::ShutdownLocal;
                    }
                }
                "assignment_expression"
                    if parent.field("left").is_some_and(|l| l.id() == id.id()) => {}
                "arguments" => {
                    let registers = parent
                        .parent()
                        .is_some_and(|c| self.role_of(c) == Some(Role::ProviderRegister));
                    if !registers {
                        escapes = true;
                    }
                }
                _ => escapes = true,
            }
        }
        if escapes {
            ProviderHandling::Escapes
        } else {
            ProviderHandling::Dropped
        }
    }
}

impl FileCtx<'_> {
    /// Whether a provider or SDK exports each span as it ends: its processors (in the
    /// construction or added with `addSpanProcessor`) are simple ones or its exporter is the
    /// console, and no batch processor appears.
    fn unbuffered(&self, node: Node<'_>, var: Option<&str>) -> bool {
        let mut text = self.text(node).into_owned();
        if let Some(var) = var {
            let mut root = node;
            while let Some(p) = root.parent() {
                root = p;
            }
            for call in descendants(root).filter(|n| n.kind() == "call_expression") {
                let adds = self.method_call(call).is_some_and(|(recv, m)| {
                    m == "addSpanProcessor" && self.receiver_name(recv).as_deref() == Some(var)
                });
                if adds {
                    text.push_str(&self.text(call));
                }
            }
        }
        let simple = text.contains("SimpleSpanProcessor") || text.contains("ConsoleSpanExporter");
        simple && !text.contains("BatchSpanProcessor")
    }
}

/// The call inside an expression statement, through `await` and `void`.
fn climb_call(expr: Node<'_>) -> Node<'_> {
    let mut node = expr;
    loop {
        match node.kind() {
            "await_expression" | "parenthesized_expression" | "unary_expression" => {
                match node.named_child(0) {
                    Some(inner) => node = inner,
                    None => return node,
                }
            }
            _ => return node,
        }
    }
}

/// JavaScript's and TypeScript's statements as the exit-path walker sees them, for the span in
/// `var`.
struct EcmaStmts<'c, 'a> {
    cx: &'c FileCtx<'a>,
    var: &'c str,
}

/// A function body: its statements, and its closing brace for falling off the end.
fn body_of(block: Node<'_>) -> Body<'_> {
    Body {
        seq: Seq::all(block),
        close: Some(
            block
                .child(block.child_count().saturating_sub(1))
                .unwrap_or(block),
        ),
    }
}

impl<'t> StmtShape<'t> for EcmaStmts<'_, '_> {
    const THROW_LEAKS: bool = true;
    /// A span started inside a nested block and still open when control leaves the block is
    /// not followed further.
    const CLIMBS_INTO_BODY: bool = false;

    fn stmt(&self, node: Node<'t>) -> Stmt<'t> {
        match node.kind() {
            "expression_statement" => match node.named_child(0) {
                Some(expr) => Stmt::Expr(expr),
                None => Stmt::Exit,
            },
            "return_statement" => Stmt::Return,
            "throw_statement" => Stmt::Throw,
            "statement_block" => Stmt::Block(Seq::all(node)),
            "if_statement" => Stmt::If {
                then: node.field("consequence"),
                otherwise: node.field("alternative").and_then(|e| e.named_child(0)),
            },
            "try_statement" => Stmt::Try {
                body: node.field("body"),
                otherwise: None,
                clauses: node,
                finally: node.field("finalizer").and_then(|f| f.field("body")),
            },
            "switch_statement" => match node.field("body") {
                Some(body) => Stmt::Switch(body),
                None => Stmt::Exit,
            },
            "for_statement" | "for_in_statement" | "while_statement" | "do_statement" => {
                Stmt::Loop(node.field("body"))
            }
            "labeled_statement" => match node.field("body") {
                Some(inner) => Stmt::Inner(inner),
                None => Stmt::Other,
            },
            // `break` and `continue` pass through: code after them in the same block (dead
            // code) is still followed, as before the walker was shared.
            _ => Stmt::Other,
        }
    }

    fn sequence(&self, node: Node<'t>) -> Option<Seq<'t>> {
        match node.kind() {
            "statement_block" | "program" | "switch_default" => Some(Seq::all(node)),
            // The first named child of a `case` is its value.
            "switch_case" => Some(Seq { node, skip: 1 }),
            _ => None,
        }
    }

    fn is_statement(&self, node: Node<'t>) -> bool {
        node.kind() != "comment"
    }

    fn arm(&self, node: Node<'t>) -> Option<Arm<'t>> {
        let default = match node.kind() {
            "switch_case" => false,
            "switch_default" => true,
            _ => return None,
        };
        Some(Arm {
            body: self.sequence(node),
            default,
        })
    }

    fn catch(&self, node: Node<'t>) -> Option<Catch<'t>> {
        (node.kind() == "catch_clause").then(|| Catch {
            body: node.field("body"),
        })
    }

    fn effect(&self, expr: Node<'t>) -> Effect {
        let call = climb_call(expr);
        if call.kind() != "call_expression" {
            Effect::Continues
        } else if self.cx.is_end_call(call, self.var) {
            Effect::Ends
        } else if callee(call).is_some_and(|c| self.cx.text(c) == "process.exit") {
            Effect::Exits
        } else {
            Effect::Continues
        }
    }

    fn is_function(&self, node: Node<'t>) -> bool {
        is_function(node)
    }
}

/// The statement that holds a declarator or assignment.
fn statement_of(node: Node<'_>) -> Option<Node<'_>> {
    let mut n = node;
    loop {
        let parent = n.parent()?;
        if is_statement_list(parent) {
            return Some(n);
        }
        if is_function(parent) {
            return None;
        }
        n = parent;
    }
}

/// Nodes whose named children are statements.
fn is_statement_list(node: Node<'_>) -> bool {
    matches!(
        node.kind(),
        "statement_block" | "program" | "switch_case" | "switch_default"
    )
}
