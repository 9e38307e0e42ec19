//! Python fact extraction.
//!
//! One pass over the merged query collects the anchors (imports, calls, functions, classes,
//! decorators, bindings, comments). Imports are bound to qualified names first, then the
//! variables that hold constructed values (`app = Flask(__name__)`), so every callee resolves
//! to a qualified name that `queries/python/knowledge.toml` gives a meaning. The extractor then
//! walks the few nodes around each anchor that decide the fact.
//!
//! Python's instrumentation mostly patches libraries process-wide (`FlaskInstrumentor().
//! instrument()`), like Node's: inbound and outbound sites say which library they go through
//! ([`Extraction::Patched`], [`Injection::Patched`]) and the service decides whether that
//! library is patched. The entry point of a program is `if __name__ == "__main__":`, or a
//! module that builds a WSGI/ASGI app or a Django application object at module level (what a
//! server such as gunicorn or uvicorn runs).
//!
//! [`Extraction::Patched`]: crate::facts::Extraction::Patched
//! [`Injection::Patched`]: crate::facts::Injection::Patched

mod address;
mod boundary;
mod names;
mod resolve;
mod setup;
mod spans;

use crate::facts::{Fact, FactKind, FileFacts};
use crate::knowledge::{Knowledge, Role};
use crate::lang::core::anchors::{Adapter, Compiled};
use crate::lang::core::{source, SourceFile};
use crate::lang::fields::NodeFields;
use crate::lang::tree::RangeIndex;
use resolve::{ImportSite, Value, Values};
use std::collections::{HashMap, HashSet};
use tree_sitter::{Node, Tree};

/// Python's query files, embedded.
pub static QUERY_FILES: &[(&str, &str)] = &[
    (
        "imports.scm",
        include_str!("../../../queries/python/imports.scm"),
    ),
    (
        "calls.scm",
        include_str!("../../../queries/python/calls.scm"),
    ),
    (
        "functions.scm",
        include_str!("../../../queries/python/functions.scm"),
    ),
    (
        "assignments.scm",
        include_str!("../../../queries/python/assignments.scm"),
    ),
    (
        "comments.scm",
        include_str!("../../../queries/python/comments.scm"),
    ),
];

/// The knowledge roles this extractor reads: its table's entries and a configuration's may use
/// these and no others (a role another language reads is a configuration error, not ignored).
pub const ROLES: &[Role] = &[
    Role::ClientNew,
    Role::ContextAttach,
    Role::ContextDetach,
    Role::DefaultClientCall,
    Role::FreshContext,
    Role::GlobalPropagator,
    Role::GlobalTracer,
    Role::GrpcClientInstrumentation,
    Role::GrpcDial,
    Role::GrpcServerInstrumentation,
    Role::GrpcServerNew,
    Role::HttpServerNew,
    Role::InstrumentedTransport,
    Role::InvalidSpan,
    Role::MessageClientNew,
    Role::MessageConsumerNew,
    Role::PropagationExtract,
    Role::PropagationInject,
    Role::PropagatorSet,
    Role::ProviderNew,
    Role::ProviderRegister,
    Role::RouteRegister,
    Role::SdkFromConfig,
    Role::ServerWrap,
    Role::SignalNotify,
    Role::SpanInContext,
    Role::UseSpan,
];

/// Python's knowledge table, embedded.
pub const KNOWLEDGE: &str = include_str!("../../../queries/python/knowledge.toml");

crate::lang::core::anchors::captures!(Captures: import, call, function, lambda, decorated, class, decorator, assign, as_pattern, comment);

/// The names the Python extractor recognises beyond its knowledge table (see
/// [`crate::prefilter`]): the `__main__` guard and entry-point file names, test frameworks,
/// manual propagation, framework routing helpers (`add_url_rule`, Django `urlpatterns`),
/// instrumentor calls, message sends, the standard library's request handlers (`do_GET`), and
/// generated gRPC stubs (`…Stub`, `add_…Servicer_to_server`).
pub const PREFILTER_NEEDLES: super::ExtractorNeedles = super::ExtractorNeedles {
    words: &[
        "__main__",
        "__name__",
        "pytest",
        "unittest",
        "extract",
        "inject",
        "add_url_rule",
        "urlpatterns",
        "routes",
        "include",
        "url",
        "view_func",
        "intercept_channel",
        "instrument",
        "instrument_app",
        "instrument_client",
        "instrument_consumer",
        "instrument_producer",
        "send",
        "produce",
        "BaseHTTPRequestHandler",
        "CGIHTTPRequestHandler",
        "SimpleHTTPRequestHandler",
        "django",
        "flask",
        "fastapi",
        "starlette",
        "aiohttp",
    ],
    suffixes: &["Stub", "Servicer_to_server"],
    prefixes: &["do_"],
    file_names: &["__main__.py", "wsgi.py", "asgi.py", "manage.py"],
    message_files: &["_pb2.py", "_pb2.pyi"],
    ..super::ExtractorNeedles::NONE
};

/// Python's side of extraction (see [`crate::lang::core::anchors::Adapter`]).
pub struct Python;

impl Adapter for Python {
    type Captures = Captures;

    fn extract(x: &Compiled<Captures>, src: &[u8], tree: &Tree, out: &mut FileFacts) {
        let root = tree.root_node();
        let c = &x.captures;
        let anchors = x.anchors(root, src);
        let callables = anchors.merged(&[c.function, c.lambda]);
        let (calls, functions) = (anchors.nodes(c.call), anchors.nodes(c.function));
        let (classes, comments) = (anchors.nodes(c.class), anchors.nodes(c.comment));
        let mut ctx = FileCtx {
            src,
            knowledge: x.knowledge.as_ref(),
            imports: HashMap::new(),
            import_sites: Vec::new(),
            values: Values::default(),
            wrapped: HashSet::new(),
            request_functions: HashSet::new(),
            extracting_functions: HashSet::new(),
            injecting_functions: HashSet::new(),
            tracing: false,
            standalone: false,
            facts: Vec::new(),
            parameters: resolve::parameters_of(&callables, src),
            decorators_of: boundary::decorators_of(anchors.nodes(c.decorated)),
            functions: RangeIndex::new(&callables),
            classes: RangeIndex::new(classes),
            calls: calls.to_vec(),
            callees: Vec::new(),
        };
        for stmt in anchors.nodes(c.import) {
            ctx.bind_import(*stmt);
        }
        out.uses_tracing = ctx
            .import_sites
            .iter()
            .any(|s| ctx.knowledge.is_tracing_import(&s.qualified));
        out.test_code = ctx.import_sites.iter().any(|s| {
            let top = s.qualified.split('.').next().unwrap_or("");
            top == "pytest" || top == "unittest"
        });
        ctx.tracing = out.uses_tracing;
        ctx.standalone = !out.uses_tracing && ctx.has_main_guard(root);
        out.generated = is_generated(&out.path, comments, &ctx);
        out.parse_errors = root.has_error();

        for binding in anchors.merged(&[c.assign, c.as_pattern]) {
            ctx.bind_value(binding);
        }
        ctx.callees = ctx.calls.iter().map(|c| ctx.resolve_callee(*c)).collect();
        ctx.string_constants(root);
        for call in calls {
            ctx.note_wrapping(*call);
        }
        for function in functions {
            if ctx.is_request_function(*function) {
                ctx.request_functions.insert(function.id());
            }
            if ctx.extracts_by_hand(*function) {
                if let Some(name) = function.field("name") {
                    let name = ctx.text(name).into_owned();
                    ctx.extracting_functions.insert(name);
                }
            }
        }
        ctx.injecting_functions = ctx.injecting_functions(functions);
        for call in calls {
            ctx.call_fact(*call);
        }
        for decorator in anchors.nodes(c.decorator) {
            ctx.decorator_fact(*decorator);
        }
        for class in classes {
            ctx.class_fact(*class);
        }
        ctx.too_late_facts(calls);
        let file_name = out.path.rsplit('/').next().unwrap_or(&out.path);
        out.has_entry = matches!(
            file_name,
            "__main__.py" | "wsgi.py" | "asgi.py" | "manage.py"
        ) || ctx.has_entry(root, calls);
        let facts = std::mem::take(&mut ctx.facts);
        source::finish(out, facts, comments, src, |_, _| None, []);
    }
}

/// Generated code: protobuf and gRPC stubs.
fn is_generated(path: &str, comments: &[Node<'_>], ctx: &FileCtx<'_>) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.ends_with("_pb2.py")
        || name.ends_with("_pb2_grpc.py")
        || name.ends_with("_pb2.pyi")
        || comments.iter().take(5).any(|c| {
            let t = ctx.text(*c);
            t.contains("Generated by the protocol buffer compiler")
                || t.contains("Generated by the gRPC Python protocol compiler")
                || t.contains("DO NOT EDIT")
        })
}

/// Per-file extraction state.
pub(super) struct FileCtx<'a> {
    src: &'a [u8],
    knowledge: &'a Knowledge,
    /// Local name → qualified name, from every import in the file.
    imports: HashMap<String, String>,
    /// Every name an import binds, in document order.
    import_sites: Vec<ImportSite>,
    /// Variables holding constructed values.
    values: Values,
    /// Names of clients and channels instrumented after construction
    /// (`HTTPXClientInstrumentor.instrument_client(client)`, `intercept_channel(ch, ...)`).
    wrapped: HashSet<String>,
    /// Every function and lambda of the file, by byte range: the enclosing function of a
    /// node is found among them (climbing parents costs a descent from the root per step).
    functions: RangeIndex<'a>,
    /// Classes by range: a call in a class body nested in a function is not the function's own.
    classes: RangeIndex<'a>,
    /// Every call of the file, in document order: the calls inside a function are a binary
    /// search away, not a walk of its subtree.
    calls: Vec<Node<'a>>,
    /// The qualified callee of each of `calls` (same order), filled once the file's imports
    /// and values are bound: most calls are asked about several times.
    callees: Vec<Option<String>>,
    /// Parameter names of each function and lambda, by node id.
    parameters: HashMap<usize, Vec<String>>,
    /// The decorators of each decorated function or class, by the definition's node id.
    decorators_of: HashMap<usize, Vec<Node<'a>>>,
    /// Functions where a trace is in flight: handlers, span-starting functions.
    request_functions: HashSet<usize>,
    /// Names of functions in this file that extract context by hand.
    extracting_functions: HashSet<String>,
    /// Names of functions in this file that inject by hand, directly or through the file's
    /// functions they call (`headers=with_trace({})`).
    injecting_functions: HashSet<String>,
    /// Whether the file imports OpenTelemetry (span method names mean OpenTelemetry spans).
    tracing: bool,
    /// The file is a program of its own (`if __name__ == "__main__":`) that never imports
    /// OpenTelemetry: a tool or test client next to the service, with no trace in flight.
    standalone: bool,
    facts: Vec<Fact>,
}

crate::lang::core::source::source_file!(FileCtx);

impl<'a> FileCtx<'a> {
    /// Records a variable bound to a construction: `x = Known(...)`, `with Known() as x`.
    fn bind_value(&mut self, binding: Node<'_>) {
        let value = match binding.kind() {
            "assignment" => binding.field("right"),
            "as_pattern" => binding.named_child(0),
            _ => None,
        };
        let Some(mut value) = value else {
            return;
        };
        while matches!(value.kind(), "await" | "parenthesized_expression") {
            match value.named_child(0) {
                Some(v) => value = v,
                None => return,
            }
        }
        if value.kind() != "call" {
            return;
        }
        let Some(name) = self.binding_name(value) else {
            return;
        };
        let Some(mut ty) = self.callee(value) else {
            return;
        };
        let mut instrumented = self.subtree_has_role(
            value,
            &[
                Role::InstrumentedTransport,
                Role::GrpcClientInstrumentation,
                Role::ServerWrap,
            ],
        );
        // `ConfluentKafkaInstrumentor.instrument_producer(Producer(conf))`: the wrapped value.
        let method = resolve::last_segment(&ty);
        if matches!(
            method,
            "instrument_producer" | "instrument_consumer" | "instrument_client"
        ) {
            if let Some(inner) = resolve::call_args(value).first() {
                if let Some(inner_ty) = self.resolve(*inner) {
                    ty = inner_ty;
                    instrumented = true;
                }
            }
        }
        let scope = if name.contains('.') {
            0
        } else {
            self.scope_of(binding)
        };
        self.values.bind(scope, &name, Value { ty, instrumented });
    }

    /// Notes clients and channels instrumented after construction.
    fn note_wrapping(&mut self, call: Node<'_>) {
        let Some(callee) = self.callee(call) else {
            return;
        };
        let method = resolve::last_segment(&callee);
        let wraps = match method {
            "instrument_client" | "instrument_producer" | "instrument_consumer" => self
                .knowledge
                .patches(callee.rsplit_once('.').map_or("", |(c, _)| c))
                .is_some(),
            "intercept_channel" => {
                callee == "grpc.intercept_channel"
                    && self.subtree_has_role(call, &[Role::GrpcClientInstrumentation])
            }
            _ => false,
        };
        if wraps {
            if let Some(first) = resolve::call_args(call).first() {
                let name = self.text(*first).into_owned();
                self.wrapped.insert(name);
            }
        }
    }

    /// Facts from one call.
    fn call_fact(&mut self, call: Node<'_>) {
        self.called_from_request(call);
        let callee = self.callee(call);
        if let Some(q) = &callee {
            if let Some(role) = self.knowledge.role(q) {
                self.role_fact(call, role, q);
                return;
            }
            if let Some((class, method)) = q.rsplit_once('.') {
                if self.knowledge.patches(class).is_some() {
                    self.instrumentor_call(call, class, method);
                    return;
                }
            }
            if self.grpc_stub(call, q) {
                return;
            }
        }
        if let Some((recv, method)) = self.method_call(call) {
            self.method_fact(call, recv, &method);
        }
    }

    /// Facts from a call to a known function or class.
    fn role_fact(&mut self, call: Node<'_>, role: Role, qualified: &str) {
        match role {
            Role::ProviderNew => self.provider_created(call),
            Role::ProviderRegister => self.push(call, FactKind::ProviderRegistered),
            Role::SdkFromConfig => self.push(call, FactKind::SdkFromConfig),
            Role::PropagatorSet => self.propagator_set(call),
            Role::GlobalTracer => self.global_tracer(call),
            Role::ServerWrap => self.server_wrapped(call),
            Role::GrpcServerNew => self.grpc_server(call, qualified),
            Role::GrpcDial => self.grpc_channel(call, qualified),
            Role::DefaultClientCall => self.http_call(call, qualified, None),
            Role::RouteRegister => self.route_call(call, qualified),
            Role::MessageConsumerNew => self.consumer(call, qualified),
            Role::PropagationInject => self.push(call, FactKind::ManualInject),
            Role::PropagationExtract => self.manual_extract(call),
            Role::ContextAttach => self.context_attached(call),
            Role::FreshContext => self.fresh_context(call),
            Role::SpanInContext => {
                let invalid = resolve::call_args(call)
                    .first()
                    .is_some_and(|a| self.subtree_has_role(*a, &[Role::InvalidSpan]));
                if invalid {
                    self.fresh_context(call);
                }
            }
            Role::SignalNotify => {
                // `signal.signal(signum, handler)`.
                let signals = resolve::call_args(call)
                    .first()
                    .map(|a| self.text(*a).into_owned())
                    .into_iter()
                    .collect();
                self.push(call, FactKind::SignalHandled { signals });
            }
            _ => {}
        }
    }

    /// Facts from a method call whose callee is not a known function.
    fn method_fact(&mut self, call: Node<'_>, recv: Node<'_>, method: &str) {
        if self.request_hook_call(call, recv, method) {
            return;
        }
        let methods = &self.knowledge.methods;
        if methods.span_start.iter().any(|m| m == method) {
            self.span_started(call, false);
            return;
        }
        if methods.active_span_start.iter().any(|m| m == method) {
            self.span_started(call, true);
            return;
        }
        if (method == "inject" || method == "extract") && self.on_propagator(recv) {
            if method == "inject" {
                self.push(call, FactKind::ManualInject);
            } else {
                self.manual_extract(call);
            }
            return;
        }
        if methods.tracer_from_provider.iter().any(|m| m == method) && self.is_provider_value(recv)
        {
            self.push(call, FactKind::ExplicitTracer);
            return;
        }
        if methods.middleware.iter().any(|m| m == method) {
            let wraps = resolve::call_args(call)
                .first()
                .is_some_and(|a| self.expr_role(*a) == Some(Role::ServerWrap));
            if wraps {
                let target = self.text(recv).into_owned();
                self.push(call, FactKind::ServerInstrumented { target });
            }
            return;
        }
        let recv_ty = self.resolve(recv);
        if let Some(ty) = recv_ty.as_deref() {
            match self.knowledge.role(ty) {
                Some(Role::ClientNew) if methods.client_call.iter().any(|m| m == method) => {
                    self.http_call(call, ty, Some(recv));
                    return;
                }
                Some(Role::MessageClientNew) if matches!(method, "send" | "produce") => {
                    self.producer_send(call, ty, recv);
                    return;
                }
                Some(Role::HttpServerNew) if method == "add_url_rule" => {
                    self.route_method(call, recv, ty);
                    return;
                }
                _ => {}
            }
            // `app.router.add_get("/x", handler)` on an aiohttp application.
            if ty.ends_with(".router") && methods.route.iter().any(|m| m == method) {
                let app = ty.trim_end_matches(".router");
                if self.knowledge.role(app) == Some(Role::HttpServerNew) {
                    self.route_method(call, recv, app);
                }
            }
        }
    }
}
