//! Shutdowns handed back as function values: an init function returns a closure that shuts its
//! provider down (`return func(ctx context.Context) { tp.Shutdown(ctx) }`, or the method value
//! `return tp.Shutdown, nil`), and `main` defers calling it (`shutdown, _ := initTracer();
//! defer shutdown(ctx)`). The init function records what calling its result does
//! ([`FactKind::ResultEffect`] with method `()`); `main` records where it calls a function's
//! result ([`FactKind::ResultCall`]); the model links the two, so the deferred call in `main`
//! counts as the provider's deferred shutdown wherever the closure is built.

use crate::facts::FactKind;
use crate::knowledge::Role;
use crate::lang::core::SourceFile;
use crate::lang::fields::NodeFields;
use tree_sitter::Node;

use super::resolve::descendants;
use super::FileCtx;

/// The method name that stands for calling a returned function value itself.
pub(super) const CALL_RESULT: &str = "()";

impl<'a> FileCtx<'a> {
    /// For each function value a named function returns that shuts down one of its tracer
    /// providers: what deferring a call to that value does.
    pub(super) fn returned_shutdowns(&mut self, functions: &[Node<'a>]) {
        // Most files name no shutdown method at all: nothing to look for.
        let mentions = self
            .knowledge
            .methods
            .shutdown
            .iter()
            .any(|m| memchr::memmem::find(self.src, m.as_bytes()).is_some());
        if !mentions {
            return;
        }
        for &function in functions {
            if !matches!(
                function.kind(),
                "function_declaration" | "method_declaration"
            ) {
                continue;
            }
            let name = self.name_of(function);
            if name.is_empty() || name == "main" {
                continue;
            }
            let returned: Vec<(Node<'a>, String)> = descendants(function)
                .filter(|n| n.kind() == "return_statement")
                .filter(|r| self.enclosing_function(*r).map(|f| f.id()) == Some(function.id()))
                .flat_map(|r| returned_values(r))
                .filter_map(|value| Some((value, self.shutdown_in(function, value)?)))
                .collect();
            for (value, receiver) in returned {
                if !self.is_provider_in(function, &receiver) {
                    continue;
                }
                let effect = FactKind::ResultEffect {
                    function: name.clone(),
                    method: CALL_RESULT.into(),
                    then: vec![FactKind::ShutdownDeferredInMain {
                        receiver,
                        of_provider: true,
                    }],
                };
                self.push(value, effect);
            }
        }
    }

    /// The receiver a returned function value shuts down: `tp` in `tp.Shutdown`, in a
    /// `func(..) { .. tp.Shutdown(ctx) .. }`, or — for a closure that calls the functions it
    /// collected (the getting-started `shutdownFuncs` pattern) — in a `tp.Shutdown` method
    /// value the enclosing function collects.
    fn shutdown_in(&self, function: Node<'a>, value: Node<'a>) -> Option<String> {
        let shutdown = &self.knowledge.methods.shutdown;
        let shut = |selector: Node<'a>| -> Option<String> {
            let operand = selector.field("operand")?;
            let field = selector.field("field")?;
            (operand.kind() == "identifier" && shutdown.contains(&self.text(field).into_owned()))
                .then(|| self.text(operand).into_owned())
        };
        match value.kind() {
            "selector_expression" => shut(value),
            "func_literal" => {
                let called = descendants(value)
                    .filter(|n| n.kind() == "call_expression")
                    .filter_map(|call| call.field("function"));
                let mut calls_values = false;
                for callee in called {
                    match callee.kind() {
                        "selector_expression" => {
                            if let Some(receiver) = shut(callee) {
                                return Some(receiver);
                            }
                        }
                        "identifier" => calls_values = true,
                        _ => {}
                    }
                }
                if !calls_values {
                    return None;
                }
                descendants(function)
                    .filter(|n| n.kind() == "selector_expression")
                    .filter(|n| {
                        n.parent().is_some_and(|p| {
                            p.kind() != "call_expression" || p.field("function") != Some(*n)
                        })
                    })
                    .find_map(shut)
            }
            _ => None,
        }
    }

    /// Whether `var` holds a tracer provider in `function`: built there
    /// (`tp := sdktrace.NewTracerProvider(..)`) or registered there (`otel.SetTracerProvider(tp)`).
    fn is_provider_in(&self, function: Node<'a>, var: &str) -> bool {
        descendants(function)
            .filter(|n| n.kind() == "call_expression")
            .any(|call| match self.call_role(call) {
                Some(Role::ProviderNew) => self.binding_name(call).as_deref() == Some(var),
                Some(Role::ProviderRegister) => call
                    .field("arguments")
                    .and_then(|a| a.named_child(0))
                    .is_some_and(|a| a.kind() == "identifier" && self.text(a) == var),
                _ => false,
            })
    }

    /// For `defer shutdown(ctx)` (or `defer func() { _ = shutdown(ctx) }()`) in `main`: the
    /// function whose result `shutdown` holds (`shutdown, err := tracing.Init()` → `Init`).
    pub(super) fn deferred_result_call(
        &self,
        main: Node<'a>,
        deferred: Node<'a>,
    ) -> Option<String> {
        descendants(deferred)
            .filter(|n| n.kind() == "call_expression")
            .filter_map(|call| call.field("function"))
            .filter(|f| f.kind() == "identifier")
            .find_map(|callee| {
                let var = self.text(callee);
                descendants(main)
                    .filter(|n| {
                        n.kind() == "call_expression" && n.end_byte() <= deferred.start_byte()
                    })
                    .filter(|n| self.binding_name(*n).as_deref() == Some(var.as_ref()))
                    .last()
                    .and_then(|init| self.callee_name(init))
            })
    }
}

/// The values a `return` statement gives back.
fn returned_values(ret: Node<'_>) -> Vec<Node<'_>> {
    let Some(list) = ret.named_child(0) else {
        return Vec::new();
    };
    if list.kind() != "expression_list" {
        return vec![list];
    }
    let mut cursor = list.walk();
    list.named_children(&mut cursor).collect()
}
