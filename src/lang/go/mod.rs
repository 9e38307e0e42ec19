//! Go fact extraction.
//!
//! One merged query finds the anchors (imports, calls, composite literals, functions,
//! assignments, comments) in one pass; the extractor resolves each anchor's callee to a
//! qualified name, looks it up in `queries/go/knowledge.toml`, and walks the few nodes around it
//! that decide the fact (the handler argument, the variable a span is bound to, the statements
//! after it).

mod clients;
mod closures;
mod exporter;
mod names;
mod resolve;
mod scope;
mod spans;

use crate::facts::{Extraction, Fact, FactKind, FileFacts, Flow, Injection, Loc, Proto};
use crate::knowledge::{Knowledge, Role};
use crate::lang::address::Piece;
use crate::lang::core::anchors::{Adapter, Compiled};
use crate::lang::core::summary::{self, FunctionSummary};
use crate::lang::core::{source, SourceFile};
use crate::lang::fields::NodeFields;
use crate::lang::tree::nodes_within;
use resolve::{call_args, descendants, FunctionIndex, Imports};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use tree_sitter::{Node, Tree};

/// Go's query files, embedded.
pub static QUERY_FILES: &[(&str, &str)] = &[
    (
        "imports.scm",
        include_str!("../../../queries/go/imports.scm"),
    ),
    ("calls.scm", include_str!("../../../queries/go/calls.scm")),
    (
        "literals.scm",
        include_str!("../../../queries/go/literals.scm"),
    ),
    (
        "functions.scm",
        include_str!("../../../queries/go/functions.scm"),
    ),
    (
        "assignments.scm",
        include_str!("../../../queries/go/assignments.scm"),
    ),
    (
        "comments.scm",
        include_str!("../../../queries/go/comments.scm"),
    ),
];

/// The knowledge roles this extractor reads: its table's entries and a configuration's may use
/// these and no others (a role another language reads is a configuration error, not ignored).
pub const ROLES: &[Role] = &[
    Role::DefaultClient,
    Role::DefaultClientCall,
    Role::DeriveContext,
    Role::ExporterConnection,
    Role::FreshContext,
    Role::GlobalPropagator,
    Role::GlobalTracer,
    Role::GrpcClientInstrumentation,
    Role::GrpcDial,
    Role::GrpcServerInstrumentation,
    Role::GrpcServerNew,
    Role::HardExit,
    Role::HeaderCarrier,
    Role::HttpServe,
    Role::InstrumentedTransport,
    Role::PropagatorSet,
    Role::ProviderInterface,
    Role::ProviderNew,
    Role::ProviderRegister,
    Role::ReattachContext,
    Role::RequestWithContext,
    Role::RequestWithoutContext,
    Role::RouteRegister,
    Role::SdkFromConfig,
    Role::ServerMiddleware,
    Role::ServerWrap,
    Role::SignalNotify,
];

/// Go's knowledge table, embedded.
pub const KNOWLEDGE: &str = include_str!("../../../queries/go/knowledge.toml");

crate::lang::core::anchors::captures!(Captures: package, import, call, literal, function, assign, comment);

/// The names the Go extractor recognises beyond its knowledge table (see
/// [`crate::prefilter`]): the entry point, test imports, manual propagation on any receiver,
/// the default mux, generated gRPC stubs (`Register…Server`, `New…Client`, and `http.Client`
/// literals), and `//nolint:contextcheck`.
pub const PREFILTER_NEEDLES: super::ExtractorNeedles = super::ExtractorNeedles {
    words: &["main", "testing", "Extract", "Inject", "DefaultServeMux"],
    suffixes: &["Client", "Server"],
    substrings: &["nolint"],
    message_files: &[".pb.go"],
    ..super::ExtractorNeedles::NONE
};

/// Go's side of extraction (see [`crate::lang::core::anchors::Adapter`]).
pub struct Go;

impl Adapter for Go {
    type Captures = Captures;

    fn extract(x: &Compiled<Captures>, src: &[u8], tree: &Tree, out: &mut FileFacts) {
        let root = tree.root_node();
        let c = &x.captures;
        let anchors = x.anchors(root, src);
        let (calls, functions) = (anchors.nodes(c.call), anchors.nodes(c.function));
        let mut ctx = FileCtx {
            src,
            knowledge: x.knowledge.as_ref(),
            imports: Imports::default(),
            facts: Vec::new(),
            functions: FunctionIndex::new(functions),
            request_contexts: RefCell::default(),
            starts_span: RefCell::default(),
            injects: RefCell::default(),
            injecting_functions: HashSet::new(),
            exporter_connection_in_file: false,
            field_writes: std::cell::OnceCell::new(),
            file_bindings: std::cell::OnceCell::new(),
        };
        for import in anchors.nodes(c.import) {
            let path = import.field("path").map(|p| ctx.text(p));
            let alias = import.field("name").map(|a| ctx.text(a));
            if let Some(path) = path {
                ctx.imports
                    .add(path.trim_matches(['"', '`']), alias.as_deref());
            }
        }
        let package = anchors
            .nodes(c.package)
            .last()
            .and_then(|p| p.named_child(0))
            .map(|n| ctx.text(n).into_owned());
        ctx.exporter_connection_in_file = calls
            .iter()
            .any(|c| ctx.call_role(*c) == Some(Role::ExporterConnection));
        out.uses_tracing = ctx
            .imports
            .paths()
            .any(|p| ctx.knowledge.is_tracing_import(p));
        out.has_entry = package.as_deref() == Some("main")
            && functions
                .iter()
                .any(|f| f.kind() == "function_declaration" && ctx.name_of(*f) == "main");
        let comments = anchors.nodes(c.comment);
        out.generated = out.path.ends_with(".pb.go")
            || comments.iter().any(|c| {
                let t = ctx.text(*c);
                t.starts_with("// Code generated") && t.contains("DO NOT EDIT")
            });
        out.package = package;
        out.parse_errors = root.has_error();
        out.test_code = ctx.imports.paths().any(|p| p == "testing");

        ctx.injecting_functions = ctx.injecting_functions(calls, functions);
        let mut called_from_request = std::collections::BTreeSet::new();
        for call in calls {
            ctx.call_fact(*call);
            if let Some(name) = ctx.callee_name(*call) {
                if !called_from_request.contains(&name) && ctx.request_context(*call).is_some() {
                    called_from_request.insert(name);
                }
            }
        }
        for literal in anchors.nodes(c.literal) {
            ctx.literal_fact(*literal);
        }
        ctx.string_constants(root);
        for assign in anchors.nodes(c.assign) {
            ctx.assignment_fact(*assign);
        }
        ctx.returned_shutdowns(functions);
        for function in functions {
            if function.kind() == "function_declaration" && ctx.name_of(*function) == "main" {
                ctx.entry_point_facts(*function);
            }
        }
        let facts = std::mem::take(&mut ctx.facts);
        source::finish(
            out,
            facts,
            comments,
            src,
            contextcheck_nolint,
            called_from_request,
        );
    }
}

/// Per-file extraction state.
pub(super) struct FileCtx<'a> {
    src: &'a [u8],
    knowledge: &'a Knowledge,
    imports: Imports,
    facts: Vec<Fact>,
    functions: FunctionIndex<'a>,
    /// Per function (by node id): how request code reaches the request's context.
    request_contexts: RefCell<HashMap<usize, Option<String>>>,
    /// Per function (by node id): whether it starts a span.
    starts_span: RefCell<HashMap<usize, bool>>,
    /// Per function (by node id): whether it injects context by hand.
    injects: RefCell<HashMap<usize, bool>>,
    /// Names of the file's functions that inject by hand, directly or through the file's
    /// functions they call (`addTrace(ctx, req)`).
    injecting_functions: HashSet<String>,
    /// The file hands a connection to an exporter (`otlptracegrpc.WithGRPCConn`).
    exporter_connection_in_file: bool,
    /// Where the file may write each struct field (see `FileCtx::field_writes`).
    field_writes: std::cell::OnceCell<HashMap<String, Vec<Node<'a>>>>,
    /// Every name the file binds, for `FileCtx::local_binding`.
    file_bindings: std::cell::OnceCell<crate::lang::tree::FileBindings<'a>>,
}

/// The `(name, value)` pairs a Go node binds: `addr := ...`, `addr = ...`, `var addr = ...`,
/// `const addr = ...`.
fn go_bindings(node: Node<'_>) -> Vec<(Node<'_>, Option<Node<'_>>)> {
    let (left, right) = match node.kind() {
        "short_var_declaration" | "assignment_statement" => {
            (node.field("left"), node.field("right"))
        }
        "var_spec" | "const_spec" => (Some(node), node.field("value")),
        _ => return Vec::new(),
    };
    let (Some(left), Some(right)) = (left, right) else {
        return Vec::new();
    };
    let mut cursor = left.walk();
    let names: Vec<Node<'_>> = left
        .named_children(&mut cursor)
        .filter(|n| n.kind() == "identifier")
        .collect();
    let mut cursor = right.walk();
    let values: Vec<Node<'_>> = right.named_children(&mut cursor).collect();
    names
        .into_iter()
        .enumerate()
        .map(|(i, n)| (n, values.get(i).copied()))
        .collect()
}

crate::lang::core::source::source_file!(FileCtx);

impl<'a> FileCtx<'a> {
    /// The text of a string literal argument, unquoted.
    fn string_literal(&self, node: Node<'a>) -> Option<String> {
        matches!(
            node.kind(),
            "interpreted_string_literal" | "raw_string_literal"
        )
        .then(|| self.text(node).trim_matches(['"', '`']).to_string())
    }

    /// Facts from one call expression.
    fn call_fact(&mut self, call: Node<'a>) {
        let function = match call.field("function") {
            Some(f) => f,
            None => return,
        };
        if let Some(qualified) = self.qualify(function) {
            let knowledge = self.knowledge;
            if let Some(client) = knowledge.fluent_client(&qualified) {
                self.fluent_client_built(call, client);
                return;
            }
            self.instrumentation_named(call, &qualified);
            self.exporter_transport_fact(call, &qualified);
            if let Some(role) = self.knowledge.role(&qualified) {
                self.role_fact(call, role, &qualified);
                return;
            }
            self.generated_stub_fact(call, &qualified);
        }
        if let Some((receiver, method)) = self.method_call(call) {
            self.method_fact(call, receiver, &method);
        }
    }

    /// Facts from a call to a known package function.
    fn role_fact(&mut self, call: Node<'a>, role: Role, qualified: &str) {
        let args = call_args(call);
        match role {
            Role::ProviderNew => {
                let var = self.binding_name(call);
                let handling = self.provider_handling(call, var.as_deref());
                let methods = &self.knowledge.methods;
                let options: Vec<String> = descendants(call)
                    .filter(|n| n.kind() == "call_expression")
                    .filter_map(|n| self.callee_name(n))
                    .collect();
                let only_sync = options.iter().any(|o| methods.sync_export.contains(o))
                    && !options
                        .iter()
                        .any(|o| methods.batch_export.contains(o) || o == "WithSpanProcessor");
                self.push(call, FactKind::provider_created(var, handling, !only_sync));
            }
            Role::ProviderRegister => self.push(call, FactKind::ProviderRegistered),
            Role::SdkFromConfig => self.push(call, FactKind::SdkFromConfig),
            Role::PropagatorSet => {
                let formats = self.propagator_formats(call);
                self.push(call, FactKind::PropagatorSet { formats });
            }
            Role::GlobalTracer => self.push(call, FactKind::GlobalTracer),
            Role::ServerWrap | Role::ServerMiddleware => {
                self.instrumentation(call, qualified);
                if !self.is_route_handler_argument(call) {
                    let target = args
                        .first()
                        .filter(|_| role == Role::ServerWrap)
                        .map(|a| self.text(*a).into_owned())
                        .unwrap_or_default();
                    self.push(call, FactKind::ServerInstrumented { target });
                }
            }
            Role::GrpcServerInstrumentation
            | Role::GrpcClientInstrumentation
            | Role::InstrumentedTransport => self.instrumentation(call, qualified),
            Role::RouteRegister => {
                let route = args.first().and_then(|a| self.string_literal(*a));
                let extraction = args
                    .get(1)
                    .map(|h| self.classify_handler(*h))
                    .unwrap_or(Extraction::Unknown);
                self.push(
                    call,
                    FactKind::inbound(
                        Proto::Http,
                        route,
                        Some("http.DefaultServeMux".into()),
                        extraction,
                    ),
                );
            }
            Role::GrpcServerNew => {
                let extraction = match self.grpc_options(call, Role::GrpcServerInstrumentation) {
                    Injection::Instrumented => Extraction::Instrumented,
                    Injection::Unknown => Extraction::Unknown,
                    _ => Extraction::None,
                };
                self.push(call, FactKind::inbound(Proto::Grpc, None, None, extraction));
            }
            Role::GrpcDial => {
                // The exporter's own connection must stay uninstrumented: not judged here.
                let to_collector = self.exporter_connection_in_file
                    || args
                        .first()
                        .and_then(|a| self.string_literal(*a))
                        .is_some_and(|t| t.ends_with(":4317"));
                let injection = if to_collector {
                    Injection::Unknown
                } else {
                    self.grpc_options(call, Role::GrpcClientInstrumentation)
                };
                self.push(
                    call,
                    FactKind::outbound(
                        Proto::Grpc,
                        self.text(function_of(call)).into_owned(),
                        injection,
                        self.flow(call),
                    ),
                );
            }
            Role::DefaultClientCall => {
                self.push(
                    call,
                    FactKind::outbound(
                        Proto::Http,
                        self.text(function_of(call)).into_owned(),
                        self.unless_injected_by_hand(call, Injection::DefaultClient),
                        self.flow(call),
                    ),
                );
                self.request_without_context(call, None);
                self.http_call_to(call, 0);
            }
            Role::FreshContext => self.fresh_context(call),
            Role::RequestWithContext => self.http_call_to(call, 2),
            Role::RequestWithoutContext => {
                self.http_call_to(call, 1);
                self.request_without_context(call, None);
            }
            Role::SignalNotify => {
                // `Notify(c, sigs...)`, `NotifyContext(ctx, sigs...)`: no signals means all.
                let signals = args
                    .iter()
                    .skip(1)
                    .map(|a| self.text(*a).into_owned())
                    .collect();
                self.push(call, FactKind::SignalHandled { signals });
            }
            Role::HttpServe => {
                // `http.ListenAndServe(":7777", nil)`: the port it listens on.
                self.listens(call, 0);
            }
            Role::DefaultClient
            | Role::DeriveContext
            | Role::HeaderCarrier
            | Role::GlobalPropagator
            | Role::HardExit
            | Role::ExporterConnection
            | Role::ReattachContext
            | Role::ProjectDeploy
            | Role::HttpClientRegister
            | Role::ProviderInterface => {}
            // JavaScript roles; not in Go's table.
            Role::SdkNew
            | Role::BrowserProviderNew
            | Role::InstrumentationRegister
            | Role::HttpServerNew
            | Role::FetchCall
            | Role::MessagingClientNew => {}
            // C# roles; not in Go's table.
            Role::HostedProvider
            | Role::BareHttpServer
            | Role::MessageProduce
            | Role::MessageConsume
            | Role::MessageClientNew
            | Role::InstrumentedMessageClient => {}
            // Java roles; not in Go's table.
            Role::SdkBuilder
            | Role::ClientNew
            | Role::MessageConsumerNew
            | Role::PropagationInject
            | Role::PropagationExtract
            | Role::ContextAttach
            | Role::ContextDetach
            | Role::UseSpan
            | Role::SpanInContext
            | Role::InvalidSpan
            | Role::TracingBridge => {}
        }
    }

    /// Facts from a method call on a value.
    fn method_fact(&mut self, call: Node<'a>, receiver: Node<'a>, method: &str) {
        if self.fluent_send(call, method) {
            return;
        }
        let methods = &self.knowledge.methods;
        let args = call_args(call);
        if methods.blocking_serve.iter().any(|m| m == method) && args.len() == 1 {
            // `r.Run(":8080")`, `e.Start(":1236")`.
            self.listens(call, 0);
        }
        if methods.route.iter().any(|m| m == method) && args.len() >= 2 {
            // A literal path, or one computed from a prefix (`base + "/cart"`).
            let route = args.first().and_then(|a| {
                self.string_literal(*a)
                    .or_else(|| crate::lang::address::computed_route(&self.url_pieces(*a, 0)))
            });
            if let Some(route) = route {
                if is_route_pattern(&route) {
                    let handler = *args.last().expect("len checked");
                    let extraction = self.classify_handler(handler);
                    self.push(
                        call,
                        FactKind::inbound(
                            Proto::Http,
                            Some(route),
                            Some(self.text(receiver).into_owned()),
                            extraction,
                        ),
                    );
                    return;
                }
            }
        }
        if methods.tracer_from_provider.iter().any(|m| m == method) && !args.is_empty() {
            self.push(call, FactKind::ExplicitTracer);
            return;
        }
        if methods.span_start.iter().any(|m| m == method) && args.len() >= 2 {
            self.span_started(call);
            self.span_named(call);
            return;
        }
        if method == "Extract" || method == "Inject" {
            if self.is_manual_propagation(call, receiver) {
                if method == "Extract" {
                    self.push(call, FactKind::ManualExtract);
                    if let Some(f) = self.enclosing_function(call) {
                        let name = self.name_of(f);
                        if !name.is_empty() {
                            self.push(call, FactKind::HandlerExtracts { name });
                        }
                    }
                } else {
                    self.push(call, FactKind::ManualInject);
                }
            }
            return;
        }
        let arity_fits = methods
            .client_call_arity
            .get(method)
            .is_none_or(|n| *n == args.len());
        if methods.client_call.iter().any(|m| m == method) && arity_fits {
            let default_client = self
                .qualify(receiver)
                .and_then(|q| self.knowledge.role(&q))
                .is_some_and(|r| r == Role::DefaultClient);
            let key = if default_client {
                None
            } else {
                match resolve::last_name(&self.text(receiver)) {
                    Some(key) => Some(key),
                    None => return,
                }
            };
            let injection = match &key {
                None => Injection::DefaultClient,
                Some(k) => Injection::Client(k.clone()),
            };
            let injection = self.unless_injected_by_hand(call, injection);
            self.push(
                call,
                FactKind::outbound(
                    Proto::Http,
                    self.text(function_of(call)).into_owned(),
                    injection,
                    self.flow(call),
                ),
            );
            // `client.Get(url)` and friends build their request without a context.
            if method != "Do" {
                self.request_without_context(call, key);
            }
        }
    }

    /// The innermost function around a node.
    fn enclosing_function(&self, node: Node<'a>) -> Option<Node<'a>> {
        self.functions.enclosing(node)
    }

    /// The last name of a call's callee as written (`helper`, `s.fetch` → `fetch`).
    fn callee_name(&self, call: Node<'a>) -> Option<String> {
        let function = function_of(call);
        match function.kind() {
            "identifier" => Some(self.text(function).into_owned()),
            "selector_expression" => function.field("field").map(|f| self.text(f).into_owned()),
            _ => None,
        }
    }

    /// Whether a trace can be in flight at a call: a request's context in scope or a span
    /// started in the same function; otherwise the enclosing function's name, for the model to
    /// match against the functions request code calls.
    fn flow(&self, call: Node<'a>) -> Flow {
        if self.request_context(call).is_some() {
            return Flow::Request;
        }
        let Some(function) = self.enclosing_function(call) else {
            return Flow::Detached;
        };
        let starts_span = *self
            .starts_span
            .borrow_mut()
            .entry(function.id())
            .or_insert_with(|| {
                descendants(function).any(|n| {
                    n.kind() == "call_expression"
                        && call_args(n).len() >= 2
                        && self
                            .method_call(n)
                            .is_some_and(|(_, m)| self.knowledge.methods.span_start.contains(&m))
                })
            });
        if starts_span {
            return Flow::Request;
        }
        match self.name_of(function) {
            name if name.is_empty() || name == "main" || name == "init" => Flow::Detached,
            name => Flow::Function(name),
        }
    }

    /// A call's injection, unless the function around it injects context by hand
    /// (`otel.GetTextMapPropagator().Inject(ctx, propagation.HeaderCarrier(req.Header))`).
    fn unless_injected_by_hand(&self, call: Node<'a>, injection: Injection) -> Injection {
        let injects = self.enclosing_function(call).is_some_and(|f| {
            self.injects_directly(f) || self.injecting_functions.contains(&self.name_of(f))
        });
        if injects {
            Injection::Manual
        } else {
            injection
        }
    }

    /// Whether a function's own body injects by hand (`propagator.Inject(ctx, carrier)`).
    fn injects_directly(&self, function: Node<'a>) -> bool {
        if let Some(known) = self.injects.borrow().get(&function.id()) {
            return *known;
        }
        let found = descendants(function)
            .any(|n| n.kind() == "call_expression" && self.is_manual_inject(n))
            || crate::lang::core::headers::writes_trace_header(function, self.src);
        self.injects.borrow_mut().insert(function.id(), found);
        found
    }

    /// Whether a call is a propagator's `Inject`.
    fn is_manual_inject(&self, call: Node<'a>) -> bool {
        self.method_call(call)
            .is_some_and(|(recv, m)| m == "Inject" && self.is_manual_propagation(call, recv))
    }

    /// The file's functions that inject by hand, directly or through the file's functions they
    /// call; empty (and nothing walked) when the file never injects.
    fn injecting_functions(&self, calls: &[Node<'a>], functions: &[Node<'a>]) -> HashSet<String> {
        if !calls.iter().any(|c| self.is_manual_inject(*c)) {
            return HashSet::new();
        }
        let summaries: Vec<FunctionSummary> = functions
            .iter()
            .filter(|f| matches!(f.kind(), "function_declaration" | "method_declaration"))
            .map(|f| FunctionSummary {
                name: self.name_of(*f),
                direct: self.injects_directly(*f),
                calls: nodes_within(calls, *f)
                    .filter_map(|c| self.callee_name(c))
                    .collect(),
            })
            .collect();
        summary::through_calls(&summaries)
    }

    /// Generated gRPC stubs: `pb.RegisterCartServiceServer(s, impl)` serves `CartService`,
    /// `pb.NewCartServiceClient(conn)` calls it.
    fn generated_stub_fact(&mut self, call: Node<'a>, qualified: &str) {
        let member = qualified.rsplit('.').next().unwrap_or("");
        let args = call_args(call).len();
        if let Some(service) = member
            .strip_prefix("Register")
            .and_then(|m| m.strip_suffix("Server"))
            .filter(|s| !s.is_empty() && args == 2)
        {
            self.push(
                call,
                FactKind::GrpcServiceServed {
                    service: service.to_string(),
                },
            );
        } else if let Some(service) = member
            .strip_prefix("New")
            .and_then(|m| m.strip_suffix("Client"))
            .filter(|s| !s.is_empty() && args == 1)
        {
            self.push(
                call,
                FactKind::GrpcServiceCalled {
                    service: service.to_string(),
                },
            );
        }
    }

    /// A server listening on the address in argument `index`, when it names a port.
    fn listens(&mut self, call: Node<'a>, index: usize) {
        let Some(&addr) = call_args(call).get(index) else {
            return;
        };
        let pieces = self.url_pieces(addr, 0);
        if let Some(fact) = crate::lang::address::listen_fact(&pieces, None) {
            self.push(call, fact);
        }
    }

    /// An HTTP request to the URL in argument `index`, when its host is a literal or an
    /// environment variable.
    fn http_call_to(&mut self, call: Node<'a>, index: usize) {
        let Some(&url) = call_args(call).get(index) else {
            return;
        };
        let pieces = self.url_pieces(url, 0);
        if let Some(fact) = crate::lang::address::http_target(&pieces) {
            self.push(call, fact);
        }
    }

    /// How a URL expression is built: literals, `os.Getenv` reads, `+` and `fmt.Sprintf`, and
    /// local variables bound to such expressions earlier in the function.
    fn url_pieces(&self, expr: Node<'a>, depth: usize) -> Vec<Piece> {
        if depth > 4 {
            return vec![Piece::Other];
        }
        match expr.kind() {
            "interpreted_string_literal" | "raw_string_literal" => {
                vec![Piece::Lit(self.string_literal(expr).unwrap_or_default())]
            }
            "parenthesized_expression" => match expr.named_child(0) {
                Some(inner) => self.url_pieces(inner, depth + 1),
                None => vec![Piece::Other],
            },
            "binary_expression" if expr.field("operator").is_some_and(|o| self.text(o) == "+") => {
                let (Some(left), Some(right)) = (expr.field("left"), expr.field("right")) else {
                    return vec![Piece::Other];
                };
                let mut out = self.url_pieces(left, depth + 1);
                out.extend(self.url_pieces(right, depth + 1));
                out
            }
            "call_expression" => {
                let qualified = expr.field("function").and_then(|f| self.qualify(f));
                let args = call_args(expr);
                match qualified.as_deref() {
                    Some(q) if self.knowledge.is_env_read(q) => {
                        match args.first().and_then(|a| self.string_literal(*a)) {
                            Some(var) => vec![Piece::Env(var)],
                            None => vec![Piece::Other],
                        }
                    }
                    Some("fmt.Sprintf") => {
                        let Some(format) = args.first().and_then(|a| self.string_literal(*a))
                        else {
                            return vec![Piece::Other];
                        };
                        let rest = args[1..].iter().map(|a| self.url_pieces(*a, depth + 1));
                        crate::lang::address::printf_pieces(&format, rest)
                    }
                    // `flag.String("server", "http://localhost:7777/hello", "...")`: the
                    // default, what the program uses unless its command line says otherwise.
                    Some("flag.String") if args.len() == 3 => self.url_pieces(args[1], depth + 1),
                    _ => vec![Piece::Other],
                }
            }
            "identifier" => match self.local_binding(expr) {
                Some(value) => self.url_pieces(value, depth + 1),
                None => vec![Piece::Other],
            },
            "selector_expression" => self.field_pieces(expr, depth),
            // `*server`, a flag's value.
            "unary_expression" if expr.field("operator").is_some_and(|o| self.text(o) == "*") => {
                match expr.field("operand") {
                    Some(operand) => self.url_pieces(operand, depth + 1),
                    None => vec![Piece::Other],
                }
            }
            _ => vec![Piece::Other],
        }
    }

    /// A struct field read (`cs.shippingAddr`) whose one binding in the file is an assignment
    /// (`svc.shippingAddr = os.Getenv("SHIPPING_ADDR")`), a keyed literal
    /// (`server{shippingAddr: ...}`) or a helper of the file that reads the environment into it
    /// (`mustMapEnv(&svc.shippingAddr, "SHIPPING_ADDR")`).
    fn field_pieces(&self, selector: Node<'a>, depth: usize) -> Vec<Piece> {
        let Some(field) = selector.field("field") else {
            return vec![Piece::Other];
        };
        let field = self.text(field);
        let Some(root) = crate::lang::tree::root_of(selector) else {
            return vec![Piece::Other];
        };
        let is_field = |n: Node<'a>| {
            n.kind() == "selector_expression"
                && n.field("field").is_some_and(|f| self.text(f) == field)
        };
        let mut bindings: Vec<Vec<Piece>> = Vec::new();
        let writes = self.field_writes(root);
        for &node in writes.get(field.as_ref()).map(Vec::as_slice).unwrap_or(&[]) {
            match node.kind() {
                "assignment_statement" => {
                    let (Some(left), Some(right)) = (node.field("left"), node.field("right"))
                    else {
                        continue;
                    };
                    let mut cursor = left.walk();
                    let targets: Vec<Node<'a>> = left.named_children(&mut cursor).collect();
                    let mut cursor = right.walk();
                    let values: Vec<Node<'a>> = right.named_children(&mut cursor).collect();
                    for (i, t) in targets.iter().enumerate() {
                        if is_field(*t) {
                            bindings.push(match values.get(i) {
                                Some(v) => self.url_pieces(*v, depth + 1),
                                None => vec![Piece::Other],
                            });
                        }
                    }
                }
                "keyed_element" => {
                    let mut cursor = node.walk();
                    let parts: Vec<Node<'a>> = node.named_children(&mut cursor).collect();
                    let key = parts.first().map(|k| self.text(*k));
                    if key.as_deref().map(|k| k.trim()) == Some(field.as_ref()) {
                        bindings.push(match parts.get(1) {
                            Some(v) => {
                                let value = match v.kind() {
                                    "literal_element" => v.named_child(0).unwrap_or(*v),
                                    _ => *v,
                                };
                                self.url_pieces(value, depth + 1)
                            }
                            None => vec![Piece::Other],
                        });
                    }
                }
                "call_expression" => {
                    let args = call_args(node);
                    let into_field = args.iter().any(|a| {
                        a.kind() == "unary_expression" && a.field("operand").is_some_and(is_field)
                    });
                    if !into_field {
                        continue;
                    }
                    let var = args.iter().find_map(|a| self.string_literal(*a));
                    let reads_env = self
                        .callee_name(node)
                        .is_some_and(|name| self.file_function_reads_env(root, &name));
                    bindings.push(match var {
                        Some(var) if reads_env => vec![Piece::Env(var)],
                        _ => vec![Piece::Other],
                    });
                }
                _ => {}
            }
        }
        match bindings.len() {
            1 => bindings.pop().unwrap_or_default(),
            _ => vec![Piece::Other],
        }
    }

    /// The file's places that may write a struct field, by field name (one walk of the file,
    /// kept for every later read): assignments to `x.field`, keyed literal elements
    /// `field: ...`, and calls handed `&x.field`.
    fn field_writes(&self, root: Node<'a>) -> &HashMap<String, Vec<Node<'a>>> {
        self.field_writes.get_or_init(|| {
            let mut writes: HashMap<String, Vec<Node<'a>>> = HashMap::new();
            let mut add = |field: Node<'a>, node: Node<'a>| {
                let list = writes
                    .entry(self.text(field).trim().to_string())
                    .or_default();
                if list.last() != Some(&node) {
                    list.push(node);
                }
            };
            for node in descendants(root) {
                match node.kind() {
                    "assignment_statement" => {
                        let Some(left) = node.field("left") else {
                            continue;
                        };
                        let mut cursor = left.walk();
                        for target in left.named_children(&mut cursor) {
                            if target.kind() == "selector_expression" {
                                if let Some(field) = target.field("field") {
                                    add(field, node);
                                }
                            }
                        }
                    }
                    "keyed_element" => {
                        if let Some(key) = node.named_child(0) {
                            add(key, node);
                        }
                    }
                    "call_expression" => {
                        for arg in call_args(node) {
                            let field = (arg.kind() == "unary_expression")
                                .then(|| arg.field("operand"))
                                .flatten()
                                .filter(|o| o.kind() == "selector_expression")
                                .and_then(|o| o.field("field"));
                            if let Some(field) = field {
                                add(field, node);
                            }
                        }
                    }
                    _ => {}
                }
            }
            writes
        })
    }

    /// Whether the file declares a function of this name whose body reads the environment.
    fn file_function_reads_env(&self, root: Node<'a>, name: &str) -> bool {
        let mut cursor = root.walk();
        let found = root.named_children(&mut cursor).any(|f| {
            f.kind() == "function_declaration"
                && self.name_of(f) == name
                && descendants(f).any(|n| {
                    n.kind() == "call_expression"
                        && n.field("function")
                            .and_then(|c| self.qualify(c))
                            .is_some_and(|q| self.knowledge.is_env_read(&q))
                })
        });
        found
    }

    /// The value bound to the identifier `id` (`addr := ...`, `addr = ...`, `var addr = ...`,
    /// `const addr = ...`; see [`single_binding`](crate::lang::tree::single_binding)).
    fn local_binding(&self, id: Node<'a>) -> Option<Node<'a>> {
        let root = crate::lang::tree::root_of(id)?;
        let file = self
            .file_bindings
            .get_or_init(|| crate::lang::tree::FileBindings::of(root, self.src, go_bindings));
        let function = self.enclosing_function(id);
        crate::lang::tree::single_binding_with(id, function, self.src, go_bindings, file)
    }

    /// Records an instrumentation call and whether it is handed a provider explicitly.
    fn instrumentation(&mut self, call: Node<'a>, qualified: &str) {
        let explicit_provider = descendants(call).any(|n| {
            n.kind() == "selector_expression"
                && n.field("field")
                    .is_some_and(|f| self.text(f) == "WithTracerProvider")
        });
        // `otelgrpc.WithPropagators(p)` gives this instrumentation its own propagator.
        let own_propagator = descendants(call).find(|n| {
            n.kind() == "call_expression"
                && self
                    .callee_name(*n)
                    .is_some_and(|name| name == "WithPropagators")
        });
        if let Some(option) = own_propagator {
            let formats = self.propagator_formats(option);
            self.push(option, FactKind::PropagatorSet { formats });
        }
        self.push(
            call,
            FactKind::Instrumentation {
                what: qualified.to_string(),
                explicit_provider,
            },
        );
    }

    /// Whether a wrapping call sits in the handler argument of a route registration.
    fn is_route_handler_argument(&self, call: Node<'a>) -> bool {
        let mut node = call;
        for _ in 0..8 {
            let Some(parent) = node.parent() else {
                return false;
            };
            if parent.kind() == "argument_list" {
                let outer = match parent.parent() {
                    Some(o) => o,
                    None => return false,
                };
                if self.call_role(outer) == Some(Role::RouteRegister) {
                    return true;
                }
                if let Some((_, method)) = self.method_call(outer) {
                    if self.knowledge.methods.route.contains(&method) {
                        let args = call_args(outer);
                        return args.len() >= 2
                            && args
                                .first()
                                .and_then(|a| self.string_literal(*a))
                                .is_some_and(|r| is_route_pattern(&r));
                    }
                }
            }
            if parent.kind().ends_with("statement") || resolve::is_function(parent) {
                return false;
            }
            node = parent;
        }
        false
    }

    /// How a route's handler argument continues the caller's trace.
    fn classify_handler(&self, handler: Node<'a>) -> Extraction {
        if self.subtree_has_role(handler, &[Role::ServerWrap, Role::ServerMiddleware]) {
            return Extraction::Instrumented;
        }
        match handler.kind() {
            "func_literal" => {
                if self.has_manual_extract(handler) {
                    Extraction::Manual
                } else {
                    Extraction::None
                }
            }
            "identifier" => Extraction::Handler(self.text(handler).into_owned()),
            "selector_expression" => match handler.field("field") {
                Some(f) => Extraction::Handler(self.text(f).into_owned()),
                None => Extraction::Unknown,
            },
            "call_expression" => {
                // `http.HandlerFunc(h)` is a conversion: judge `h`.
                let converts = self
                    .qualify(function_of(handler))
                    .is_some_and(|q| q == "net/http.HandlerFunc");
                match call_args(handler).first() {
                    Some(inner) if converts => self.classify_handler(*inner),
                    _ => Extraction::Unknown,
                }
            }
            _ => Extraction::Unknown,
        }
    }

    /// Whether a subtree extracts context by hand.
    fn has_manual_extract(&self, node: Node<'a>) -> bool {
        descendants(node).any(|n| {
            n.kind() == "call_expression"
                && self
                    .method_call(n)
                    .is_some_and(|(recv, m)| m == "Extract" && self.is_manual_propagation(n, recv))
        })
    }

    /// Whether an `Extract`/`Inject` call is OpenTelemetry propagation: on the global
    /// propagator, or into a header carrier.
    fn is_manual_propagation(&self, call: Node<'a>, receiver: Node<'a>) -> bool {
        let on_global = descendants(receiver).any(|n| {
            n.kind() == "call_expression" && self.call_role(n) == Some(Role::GlobalPropagator)
        });
        on_global || self.subtree_has_role(call, &[Role::HeaderCarrier])
    }

    /// Whether gRPC server or client options include instrumentation.
    fn grpc_options(&self, call: Node<'a>, role: Role) -> Injection {
        if self.subtree_has_role(call, &[role]) {
            return Injection::Instrumented;
        }
        if let Some(f) = self.enclosing_function(call) {
            if self.subtree_has_role(f, &[role]) {
                return Injection::Instrumented;
            }
        }
        let spreads = call
            .field("arguments")
            .is_some_and(|a| self.text(a).contains("..."));
        if spreads && !self.spread_options_known(call) {
            Injection::Unknown
        } else {
            Injection::None
        }
    }

    /// Whether the options a dial spreads (`grpc.NewClient(addr, opts...)`) are all seen: a
    /// slice declared in the same function and only ever filled with the gRPC package's own
    /// options (`opts := []grpc.DialOption{grpc.WithTransportCredentials(c)}`,
    /// `opts = append(opts, grpc.WithDefaultServiceConfig(cfg))`). A slice that is a parameter,
    /// is handed to another function or takes options from a helper may carry instrumentation
    /// tracewire cannot see.
    fn spread_options_known(&self, call: Node<'a>) -> bool {
        let args = call_args(call);
        let Some((spread, rest)) = args.split_last() else {
            return false;
        };
        if rest.iter().any(|a| a.kind() == "variadic_argument") {
            return false;
        }
        let Some(name) = Some(*spread)
            .filter(|a| a.kind() == "variadic_argument")
            .and_then(|a| a.named_child(0))
            .filter(|n| n.kind() == "identifier")
        else {
            return false;
        };
        let name = self.text(name);
        let Some(function) = self.enclosing_function(call) else {
            return false;
        };
        let mut declared = false;
        for id in
            descendants(function).filter(|n| n.kind() == "identifier" && self.text(*n) == name)
        {
            let Some(parent) = id.parent() else {
                return false;
            };
            let ok = match parent.kind() {
                "variadic_argument" => parent.parent().and_then(|a| a.parent()) == Some(call),
                "var_spec" => {
                    declared = true;
                    parent
                        .field("value")
                        .is_none_or(|v| self.grpc_options_only(v, None))
                }
                "expression_list" => {
                    let Some(holder) = parent.parent() else {
                        return false;
                    };
                    let is_left = holder.field("left").is_some_and(|l| l.id() == parent.id());
                    let right = holder.field("right");
                    match holder.kind() {
                        "short_var_declaration" if is_left => {
                            declared = true;
                            right.is_some_and(|r| self.grpc_options_only(r, None))
                        }
                        "assignment_statement" if is_left => {
                            right.is_some_and(|r| self.grpc_options_only(r, Some(name.as_ref())))
                        }
                        _ => false,
                    }
                }
                // `append(opts, ...)`: the first argument of the append judged at its assignment.
                "argument_list" => parent.parent().is_some_and(|c| {
                    c.field("function")
                        .is_some_and(|f| self.text(f) == "append")
                        && parent.named_child(0).is_some_and(|a| a.id() == id.id())
                }),
                _ => false,
            };
            if !ok {
                return false;
            }
        }
        declared
    }

    /// Whether a value holds only the gRPC package's own options: a slice literal of
    /// `grpc.WithX(..)` calls, or `append(<slice>, grpc.WithX(..), ..)` onto the slice itself.
    fn grpc_options_only(&self, value: Node<'a>, slice: Option<&str>) -> bool {
        let value = match value.kind() {
            "expression_list" if value.named_child_count() == 1 => match value.named_child(0) {
                Some(v) => v,
                None => return false,
            },
            _ => value,
        };
        let is_grpc_option = |n: Node<'a>| {
            n.kind() == "call_expression"
                && self
                    .qualify(function_of(n))
                    .is_some_and(|q| q.starts_with("google.golang.org/grpc.With"))
        };
        match value.kind() {
            "composite_literal" if slice.is_none() => value.field("body").is_none_or(|body| {
                let mut cursor = body.walk();
                let elements: Vec<Node<'a>> = body.named_children(&mut cursor).collect();
                elements.into_iter().all(|e| {
                    let e = if e.kind() == "literal_element" {
                        e.named_child(0).unwrap_or(e)
                    } else {
                        e
                    };
                    is_grpc_option(e)
                })
            }),
            "call_expression" => {
                let Some(slice) = slice else {
                    return false;
                };
                if value
                    .field("function")
                    .is_none_or(|f| self.text(f) != "append")
                {
                    return false;
                }
                let args = call_args(value);
                let Some((first, added)) = args.split_first() else {
                    return false;
                };
                self.text(*first) == slice && added.iter().all(|a| is_grpc_option(*a))
            }
            _ => false,
        }
    }

    /// The wire formats named inside a `SetTextMapPropagator` call.
    fn propagator_formats(&self, call: Node<'a>) -> Vec<String> {
        let mut formats: Vec<String> = descendants(call)
            .filter_map(|n| {
                let named = match n.kind() {
                    "call_expression" => self.qualify(function_of(n)),
                    "composite_literal" => n.field("type").and_then(|t| self.qualify(t)),
                    _ => None,
                }?;
                self.knowledge.propagator_format(&named).map(str::to_string)
            })
            .collect();
        formats.sort();
        formats.dedup();
        formats
    }

    /// The `Topic` field of a message writer, reader or message literal
    /// (`kafka.Writer{Topic: "orders"}`): a literal, an environment variable's value, or a name
    /// bound once to either.
    fn topic_field(&mut self, literal: Node<'a>, sends: bool) {
        let Some(body) = literal.field("body") else {
            return;
        };
        let mut cursor = body.walk();
        let elements: Vec<Node<'a>> = body
            .named_children(&mut cursor)
            .filter(|n| n.kind() == "keyed_element")
            .collect();
        for element in elements {
            let mut cursor = element.walk();
            let parts: Vec<Node<'a>> = element.named_children(&mut cursor).collect();
            let (Some(key), Some(value)) = (parts.first(), parts.get(1)) else {
                continue;
            };
            if self.text(*key).trim() != "Topic" {
                continue;
            }
            let value = match value.kind() {
                "literal_element" => value.named_child(0).unwrap_or(*value),
                _ => *value,
            };
            let pieces = self.url_pieces(value, 0);
            if let Some(fact) = crate::lang::address::topic_fact(&pieces, sends) {
                self.push(literal, fact);
            }
        }
    }

    /// Facts from a composite literal: HTTP clients and where they are stored.
    fn literal_fact(&mut self, literal: Node<'a>) {
        let Some(ty) = literal.field("type") else {
            return;
        };
        let qualified = self.qualify(ty);
        if let Some(sends) = qualified
            .as_deref()
            .and_then(|q| self.knowledge.message_topic_type(q))
        {
            self.topic_field(literal, sends);
            return;
        }
        if qualified.as_deref() != Some("net/http.Client") {
            return;
        }
        let Some(key) = self.binding_name(literal) else {
            return;
        };
        let transport = self.client_transport(literal);
        if transport == Injection::Instrumented && key == "DefaultClient" {
            self.push(literal, FactKind::DefaultClientInstrumented);
        }
        self.push(
            literal,
            FactKind::ClientBuilt {
                key,
                instrumented: match transport {
                    Injection::Instrumented => Some(true),
                    Injection::None => Some(false),
                    Injection::DefaultClient => Some(false),
                    _ => None,
                },
            },
        );
    }

    /// How an `http.Client{...}` literal's transport injects context.
    fn client_transport(&self, literal: Node<'a>) -> Injection {
        let Some(body) = literal.field("body") else {
            return Injection::DefaultClient;
        };
        let mut cursor = body.walk();
        let transport = body.named_children(&mut cursor).find_map(|el| {
            (el.kind() == "keyed_element"
                && el
                    .field("key")
                    .is_some_and(|k| self.text(k).trim() == "Transport"))
            .then(|| el.field("value"))
            .flatten()
        });
        let Some(value) = transport else {
            return Injection::DefaultClient;
        };
        if self.subtree_has_role(value, &[Role::InstrumentedTransport]) {
            return Injection::Instrumented;
        }
        let inner = value.named_child(0).unwrap_or(value);
        if let Some(q) = self.qualify(inner) {
            if self.knowledge.role(&q) == Some(Role::DefaultClient) {
                return Injection::DefaultClient;
            }
        }
        let raw_transport = descendants(inner).any(|n| {
            n.kind() == "composite_literal"
                && n.field("type")
                    .and_then(|t| self.qualify(t))
                    .is_some_and(|q| q == "net/http.Transport")
        });
        if raw_transport && inner.kind() != "call_expression" {
            return Injection::None;
        }
        // A transport variable: instrumented if this function builds an instrumented one.
        if let Some(f) = self.enclosing_function(literal) {
            if self.subtree_has_role(f, &[Role::InstrumentedTransport]) {
                return Injection::Instrumented;
            }
        }
        Injection::Unknown
    }

    /// Facts from assignments to package-level values.
    fn assignment_fact(&mut self, assign: Node<'a>) {
        let (Some(left), Some(right)) = (assign.field("left"), assign.field("right")) else {
            return;
        };
        let Some(target) = left.named_child(0) else {
            return;
        };
        let Some(q) = self.qualify(target) else {
            return;
        };
        let replaces_default = q == "net/http.DefaultTransport"
            || q == "net/http.DefaultClient"
            || q == "net/http.DefaultClient.Transport";
        if replaces_default && self.subtree_has_role(right, &[Role::InstrumentedTransport]) {
            self.push(assign, FactKind::DefaultClientInstrumented);
        }
    }

    /// Facts about how `main` ends: deferred shutdowns, blocking serves, hard exits.
    fn entry_point_facts(&mut self, main: Node<'a>) {
        let Some(body) = main.field("body") else {
            return;
        };
        let shutdown = &self.knowledge.methods.shutdown;
        let mut found = Vec::new();
        let signal_waits = self.signal_waits(main, body);
        for node in descendants(body) {
            match node.kind() {
                "unary_expression" if signal_waits.contains(&node.id()) => {
                    found.push((node, FactKind::MainBlocksServing));
                }
                // `for { msg, err := sub.NextMsg(..) ... }`: main loops until it is killed.
                "for_statement"
                    if self.enclosing_function(node).map(|f| f.id()) == Some(main.id())
                        && loops_forever(node) =>
                {
                    found.push((node, FactKind::MainBlocksServing));
                }
                "defer_statement" => {
                    let receiver = descendants(node).find_map(|n| {
                        if n.kind() != "call_expression" {
                            return None;
                        }
                        let (recv, m) = self.method_call(n)?;
                        shutdown
                            .contains(&m)
                            .then(|| resolve::last_name(&self.text(recv)))?
                    });
                    if let Some(receiver) = receiver {
                        found.push((
                            node,
                            FactKind::ShutdownDeferredInMain {
                                receiver,
                                of_provider: false,
                            },
                        ));
                    } else if let Some(function) = self.deferred_result_call(main, node) {
                        let method = closures::CALL_RESULT.into();
                        found.push((node, FactKind::ResultCall { function, method }));
                    }
                }
                "call_expression" => {
                    if self.enclosing_function(node).map(|f| f.id()) != Some(main.id()) {
                        continue;
                    }
                    if self.serves(node) {
                        found.push((node, FactKind::MainBlocksServing));
                    }
                }
                _ => {}
            }
        }
        // A handler installed after main has blocked (`srv.Serve(lis)` and then
        // `signal.NotifyContext(..)`) is never installed: the signal it names kills main.
        if let Some(blocked) = self.first_blocking_statement(main, body) {
            let unreached = blocked.end_byte()..body.end_byte();
            self.facts.retain(|f| {
                !(matches!(f.kind, FactKind::SignalHandled { .. })
                    && unreached.contains(&(f.loc.start_byte as usize)))
            });
        }
        for (node, kind) in found {
            self.push(node, kind);
        }
    }

    /// Whether a call in `main` serves until the process stops: `srv.ListenAndServe()`,
    /// `r.Run(":8080")` (a serve call takes at most an address); one started with `go` does
    /// not block main.
    fn serves(&self, call: Node<'a>) -> bool {
        let in_goroutine = call.parent().is_some_and(|p| p.kind() == "go_statement");
        !in_goroutine
            && (self.call_role(call) == Some(Role::HttpServe)
                || (call_args(call).len() <= 1
                    && self
                        .method_call(call)
                        .is_some_and(|(_, m)| self.knowledge.methods.blocking_serve.contains(&m))))
    }

    /// The first statement of `main`'s body that blocks whatever happens: a serve call written
    /// as a statement, an assignment, a `log.Fatal(..)` argument or an `if`'s header, or a
    /// `for {}` nothing leaves. Statements after it never run.
    fn first_blocking_statement(&self, main: Node<'a>, body: Node<'a>) -> Option<Node<'a>> {
        let list = spans::statement_list(body)?;
        let mut cursor = list.walk();
        let statements: Vec<Node<'a>> = list.named_children(&mut cursor).collect();
        statements.into_iter().find(|stmt| {
            let headers: Vec<Node<'a>> = match stmt.kind() {
                "expression_statement" | "assignment_statement" | "short_var_declaration" => {
                    vec![*stmt]
                }
                "if_statement" => ["initializer", "condition"]
                    .into_iter()
                    .filter_map(|f| stmt.field(f))
                    .collect(),
                "for_statement" => return loops_forever(*stmt),
                _ => Vec::new(),
            };
            // Only a server's serve call surely blocks: a bare `c.Start()` or `r.Run()` may be a
            // scheduler or a worker that returns at once.
            let surely = |n: Node<'a>| {
                self.call_role(n) == Some(Role::HttpServe)
                    || call_args(n).len() == 1
                    || self
                        .method_call(n)
                        .is_some_and(|(_, m)| m.starts_with("ListenAndServe") || m == "Serve")
            };
            headers.into_iter().any(|h| {
                descendants(h).any(|n| {
                    n.kind() == "call_expression"
                        && self.enclosing_function(n).map(|f| f.id()) == Some(main.id())
                        && self.serves(n)
                        && surely(n)
                })
            })
        })
    }
}

/// Whether a `for` loop has no condition and nothing leaves it: no `return`, no `break` of
/// its own (one in a nested `for`, `switch` or `select` leaves only that), no labelled `break`
/// or `goto`, and no closure that could hide one.
fn loops_forever(for_stmt: Node<'_>) -> bool {
    let Some(body) = for_stmt.field("body") else {
        return false;
    };
    let mut cursor = for_stmt.walk();
    if for_stmt.named_children(&mut cursor).count() != 1 {
        return false;
    }
    !descendants(body).any(|n| match n.kind() {
        "return_statement" | "goto_statement" => true,
        "break_statement" => n.named_child_count() > 0 || breaks_out(n, for_stmt),
        _ => false,
    })
}

/// Whether an unlabelled `break` leaves `outer` (no nearer loop, switch or select holds it).
fn breaks_out(brk: Node<'_>, outer: Node<'_>) -> bool {
    let mut node = brk.parent();
    while let Some(n) = node {
        if n.id() == outer.id() {
            return true;
        }
        if matches!(
            n.kind(),
            "for_statement"
                | "expression_switch_statement"
                | "type_switch_statement"
                | "select_statement"
        ) {
            return false;
        }
        node = n.parent();
    }
    false
}

impl<'a> FileCtx<'a> {
    /// The receives in `main` itself that wait for a signal: `<-ctx.Done()` on the context of
    /// `signal.NotifyContext`, `<-c` on the channel handed to `signal.Notify`.
    fn signal_waits(&self, main: Node<'a>, body: Node<'a>) -> Vec<usize> {
        let in_main = |n: Node<'a>| self.enclosing_function(n).map(|f| f.id()) == Some(main.id());
        let mut signal_values = Vec::new();
        for call in descendants(body).filter(|n| n.kind() == "call_expression" && in_main(*n)) {
            if self.call_role(call) != Some(Role::SignalNotify) {
                continue;
            }
            let returns_context = call
                .field("function")
                .and_then(|f| self.qualify(f))
                .is_some_and(|q| q.ends_with("Context"));
            let value = if returns_context {
                // `ctx, stop := signal.NotifyContext(parent, ...)`: the context.
                self.binding_name(call)
            } else {
                // `signal.Notify(c, ...)`: the channel.
                call_args(call)
                    .first()
                    .filter(|c| c.kind() == "identifier")
                    .map(|c| self.text(*c).into_owned())
            };
            signal_values.extend(value);
        }
        if signal_values.is_empty() {
            return Vec::new();
        }
        let is_signal_wait = |n: Node<'a>| {
            n.kind() == "unary_expression"
                && n.field("operator").is_some_and(|o| self.text(o) == "<-")
                && n.field("operand").is_some_and(|operand| {
                    let operand = match self.method_call(operand) {
                        Some((recv, m)) if m == "Done" => recv,
                        _ => operand,
                    };
                    signal_values.iter().any(|v| *v == self.text(operand))
                })
        };
        descendants(body)
            .filter(|n| in_main(*n) && is_signal_wait(*n))
            .filter(|n| self.only_signals_end_the_wait(*n, &is_signal_wait))
            .map(|n| n.id())
            .collect()
    }

    /// Whether a signal receive blocks until a signal: on its own, or in a `select` whose every
    /// case waits for a signal too (a case on another channel, `case err := <-errCh`, or a
    /// `default`, lets `main` go on without one).
    fn only_signals_end_the_wait(
        &self,
        wait: Node<'a>,
        is_signal_wait: &dyn Fn(Node<'a>) -> bool,
    ) -> bool {
        let case = std::iter::successors(wait.parent(), |n| n.parent())
            .take_while(|n| !matches!(n.kind(), "block" | "function_declaration" | "func_literal"))
            .find(|n| n.kind() == "communication_case");
        let Some(select) = case.and_then(|c| c.parent()) else {
            return true;
        };
        let mut cursor = select.walk();
        let cases: Vec<Node<'a>> = select.named_children(&mut cursor).collect();
        cases.iter().all(|c| {
            c.kind() == "communication_case"
                && c.field("communication")
                    .is_some_and(|comm| descendants(comm).any(is_signal_wait))
        })
    }
}

/// A `//nolint:contextcheck` (or bare `//nolint`) comment: the author already decided this
/// fresh context is deliberate, so `context-dropped` stays silent on that line.
fn contextcheck_nolint(comment: &str, loc: Loc) -> Option<crate::facts::Suppression> {
    let rest = comment.trim_start_matches('/').trim_start();
    let linters = rest.strip_prefix("nolint")?;
    let applies = linters.is_empty()
        || linters.starts_with(' ')
        || linters.strip_prefix(':').is_some_and(|l| {
            l.split([',', ' '])
                .any(|n| n == "contextcheck" || n == "all")
        });
    applies.then(|| crate::facts::Suppression {
        loc,
        rules: vec!["context-dropped".into()],
        whole_file: false,
        reason: Some("nolint:contextcheck".into()),
        foreign: true,
    })
}

/// The function part of a call.
fn function_of(call: Node<'_>) -> Node<'_> {
    call.field("function").unwrap_or(call)
}

/// Whether a string is a route pattern: `/path`, or Go 1.22's `METHOD /path`.
fn is_route_pattern(route: &str) -> bool {
    let path = match route.split_once(' ') {
        Some((method, path)) if method.chars().all(|c| c.is_ascii_uppercase()) => path.trim(),
        _ => route,
    };
    path.starts_with('/') || path.starts_with("{…}")
}
