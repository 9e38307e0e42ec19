//! Java span and scope lifecycles: is a started span ended, and is a scope from `makeCurrent()`
//! closed, on every path.
//!
//! The analysis is structural. A value in try-with-resources, or ended/closed in a `finally`
//! block, is fine; one returned, stored in a field or passed on is its receiver's to end.
//! Otherwise the shared exit-path walker (`lang::core::lifecycle`) follows the statements after
//! the one that binds it to every exit of the method (`return`, an uncaught `throw`, the end of
//! a void method, constructor or lambda), treating `if`, `switch`, loops and `try`/`catch` by
//! their branches; an exit reached without the end call leaks. When every normal path ends it
//! but nothing catches around the calls in between, an exception thrown by the first such call
//! ([`Effect::MayThrow`]) leaks it too.

use crate::facts::{FactKind, Lifecycle, Loc};
use crate::lang::core::lifecycle::{self, Arm, Body, Catch, Effect, Seq, Stmt, StmtShape};
use crate::lang::core::SourceFile;
use tree_sitter::Node;

use super::tree::{args, chain_calls, children, descendants, object, within};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// Receivers whose calls are not expected to throw (loggers, standard streams).
const QUIET_RECEIVERS: &[&str] = &["log", "logger", "LOG", "LOGGER", "System.out", "System.err"];

/// Methods on other values that take a span or scope without owning it.
const NEUTRAL_TAKERS: &[&str] = &["with", "storeInContext", "addLink"];

impl<'a> FileCtx<'a> {
    /// `Span span = tracer.spanBuilder("name")...startSpan();`
    pub(super) fn span_started(&mut self, call: Node<'a>) {
        self.span_named(call);
        let name = chain_calls(call)
            .into_iter()
            .find(|c| self.named_in(*c, &self.knowledge.methods.span_builder))
            .and_then(|b| args(b).first().and_then(|a| self.string_literal(*a)));
        let end = self.knowledge.methods.span_end.clone();
        let lifecycle = self.value_lifecycle(call, &end, true);
        let parented = chain_calls(call)
            .iter()
            .any(|c| matches!(self.name_of(*c).as_str(), "setParent" | "setNoParent"));
        if parented {
            self.parented_spans.push(call.start_byte());
        }
        if let Some(window) = self.never_current_window(call) {
            self.inactive_spans.push((self.facts.len(), window));
        }
        self.push(
            call,
            FactKind::span_started(name, lifecycle, crate::facts::SpanContext::Used),
        );
    }

    /// For a span bound to a local that is never made current nor passed on, the byte range
    /// in which work still runs under the old current span: from its start to its first direct
    /// `end()` (or the end of the method).
    fn never_current_window(&self, call: Node<'a>) -> Option<(usize, usize)> {
        let declarator = call
            .parent()
            .filter(|p| p.kind() == "variable_declarator")?;
        declarator
            .parent()
            .filter(|d| d.kind() == "local_variable_declaration")?;
        let var = self.name_of(declarator);
        let function = self.functions.enclosing(declarator)?;
        let mut end_at = function.end_byte();
        for id in descendants(function).filter(|n| {
            n.kind() == "identifier"
                && n.start_byte() >= declarator.end_byte()
                && self.text(*n) == var
        }) {
            let parent = id.parent()?;
            match parent.kind() {
                "method_invocation" if object(parent).is_some_and(|o| o.id() == id.id()) => {
                    let name = self.name_of(parent);
                    if self.knowledge.methods.scope_open.contains(&name) {
                        return None;
                    }
                    if self.knowledge.methods.span_end.contains(&name) {
                        end_at = end_at.min(parent.start_byte());
                    }
                }
                "method_invocation" | "field_access" => {}
                // `Context.current().with(span)`, handed to a helper, returned, stored.
                _ => return None,
            }
        }
        Some((declarator.end_byte(), end_at))
    }

    /// Marks spans that are never made current while later work in their method (an outbound
    /// call, a child span without an explicit parent) runs under the old current span.
    pub(super) fn inactive_span_contexts(&mut self) {
        for (index, (from, to)) in std::mem::take(&mut self.inactive_spans) {
            let later = self.facts.iter().find(|f| {
                let at = f.loc.start_byte as usize;
                at > from
                    && at < to
                    && match &f.kind {
                        FactKind::Outbound {
                            proto: crate::facts::Proto::Http,
                            ..
                        } => true,
                        FactKind::SpanStarted { .. } => !self.parented_spans.contains(&at),
                        _ => false,
                    }
            });
            if let Some(later) = later.map(|f| f.loc) {
                if let FactKind::SpanStarted { context, .. } = &mut self.facts[index].kind {
                    *context = crate::facts::SpanContext::DiscardedBefore(later);
                }
            }
        }
    }

    /// `Scope scope = span.makeCurrent();`
    pub(super) fn scope_opened(&mut self, call: Node<'a>) {
        let close = self.knowledge.methods.scope_close.clone();
        let lifecycle = self.value_lifecycle(call, &close, false);
        self.push(call, FactKind::ScopeMadeCurrent { lifecycle });
    }

    /// Decides whether the value a call returns is ended (`end`) or closed (`close`).
    fn value_lifecycle(&self, value: Node<'a>, end: &[String], is_span: bool) -> Lifecycle {
        let Some(parent) = value.parent() else {
            return Lifecycle::HandedOff;
        };
        match parent.kind() {
            "method_invocation" if object(parent).is_some_and(|o| o.id() == value.id()) => {
                let name = self.name_of(parent);
                if end.contains(&name) {
                    Lifecycle::Ended
                } else if is_span && self.knowledge.methods.scope_open.contains(&name) {
                    // `spanBuilder(..).startSpan().makeCurrent()`: the span itself is lost.
                    Lifecycle::Discarded
                } else {
                    Lifecycle::HandedOff
                }
            }
            "expression_statement" => Lifecycle::Discarded,
            "resource" => Lifecycle::Ended,
            "variable_declarator" => {
                let local = parent
                    .parent()
                    .filter(|d| d.kind() == "local_variable_declaration");
                match local {
                    Some(stmt) => self.variable_lifecycle(stmt, &self.name_of(parent), end),
                    None => Lifecycle::HandedOff,
                }
            }
            "assignment_expression" => {
                let Some(left) = parent.field("left") else {
                    return Lifecycle::HandedOff;
                };
                let stmt = parent
                    .parent()
                    .filter(|s| s.kind() == "expression_statement");
                match (left.kind(), stmt) {
                    ("identifier", Some(stmt)) if self.declared_locally(stmt, &self.text(left)) => {
                        self.variable_lifecycle(stmt, &self.text(left), end)
                    }
                    _ => Lifecycle::HandedOff,
                }
            }
            _ => Lifecycle::HandedOff,
        }
    }

    /// Whether `var` is declared as a local of the method around `stmt`.
    fn declared_locally(&self, stmt: Node<'a>, var: &str) -> bool {
        self.functions.enclosing(stmt).is_some_and(|f| {
            descendants(f).any(|n| {
                n.kind() == "variable_declarator"
                    && n.start_byte() < stmt.start_byte()
                    && self.name_of(n) == var
            })
        })
    }

    /// The lifecycle of a local variable bound by `stmt`.
    fn variable_lifecycle(&self, stmt: Node<'a>, var: &str, end: &[String]) -> Lifecycle {
        let Some(function) = self.functions.enclosing(stmt) else {
            return Lifecycle::HandedOff;
        };
        let Some(body) = function
            .field("body")
            .filter(|b| b.kind() == "block" || b.kind() == "constructor_body")
        else {
            return Lifecycle::HandedOff;
        };
        let mut ended_elsewhere = false;
        let mut handed_off = false;
        for id in descendants(body).filter(|n| {
            n.kind() == "identifier" && n.start_byte() >= stmt.end_byte() && self.text(*n) == var
        }) {
            let Some(parent) = id.parent() else {
                continue;
            };
            match parent.kind() {
                "method_invocation" if object(parent).is_some_and(|o| o.id() == id.id()) => {
                    if end.contains(&self.name_of(parent))
                        && (self.in_finally(parent, function)
                            || self.functions.enclosing(parent).map(|f| f.id())
                                != Some(function.id()))
                    {
                        ended_elsewhere = true;
                    }
                }
                "method_reference" => {
                    if end.iter().any(|m| self.text(parent).ends_with(m.as_str())) {
                        ended_elsewhere = true;
                    } else {
                        handed_off = true;
                    }
                }
                // Java 9 `try (scope) { ... }`.
                "resource" => ended_elsewhere = true,
                "argument_list" => {
                    let taker = parent
                        .parent()
                        .filter(|c| c.kind() == "method_invocation")
                        .map(|c| self.name_of(c))
                        .unwrap_or_default();
                    if !NEUTRAL_TAKERS.contains(&taker.as_str()) {
                        handed_off = true;
                    }
                }
                "assignment_expression"
                    if parent.field("left").is_some_and(|l| l.id() == id.id()) => {}
                "variable_declarator" | "field_access" | "binary_expression" => {}
                _ => handed_off = true,
            }
        }
        if ended_elsewhere {
            return Lifecycle::Ended;
        }
        if handed_off {
            return Lifecycle::HandedOff;
        }
        let (leaks, throws) = self.exits_after(stmt, function, body, var, end);
        if !leaks.is_empty() {
            Lifecycle::Leaks(leaks)
        } else if let Some(first) = throws.first() {
            Lifecycle::Leaks(vec![*first])
        } else {
            Lifecycle::Ended
        }
    }

    /// Whether a node sits in a `finally` block of `function` (not of a nested lambda).
    fn in_finally(&self, node: Node<'a>, function: Node<'a>) -> bool {
        let mut current = node.parent();
        while let Some(p) = current {
            if p.id() == function.id() {
                return false;
            }
            if p.kind() == "finally_clause" {
                return true;
            }
            current = p.parent();
        }
        false
    }

    /// Follows the statements after `stmt` to every exit of `function`: the exits reached with
    /// the value open, and the calls that may throw on the way with nothing catching.
    fn exits_after(
        &self,
        stmt: Node<'a>,
        function: Node<'a>,
        body: Node<'a>,
        var: &str,
        end: &[String],
    ) -> (Vec<Loc>, Vec<Loc>) {
        let close = falls_off(function, self).then(|| {
            body.child(body.child_count().saturating_sub(1))
                .unwrap_or(body)
        });
        // A statement held by an `if`, a loop or a label without braces: the walk starts after
        // the statement that holds it in a block.
        let mut node = stmt;
        loop {
            let Some(parent) = node.parent() else {
                return (Vec::new(), Vec::new());
            };
            if parent.id() == function.id() || node.id() == body.id() {
                let leaks = close.map(|c| self.loc(c)).into_iter().collect();
                return (leaks, Vec::new());
            }
            if is_sequence(parent) {
                break;
            }
            node = parent;
        }
        let shape = JavaStmts {
            cx: self,
            var,
            end,
            function,
        };
        let body = Body {
            seq: Seq::all(body),
            close,
        };
        match lifecycle::exits_after(&shape, node, body) {
            Some(exits) => (
                exits.leaks.into_iter().map(|n| self.loc(n)).collect(),
                exits.throws.into_iter().map(|n| self.loc(n)).collect(),
            ),
            None => (Vec::new(), Vec::new()),
        }
    }
}

/// Nodes whose named children are statements.
fn is_sequence(node: Node<'_>) -> bool {
    matches!(
        node.kind(),
        "block" | "switch_block_statement_group" | "constructor_body"
    )
}

/// Whether control can reach the end of a function's body: void methods, constructors, lambdas
/// with block bodies.
fn falls_off(function: Node<'_>, ctx: &FileCtx<'_>) -> bool {
    match function.kind() {
        "method_declaration" => function
            .field("type")
            .is_some_and(|t| ctx.text(t) == "void"),
        "constructor_declaration" => true,
        "lambda_expression" => true,
        _ => false,
    }
}

/// Java's statements as the exit-path walker sees them, for the value in `var`.
struct JavaStmts<'c, 'a> {
    cx: &'c FileCtx<'a>,
    var: &'c str,
    /// The methods that end the value (`end`, `close`).
    end: &'c [String],
    /// The method or lambda the value lives in.
    function: Node<'a>,
}

impl<'a> StmtShape<'a> for JavaStmts<'_, 'a> {
    const THROW_LEAKS: bool = true;
    /// A `catch` around the start catches the calls that may throw after it.
    const CLIMB_SEES_CATCH: bool = true;
    const CLIMBS_INTO_BODY: bool = true;

    fn stmt(&self, node: Node<'a>) -> Stmt<'a> {
        match node.kind() {
            // The statement itself: its effect is found by scanning it ([`Self::effect`]).
            "expression_statement" | "local_variable_declaration" => Stmt::Expr(node),
            "return_statement" => Stmt::Return,
            "throw_statement" => Stmt::Throw,
            "block" => Stmt::Block(Seq::all(node)),
            "if_statement" => Stmt::If {
                then: node.field("consequence"),
                otherwise: node.field("alternative"),
            },
            "while_statement" | "for_statement" | "enhanced_for_statement" => {
                Stmt::Loop(node.field("body"))
            }
            "do_statement" => Stmt::LoopOnce {
                body: node.field("body"),
                then: None,
            },
            // An end in `finally` is found before the walk (`variable_lifecycle`), so the walk
            // leaves `finally` out; try-with-resources is a `try`.
            "try_statement" | "try_with_resources_statement" => Stmt::Try {
                body: node.field("body"),
                otherwise: None,
                clauses: node,
                finally: None,
            },
            "switch_expression" | "switch_statement" => match node.field("body") {
                Some(body) => Stmt::Switch(body),
                None => Stmt::Other,
            },
            "synchronized_statement" => {
                let body = node
                    .field("body")
                    .or_else(|| children(node).into_iter().find(|c| c.kind() == "block"));
                match body {
                    Some(body) => Stmt::Inner(body),
                    None => Stmt::Other,
                }
            }
            "labeled_statement" => match children(node).last() {
                Some(inner) => Stmt::Inner(*inner),
                None => Stmt::Other,
            },
            // `break` and `continue` pass through: code after them in the same block (dead
            // code) is still followed.
            _ => Stmt::Other,
        }
    }

    fn sequence(&self, node: Node<'a>) -> Option<Seq<'a>> {
        is_sequence(node).then(|| Seq::all(node))
    }

    /// Comments and `case` labels are not statements.
    fn is_statement(&self, node: Node<'a>) -> bool {
        !node.kind().ends_with("comment") && node.kind() != "switch_label"
    }

    /// Every named child of a switch body is an arm (a comment is one that passes by).
    fn arm(&self, node: Node<'a>) -> Option<Arm<'a>> {
        let ctx = self.cx;
        let default = children(node).iter().any(|l| {
            l.kind() == "switch_label" && ctx.text(*l).trim_start().starts_with("default")
        }) || ctx.text(node).trim_start().starts_with("default");
        Some(Arm {
            body: Some(Seq::all(node)),
            default,
        })
    }

    /// A clause without a body passes control through.
    fn catch(&self, node: Node<'a>) -> Option<Catch<'a>> {
        (node.kind() == "catch_clause").then(|| Catch {
            body: Some(node.field("body").unwrap_or(node)),
        })
    }

    /// `expr` is a whole statement: it ends the value when an end call on it appears outside
    /// lambdas, and may throw when it calls something else.
    fn effect(&self, expr: Node<'a>) -> Effect {
        if self.ends(expr) {
            Effect::Ends
        } else if self.may_throw(expr) {
            Effect::MayThrow
        } else {
            Effect::Continues
        }
    }

    /// `while (true)` or `for (;;)` without any `break` inside.
    fn is_endless(&self, loop_stmt: Node<'a>) -> bool {
        let condition = loop_stmt
            .field("condition")
            .map(|c| self.cx.text(c).replace([' ', '(', ')'], ""));
        let infinite = match loop_stmt.kind() {
            "while_statement" => condition.as_deref() == Some("true"),
            "for_statement" => condition.is_none(),
            _ => false,
        };
        infinite && !descendants(loop_stmt).any(|n| n.kind() == "break_statement")
    }

    fn is_function(&self, node: Node<'a>) -> bool {
        node.id() == self.function.id()
    }
}

impl<'a> JavaStmts<'_, 'a> {
    /// Whether a statement ends the value directly (`span.end();`).
    fn ends(&self, stmt: Node<'a>) -> bool {
        descendants(stmt).any(|n| self.is_end_call(n) && !in_lambda(n, stmt))
    }

    /// Whether a node is `var.end()` (or `var.close()`).
    fn is_end_call(&self, node: Node<'a>) -> bool {
        node.kind() == "method_invocation"
            && object(node).is_some_and(|o| o.kind() == "identifier" && self.cx.text(o) == self.var)
            && self.end.contains(&self.cx.name_of(node))
    }

    /// Whether a statement calls something that may throw: any method call outside lambdas
    /// that is not on the value itself or on a logger. A call on the value itself
    /// (`span.setAttribute(key, compute())`) counts as bookkeeping, its arguments included.
    fn may_throw(&self, stmt: Node<'a>) -> bool {
        let on_value = stmt.named_child(0).is_some_and(|e| {
            e.kind() == "method_invocation"
                && super::tree::chain_root(e)
                    .field("object")
                    .is_some_and(|o| self.cx.text(o) == self.var)
        });
        if on_value {
            return false;
        }
        descendants(stmt).any(|n| {
            if n.kind() != "method_invocation" || in_lambda(n, stmt) {
                return false;
            }
            let receiver = object(n).map(|o| self.cx.text(o)).unwrap_or_default();
            receiver != self.var && !QUIET_RECEIVERS.contains(&receiver.as_ref())
        })
    }
}

/// Whether a node sits inside a lambda within `outer`.
fn in_lambda(node: Node<'_>, outer: Node<'_>) -> bool {
    let mut current = node.parent();
    while let Some(p) = current {
        if p.id() == outer.id() || !within(p, outer) {
            return false;
        }
        if p.kind() == "lambda_expression" || p.kind() == "class_body" {
            return true;
        }
        current = p.parent();
    }
    false
}
