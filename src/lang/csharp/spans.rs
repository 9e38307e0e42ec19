//! C# activities: is an `ActivitySource.StartActivity` result stopped on every path, and is an
//! activity started from a fresh root in request or consumer code.
//!
//! The path analysis follows the statements after the declaration to every exit of the function
//! (`if`, `switch`, loops, `try` by their branches) and collects the `return`s, and the end of the
//! function, reached without `Stop()`/`Dispose()`. `using`, a stop in `finally`, or the activity
//! handed on (returned, stored, passed) end the analysis; `throw` is not a leak.

use crate::facts::{DropVia, FactKind, Lifecycle, Loc, SpanContext};
use crate::lang::core::lifecycle::{self, Arm, Body, Catch, Effect, Seq, Stmt, StmtShape};
use crate::lang::core::SourceFile;
use tree_sitter::Node;

use super::setup::Use;
use super::syntax::{self, args, callee, descendants, is_function, named_children, string_value};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// Where a stop call sits relative to the function that started the activity.
enum EndSite {
    /// In a `finally` block: runs on every path.
    Finally,
    /// In a lambda or local function: that code owns the end.
    Closure,
    /// A plain statement of the function.
    Direct,
}

impl<'a> FileCtx<'a> {
    /// Records `source.StartActivity(...)`.
    pub(super) fn span_started(&mut self, call: Node<'a>) {
        self.span_named(call);
        let args = args(call, self.src);
        let name = args
            .iter()
            .find(|(n, _)| n.as_deref() == Some("name"))
            .or_else(|| args.iter().find(|(n, _)| n.is_none()))
            .and_then(|(_, a)| string_value(*a, self.src));
        let lifecycle = if self.in_error(call)
            || self
                .enclosing_function(call)
                .is_some_and(|f| self.has_error_inside(f))
        {
            Lifecycle::HandedOff
        } else {
            self.activity_lifecycle(call)
        };
        self.push(
            call,
            FactKind::span_started(name, lifecycle, SpanContext::Used),
        );
    }

    /// Decides how the activity started by `call` ends.
    fn activity_lifecycle(&self, call: Node<'a>) -> Lifecycle {
        // `Source.StartActivity("x")?.SetTag(...)` returns the same activity.
        let (top, _) = self.chain(call);
        let Some(parent) = top.parent() else {
            return Lifecycle::HandedOff;
        };
        match parent.kind() {
            "expression_statement" => Lifecycle::Discarded,
            "using_statement" => Lifecycle::Ended,
            "assignment_expression" => {
                let discard = parent.field("left").is_some_and(|l| self.text(l) == "_");
                let is_value = parent.field("right").is_some_and(|r| r.id() == top.id());
                if discard && is_value {
                    Lifecycle::Discarded
                } else {
                    Lifecycle::HandedOff
                }
            }
            "variable_declarator" => {
                let Some(stmt) = parent.parent().and_then(|d| d.parent()) else {
                    return Lifecycle::HandedOff;
                };
                match stmt.kind() {
                    "using_statement" => Lifecycle::Ended,
                    "local_declaration_statement" if syntax::is_using_declaration(stmt) => {
                        Lifecycle::Ended
                    }
                    "local_declaration_statement" => {
                        match parent.field("name").map(|n| self.text(n)) {
                            Some(var) => self.local_activity(stmt, var),
                            None => Lifecycle::HandedOff,
                        }
                    }
                    _ => Lifecycle::HandedOff,
                }
            }
            _ => Lifecycle::HandedOff,
        }
    }

    /// An activity bound to a local by `stmt`.
    fn local_activity(&self, stmt: Node<'a>, var: &str) -> Lifecycle {
        let Some(function) = self.enclosing_function(stmt) else {
            return Lifecycle::HandedOff;
        };
        let end = &self.knowledge.methods.span_end;
        let mut handed_off = false;
        for id in descendants(function).filter(|n| {
            n.kind() == "identifier" && n.start_byte() >= stmt.end_byte() && self.text(*n) == var
        }) {
            match self.use_of(id) {
                Use::Method(m) if end.contains(&m) => match end_site(id, function) {
                    EndSite::Finally | EndSite::Closure => return Lifecycle::Ended,
                    EndSite::Direct => {}
                },
                Use::Method(_) | Use::Neutral => {}
                Use::Escapes => handed_off = true,
            }
        }
        if handed_off {
            return Lifecycle::HandedOff;
        }
        match self.leaks_after(stmt, function, var) {
            Some(leaks) if !leaks.is_empty() => Lifecycle::Leaks(leaks),
            Some(_) => Lifecycle::Ended,
            None => Lifecycle::HandedOff,
        }
    }

    /// The exits reached from `stmt` without stopping the activity; `None` when the
    /// statement's place cannot be followed.
    fn leaks_after(&self, stmt: Node<'a>, function: Node<'a>, var: &str) -> Option<Vec<Loc>> {
        // The function's own block: the walk climbs into it and falls off its end.
        let body = named_children(function)
            .into_iter()
            .find(|c| c.kind() == "block")?;
        let body = Body {
            seq: Seq::all(body),
            close: Some(body.child(body.child_count().saturating_sub(1))?),
        };
        let shape = CsharpStmts { cx: self, var };
        let leaks = lifecycle::leaks_after(&shape, stmt, body)?;
        Some(leaks.into_iter().map(|n| self.loc(n)).collect())
    }

    /// Whether a call stops or disposes the named activity (`a.Stop()`, `a?.Dispose()`).
    fn is_end_call(&self, call: Node<'a>, var: &str) -> bool {
        let Some(c) = callee(call, self.src) else {
            return false;
        };
        let on_var = c.receiver.is_some_and(|r| {
            let t = self.text(r);
            t == var || t.trim_end_matches('!') == var
        });
        on_var && self.knowledge.methods.span_end.contains(&c.method)
    }

    /// `Activity.Current = null` in request code, followed by a `StartActivity` with no
    /// explicit parent: the new activity starts a fresh trace.
    pub(super) fn assignment_fact(&mut self, assign: Node<'a>) {
        let (Some(left), Some(right)) = (assign.field("left"), assign.field("right")) else {
            return;
        };
        if right.kind() != "null_literal" || self.text(left).replace(' ', "") != "Activity.Current"
        {
            return;
        }
        let Some(scope) = self.request_scope(assign) else {
            return;
        };
        let Some(function) = self.enclosing_function(assign) else {
            return;
        };
        let sink = self.starts_after(function, assign.end_byte(), usize::MAX);
        if let Some(sink) = sink {
            let sink_loc = self.loc(sink);
            self.push(
                assign,
                FactKind::ContextDropped {
                    via: DropVia::FreshContext,
                    fresh: "Activity.Current = null".into(),
                    sink: "a span".into(),
                    in_scope: Some(format!("the request's activity ({scope})")),
                    sink_loc,
                    via_client: None,
                },
            );
        }
    }

    /// After `var parent = propagator.Extract(...)`: an activity started in the same function
    /// without a parent, before the extraction or while the extracted context is never used,
    /// starts a fresh trace instead of continuing the message's.
    pub(super) fn extracted_context(&mut self, extract: Node<'a>) {
        let Some(function) = self.enclosing_function(extract) else {
            return;
        };
        if self.has_error_inside(function) {
            return;
        }
        let Some(declarator) = extract
            .parent()
            .filter(|p| p.kind() == "variable_declarator")
        else {
            return;
        };
        let Some(var) = declarator.field("name").map(|n| self.text(n).to_string()) else {
            return;
        };
        let baggage_only = |id: Node<'a>| {
            id.parent()
                .filter(|p| p.kind() == "member_access_expression")
                .and_then(|p| p.field("name"))
                .is_some_and(|m| self.text(m) == "Baggage")
        };
        let used = descendants(function).any(|n| {
            n.kind() == "identifier"
                && n.start_byte() > extract.end_byte()
                && self.text(n) == var
                && !baggage_only(n)
        });
        let (from, to) = if used {
            (function.start_byte(), extract.start_byte())
        } else {
            (function.start_byte(), usize::MAX)
        };
        let starts: Vec<Node<'a>> = descendants(function)
            .filter(|n| {
                n.kind() == "invocation_expression"
                    && n.start_byte() >= from
                    && n.start_byte() < to
                    && self.is_parentless_start(*n)
            })
            .collect();
        for start in starts {
            let fresh = format!("{}(...)", self.callee_text(start));
            let sink_loc = self.loc(start);
            self.push(
                start,
                FactKind::ContextDropped {
                    via: DropVia::FreshContext,
                    fresh,
                    sink: "a span".into(),
                    in_scope: Some(format!("{var}.ActivityContext")),
                    sink_loc,
                    via_client: None,
                },
            );
        }
    }

    /// The first parentless `StartActivity` in `function` between two byte offsets.
    fn starts_after(&self, function: Node<'a>, from: usize, to: usize) -> Option<Node<'a>> {
        descendants(function).find(|n| {
            n.kind() == "invocation_expression"
                && n.start_byte() >= from
                && n.start_byte() < to
                && self.is_parentless_start(*n)
        })
    }

    /// A `StartActivity` call given no parent context, parent id or links.
    fn is_parentless_start(&self, call: Node<'a>) -> bool {
        let Some(c) = callee(call, self.src) else {
            return false;
        };
        if !self.knowledge.methods.span_start.contains(&c.method) || c.receiver.is_none() {
            return false;
        }
        let args = args(call, self.src);
        let positional = args.iter().filter(|(n, _)| n.is_none()).count();
        positional <= 2
            && !args.iter().any(|(n, _)| {
                matches!(
                    n.as_deref(),
                    Some("parentContext" | "parentId" | "links" | "parent")
                )
            })
    }
}

/// C#'s statements as the exit-path walker sees them, for the activity in `var`.
struct CsharpStmts<'c, 'a> {
    cx: &'c FileCtx<'a>,
    var: &'c str,
}

impl<'a> StmtShape<'a> for CsharpStmts<'_, 'a> {
    /// An exception leaves the activity to be collected; `throw` is not reported.
    const THROW_LEAKS: bool = false;
    const CLIMBS_INTO_BODY: bool = true;

    fn stmt(&self, node: Node<'a>) -> Stmt<'a> {
        match node.kind() {
            "expression_statement" => match node.named_child(0) {
                Some(expr) => Stmt::Expr(expr),
                None => Stmt::Exit,
            },
            "return_statement" => Stmt::Return,
            "yield_statement" if self.cx.text(node).contains("break") => Stmt::Return,
            "throw_statement" => Stmt::Throw,
            "goto_statement" => Stmt::Exit,
            "break_statement" => Stmt::Break,
            "continue_statement" => Stmt::Continue,
            "block" => Stmt::Block(Seq::all(node)),
            "if_statement" => Stmt::If {
                then: node.field("consequence"),
                otherwise: node.field("alternative"),
            },
            "switch_statement" => match node.field("body") {
                Some(body) => Stmt::Switch(body),
                None => Stmt::Exit,
            },
            "while_statement" | "for_statement" | "foreach_statement" | "do_statement" => {
                Stmt::Loop(node.field("body"))
            }
            // A stop in `finally` is found before the walk (`end_site`), so the walk leaves
            // `finally` out.
            "try_statement" => Stmt::Try {
                body: node.field("body"),
                otherwise: None,
                clauses: node,
                finally: None,
            },
            // `using` on the activity itself is found before the walk (`activity_lifecycle`).
            "using_statement" => match inner_block(node) {
                Some(body) => Stmt::Scoped {
                    resource: None,
                    body: Some(body),
                },
                None => Stmt::Other,
            },
            "lock_statement" | "checked_statement" | "unsafe_statement" | "fixed_statement" => {
                match inner_block(node) {
                    Some(body) => Stmt::Inner(body),
                    None => Stmt::Other,
                }
            }
            "labeled_statement" => match named_children(node).into_iter().nth(1) {
                Some(inner) => Stmt::Inner(inner),
                None => Stmt::Other,
            },
            _ => Stmt::Other,
        }
    }

    fn sequence(&self, node: Node<'a>) -> Option<Seq<'a>> {
        matches!(node.kind(), "block" | "switch_section").then(|| Seq::all(node))
    }

    /// Labels and comments are not statements.
    fn is_statement(&self, node: Node<'a>) -> bool {
        node.kind().ends_with("statement") || node.kind() == "block"
    }

    fn arm(&self, node: Node<'a>) -> Option<Arm<'a>> {
        (node.kind() == "switch_section").then(|| Arm {
            body: Some(Seq::all(node)),
            default: self.cx.text(node).trim_start().starts_with("default"),
        })
    }

    fn catch(&self, node: Node<'a>) -> Option<Catch<'a>> {
        (node.kind() == "catch_clause").then(|| Catch {
            body: node.field("body"),
        })
    }

    fn effect(&self, expr: Node<'a>) -> Effect {
        if expr.kind() == "invocation_expression" && self.cx.is_end_call(expr, self.var) {
            Effect::Ends
        } else {
            Effect::Continues
        }
    }

    /// `while (true)` with no `break` that leaves it.
    fn is_endless(&self, loop_stmt: Node<'a>) -> bool {
        loop_stmt.kind() == "while_statement"
            && loop_stmt
                .field("condition")
                .is_some_and(|c| self.cx.text(c) == "true")
            && !breaks_out(loop_stmt)
    }

    fn is_function(&self, node: Node<'a>) -> bool {
        is_function(node)
    }
}

/// The body of a `using`, `lock`, `fixed`, `checked` or `unsafe` statement.
fn inner_block(stmt: Node<'_>) -> Option<Node<'_>> {
    stmt.field("body").or_else(|| {
        named_children(stmt)
            .into_iter()
            .rfind(|c| c.kind() == "block")
    })
}

/// Where a stop call on the activity sits.
fn end_site(id: Node<'_>, function: Node<'_>) -> EndSite {
    let mut node = id;
    while let Some(parent) = node.parent() {
        if parent.id() == function.id() {
            return EndSite::Direct;
        }
        if parent.kind() == "finally_clause" {
            return EndSite::Finally;
        }
        if is_function(parent) {
            return EndSite::Closure;
        }
        node = parent;
    }
    EndSite::Direct
}

/// Whether a loop has a `break` that leaves it.
fn breaks_out(loop_stmt: Node<'_>) -> bool {
    descendants(loop_stmt).any(|n| {
        if n.kind() != "break_statement" && n.kind() != "return_statement" {
            return false;
        }
        if n.kind() == "return_statement" {
            return false;
        }
        let mut current = n.parent();
        while let Some(p) = current {
            if p.id() == loop_stmt.id() {
                return true;
            }
            if matches!(
                p.kind(),
                "while_statement"
                    | "for_statement"
                    | "foreach_statement"
                    | "do_statement"
                    | "switch_statement"
            ) || is_function(p)
            {
                return false;
            }
            current = p.parent();
        }
        false
    })
}
