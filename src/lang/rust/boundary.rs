//! Rust process boundaries: axum and actix-web routes, hyper `service_fn`s and tonic servers
//! (inbound); reqwest and awc requests and tonic clients (outbound); and where a trace is in
//! flight.

use crate::facts::{Extraction, FactKind, Flow, Injection, Proto};
use crate::knowledge::Role;
use crate::lang::core::SourceFile;
use crate::lang::tree::descendants;
use tree_sitter::Node;

use super::resolve::{
    self, call_args, chain_down, chain_root, chain_top, method_call, string_value, unwrap_expr,
};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// Route helpers that take a handler: axum `get(h)`, `post(h)`, ..., actix `.to(h)`.
const HANDLER_TAKERS: &[&str] = &[
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "head",
    "options",
    "trace",
    "any",
    "on",
    "to",
    "get_service",
    "post_service",
];

/// Wrappers that run a function of the application as middleware (`from_fn(f)`): when `f` is
/// defined in another file, what it does cannot be seen.
const MIDDLEWARE_FROM_FN: &[&str] = &[
    "from_fn",
    "from_fn_with_state",
    "make_span_with",
    "map_request",
    "on_request",
    "wrap_fn",
];

/// gRPC services that are infrastructure, not application endpoints.
const OPERATIONAL_GRPC: &[&str] = &["Health", "ServerReflection"];

impl FileCtx<'_> {
    /// Notes the functions a call registers as request handlers.
    pub(super) fn note_handler(&mut self, call: Node<'_>) {
        if let Some((_, m)) = method_call(call, self.src) {
            if self.knowledge.methods.route.contains(&m) {
                if let Some(arg) = call_args(call).get(1) {
                    for h in self.handler_names(*arg) {
                        self.handlers.insert(h);
                    }
                }
            }
            return;
        }
        if let Some(q) = self.callee(call) {
            if resolve::last_segment(&q) == "service_fn"
                && self.knowledge.role(&q) == Some(Role::HttpServe)
            {
                if let Some(arg) = call_args(call).first() {
                    for h in self.handler_names(*arg) {
                        self.handlers.insert(h);
                    }
                }
            }
        }
    }

    /// The handler functions a route's method router names (`get(list).post(create)`), or the
    /// functions a `service_fn` closure calls.
    fn handler_names(&self, arg: Node<'_>) -> Vec<String> {
        let arg = unwrap_expr(arg);
        if matches!(arg.kind(), "identifier" | "scoped_identifier") {
            return vec![resolve::last_segment(&resolve::path_text(arg, self.src)).to_string()];
        }
        let mut out = Vec::new();
        for call in descendants(arg).filter(|n| n.kind() == "call_expression") {
            let name = match method_call(call, self.src) {
                Some((_, m)) => m,
                None => self
                    .callee(call)
                    .map(|q| resolve::last_segment(&q).to_string())
                    .unwrap_or_default(),
            };
            let takes_handler = HANDLER_TAKERS.contains(&name.as_str());
            let in_closure = arg.kind() == "closure_expression";
            for a in call_args(call) {
                let a = unwrap_expr(a);
                if matches!(a.kind(), "identifier" | "scoped_identifier") && takes_handler {
                    out.push(resolve::last_segment(&resolve::path_text(a, self.src)).to_string());
                }
            }
            if in_closure && method_call(call, self.src).is_none() {
                if let Some(q) = self.callee(call) {
                    out.push(resolve::last_segment(&q).to_string());
                }
            }
        }
        out
    }

    /// Whether a function serves a request: a route handler, an `#[instrument]`ed function, a
    /// tonic service method, a function that takes a request.
    pub(super) fn is_handler_fn(&self, function: Node<'_>) -> bool {
        let name = function
            .field("name")
            .map(|n| self.text(n))
            .unwrap_or_default();
        if self.handlers.contains(&name) {
            return true;
        }
        let methods = &self.knowledge.methods;
        let attrs = resolve::attributes(function, self.src);
        let actix = self.imports_crate("actix_web");
        if attrs.iter().any(|(p, _)| {
            methods.span_annotations.contains(p) || (actix && methods.route_annotations.contains(p))
        }) {
            return true;
        }
        let in_service_impl = function
            .parent()
            .and_then(|p| p.parent())
            .filter(|i| i.kind() == "impl_item" && i.field("trait").is_some())
            .is_some_and(|i| {
                self.imports_crate("tonic")
                    && resolve::attributes(i, self.src)
                        .iter()
                        .any(|(p, _)| p.ends_with("async_trait"))
            });
        if in_service_impl {
            return true;
        }
        let params = function
            .field("parameters")
            .map(|p| self.text(p))
            .unwrap_or_default();
        ["HeaderMap", "Request<", "HttpRequest", "Request)"]
            .iter()
            .any(|t| params.contains(t))
    }

    /// Whether a function starts a span: a trace is in flight below it.
    pub(super) fn starts_spans(&self, function: Node<'_>) -> bool {
        let body = function
            .field("body")
            .map(|b| self.text(b))
            .unwrap_or_default();
        [
            ".in_span(",
            ".span_builder(",
            "info_span!",
            "debug_span!",
            "trace_span!",
            "warn_span!",
            "error_span!",
            "span!(",
            ".start_with_context(",
        ]
        .iter()
        .any(|t| body.contains(t))
            || body.contains("tracer.start(")
    }

    /// Whether a trace can be in flight at a node.
    pub(super) fn flow(&self, node: Node<'_>) -> Flow {
        match self.enclosing_fn(node) {
            Some(f) if self.request_fns.contains(&f.id()) => Flow::Request,
            Some(f) => {
                let name = f.field("name").map(|n| self.text(n)).unwrap_or_default();
                if name == "main" {
                    Flow::Detached
                } else {
                    Flow::Function(name)
                }
            }
            None => Flow::Detached,
        }
    }

    /// How a handler argument extracts: a closure is read here, a named function is decided
    /// with the service.
    fn handler_extraction(&self, arg: Node<'_>) -> Extraction {
        let arg = unwrap_expr(arg);
        if arg.kind() == "closure_expression" && self.propagates(arg, true) {
            return Extraction::Manual;
        }
        let names = self.handler_names(arg);
        if !names.is_empty() && names.iter().all(|n| self.extracting.contains(n)) {
            return Extraction::Manual;
        }
        match names.into_iter().find(|n| !self.extracting.contains(n)) {
            Some(n) => Extraction::Handler(n),
            None if arg.kind() == "closure_expression" => Extraction::None,
            None => Extraction::Unknown,
        }
    }

    /// `.route("/x", get(handler))` on an axum `Router` or actix `App`.
    pub(super) fn route(&mut self, call: Node<'_>, _recv: Node<'_>) {
        if !(self.imports_crate("axum") || self.imports_crate("actix_web")) {
            return;
        }
        let args = call_args(call);
        let (Some(path), Some(handler)) = (args.first(), args.get(1)) else {
            return;
        };
        let Some(route) = string_value(*path, self.src) else {
            return;
        };
        let root = chain_root(call, self.src);
        let router = self.text(root);
        let extraction = self.handler_extraction(*handler);
        self.push_at_method(
            call,
            FactKind::inbound(Proto::Http, Some(route), Some(router), extraction),
        );
    }

    /// actix-web route attributes: `#[get("/x")] async fn handler(...)`.
    pub(super) fn attribute_route(&mut self, function: Node<'_>, name: &str) {
        if !self.imports_crate("actix_web") {
            return;
        }
        let methods = &self.knowledge.methods;
        let site = resolve::attributes(function, self.src)
            .into_iter()
            .find(|(p, _)| methods.route_annotations.contains(p))
            .and_then(|(_, attr)| {
                descendants(attr)
                    .find(|n| n.kind() == "string_literal")
                    .and_then(|s| string_value(s, self.src))
                    .map(|r| (r, attr))
            });
        let Some((route, attr)) = site else {
            return;
        };
        let extraction = if self.extracting.contains(name) {
            Extraction::Manual
        } else {
            Extraction::Handler(name.to_string())
        };
        self.push(
            attr,
            FactKind::inbound(Proto::Http, Some(route), Some("App".into()), extraction),
        );
    }

    /// Whether middleware extracts: known instrumentation, a closure or function of this file
    /// that extracts by hand, or an application function this file cannot see.
    fn middleware_extracts(&self, arg: Node<'_>, roles: &[Role]) -> bool {
        if self.subtree_has_role(arg, roles) || self.propagates(arg, true) {
            return true;
        }
        // Local variables (`let layer = ServiceBuilder::new().layer(...)`) are read through.
        let words = self.expanded_words(arg, arg);
        words.iter().enumerate().any(|(i, w)| {
            let q = self.qualify(w);
            let name = resolve::last_segment(w);
            let role = self.knowledge.role(&q).or_else(|| {
                q.rsplit_once("::")
                    .and_then(|(ty, _)| self.knowledge.role(ty))
            });
            role.is_some_and(|r| roles.contains(&r))
                || self.extracting.contains(name)
                || (MIDDLEWARE_FROM_FN.contains(&name)
                    && words
                        .get(i + 1)
                        .is_some_and(|f| !self.defined(resolve::last_segment(f))))
                || self.unseen_tracing_helper(&q)
        })
    }

    /// A function of the application, defined in another file or crate, whose name says it sets
    /// up tracing (`telemetry::trace_layer(..)`, `otel_middleware()`): what it returns cannot be
    /// seen, so it is not judged. tower-http's own `TraceLayer` is known not to extract.
    fn unseen_tracing_helper(&self, qualified: &str) -> bool {
        let lower = qualified.to_lowercase();
        let root = qualified.split("::").next().unwrap_or("");
        qualified.contains("::")
            && !self.defined(resolve::last_segment(qualified))
            && !matches!(root, "tower_http" | "tower" | "axum" | "tracing" | "std")
            && self.knowledge.role(qualified).is_none()
            && ["otel", "telemetry", "trace", "tracing", "opentelemetry"]
                .iter()
                .any(|w| lower.contains(w))
            && !lower.contains("tracelayer")
    }

    /// `.layer(OtelAxumLayer::default())`, `.wrap(RequestTracing::new())`: the server or router
    /// is instrumented.
    pub(super) fn middleware(&mut self, call: Node<'_>) {
        let Some(arg) = call_args(call).first().copied() else {
            return;
        };
        if self.middleware_extracts(arg, &[Role::ServerMiddleware]) {
            let target = self.text(chain_root(call, self.src));
            self.push_at_method(call, FactKind::ServerInstrumented { target });
        }
    }

    /// `Server::builder().add_service(CartServiceServer::new(svc))`: a gRPC service is served.
    pub(super) fn grpc_service(&mut self, call: Node<'_>) {
        let root = chain_root(call, self.src);
        let server_root = self
            .call_path(root)
            .is_some_and(|q| self.knowledge.role(&q) == Some(Role::GrpcServerNew));
        if !server_root && !self.imports_crate("tonic") {
            return;
        }
        let Some(arg) = call_args(call).first().copied() else {
            return;
        };
        let words = resolve::path_words(&self.text(arg));
        let service = words.iter().find_map(|w| {
            let segs: Vec<&str> = w.split("::").collect();
            segs.iter()
                .rev()
                .find(|s| s.len() > "Server".len() && s.ends_with("Server"))
                .map(|s| s.trim_end_matches("Server").to_string())
        });
        let Some(service) = service else {
            return;
        };
        if OPERATIONAL_GRPC.contains(&service.as_str()) {
            return;
        }
        let (top, _) = chain_top(call, self.src);
        let layered = chain_down(top, self.src).iter().any(|(m, c)| {
            m == "layer"
                && call_args(*c).first().is_some_and(|a| {
                    self.middleware_extracts(
                        *a,
                        &[Role::GrpcServerInstrumentation, Role::ServerMiddleware],
                    )
                })
        });
        let extraction = if layered {
            Extraction::Instrumented
        } else if let Some(interceptor) = self.interceptor_arg(arg) {
            let interceptor = unwrap_expr(interceptor);
            let name =
                resolve::last_segment(&resolve::path_text(interceptor, self.src)).to_string();
            if self.propagates(interceptor, true) || self.extracting.contains(&name) {
                Extraction::Manual
            } else if interceptor.kind() == "closure_expression" || self.defined(&name) {
                Extraction::Handler(service.clone())
            } else {
                Extraction::Unknown
            }
        } else {
            Extraction::Handler(service.clone())
        };
        self.push_at_method(
            call,
            FactKind::GrpcServiceServed {
                service: service.clone(),
            },
        );
        self.push_at_method(
            call,
            FactKind::inbound(
                Proto::Grpc,
                Some(service),
                Some(self.text(root)),
                extraction,
            ),
        );
    }

    /// The interceptor of `XServer::with_interceptor(svc, f)` / `XClient::with_interceptor(ch, f)`.
    fn interceptor_arg<'t>(&self, arg: Node<'t>) -> Option<Node<'t>> {
        descendants(arg)
            .filter(|n| n.kind() == "call_expression")
            .find(|c| {
                self.callee(*c)
                    .is_some_and(|q| resolve::last_segment(&q) == "with_interceptor")
            })
            .and_then(|c| call_args(c).get(1).copied())
    }

    /// Whether a function of this name is defined in this file.
    pub(super) fn defined(&self, name: &str) -> bool {
        self.defined_fns.contains(name)
    }

    /// `CartServiceClient::connect(addr)` / `::new(channel)` / `::with_interceptor(ch, f)`: a
    /// tonic-generated client.
    pub(super) fn grpc_client(&mut self, call: Node<'_>, qualified: &str) -> bool {
        let segs: Vec<&str> = qualified.split("::").collect();
        if segs.len() < 2 {
            return false;
        }
        let method = segs[segs.len() - 1];
        let ty = segs[segs.len() - 2];
        if !matches!(
            method,
            "new" | "connect" | "with_interceptor" | "with_origin"
        ) || ty.len() <= "Client".len()
            || !ty.ends_with("Client")
        {
            return false;
        }
        let snake = snake_case(ty);
        // tonic generates `XClient` in a module `x_client`, usually under a `proto`/`pb` module.
        let generated = segs.iter().any(|s| *s == snake)
            || self
                .imports
                .globs
                .iter()
                .any(|g| resolve::last_segment(g) == snake)
            || (self.imports_crate("tonic")
                && segs.iter().any(|s| s.contains("proto") || *s == "pb"));
        if !generated {
            return false;
        }
        let service = ty.trim_end_matches("Client").to_string();
        if OPERATIONAL_GRPC.contains(&service.as_str()) || self.exporter {
            return true;
        }
        let args = call_args(call);
        let injection = if method == "with_interceptor" {
            match args.get(1).map(|a| unwrap_expr(*a)) {
                Some(f) => {
                    let name = resolve::last_segment(&resolve::path_text(f, self.src)).to_string();
                    if self.propagates(f, false) || self.injecting.contains(&name) {
                        Injection::Manual
                    } else if self.subtree_has_role(f, &[Role::GrpcClientInstrumentation]) {
                        Injection::Instrumented
                    } else if f.kind() == "closure_expression" || self.defined(&name) {
                        Injection::None
                    } else {
                        Injection::Unknown
                    }
                }
                None => Injection::Unknown,
            }
        } else {
            let scope = self.enclosing_fn(call).unwrap_or(call);
            let arg_text = args.first().map(|a| self.text(*a)).unwrap_or_default();
            if self.subtree_has_role(scope, &[Role::GrpcClientInstrumentation]) {
                Injection::Instrumented
            } else if arg_text.contains("InterceptedService") {
                Injection::Unknown
            } else if !self.injecting.is_empty() {
                // Calls through this client inject per request by hand.
                Injection::Manual
            } else {
                Injection::None
            }
        };
        let target = resolve::path_text(call.field("function").unwrap_or(call), self.src);
        let flow = self.flow(call);
        self.push(
            call,
            FactKind::GrpcServiceCalled {
                service: service.clone(),
            },
        );
        self.push(
            call,
            FactKind::outbound(Proto::Grpc, target, injection, flow),
        );
        true
    }

    /// `reqwest::get(url)`: the crate's shared default client, which injects nothing.
    pub(super) fn default_client_call(&mut self, call: Node<'_>, qualified: &str) {
        let injection = if self.fn_injects(call) {
            Injection::Manual
        } else {
            Injection::DefaultClient
        };
        let flow = self.flow(call);
        self.push(
            call,
            FactKind::outbound(Proto::Http, qualified.to_string(), injection, flow),
        );
        self.url_edge(call);
    }

    /// Whether the function around a node injects context by hand.
    fn fn_injects(&self, node: Node<'_>) -> bool {
        self.enclosing_fn(node).is_some_and(|f| {
            self.propagates(f, false)
                || crate::lang::core::headers::writes_trace_header(f, self.src)
        })
    }

    /// `client.get(url)...send()`: an HTTP request through a reqwest or awc client.
    pub(super) fn client_send(&mut self, call: Node<'_>) {
        if !["reqwest", "reqwest_middleware", "awc"]
            .iter()
            .any(|c| self.imports_crate(c))
        {
            return;
        }
        let chain = chain_down(call, self.src);
        let client_call = &self.knowledge.methods.client_call;
        let Some((method, request)) = chain
            .iter()
            .rev()
            .find(|(m, c)| client_call.contains(m) && !call_args(*c).is_empty())
            .cloned()
        else {
            return;
        };
        // A request builder is used as is between `.get(url)` and `.send()`; a lookup that is
        // unwrapped (`senders.get(&id).unwrap().send(msg)`) is a map and a channel.
        let between_unwrapped = chain
            .iter()
            .take_while(|(_, c)| c.id() != request.id())
            .any(|(m, _)| matches!(m.as_str(), "unwrap" | "expect" | "ok" | "cloned" | "as_ref"));
        if between_unwrapped {
            return;
        }
        let Some((client, _)) = method_call(request, self.src) else {
            return;
        };
        let client = unwrap_expr(client);
        let traced = chain.iter().any(|(m, _)| {
            self.knowledge
                .methods
                .inject_helpers
                .iter()
                .any(|h| h == m && h == "trace_request")
        });
        let injection = if traced {
            Injection::Instrumented
        } else if self.fn_injects(call) {
            Injection::Manual
        } else {
            match client.kind() {
                "identifier" => Injection::Client(self.text(client)),
                "field_expression" => client
                    .field("field")
                    .map(|f| Injection::Client(self.text(f)))
                    .unwrap_or(Injection::Unknown),
                "call_expression" if self.subtree_has_role(client, &[Role::ClientNew]) => {
                    if self.subtree_has_role(client, &[Role::InstrumentedTransport]) {
                        Injection::Instrumented
                    } else {
                        Injection::DefaultClient
                    }
                }
                _ => Injection::Unknown,
            }
        };
        let target = format!("{}.{method}", self.text(client));
        let flow = self.flow(call);
        self.push_at_method(
            request,
            FactKind::outbound(Proto::Http, target, injection, flow),
        );
        self.url_edge(request);
    }

    /// `TcpListener::bind("0.0.0.0:8081")`, `HttpServer::new(..).bind(("0.0.0.0", 8080))`,
    /// `Server::bind(&addr)` with `let addr = SocketAddr::from(([127, 0, 0, 1], 3000))`: the
    /// port the server listens on.
    pub(super) fn listen_fact(&mut self, call: Node<'_>) {
        let Some(&addr) = call_args(call).first() else {
            return;
        };
        if let Some(port) = self.port_of(addr, 0) {
            self.push(call, FactKind::ListensOn { port });
        }
    }

    /// The port an address expression names: a literal `"host:port"`, a `(ip, port)` tuple,
    /// `SocketAddr::from(..)`/`::new(ip, port)`, `"..".parse()`, or a local bound once to one.
    fn port_of(&self, expr: Node<'_>, depth: usize) -> Option<u16> {
        if depth > 4 {
            return None;
        }
        let expr = super::resolve::unwrap_expr(expr);
        match expr.kind() {
            "integer_literal" => self.text(expr).parse().ok(),
            "string_literal" | "raw_string_literal" => {
                let text = string_value(expr, self.src)?;
                text.rsplit(':').next()?.parse().ok()
            }
            "tuple_expression" => {
                let mut cursor = expr.walk();
                let last = expr.named_children(&mut cursor).last()?;
                self.port_of(last, depth + 1)
            }
            "call_expression" => match method_call(expr, self.src) {
                Some((recv, m)) if m == "parse" || m == "into" => self.port_of(recv, depth + 1),
                Some(_) => None,
                None => self.port_of(*call_args(expr).last()?, depth + 1),
            },
            "identifier" => {
                let function = std::iter::successors(expr.parent(), |n| n.parent())
                    .find(|n| n.kind() == "function_item");
                let value =
                    crate::lang::tree::single_binding(expr, function, self.src, |node| match node
                        .kind()
                    {
                        "let_declaration" | "const_item" | "static_item" => {
                            let name = node.field("pattern").or_else(|| node.field("name"));
                            name.filter(|n| n.kind() == "identifier")
                                .map(|n| vec![(n, node.field("value"))])
                                .unwrap_or_default()
                        }
                        _ => Vec::new(),
                    })?;
                self.port_of(value, depth + 1)
            }
            _ => None,
        }
    }

    /// The URL of a request, when it is a literal: an edge of the service graph.
    fn url_edge(&mut self, call: Node<'_>) {
        let url = call_args(call)
            .iter()
            .find_map(|a| string_value(*a, self.src).filter(|s| s.contains("://")));
        if let Some(url) = url {
            if let Some((host, path)) = crate::url::split_url(&url) {
                self.push(call, FactKind::http_call_to(&url, host, path));
            }
        }
    }

    /// `reqwest::Client::new()`, `ClientBuilder::new(c).with(TracingMiddleware::default()).build()`:
    /// a client stored under a name.
    pub(super) fn client_built(&mut self, call: Node<'_>) {
        // The inner client handed to a middleware builder is not the one requests go through.
        let wrapped = call
            .parent()
            .filter(|p| p.kind() == "arguments")
            .and_then(|a| a.parent())
            .and_then(|c| self.callee(c))
            .is_some_and(|q| self.knowledge.role(&q) == Some(Role::ClientNew));
        if wrapped {
            return;
        }
        let (top, methods) = chain_top(call, self.src);
        let instrumented = methods.iter().any(|(m, c)| {
            m == "with"
                && call_args(*c)
                    .first()
                    .is_some_and(|a| self.subtree_has_role(*a, &[Role::InstrumentedTransport]))
        });
        let Some(key) = self.storage_name(top) else {
            return;
        };
        self.push(
            top,
            FactKind::ClientBuilt {
                key,
                instrumented: Some(instrumented),
            },
        );
    }

    /// The variable, field or static a value is stored under.
    fn storage_name(&self, value: Node<'_>) -> Option<String> {
        let mut node = value;
        for _ in 0..6 {
            let parent = node.parent()?;
            match parent.kind() {
                "let_declaration" => {
                    let p = parent.field("pattern")?;
                    let name = self.text(p).trim_start_matches("mut ").to_string();
                    return name
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_')
                        .then_some(name);
                }
                "field_initializer" => {
                    return parent.field("field").map(|f| self.text(f));
                }
                "assignment_expression" => {
                    let left = parent.field("left")?;
                    let left = match left.kind() {
                        "field_expression" => left.field("field")?,
                        _ => left,
                    };
                    return Some(self.text(left));
                }
                "static_item" | "const_item" => {
                    return parent.field("name").map(|n| self.text(n));
                }
                "closure_expression" | "arguments" | "call_expression" | "block" => {
                    node = parent;
                }
                _ => return None,
            }
        }
        None
    }

    /// hyper `service_fn(handler)`: every request to the server goes to the handler.
    pub(super) fn service_fn(&mut self, call: Node<'_>) {
        let Some(q) = self.callee(call) else {
            return;
        };
        if resolve::last_segment(&q) != "service_fn" {
            return;
        }
        let Some(arg) = call_args(call).first().copied() else {
            return;
        };
        let extraction = self.handler_extraction(arg);
        self.push(
            call,
            FactKind::inbound(Proto::Http, None, Some("service_fn".into()), extraction),
        );
    }
}

/// `CartServiceClient` → `cart_service_client`: the module tonic generates the type in.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
