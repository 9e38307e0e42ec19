//! Rust fact extraction (opentelemetry-rust 0.28+, older pipelines, tracing-opentelemetry).
//!
//! One pass over the merged query collects the anchors (`use` declarations, calls, macros,
//! functions, impl blocks, closures, `let` bindings, modules, comments). `use` declarations are
//! bound first, so every callee path resolves to a qualified name that
//! `queries/rust/knowledge.toml` gives a meaning; method calls are read by name and receiver.
//! Then the extractor learns which functions are request handlers (axum routes, actix route
//! attributes, tonic service implementations, hyper `service_fn`s), which extract or inject by
//! hand, and emits the facts: SDK setup ([`setup`]), inbound and outbound sites ([`boundary`]),
//! spans, context guards and fresh contexts ([`spans`]).
//!
//! Rust spans and context guards end when they are dropped, so most lifecycles are fine by
//! construction: the mistakes are dropping them at once (`let _ = ...`, a bare statement) or
//! never (`std::mem::forget`). Code under `#[cfg(test)]` and `#[test]` functions is left out.

mod boundary;
mod names;
mod resolve;
mod setup;
mod spans;

use crate::facts::{Fact, FactKind, FileFacts};
use crate::knowledge::{Knowledge, Role};
use crate::lang::core::anchors::{Adapter, Anchors, Compiled};
use crate::lang::core::summary::{self, FunctionSummary};
use crate::lang::core::{source, SourceFile};
use crate::lang::fields::NodeFields;
use crate::lang::tree::{nodes_within, RangeIndex};
use resolve::{method_call, Imports};
use std::collections::HashSet;
use tree_sitter::{Node, Tree};

/// Rust's query files, embedded.
pub static QUERY_FILES: &[(&str, &str)] = &[
    ("uses.scm", include_str!("../../../queries/rust/uses.scm")),
    ("calls.scm", include_str!("../../../queries/rust/calls.scm")),
    (
        "functions.scm",
        include_str!("../../../queries/rust/functions.scm"),
    ),
    (
        "comments.scm",
        include_str!("../../../queries/rust/comments.scm"),
    ),
];

/// The knowledge roles this extractor reads: its table's entries and a configuration's may use
/// these and no others (a role another language reads is a configuration error, not ignored).
pub const ROLES: &[Role] = &[
    Role::ClientNew,
    Role::ContextAttach,
    Role::DefaultClientCall,
    Role::ExporterConnection,
    Role::FreshContext,
    Role::GlobalPropagator,
    Role::GlobalTracer,
    Role::GrpcClientInstrumentation,
    Role::GrpcServerInstrumentation,
    Role::GrpcServerNew,
    Role::HeaderCarrier,
    Role::HttpServe,
    Role::HttpServerNew,
    Role::InstrumentedTransport,
    Role::PropagatorSet,
    Role::ProviderNew,
    Role::ProviderRegister,
    Role::SdkFromConfig,
    Role::ServerMiddleware,
    Role::SignalNotify,
    Role::TracingBridge,
];

/// Rust's knowledge table, embedded.
pub const KNOWLEDGE: &str = include_str!("../../../queries/rust/knowledge.toml");

crate::lang::core::anchors::captures!(Captures: use_decl = "use", call, macro_call = "macro", function, impl_block = "impl", closure, binding = "let", module = "mod", constant = "const", comment);

/// The deepest nesting at which calls, macros, closures and bindings are analysed.
const MAX_ANCHOR_DEPTH: usize = 200;

/// Rust's side of extraction (see [`crate::lang::core::anchors::Adapter`]).
pub struct Rust;

impl Adapter for Rust {
    type Captures = Captures;

    fn extract(x: &Compiled<Captures>, src: &[u8], tree: &Tree, out: &mut FileFacts) {
        let root = tree.root_node();
        let c = &x.captures;
        let shallow_only = [c.call, c.macro_call, c.closure, c.binding];
        let anchors = Anchors::collect(&x.query, root, src, &shallow_only, MAX_ANCHOR_DEPTH);
        let (calls, functions) = (anchors.nodes(c.call), anchors.nodes(c.function));
        let (impls, comments) = (anchors.nodes(c.impl_block), anchors.nodes(c.comment));
        let mut ctx = FileCtx {
            src,
            knowledge: x.knowledge.as_ref(),
            functions: RangeIndex::new(functions),
            calls: calls.to_vec(),
            imports: Imports::default(),
            test_ranges: Vec::new(),
            handlers: HashSet::new(),
            extracting: HashSet::new(),
            injecting: HashSet::new(),
            defined_fns: HashSet::new(),
            handler_fns: HashSet::new(),
            request_fns: HashSet::new(),
            global_shutdown: false,
            exporter: false,
            crates: HashSet::new(),
            facts: Vec::new(),
        };
        for decl in anchors.nodes(c.use_decl) {
            ctx.imports.bind(*decl, src);
        }
        let written_roots: Vec<String> = calls.iter().filter_map(|c| ctx.callee(*c)).collect();
        out.uses_tracing = ctx
            .imports
            .paths
            .iter()
            .chain(&written_roots)
            .any(|p| ctx.knowledge.is_tracing_import(p));
        ctx.crates = ctx
            .imports
            .paths
            .iter()
            .chain(&written_roots)
            .filter_map(|p| p.split("::").next())
            .map(str::to_string)
            .collect();
        out.generated = comments
            .iter()
            .take(5)
            .any(|c| ctx.text(*c).contains("@generated") || ctx.text(*c).contains("DO NOT EDIT"));
        out.parse_errors = root.has_error();
        ctx.note_tests(anchors.nodes(c.module), functions);

        ctx.learn_functions(calls, functions, impls);
        ctx.string_constants(anchors.nodes(c.constant));
        for call in calls {
            if !ctx.in_test(*call) {
                ctx.call_fact(*call, out.uses_tracing);
            }
        }
        for mac in anchors.nodes(c.macro_call) {
            if !ctx.in_test(*mac) {
                ctx.macro_facts(*mac);
            }
        }
        for function in functions {
            if !ctx.in_test(*function) {
                ctx.function_facts(*function);
            }
        }
        for block in impls {
            if !ctx.in_test(*block) {
                ctx.impl_facts(*block);
            }
        }
        if ctx.global_shutdown {
            ctx.providers_shut_down_globally();
        }
        out.has_entry = functions.iter().any(|f| {
            f.parent().is_some_and(|p| p.kind() == "source_file")
                && f.field("name").is_some_and(|n| ctx.text(n) == "main")
        });
        let facts = std::mem::take(&mut ctx.facts);
        source::finish(out, facts, comments, src, |_, _| None, []);
    }
}

/// Per-file extraction state.
pub(super) struct FileCtx<'a> {
    src: &'a [u8],
    knowledge: &'a Knowledge,
    /// The file's function items by range: the one around a node without climbing parents.
    functions: RangeIndex<'a>,
    /// The file's calls (above the depth limit), in document order: the calls inside a
    /// function are a binary search away.
    calls: Vec<Node<'a>>,
    imports: Imports,
    /// Byte ranges of test code (`#[cfg(test)]` modules, `#[test]` functions).
    test_ranges: Vec<(usize, usize)>,
    /// Names of functions registered as request handlers in this file.
    handlers: HashSet<String>,
    /// Names of functions (and implemented traits) in this file that extract context by hand.
    extracting: HashSet<String>,
    /// Names of functions in this file that inject context by hand.
    injecting: HashSet<String>,
    /// Names of the functions defined in this file.
    defined_fns: HashSet<String>,
    /// Function items (by node id) that serve a request: route handlers, tonic service methods,
    /// functions that take a request.
    handler_fns: HashSet<usize>,
    /// Function items (by node id) in which a trace is in flight.
    request_fns: HashSet<usize>,
    /// Crates the file imports or names in a path (`reqwest::Client::new()`).
    crates: HashSet<String>,
    /// The file implements an exporter (`impl SpanExporter for X`).
    exporter: bool,
    /// The file calls the old `global::shutdown_tracer_provider()`.
    global_shutdown: bool,
    facts: Vec<Fact>,
}

/// What a subtree does to trace context by hand, read once from its calls (see
/// [`FileCtx::propagation`]).
#[derive(Default)]
struct Propagation {
    /// It calls a propagator's `extract` (or `trace_request`).
    extracts: bool,
    /// It calls a propagator's `inject`.
    injects: bool,
    /// The last segment of every path it calls (`helpers::extract_ctx` → `extract_ctx`).
    calls: Vec<String>,
}

impl Propagation {
    /// Whether the subtree extracts (`extract`) or injects: by hand, or by calling a function
    /// in `known` (the file's functions found to do so).
    fn propagates(&self, extract: bool, known: &HashSet<String>) -> bool {
        (if extract { self.extracts } else { self.injects })
            || self.calls.iter().any(|c| known.contains(c))
    }
}

crate::lang::core::source::source_file!(FileCtx);

impl<'a> FileCtx<'a> {
    /// The text under a node, owned: most of this extractor's names become fact fields.
    fn text(&self, node: Node<'_>) -> String {
        SourceFile::text(self, node).into_owned()
    }

    /// Pushes a fact for a method call at its method name (`.route("/x", ...)` in a chain that
    /// starts lines earlier), through the end of the call.
    fn push_at_method(&mut self, call: Node<'_>, kind: FactKind) {
        let mut loc = self.loc(call);
        let field = call
            .field("function")
            .filter(|f| f.kind() == "field_expression")
            .and_then(|f| f.field("field"));
        if let Some(field) = field {
            let start = self.loc(field);
            loc.line = start.line;
            loc.col = start.col;
            loc.start_byte = start.start_byte;
        }
        self.facts.push(Fact { loc, kind });
    }

    /// Whether a call sets tracing up and hands back a guard: a pipeline of the knowledge table
    /// (`init_subscriber()`), or a setup function by its name (`init_tracing`, `logger.init()`),
    /// not a span's `enter()`.
    fn returns_tracing_guard(&self, call: Node<'_>) -> bool {
        let role = self.callee(call).and_then(|q| self.knowledge.role(&q));
        if role == Some(Role::SdkFromConfig) {
            return true;
        }
        let name = match resolve::method_call(call, self.src) {
            Some((_, m)) => m,
            None => self
                .callee(call)
                .map(|q| resolve::last_segment(&q).to_string())
                .unwrap_or_default(),
        };
        self.knowledge
            .methods
            .tracing_guard_setup
            .iter()
            .any(|g| name == *g || name.starts_with(&format!("{g}_")))
    }

    /// Whether the file imports a crate (`axum`, `tonic`, `reqwest`).
    fn imports_crate(&self, krate: &str) -> bool {
        self.crates.contains(krate)
    }

    /// Records the byte ranges of test code.
    fn note_tests(&mut self, modules: &[Node<'_>], functions: &[Node<'_>]) {
        for item in modules.iter().chain(functions) {
            let is_test = resolve::attributes(*item, self.src)
                .iter()
                .any(|(path, attr)| {
                    let full = self.text(*attr);
                    path == "test"
                        || path.ends_with("::test")
                        || (path == "cfg" && full.contains("test") && !full.contains("not(test"))
                });
            if is_test {
                self.test_ranges.push((item.start_byte(), item.end_byte()));
            }
        }
    }

    /// The function item around a node.
    pub(super) fn enclosing_fn(&self, node: Node<'_>) -> Option<Node<'a>> {
        self.functions.enclosing(node)
    }

    /// Whether a node is inside test code.
    fn in_test(&self, node: Node<'_>) -> bool {
        let (s, e) = (node.start_byte(), node.end_byte());
        self.test_ranges.iter().any(|(a, b)| *a <= s && e <= *b)
    }

    /// Learns, before any fact is emitted, which functions are handlers, which extract or
    /// inject by hand, and in which a trace is in flight.
    fn learn_functions(&mut self, calls: &[Node<'a>], functions: &[Node<'a>], impls: &[Node<'a>]) {
        for call in calls {
            self.note_handler(*call);
        }
        // A function that calls an extracting (injecting) helper of the file extracts (injects)
        // too. Each function's calls are read once.
        let summaries: Vec<(String, Propagation)> = functions
            .iter()
            .filter_map(|f| Some((self.text(f.field("name")?), self.propagation(*f))))
            .collect();
        self.defined_fns
            .extend(summaries.iter().map(|(name, _)| name.clone()));
        let closure = |known: &HashSet<String>, direct: fn(&Propagation) -> bool| {
            let mut functions: Vec<FunctionSummary> = summaries
                .iter()
                .map(|(name, p)| FunctionSummary {
                    name: name.clone(),
                    direct: direct(p),
                    calls: p.calls.clone(),
                })
                .collect();
            // Names already known to propagate (implemented traits).
            functions.extend(known.iter().map(|name| FunctionSummary {
                name: name.clone(),
                direct: true,
                calls: Vec::new(),
            }));
            summary::through_calls(&functions)
        };
        let extracting = closure(&self.extracting, |p| p.extracts);
        let injecting = closure(&self.injecting, |p| p.injects);
        self.extracting.extend(extracting);
        self.injecting.extend(injecting);
        let exporter_traits = &self.knowledge.methods.exporter_traits;
        self.exporter = impls.iter().any(|i| {
            i.field("trait").is_some_and(|t| {
                let path = resolve::path_text(t, self.src);
                exporter_traits
                    .iter()
                    .any(|e| e == resolve::last_segment(&path))
            })
        });
        for function in functions {
            if self.is_handler_fn(*function) {
                self.handler_fns.insert(function.id());
                self.request_fns.insert(function.id());
            } else if self.starts_spans(*function) {
                self.request_fns.insert(function.id());
            }
        }
    }

    /// Whether a subtree extracts (`extract`) or injects (`!extract`) context by hand: a
    /// propagator's `extract`/`inject` method, or a call to a helper in this file that does.
    fn propagates(&self, node: Node<'_>, extract: bool) -> bool {
        let known = if extract {
            &self.extracting
        } else {
            &self.injecting
        };
        self.propagation(node).propagates(extract, known)
    }

    /// One pass over a subtree's calls: whether it extracts or injects by hand itself, and
    /// the path calls it makes (candidates for this file's helpers).
    fn propagation(&self, node: Node<'_>) -> Propagation {
        let methods = &self.knowledge.methods;
        let mut summary = Propagation::default();
        for call in nodes_within(&self.calls, node) {
            if let Some((recv, m)) = method_call(call, self.src) {
                let (extract, inject) = (
                    methods.extract_helpers.contains(&m),
                    methods.inject_helpers.contains(&m),
                );
                if (extract || inject)
                    && (m == "trace_request" || self.on_propagator(call, recv, node))
                {
                    summary.extracts |= extract;
                    summary.injects |= inject;
                }
                continue;
            }
            if let Some(path) = self.callee(call) {
                summary.calls.push(resolve::last_segment(&path).to_string());
            }
        }
        summary
    }

    /// Whether `recv.extract(..)`/`recv.inject(..)` goes through a propagator: the receiver is
    /// named like one, or the call sits in a `global::get_text_map_propagator(..)` closure.
    fn on_propagator(&self, call: Node<'_>, recv: Node<'_>, within: Node<'_>) -> bool {
        let recv_text = self.text(recv).to_lowercase();
        if recv_text.contains("propagator") {
            return true;
        }
        let mut n = call.parent();
        while let Some(p) = n {
            if p.kind() == "call_expression"
                && self
                    .callee(p)
                    .is_some_and(|q| self.knowledge.role(&q) == Some(Role::GlobalPropagator))
            {
                return true;
            }
            if p.id() == within.id() {
                break;
            }
            n = p.parent();
        }
        false
    }

    /// Facts from one call.
    fn call_fact(&mut self, call: Node<'_>, tracing: bool) {
        self.called_from_request(call);
        let binds = match method_call(call, self.src) {
            Some((_, m)) => m == "bind",
            None => self
                .callee(call)
                .is_some_and(|q| resolve::last_segment(&q) == "bind"),
        };
        if binds {
            self.listen_fact(call);
        }
        if let Some(q) = self.callee(call) {
            if let Some(role) = self.knowledge.role(&q) {
                self.role_fact(call, role, &q);
                return;
            }
            if self
                .knowledge
                .methods
                .shutdown
                .iter()
                .any(|m| q.ends_with(&format!("global::{m}")))
            {
                self.global_shutdown = true;
                self.push(call, FactKind::GlobalProviderShutdown);
                return;
            }
            if self.grpc_client(call, &q) {
                return;
            }
        }
        if let Some((recv, method)) = method_call(call, self.src) {
            self.method_fact(call, recv, &method, tracing);
        }
    }

    /// Facts from a call to a known function or type.
    fn role_fact(&mut self, call: Node<'_>, role: Role, qualified: &str) {
        match role {
            Role::ProviderNew => self.provider_created(call),
            Role::ProviderRegister => self.push(call, FactKind::ProviderRegistered),
            Role::SdkFromConfig => self.sdk_from_config(call, qualified),
            Role::PropagatorSet => self.propagator_set(call),
            Role::GlobalTracer => self.push(call, FactKind::GlobalTracer),
            Role::GlobalPropagator => self.manual_propagation(call),
            Role::TracingBridge => self.push(
                call,
                FactKind::Instrumentation {
                    what: qualified.to_string(),
                    explicit_provider: true,
                },
            ),
            Role::HttpServe => self.service_fn(call),
            Role::DefaultClientCall => self.default_client_call(call, qualified),
            Role::ClientNew => self.client_built(call),
            Role::FreshContext => self.fresh_context(call),
            Role::ContextAttach => self.guard_made(call),
            Role::SignalNotify => {
                // `ctrl_c()` is SIGINT only; `signal(SignalKind::terminate())` names its kind.
                let signal = match resolve::call_args(call).first() {
                    Some(kind) => self.text(*kind),
                    None => qualified
                        .rsplit("::")
                        .next()
                        .unwrap_or(qualified)
                        .to_string(),
                };
                self.push(
                    call,
                    FactKind::SignalHandled {
                        signals: vec![signal],
                    },
                );
            }
            _ => {}
        }
    }

    /// Facts from a method call.
    fn method_fact(&mut self, call: Node<'_>, recv: Node<'_>, method: &str, tracing: bool) {
        let m = &self.knowledge.methods;
        if m.route.iter().any(|r| r == method) {
            self.route(call, recv);
        } else if m.middleware.iter().any(|r| r == method) {
            self.middleware(call);
        } else if method == "add_service" {
            self.grpc_service(call);
        } else if method == "send" {
            self.client_send(call);
        } else if !tracing {
            // Span and context methods mean OpenTelemetry only where it is imported.
        } else if m.span_start.iter().any(|r| r == method) {
            self.span_started(call, recv, method);
        } else if m.active_span_start.iter().any(|r| r == method) {
            if self.is_tracer(recv) {
                self.in_span(call);
            }
        } else if m.tracer_from_provider.iter().any(|r| r == method) {
            if self.is_provider_value(recv) {
                self.push(call, FactKind::ExplicitTracer);
            }
        } else if m.scope_open.iter().any(|r| r == method) {
            if self.is_context_value(recv) {
                self.guard_made(call);
            }
        } else if (m.extract_helpers.iter().any(|r| r == method)
            || m.inject_helpers.iter().any(|r| r == method))
            && self.text(recv).to_lowercase().contains("propagator")
        {
            self.manual_propagation(call);
        }
    }

    /// Calls made in request code: a trace is in flight inside the callee.
    fn called_from_request(&mut self, call: Node<'_>) {
        let Some(function) = self.enclosing_fn(call) else {
            return;
        };
        if !self.request_fns.contains(&function.id()) {
            return;
        }
        let name = match method_call(call, self.src) {
            Some((_, m)) => Some(m),
            None => self
                .callee(call)
                .map(|p| resolve::last_segment(&p).to_string()),
        };
        if let Some(name) = name {
            self.push(call, FactKind::CalledFromRequest { name });
        }
    }

    /// Facts that belong to a function as a whole: handlers that extract by hand.
    fn function_facts(&mut self, function: Node<'_>) {
        let Some(name) = function.field("name") else {
            return;
        };
        let name = self.text(name);
        if self.extracting.contains(&name) {
            self.push(function, FactKind::HandlerExtracts { name: name.clone() });
        }
        self.attribute_route(function, &name);
        if name == "main" && function.parent().is_some_and(|p| p.kind() == "source_file") {
            self.entry_point_facts(function);
        }
    }

    /// In `main`: a server awaited without a graceful-shutdown future (`axum::serve(..).await`,
    /// tonic's `.serve(addr).await`) runs until the process is killed, so a tracing guard
    /// dropped at the end of `main` never runs unless SIGTERM is handled.
    fn entry_point_facts(&mut self, main: Node<'_>) {
        let Some(body) = main.field("body") else {
            return;
        };
        let methods = &self.knowledge.methods;
        let mut found = Vec::new();
        let mut serving = Vec::new();
        let mut serve_end = None;
        for call in crate::lang::tree::nodes_within(&self.calls, body) {
            if in_closure_within(call, body) {
                continue;
            }
            let serves = match resolve::method_call(call, self.src) {
                Some((_, m)) => methods.blocking_serve.contains(&m),
                None => self
                    .callee(call)
                    .is_some_and(|q| methods.blocking_serve_functions.contains(&q)),
            };
            if !serves {
                continue;
            }
            let (_, chain) = resolve::chain_top(call, self.src);
            if chain
                .iter()
                .any(|(m, _)| methods.graceful_serve.contains(m))
            {
                continue;
            }
            serve_end.get_or_insert(call.end_byte());
            serving.push(call);
        }
        let Some(serve_end) = serve_end else {
            return;
        };
        // A shutdown written after the server (`provider.shutdown()`,
        // `global::shutdown_tracer_provider()`) runs only if the server returns.
        let shutdown = &self.knowledge.methods.shutdown;
        for call in crate::lang::tree::nodes_within(&self.calls, body) {
            if call.start_byte() < serve_end || in_closure_within(call, body) {
                continue;
            }
            let global = self.callee(call).is_some_and(|q| {
                shutdown
                    .iter()
                    .any(|m| q.ends_with(&format!("global::{m}")))
            });
            let receiver = if global {
                Some(String::new())
            } else {
                resolve::method_call(call, self.src)
                    .filter(|(_, m)| shutdown.contains(m))
                    .and_then(|_| call.field("function")?.field("value"))
                    .filter(|r| r.kind() == "identifier")
                    .map(|r| self.text(r))
            };
            if let Some(receiver) = receiver {
                found.push((
                    call,
                    FactKind::ShutdownDeferredInMain {
                        receiver,
                        of_provider: global,
                    },
                ));
            }
        }
        // A guard bound in `main` from the tracing setup (`let _guard = init_tracing()?`): its
        // drop, which shuts the provider down, runs only when `main` returns.
        for binding in
            crate::lang::tree::descendants(body).filter(|n| n.kind() == "let_declaration")
        {
            let guard = binding
                .field("pattern")
                .map(|p| self.text(p))
                .is_some_and(|p| p.starts_with('_') && p.len() > 1 && p.contains("guard"));
            let from_setup = binding.field("value").is_some_and(|v| {
                crate::lang::tree::descendants(v)
                    .filter(|n| n.kind() == "call_expression")
                    .any(|c| self.returns_tracing_guard(c))
            });
            if guard && from_setup {
                let receiver = String::new();
                found.push((
                    binding,
                    FactKind::ShutdownDeferredInMain {
                        receiver,
                        of_provider: false,
                    },
                ));
            }
        }
        for call in serving {
            self.push_at_method(call, FactKind::MainBlocksServing);
        }
        for (node, kind) in found {
            self.push(node, kind);
        }
    }

    /// `impl Greeter for MyGreeter` whose methods extract by hand: the gRPC service `Greeter`
    /// extracts.
    fn impl_facts(&mut self, block: Node<'_>) {
        let Some(tr) = block.field("trait") else {
            return;
        };
        let name = resolve::last_segment(&resolve::path_text(tr, self.src)).to_string();
        if self.propagates(block, true) {
            self.push(block, FactKind::HandlerExtracts { name });
        }
    }
}

/// Whether a node inside `body` sits in a closure or async block there (spawned or deferred: it
/// does not run in `body`'s own order).
fn in_closure_within(node: Node<'_>, body: Node<'_>) -> bool {
    std::iter::successors(node.parent(), |n| n.parent())
        .take_while(|n| n.id() != body.id())
        .any(|a| matches!(a.kind(), "closure_expression" | "async_block"))
}
