//! Java SDK setup: `SdkTracerProvider.builder()` and `OpenTelemetrySdk.builder()` chains, whether
//! the SDK is registered (`buildAndRegisterGlobal()`) and which propagators it carries, and
//! whether anything can close it (a shutdown hook, try-with-resources, an owner it is handed to).

use crate::facts::{FactKind, ProviderHandling};
use crate::knowledge::Role;
use crate::lang::core::SourceFile;
use tree_sitter::Node;

use super::tree::{args, chain_calls, chain_top, descendants, object, within};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// How far a provider is followed through the SDK that owns it.
const MAX_OWNER_DEPTH: usize = 3;

impl<'a> FileCtx<'a> {
    /// `SdkTracerProvider.builder()...build()`: a provider, its buffering and its handling.
    pub(super) fn provider_built(&mut self, call: Node<'a>) {
        let top = chain_top(call);
        let (var, handling) = self.value_handling(top, 0);
        let buffered = self.buffers(top);
        self.push(call, FactKind::provider_created(var, handling, buffered));
    }

    /// Whether a provider chain buffers spans: a batch processor, or a processor it cannot see.
    /// Processors passed by name are read from their declaration in the same method.
    fn buffers(&self, top: Node<'a>) -> bool {
        let mut text = self.text(top).into_owned();
        if let Some(function) = self.functions.enclosing(top) {
            for call in chain_calls(top) {
                if self.name_of(call) != "addSpanProcessor" {
                    continue;
                }
                for arg in args(call).into_iter().filter(|a| a.kind() == "identifier") {
                    let name = self.text(arg);
                    let value = descendants(function).find_map(|n| {
                        (n.kind() == "variable_declarator" && self.name_of(n) == name)
                            .then(|| n.field("value"))
                            .flatten()
                    });
                    match value {
                        Some(v) => text.push_str(&self.text(v)),
                        None => return true,
                    }
                }
            }
        }
        text.contains("BatchSpanProcessor") || !text.contains("SimpleSpanProcessor")
    }

    /// `OpenTelemetrySdk.builder()...`: registration and propagators.
    pub(super) fn sdk_built(&mut self, call: Node<'a>) {
        let top = chain_top(call);
        let calls = chain_calls(top);
        if calls
            .iter()
            .any(|c| self.name_of(*c) == "buildAndRegisterGlobal")
        {
            self.push(call, FactKind::ProviderRegistered);
        }
        let set = calls
            .iter()
            .find(|c| self.name_of(**c) == "setPropagators")
            .copied();
        let finished = calls.iter().any(|c| {
            matches!(
                self.name_of(*c).as_str(),
                "build" | "buildAndRegisterGlobal"
            )
        });
        if let Some(set) = set {
            let formats = self.propagator_formats(set);
            self.push(set, FactKind::PropagatorSet { formats });
        } else if !finished {
            // The builder is kept and finished elsewhere: its propagators cannot be judged.
            self.push(
                call,
                FactKind::PropagatorSet {
                    formats: vec!["unknown".into()],
                },
            );
        }
    }

    /// The wire formats named inside a `setPropagators(...)` call.
    fn propagator_formats(&self, call: Node<'a>) -> Vec<String> {
        let mut formats: Vec<String> = descendants(call)
            .filter(|n| n.kind() == "method_invocation")
            .filter_map(|n| self.propagator_format(n))
            .collect();
        formats.sort();
        formats.dedup();
        formats
    }

    /// The name a built SDK or provider is kept under, and what can shut it down.
    fn value_handling(&self, value: Node<'a>, depth: usize) -> (Option<String>, ProviderHandling) {
        let Some(parent) = value.parent() else {
            return (None, ProviderHandling::Escapes);
        };
        match parent.kind() {
            "variable_declarator" => {
                let var = self.name_of(parent);
                let local = parent
                    .parent()
                    .is_some_and(|d| d.kind() == "local_variable_declaration");
                let handling = if local {
                    self.variable_handling(parent, &var, depth)
                } else {
                    ProviderHandling::Escapes
                };
                (Some(var), handling)
            }
            // try (OpenTelemetrySdk sdk = ...) { }: closed when the block ends.
            "resource" => (Some(self.name_of(parent)), ProviderHandling::ShutdownLocal),
            "argument_list" => (None, self.argument_handling(parent, depth)),
            // A statement of its own: registered by its chain (`buildAndRegisterGlobal()`), or
            // built and thrown away.
            "expression_statement" => {
                let registers = chain_calls(value).iter().any(|c| {
                    self.static_role(*c).map(|(r, _)| r) == Some(Role::ProviderRegister)
                        || self.name_of(*c) == "buildAndRegisterGlobal"
                });
                let handling = if registers {
                    ProviderHandling::Dropped
                } else {
                    ProviderHandling::Unused
                };
                (None, handling)
            }
            "parenthesized_expression" | "cast_expression" => self.value_handling(parent, depth),
            // Returned, assigned to a field, a lambda's value: its owner may shut it down.
            _ => (None, ProviderHandling::Escapes),
        }
    }

    /// A provider or SDK passed as an argument: handed to the SDK that owns it
    /// (`setTracerProvider(tp)`), registered (`GlobalOpenTelemetry.set(sdk)`), or handed on.
    fn argument_handling(&self, list: Node<'a>, depth: usize) -> ProviderHandling {
        let Some(call) = list.parent() else {
            return ProviderHandling::Escapes;
        };
        if call.kind() != "method_invocation" {
            return ProviderHandling::Escapes;
        }
        if self.static_role(call).map(|(r, _)| r) == Some(Role::ProviderRegister) {
            return ProviderHandling::Dropped;
        }
        if self.name_of(call) == "setTracerProvider" && depth < MAX_OWNER_DEPTH {
            let sdk = chain_top(call);
            return self.value_handling(sdk, depth + 1).1;
        }
        ProviderHandling::Escapes
    }

    /// What happens to a local variable holding a provider or SDK after its declaration.
    fn variable_handling(&self, declarator: Node<'a>, var: &str, depth: usize) -> ProviderHandling {
        let Some(function) = self.functions.enclosing(declarator) else {
            return ProviderHandling::Escapes;
        };
        let shutdown = &self.knowledge.methods.shutdown;
        // A local nothing reads after its declaration records nothing.
        let mut handling = ProviderHandling::Unused;
        for id in descendants(function).filter(|n| {
            n.kind() == "identifier"
                && n.start_byte() >= declarator.end_byte()
                && self.text(*n) == var
        }) {
            if handling == ProviderHandling::Unused {
                handling = ProviderHandling::Dropped;
            }
            let Some(parent) = id.parent() else {
                continue;
            };
            match parent.kind() {
                "method_invocation" if object(parent).is_some_and(|o| o.id() == id.id()) => {
                    // `sdk.close()`, `sdk.getSdkTracerProvider().shutdown()`.
                    let top = chain_top(parent);
                    if chain_calls(top)
                        .iter()
                        .any(|c| shutdown.contains(&self.name_of(*c)))
                    {
                        return ProviderHandling::ShutdownLocal;
                    }
                }
                // `sdk::close` in a shutdown hook.
                "method_reference" => {
                    if shutdown
                        .iter()
                        .any(|m| self.text(parent).ends_with(m.as_str()))
                    {
                        return ProviderHandling::ShutdownLocal;
                    }
                    handling = ProviderHandling::Escapes;
                }
                "resource" => return ProviderHandling::ShutdownLocal,
                "argument_list" => {
                    let h = self.argument_handling(parent, depth);
                    if h == ProviderHandling::ShutdownLocal {
                        return h;
                    }
                    if h == ProviderHandling::Escapes {
                        handling = h;
                    }
                }
                "assignment_expression" if parent.field("left").is_some_and(|l| within(id, l)) => {}
                "variable_declarator" | "field_access" | "formal_parameter" => {}
                _ => handling = ProviderHandling::Escapes,
            }
        }
        handling
    }

    /// Whether a call's arguments mention `GlobalOpenTelemetry` (the instrumentation reads the
    /// global SDK rather than one it is handed).
    pub(super) fn takes_global(&self, call: Node<'a>) -> bool {
        let root = super::tree::chain_root(call);
        args(root)
            .iter()
            .chain(args(call).iter())
            .any(|a| self.text(*a).contains("GlobalOpenTelemetry"))
    }
}
