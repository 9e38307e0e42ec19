//! Python SDK setup: providers and what can shut them down, propagators, tracers,
//! instrumentors and whether they run before the apps, servers and channels they patch, and the
//! program's entry point.

use crate::facts::{Fact, FactKind, ProviderHandling};
use crate::knowledge::Role;
use crate::lang::core::SourceFile;
use tree_sitter::Node;

use super::resolve::{call_args, descendants, kwarg, last_segment};
use super::FileCtx;
use crate::lang::fields::NodeFields;

impl<'a> FileCtx<'a> {
    /// `provider = TracerProvider(...)`. The SDK registers an `atexit` hook that shuts the
    /// provider down (`shutdown_on_exit=True`, the default), so only a provider built with
    /// `shutdown_on_exit=False` needs a shutdown call of its own.
    pub(super) fn provider_created(&mut self, call: Node<'_>) {
        let var = self.binding_name(call);
        let exit_hook = kwarg(self, call, "shutdown_on_exit").is_none_or(|v| v.kind() != "false");
        let handling = if exit_hook {
            ProviderHandling::ShutdownLocal
        } else {
            self.provider_handling(call, var.as_deref())
        };
        let buffered = self.provider_buffers(call, var.as_deref());
        self.push(call, FactKind::provider_created(var, handling, buffered));
    }

    /// Whether anything can shut down a provider built without the exit hook.
    fn provider_handling(&self, call: Node<'_>, var: Option<&str>) -> ProviderHandling {
        let Some(var) = var else {
            // Built inline: registered (nobody keeps it), or passed or returned (escapes).
            let registered = call.parent().is_some_and(|p| {
                p.kind() == "argument_list"
                    && p.parent()
                        .is_some_and(|c| self.call_role(c) == Some(Role::ProviderRegister))
            });
            let discarded = call
                .parent()
                .is_some_and(|p| p.kind() == "expression_statement");
            return if registered || discarded {
                ProviderHandling::Dropped
            } else {
                ProviderHandling::Escapes
            };
        };
        if var.contains('.') {
            return ProviderHandling::Escapes;
        }
        let scope = match self.enclosing_function(call) {
            Some(f) => f,
            None => root_of(call),
        };
        let shutdown = &self.knowledge.methods.shutdown;
        let mut escapes = false;
        for id in descendants(scope).filter(|n| {
            n.kind() == "identifier" && n.start_byte() >= call.end_byte() && self.text(*n) == var
        }) {
            let Some(parent) = id.parent() else {
                continue;
            };
            match parent.kind() {
                "attribute" => {
                    let attr = parent
                        .field("attribute")
                        .map(|a| self.text(a).into_owned())
                        .unwrap_or_default();
                    if shutdown.contains(&attr) {
                        return ProviderHandling::ShutdownLocal;
                    }
                }
                "argument_list" => {
                    let registers = parent
                        .parent()
                        .is_some_and(|c| self.call_role(c) == Some(Role::ProviderRegister));
                    if !registers {
                        escapes = true;
                    }
                }
                "assignment" => {
                    let is_target = parent.field("left").is_some_and(|l| l.id() == id.id());
                    if !is_target {
                        escapes = true;
                    }
                }
                "keyword_argument" | "return_statement" | "list" | "tuple" | "dictionary"
                | "pair" | "yield" => escapes = true,
                _ => {}
            }
        }
        if escapes {
            ProviderHandling::Escapes
        } else {
            ProviderHandling::Dropped
        }
    }

    /// Whether a provider buffers spans: a `BatchSpanProcessor` is added to it, or processors
    /// tracewire cannot see; `SimpleSpanProcessor` alone exports as spans end.
    fn provider_buffers(&self, call: Node<'_>, var: Option<&str>) -> bool {
        let methods = &self.knowledge.methods;
        let Some(var) = var else {
            return true;
        };
        let scope = root_of(call);
        let processors: Vec<String> = descendants(scope)
            .filter(|n| n.kind() == "call")
            .filter_map(|n| {
                let (recv, m) = self.method_call(n)?;
                (m == "add_span_processor" && self.text(recv) == var).then_some(n)
            })
            .filter_map(|n| call_args(n).first().copied())
            .map(|p| {
                let callee = if p.kind() == "call" {
                    p.field("function")
                        .map(|f| self.text(f).into_owned())
                        .unwrap_or_default()
                } else {
                    self.text(p).into_owned()
                };
                last_segment(&callee).to_string()
            })
            .collect();
        if processors.is_empty() {
            return true;
        }
        let all_sync = processors.iter().all(|p| methods.sync_export.contains(p));
        !all_sync
    }

    /// `set_global_textmap(...)`: the formats named in it. An empty composite installs no
    /// propagator at all: the format `none`.
    pub(super) fn propagator_set(&mut self, call: Node<'_>) {
        let mut formats: Vec<String> = descendants(call)
            .filter(|n| matches!(n.kind(), "call" | "identifier" | "attribute"))
            .filter_map(|n| {
                let q = self.resolve(n)?;
                self.knowledge.propagator_format(&q).map(str::to_string)
            })
            .collect();
        formats.sort();
        formats.dedup();
        if formats.is_empty() {
            let empty_composite = call_args(call).first().is_some_and(|arg| {
                arg.kind() == "call"
                    && self.callee(*arg).is_some_and(|q| {
                        last_segment(&q) == "CompositePropagator"
                            && call_args(*arg)
                                .first()
                                .is_some_and(|l| l.kind() == "list" && l.named_child_count() == 0)
                    })
            });
            if empty_composite {
                formats.push("none".into());
            }
        }
        self.push(call, FactKind::PropagatorSet { formats });
    }

    /// `trace.get_tracer(name)` reads the global provider unless given one.
    pub(super) fn global_tracer(&mut self, call: Node<'_>) {
        let explicit = kwarg(self, call, "tracer_provider").is_some() || call_args(call).len() >= 3;
        if explicit {
            self.push(call, FactKind::ExplicitTracer);
        } else {
            self.push(call, FactKind::GlobalTracer);
        }
    }

    /// Whether a receiver is an SDK provider value.
    pub(super) fn is_provider_value(&self, recv: Node<'_>) -> bool {
        self.resolve(recv)
            .is_some_and(|q| self.knowledge.role(&q) == Some(Role::ProviderNew))
    }

    /// `X().instrument()`, `X().instrument_app(app)`, `X.instrument_client(client)`.
    pub(super) fn instrumentor_call(&mut self, call: Node<'_>, class: &str, method: &str) {
        let explicit_provider = kwarg(self, call, "tracer_provider").is_some();
        let instrumentation = FactKind::Instrumentation {
            what: class.to_string(),
            explicit_provider,
        };
        match method {
            "instrument" => {
                self.push(call, instrumentation);
                let libs = self.knowledge.patches(class).unwrap_or(&[]).to_vec();
                for library in libs {
                    self.push(call, FactKind::LibraryPatched { library });
                }
            }
            "instrument_app" => {
                self.push(call, instrumentation);
                let target = call_args(call)
                    .first()
                    .map(|a| self.text(*a).into_owned())
                    .unwrap_or_default();
                self.push(call, FactKind::ServerInstrumented { target });
            }
            "instrument_client" | "instrument_producer" | "instrument_consumer" => {
                self.push(call, instrumentation);
            }
            _ => {}
        }
    }

    /// `OpenTelemetryMiddleware(app)`: the app is wrapped by extracting middleware.
    pub(super) fn server_wrapped(&mut self, call: Node<'_>) {
        let what = self.callee(call).unwrap_or_default();
        self.push(
            call,
            FactKind::Instrumentation {
                what,
                explicit_provider: kwarg(self, call, "tracer_provider").is_some(),
            },
        );
        let target = call_args(call)
            .first()
            .map(|a| self.text(*a).into_owned())
            .unwrap_or_default();
        self.push(call, FactKind::ServerInstrumented { target });
    }

    /// `instrument()` calls that run after the app, server or channel they patch was built, or
    /// after its class was imported by name (the import keeps the unpatched class).
    pub(super) fn too_late_facts(&mut self, calls: &[Node<'_>]) {
        let mut found = Vec::new();
        for &call in calls {
            let Some(callee) = self.callee(call) else {
                continue;
            };
            let Some((class, "instrument")) = callee.rsplit_once('.') else {
                continue;
            };
            let replaced = self.knowledge.replaces(class);
            let wrapped = self.knowledge.wraps_construction(class);
            if replaced.is_empty() && wrapped.is_empty() {
                continue;
            }
            let instrumentation = format!(
                "{}()",
                call.field("function")
                    .map(|f| self.text(f).into_owned())
                    .unwrap_or_default()
            );
            for target in replaced.iter().chain(wrapped) {
                let built = calls.iter().copied().find(|c| {
                    self.callee(*c).as_deref() == Some(target.as_str())
                        && self.runs_before(*c, call, calls)
                        && !self.instrumented_after(*c)
                });
                if let Some(built) = built {
                    found.push(Fact {
                        loc: self.loc(call),
                        kind: FactKind::InstrumentedTooLate {
                            instrumentation: instrumentation.clone(),
                            target: short(&self.text(built)),
                            target_loc: self.loc(built),
                            loaded_before: Vec::new(),
                        },
                    });
                    break;
                }
                if !replaced.contains(target) {
                    continue;
                }
                // `from flask import Flask` before `instrument()`: `Flask(...)` still builds the
                // original class.
                let stale = self.import_sites.iter().find(|s| {
                    s.top_level
                        && &s.qualified == target
                        && s.start < call.start_byte()
                        && !s.name.contains('.')
                });
                let Some(site) = stale else {
                    continue;
                };
                let uses = calls.iter().copied().any(|c| {
                    c.field("function").is_some_and(|f| {
                        f.kind() == "identifier" && self.text(f) == site.name.as_str()
                    }) && !self.instrumented_after(c)
                });
                if uses {
                    let module = target.rsplit_once('.').map_or("", |(m, _)| m);
                    found.push(Fact {
                        loc: self.loc(call),
                        kind: FactKind::InstrumentedTooLate {
                            instrumentation: instrumentation.clone(),
                            target: format!("from {module} import {}", site.name),
                            target_loc: site.loc,
                            loaded_before: Vec::new(),
                        },
                    });
                    break;
                }
            }
        }
        self.facts.extend(found);
    }

    /// Whether construction `built` runs before `instrument`: earlier in the same function or
    /// at module level; or at module level while `instrument` sits in a function that module
    /// code does not call before the construction.
    fn runs_before(&self, built: Node<'_>, instrument: Node<'_>, calls: &[Node<'_>]) -> bool {
        let built_fn = self.enclosing_function(built);
        let instr_fn = self.enclosing_function(instrument);
        match (built_fn, instr_fn) {
            (a, b) if a.map(|f| f.id()) == b.map(|f| f.id()) => {
                built.start_byte() < instrument.start_byte()
            }
            (None, Some(f)) => {
                let Some(name) = f.field("name").map(|n| self.text(n).into_owned()) else {
                    return false;
                };
                let called_first = calls.iter().any(|c| {
                    self.enclosing_function(*c).is_none()
                        && c.start_byte() < built.start_byte()
                        && c.field("function")
                            .is_some_and(|fun| last_segment(&self.text(fun)) == name)
                });
                !called_first
            }
            _ => false,
        }
    }

    /// Whether an app or client built here is instrumented on its own afterwards
    /// (`instrument_app(app)`, `OpenTelemetryMiddleware(app)`, `instrument_client(client)`).
    fn instrumented_after(&self, built: Node<'_>) -> bool {
        let Some(name) = self.binding_name(built) else {
            return false;
        };
        if self.wrapped.contains(&name) {
            return true;
        }
        self.facts.iter().any(|f| match &f.kind {
            FactKind::ServerInstrumented { target } => {
                target == &name || target.starts_with(&format!("{name}."))
            }
            _ => false,
        })
    }

    /// Whether the file is a program entry point: `if __name__ == "__main__":`, a module-level
    /// app or server object that a WSGI/ASGI server runs, or a conventional start-up module.
    pub(super) fn has_entry(&self, root: Node<'_>, calls: &[Node<'_>]) -> bool {
        if self.has_main_guard(root) {
            return true;
        }
        let entry = &self.knowledge.methods.entry_serve;
        calls.iter().any(|c| {
            self.enclosing_function(*c).is_none()
                && self.callee(*c).is_some_and(|q| entry.contains(&q))
        })
    }
}

impl FileCtx<'_> {
    /// Whether the module runs as a program: `if __name__ == "__main__":`.
    pub(super) fn has_main_guard(&self, root: Node<'_>) -> bool {
        let mut cursor = root.walk();
        let found = root.named_children(&mut cursor).any(|n| {
            n.kind() == "if_statement"
                && n.field("condition").is_some_and(|c| {
                    let t = self.text(c);
                    t.contains("__name__") && t.contains("__main__")
                })
        });
        found
    }
}

/// The module node a node belongs to.
fn root_of(node: Node<'_>) -> Node<'_> {
    let mut current = node;
    while let Some(parent) = current.parent() {
        current = parent;
    }
    current
}

/// A construction as written, shortened for a message.
fn short(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 40 {
        return one_line;
    }
    match one_line.split_once('(') {
        Some((callee, _)) => format!("{callee}(...)"),
        None => one_line.chars().take(40).collect(),
    }
}
