//! C# activities: is an `ActivitySource.StartActivity` result stopped on every path, and is an
//! activity started from a fresh root in request or consumer code.
//!
//! The path analysis follows the statements after the declaration to every exit of the function
//! (`if`, `switch`, loops, `try` by their branches) and collects the `return`s, and the end of the
//! function, reached without `Stop()`/`Dispose()`. `using`, a stop in `finally`, or the activity
//! handed on (returned, stored, passed) end the analysis; `throw` is not a leak.

use crate::facts::{DropVia, FactKind, Lifecycle, Loc, SpanContext};
use crate::lang::tree::combine;
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
            FactKind::SpanStarted {
                name,
                lifecycle,
                context: SpanContext::Used,
            },
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
        let mut leaks = Vec::new();
        let mut node = stmt;
        let mut ended = false;
        loop {
            let container = node.parent()?;
            if !matches!(container.kind(), "block" | "switch_section") {
                return None;
            }
            let siblings = statements(container);
            let index = siblings.iter().position(|s| s.id() == node.id())?;
            match self.flow_list(&siblings[index + 1..], ended, var, &mut leaks) {
                None => return Some(leaks),
                Some(state) => ended = state,
            }
            // Climb to the statement that holds this block.
            let mut up = container;
            loop {
                let parent = up.parent()?;
                if parent.id() == function.id() {
                    if !ended {
                        let close = up.child(up.child_count().saturating_sub(1))?;
                        leaks.push(self.loc(close));
                    }
                    return Some(leaks);
                }
                if is_function(parent) {
                    return None;
                }
                if matches!(parent.kind(), "block" | "switch_section") {
                    node = up;
                    break;
                }
                up = parent;
            }
        }
    }

    fn flow_list(
        &self,
        stmts: &[Node<'a>],
        ended: bool,
        var: &str,
        leaks: &mut Vec<Loc>,
    ) -> Option<bool> {
        let mut state = ended;
        for stmt in stmts {
            if matches!(stmt.kind(), "break_statement" | "continue_statement") {
                return Some(state);
            }
            state = self.flow_stmt(*stmt, state, var, leaks)?;
        }
        Some(state)
    }

    fn flow_stmt(
        &self,
        stmt: Node<'a>,
        ended: bool,
        var: &str,
        leaks: &mut Vec<Loc>,
    ) -> Option<bool> {
        match stmt.kind() {
            "expression_statement" => {
                let expr = stmt.named_child(0)?;
                if expr.kind() == "invocation_expression" && self.is_end_call(expr, var) {
                    return Some(true);
                }
                Some(ended)
            }
            "return_statement" | "yield_statement" => {
                if stmt.kind() == "yield_statement" && !self.text(stmt).contains("break") {
                    return Some(ended);
                }
                if !ended {
                    leaks.push(self.loc(stmt));
                }
                None
            }
            "throw_statement" | "goto_statement" => None,
            "block" => self.flow_list(&statements(stmt), ended, var, leaks),
            "if_statement" => {
                let then = match stmt.field("consequence") {
                    Some(s) => self.flow_stmt(s, ended, var, leaks),
                    None => Some(ended),
                };
                let otherwise = match stmt.field("alternative") {
                    Some(s) => self.flow_stmt(s, ended, var, leaks),
                    None => Some(ended),
                };
                combine(then, otherwise)
            }
            "switch_statement" => {
                let body = stmt.field("body")?;
                let mut result = None;
                let mut has_default = false;
                for section in named_children(body)
                    .into_iter()
                    .filter(|s| s.kind() == "switch_section")
                {
                    has_default |= self.text(section).trim_start().starts_with("default");
                    let flow = self.flow_list(&statements(section), ended, var, leaks);
                    result = combine(result, flow);
                }
                if !has_default {
                    result = combine(result, Some(ended));
                }
                result
            }
            "while_statement" | "for_statement" | "foreach_statement" | "do_statement" => {
                if let Some(body) = stmt.field("body") {
                    let _ = self.flow_stmt(body, ended, var, leaks);
                }
                let infinite = stmt.kind() == "while_statement"
                    && stmt
                        .field("condition")
                        .is_some_and(|c| self.text(c) == "true");
                if infinite && !breaks_out(stmt) {
                    None
                } else {
                    Some(ended)
                }
            }
            "try_statement" => {
                let mut result = match stmt.field("body") {
                    Some(b) => self.flow_stmt(b, ended, var, leaks),
                    None => Some(ended),
                };
                for catch in named_children(stmt)
                    .into_iter()
                    .filter(|c| c.kind() == "catch_clause")
                {
                    if let Some(body) = catch.field("body") {
                        result = combine(result, self.flow_stmt(body, ended, var, leaks));
                    }
                }
                result
            }
            "using_statement" | "lock_statement" | "checked_statement" | "unsafe_statement"
            | "fixed_statement" => match stmt.field("body").or_else(|| {
                named_children(stmt)
                    .into_iter()
                    .rfind(|c| c.kind() == "block")
            }) {
                Some(body) => self.flow_stmt(body, ended, var, leaks),
                None => Some(ended),
            },
            "labeled_statement" => match named_children(stmt).into_iter().nth(1) {
                Some(inner) => self.flow_stmt(inner, ended, var, leaks),
                None => Some(ended),
            },
            _ => Some(ended),
        }
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

/// The statements of a block or switch section (labels and comments left out).
fn statements(container: Node<'_>) -> Vec<Node<'_>> {
    named_children(container)
        .into_iter()
        .filter(|n| n.kind().ends_with("statement") || n.kind() == "block")
        .collect()
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
