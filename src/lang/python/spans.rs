//! Python span and context lifecycles.
//!
//! `with tracer.start_as_current_span(...)` (or the decorator form) ends its span by
//! construction. `span = tracer.start_span(...)` must be ended by hand: from the statement that
//! starts it, the shared exit-path walker (`lang::core::lifecycle`) follows the statements to
//! every exit of the function (`if`/`elif`/`else`, `try`/`except`/`else`/`finally`, loops,
//! `with`, `match`) and collects the `return`s, `raise`s and the fall-off end reached without
//! `span.end()`. An end in a `finally:` block, a
//! `with span:` or `with trace.use_span(span, end_on_exit=True):` covers every exit. A span that
//! is returned, stored, passed on or used in a closure is handed off: its new owner ends it.
//! The same walk follows `token = context.attach(ctx)` to `context.detach(token)`.

use crate::facts::{DropVia, FactKind, Lifecycle, SpanContext};
use crate::knowledge::Role;
use crate::lang::core::lifecycle::{self, Arm, Body, Catch, Effect, Seq, Stmt, StmtShape};
use crate::lang::core::SourceFile;
use tree_sitter::Node;

use super::resolve::{call_args, kwarg, own_descendants};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// What ends the value under analysis.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ends {
    /// A span: `span.end()`, `with span:`, `with use_span(span, end_on_exit=True):`.
    Span,
    /// A context token: `context.detach(token)`.
    Token,
}

impl<'a> FileCtx<'a> {
    /// Records a span start. `active`: `start_as_current_span`, which starts nothing until
    /// entered (a `with` block or a decorator) and then ends the span on exit.
    pub(super) fn span_started(&mut self, call: Node<'_>, active: bool) {
        if !self.tracing {
            return;
        }
        self.span_named(call);
        let name = call_args(call)
            .first()
            .copied()
            .or_else(|| kwarg(self, call, "name"))
            .and_then(|a| self.string_value(a));
        let in_with = in_with_item(call);
        let in_decorator = call.parent().is_some_and(|p| p.kind() == "decorator");
        let keeps_open = kwarg(self, call, "end_on_exit").is_some_and(|v| v.kind() == "false");
        let (lifecycle, context) = if active {
            if (in_with || in_decorator) && !keeps_open {
                (Lifecycle::Ended, SpanContext::Used)
            } else {
                (Lifecycle::HandedOff, SpanContext::Used)
            }
        } else if in_with {
            // `with tracer.start_span(...) as span:` ends the span on exit, but does not make
            // it current.
            let context = match self.with_body(call) {
                Some(body) => self.unused_context(body, call, None),
                None => SpanContext::Used,
            };
            (Lifecycle::Ended, context)
        } else if call
            .parent()
            .is_some_and(|p| p.kind() == "expression_statement")
        {
            (Lifecycle::Discarded, SpanContext::Used)
        } else {
            match self.binding_name(call) {
                Some(var) if !var.contains('.') => {
                    let lifecycle = self.lifecycle(call, &var, Ends::Span);
                    let context = if lifecycle == Lifecycle::HandedOff {
                        SpanContext::Used
                    } else {
                        match self.enclosing_function(call) {
                            Some(f) => self.unused_context(f, call, Some(&var)),
                            None => SpanContext::Used,
                        }
                    };
                    (lifecycle, context)
                }
                _ => (Lifecycle::HandedOff, SpanContext::Used),
            }
        };
        self.push(call, FactKind::span_started(name, lifecycle, context));
    }

    /// `token = context.attach(ctx)`: the token must be detached on every path.
    pub(super) fn context_attached(&mut self, call: Node<'_>) {
        if self.enclosing_function(call).is_none() {
            // Attached once at start-up, for the life of the process.
            return;
        }
        let lifecycle = if call
            .parent()
            .is_some_and(|p| p.kind() == "expression_statement")
        {
            // Attaching a value-only context (baggage, labels) for the rest of the current
            // context is a deliberate idiom; a trace context attached and lost is not.
            if !self.carries_trace_context(call) {
                return;
            }
            Lifecycle::Discarded
        } else {
            match self.binding_name(call) {
                Some(var) if !var.contains('.') => self.lifecycle(call, &var, Ends::Token),
                _ => Lifecycle::HandedOff,
            }
        };
        self.push(call, FactKind::ScopeMadeCurrent { lifecycle });
    }

    /// Whether the context an `attach` call makes current carries a trace: extracted from a
    /// carrier or built around a span, directly or through a variable bound in the function.
    fn carries_trace_context(&self, attach: Node<'_>) -> bool {
        let traced = |n: Node<'_>| {
            n.kind() == "call"
                && matches!(
                    self.call_role(n),
                    Some(Role::PropagationExtract | Role::SpanInContext)
                )
        };
        let Some(arg) = call_args(attach).first().copied() else {
            return false;
        };
        if traced(arg) {
            return true;
        }
        if arg.kind() != "identifier" {
            return false;
        }
        let name = self.text(arg);
        let Some(function) = self.enclosing_function(attach) else {
            return false;
        };
        own_descendants(function).into_iter().any(|n| {
            n.kind() == "assignment"
                && n.start_byte() < attach.start_byte()
                && n.field("left").is_some_and(|l| self.text(l) == name)
                && n.field("right").is_some_and(traced)
        })
    }

    /// `Context()` or `set_span_in_context(INVALID_SPAN)` in a request handler, reaching a span
    /// start as its parent: the span becomes a new root instead of continuing the request.
    pub(super) fn fresh_context(&mut self, fresh: Node<'_>) {
        let Some(function) = self.enclosing_function(fresh) else {
            return;
        };
        let mut handler = None;
        let mut f = Some(function);
        while let Some(func) = f {
            if self.is_handler(func) {
                handler = func.field("name");
                break;
            }
            f = self.enclosing_function(func);
        }
        let Some(handler) = handler else {
            return;
        };
        let handler = self.text(handler).into_owned();
        let Some(sink) = self.fresh_sink(fresh, function) else {
            return;
        };
        let kind = FactKind::ContextDropped {
            via: DropVia::FreshContext,
            fresh: self.text(fresh).into_owned(),
            sink: "a span".into(),
            in_scope: Some(handler),
            sink_loc: self.loc(sink),
            via_client: None,
        };
        self.push(fresh, kind);
    }

    /// The span start that takes a fresh context as its parent: directly (`context=Context()`)
    /// or through a variable (`ctx = Context()` ... `context=ctx`).
    fn fresh_sink<'t>(&self, fresh: Node<'t>, function: Node<'t>) -> Option<Node<'t>> {
        let is_start = |call: Node<'_>| {
            let methods = &self.knowledge.methods;
            self.method_call(call).is_some_and(|(_, m)| {
                methods.span_start.contains(&m) || methods.active_span_start.contains(&m)
            })
        };
        let parent = fresh.parent()?;
        if parent.kind() == "keyword_argument"
            && parent
                .field("name")
                .is_some_and(|n| self.text(n) == "context")
        {
            let call = parent.parent()?.parent()?;
            return (call.kind() == "call" && is_start(call)).then_some(call);
        }
        let var = self.binding_name(fresh)?;
        own_descendants(function).into_iter().find(|n| {
            n.kind() == "call"
                && n.start_byte() > fresh.end_byte()
                && is_start(*n)
                && kwarg(self, *n, "context")
                    .is_some_and(|c| c.kind() == "identifier" && self.text(c) == var)
        })
    }

    /// The body of the `with` statement whose item holds `call`.
    fn with_body<'t>(&self, call: Node<'t>) -> Option<Node<'t>> {
        let mut node = call;
        while let Some(parent) = node.parent() {
            if parent.kind() == "with_statement" {
                return parent.field("body");
            }
            node = parent;
        }
        None
    }

    /// Whether a span that is never made current has work below it that still runs under the
    /// previous current span: a child span started without `context=`, or an outbound request,
    /// between the start and the span's end. `scope` is where that work is looked for.
    fn unused_context(&self, scope: Node<'_>, start: Node<'_>, var: Option<&str>) -> SpanContext {
        let nodes = own_descendants(scope);
        if let Some(var) = var {
            // Made current, or put in a context that is used.
            let made_current = nodes.iter().any(|n| {
                n.kind() == "call"
                    && n.start_byte() > start.end_byte()
                    && matches!(
                        self.call_role(*n),
                        Some(Role::UseSpan | Role::SpanInContext)
                    )
                    && call_args(*n)
                        .first()
                        .is_some_and(|a| a.kind() == "identifier" && self.text(*a) == var)
            });
            if made_current {
                return SpanContext::Used;
            }
        }
        let end = var.and_then(|var| {
            nodes
                .iter()
                .filter(|n| n.kind() == "call" && n.start_byte() > start.end_byte())
                .find(|n| {
                    self.method_call(**n).is_some_and(|(r, m)| {
                        r.kind() == "identifier"
                            && self.text(r) == var
                            && self.knowledge.methods.span_end.contains(&m)
                    })
                })
                .map(|n| n.start_byte())
        });
        let methods = &self.knowledge.methods;
        let later = nodes.iter().find(|n| {
            if n.kind() != "call"
                || n.start_byte() <= start.end_byte()
                || end.is_some_and(|e| n.start_byte() >= e)
            {
                return false;
            }
            let child_span = self.method_call(**n).is_some_and(|(_, m)| {
                methods.span_start.contains(&m) || methods.active_span_start.contains(&m)
            }) && kwarg(self, **n, "context").is_none();
            let outbound = match self.call_role(**n) {
                Some(Role::DefaultClientCall) => true,
                _ => self.method_call(**n).is_some_and(|(r, m)| {
                    methods.client_call.contains(&m)
                        && self
                            .resolve(r)
                            .is_some_and(|q| self.knowledge.role(&q) == Some(Role::ClientNew))
                }),
            };
            child_span || outbound
        });
        match later {
            Some(n) => SpanContext::DiscardedBefore(self.loc(*n)),
            None => SpanContext::Used,
        }
    }

    /// Whether the value bound to `var` by `call` is ended (or detached) on every path.
    fn lifecycle(&self, call: Node<'_>, var: &str, ends: Ends) -> Lifecycle {
        let Some(function) = self
            .enclosing_function(call)
            .filter(|f| f.kind() == "function_definition")
        else {
            return Lifecycle::HandedOff;
        };
        let Some(stmt) = self.statement_of(call) else {
            return Lifecycle::HandedOff;
        };
        if self.handed_off(function, stmt, var) || self.outlives_function(function, var) {
            return Lifecycle::HandedOff;
        }
        // Inside a `try` whose `finally` ends it, or a `with` that ends it: every exit is covered.
        let mut node = stmt;
        while let Some(parent) = node.parent() {
            if parent.id() == function.id() {
                break;
            }
            if parent.kind() == "try_statement" && self.finally_ends(parent, var, ends) {
                let in_finally = node.kind() == "finally_clause";
                if !in_finally {
                    return Lifecycle::Ended;
                }
            }
            if parent.kind() == "with_statement" && self.with_ends(parent, var, ends) {
                return Lifecycle::Ended;
            }
            node = parent;
        }
        let body = function.field("body").unwrap_or(function);
        let body = Body {
            seq: Seq::all(body),
            close: Some(fall_off(body)),
        };
        let shape = PythonStmts {
            cx: self,
            var,
            ends,
            function,
        };
        let leaks = lifecycle::leaks_after(&shape, stmt, body).unwrap_or_default();
        if leaks.is_empty() {
            Lifecycle::Ended
        } else {
            Lifecycle::Leaks(leaks.into_iter().map(|n| self.loc(n)).collect())
        }
    }

    /// Whether the function declares `var` `nonlocal` or `global`: the name belongs to an
    /// enclosing scope (a retry callback that stores the span for the loop around it to end), so
    /// the span outlives the function.
    fn outlives_function(&self, function: Node<'_>, var: &str) -> bool {
        own_descendants(function)
            .into_iter()
            .filter(|n| matches!(n.kind(), "nonlocal_statement" | "global_statement"))
            .any(|n| {
                let mut cursor = n.walk();
                let names: Vec<_> = n.named_children(&mut cursor).collect();
                names
                    .into_iter()
                    .any(|name| name.kind() == "identifier" && self.text(name) == var)
            })
    }

    /// Whether the value is returned, stored, passed on or captured by a closure after `stmt`.
    fn handed_off(&self, function: Node<'_>, stmt: Node<'_>, var: &str) -> bool {
        let body = function.field("body").unwrap_or(function);
        for id in super::resolve::descendants(body).filter(|n| {
            n.kind() == "identifier" && n.start_byte() >= stmt.end_byte() && self.text(*n) == var
        }) {
            if self.enclosing_function(id).map(|f| f.id()) != Some(function.id()) {
                return true; // a closure may end it
            }
            let Some(parent) = id.parent() else {
                continue;
            };
            match parent.kind() {
                "attribute" => {}
                "argument_list" => {
                    let Some(call) = parent.parent() else {
                        continue;
                    };
                    let benign = matches!(
                        self.call_role(call),
                        Some(Role::UseSpan | Role::SpanInContext | Role::ContextDetach)
                    );
                    if !benign {
                        return true;
                    }
                }
                "assignment" => {
                    let is_target = parent.field("left").is_some_and(|l| l.id() == id.id());
                    if !is_target {
                        return true;
                    }
                }
                "return_statement" | "yield" | "list" | "tuple" | "dictionary" | "pair"
                | "keyword_argument" | "set" | "expression_list" => return true,
                _ => {}
            }
        }
        false
    }

    /// Whether a condition only tests that the value exists: `if span:`,
    /// `if token is not None:`.
    fn tests_value(&self, condition: Node<'_>, var: &str) -> bool {
        let text = self.text(condition);
        let text = text.trim();
        text == var || text == format!("{var} is not None")
    }

    /// Whether a simple statement ends the value.
    fn ends_in(&self, stmt: Node<'_>, var: &str, ends: Ends) -> bool {
        own_descendants(stmt)
            .into_iter()
            .any(|n| n.kind() == "call" && self.is_end_call(n, var, ends))
    }

    /// Whether a call ends the value: `span.end()`, `context.detach(token)`.
    fn is_end_call(&self, call: Node<'_>, var: &str, ends: Ends) -> bool {
        match ends {
            Ends::Span => self.method_call(call).is_some_and(|(r, m)| {
                r.kind() == "identifier"
                    && self.text(r) == var
                    && self.knowledge.methods.span_end.contains(&m)
            }),
            Ends::Token => {
                self.call_role(call) == Some(Role::ContextDetach)
                    && call_args(call)
                        .first()
                        .is_some_and(|a| a.kind() == "identifier" && self.text(*a) == var)
            }
        }
    }

    /// Whether a `try` statement's `finally:` block ends the value.
    fn finally_ends(&self, try_stmt: Node<'_>, var: &str, ends: Ends) -> bool {
        let mut cursor = try_stmt.walk();
        let finally = try_stmt
            .named_children(&mut cursor)
            .find(|c| c.kind() == "finally_clause");
        finally.is_some_and(|f| self.ends_in(f, var, ends))
    }

    /// Whether a `with` statement ends the span on exit: `with span:`,
    /// `with trace.use_span(span, end_on_exit=True):`.
    fn with_ends(&self, with_stmt: Node<'_>, var: &str, ends: Ends) -> bool {
        if ends != Ends::Span {
            return false;
        }
        let items: Vec<Node<'_>> = super::resolve::descendants(with_stmt)
            .filter(|n| n.kind() == "with_item")
            .filter(|n| {
                n.parent()
                    .and_then(|c| c.parent())
                    .is_some_and(|s| s.id() == with_stmt.id())
            })
            .collect();
        items.into_iter().any(|item| {
            let Some(mut value) = item.field("value") else {
                return false;
            };
            if value.kind() == "as_pattern" {
                match value.named_child(0) {
                    Some(v) => value = v,
                    None => return false,
                }
            }
            if value.kind() == "identifier" {
                return self.text(value) == var;
            }
            value.kind() == "call"
                && self.call_role(value) == Some(Role::UseSpan)
                && call_args(value)
                    .first()
                    .is_some_and(|a| a.kind() == "identifier" && self.text(*a) == var)
                && kwarg(self, value, "end_on_exit").is_some_and(|v| v.kind() == "true")
        })
    }
}

/// Whether a call is the value of a `with` item (`with f() as x:` or `with f():`).
fn in_with_item(call: Node<'_>) -> bool {
    let mut node = call;
    for _ in 0..2 {
        let Some(parent) = node.parent() else {
            return false;
        };
        match parent.kind() {
            "with_item" => return true,
            "as_pattern" => node = parent,
            _ => return false,
        }
    }
    false
}

/// Where a function body falls off its end: its last statement.
fn fall_off(body: Node<'_>) -> Node<'_> {
    body.named_child(body.named_child_count().saturating_sub(1) as u32)
        .unwrap_or(body)
}

/// Python's statements as the exit-path walker sees them, for the value in `var`.
struct PythonStmts<'c, 'a, 't> {
    cx: &'c FileCtx<'a>,
    var: &'c str,
    ends: Ends,
    /// The function the value lives in.
    function: Node<'t>,
}

impl<'t> StmtShape<'t> for PythonStmts<'_, '_, 't> {
    /// `raise` is an exit like `return` ([`Stmt::ReturnValue`]), whatever `except` is around it.
    const THROW_LEAKS: bool = false;
    /// A `try` whose `finally` ends the value, or a `with` that ends it, around the start is
    /// found before the walk (`lifecycle`).
    const COVERS_ON_CLIMB: bool = false;
    /// An exception can leave the body before its end call, unless ending it is the first thing
    /// the body does.
    const CATCH_AFTER_FIRST: bool = true;
    /// Once the span is ended, compound statements are not followed.
    const ENDED_CONTINUES: bool = true;
    const CLIMBS_INTO_BODY: bool = true;

    fn stmt(&self, node: Node<'t>) -> Stmt<'t> {
        // A block or clause standing among statements (error recovery) is scanned like a
        // simple statement.
        let alone = node
            .parent()
            .is_some_and(|p| matches!(p.kind(), "block" | "module"));
        match node.kind() {
            "block"
            | "elif_clause"
            | "else_clause"
            | "except_clause"
            | "except_group_clause"
            | "finally_clause"
                if alone =>
            {
                Stmt::Expr(node)
            }
            // The value runs before the exit: `return span.end()` is not a leak.
            "return_statement" | "raise_statement" => Stmt::ReturnValue(node),
            "block" => Stmt::Block(Seq::all(node)),
            "if_statement" => Stmt::If {
                then: node.field("consequence"),
                otherwise: node.fields("alternative").first().copied(),
            },
            // An `elif` is an `if` whose alternative is the clause after it.
            "elif_clause" => Stmt::If {
                then: node.field("consequence"),
                otherwise: node.parent().and_then(|p| {
                    let alternatives = p.fields("alternative");
                    let at = alternatives.iter().position(|a| a.id() == node.id())?;
                    alternatives.get(at + 1).copied()
                }),
            },
            "else_clause" => match node.field("body") {
                Some(body) => Stmt::Block(Seq::all(body)),
                None => Stmt::Other,
            },
            "try_statement" => {
                let clauses = named_children(node);
                let finally = clauses
                    .iter()
                    .find(|c| c.kind() == "finally_clause")
                    .map(|c| block_in(*c).unwrap_or(*c));
                Stmt::Try {
                    body: node.field("body"),
                    otherwise: clauses.iter().find(|c| c.kind() == "else_clause").copied(),
                    clauses: node,
                    finally,
                }
            }
            "with_statement" => Stmt::Scoped {
                resource: Some(node),
                body: node.field("body"),
            },
            // The body may run zero times; an end inside it is taken to count (precision over
            // recall).
            "for_statement" | "while_statement" => Stmt::LoopOnce {
                body: node.field("body"),
                then: node
                    .field("alternative")
                    .map(|alt| alt.field("body").unwrap_or(alt)),
            },
            "match_statement" => match node.field("body") {
                Some(body) => Stmt::Switch(body),
                None => Stmt::Other,
            },
            "function_definition" | "class_definition" | "decorated_definition" => Stmt::Other,
            // A clause followed in place of its missing block passes control through.
            "except_clause" | "except_group_clause" | "finally_clause" => Stmt::Other,
            // Any simple statement ends the value when an end call appears anywhere in it.
            _ => Stmt::Expr(node),
        }
    }

    fn sequence(&self, node: Node<'t>) -> Option<Seq<'t>> {
        matches!(node.kind(), "block" | "module").then(|| Seq::all(node))
    }

    fn is_statement(&self, node: Node<'t>) -> bool {
        node.kind() != "comment"
    }

    /// Every `case` is an arm; none is taken as the default.
    fn arm(&self, node: Node<'t>) -> Option<Arm<'t>> {
        (node.kind() == "case_clause").then(|| Arm {
            body: node.field("consequence").map(Seq::all),
            default: false,
        })
    }

    fn catch(&self, node: Node<'t>) -> Option<Catch<'t>> {
        matches!(node.kind(), "except_clause" | "except_group_clause").then(|| Catch {
            body: Some(block_in(node).unwrap_or(node)),
        })
    }

    /// A statement ends the value when an end call appears anywhere in it; a `with` (the
    /// resource of its [`Stmt::Scoped`]) when it ends the span on exit.
    fn effect(&self, expr: Node<'t>) -> Effect {
        let ends = if expr.kind() == "with_statement" {
            self.cx.with_ends(expr, self.var, self.ends)
        } else {
            self.cx.ends_in(expr, self.var, self.ends)
        };
        if ends {
            Effect::Ends
        } else {
            Effect::Continues
        }
    }

    /// `if span:` or `if token is not None:` without `else` (the condition of the `if` that
    /// starts the chain of `elif`s).
    fn guards(&self, if_stmt: Node<'t>) -> bool {
        let top = if if_stmt.kind() == "elif_clause" {
            if_stmt.parent()
        } else {
            Some(if_stmt)
        };
        top.and_then(|t| t.field("condition"))
            .is_some_and(|c| self.cx.tests_value(c, self.var))
    }

    /// A `finally:` ends the value when an end call appears anywhere in it.
    fn finally_ends(&self, finally: Node<'t>) -> Option<bool> {
        let clause = match finally.parent() {
            Some(p) if p.kind() == "finally_clause" => p,
            _ => finally,
        };
        Some(self.cx.ends_in(clause, self.var, self.ends))
    }

    fn is_function(&self, node: Node<'t>) -> bool {
        node.id() == self.function.id()
    }
}

/// The named children of a node.
fn named_children(node: Node<'_>) -> Vec<Node<'_>> {
    let mut cursor = node.walk();
    let found = node.named_children(&mut cursor).collect();
    found
}

/// The block of a clause (`except`, `finally`).
fn block_in(clause: Node<'_>) -> Option<Node<'_>> {
    named_children(clause)
        .into_iter()
        .find(|n| n.kind() == "block")
}
