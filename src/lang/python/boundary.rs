//! Python process boundaries: inbound routes, servers and consumers; outbound requests,
//! channels and producers; manual propagation; and where a trace is in flight.

use crate::facts::{Extraction, FactKind, Flow, Injection, Proto};
use crate::knowledge::Role;
use crate::lang::core::summary::{self, FunctionSummary};
use crate::lang::core::SourceFile;
use crate::lang::tree::nodes_within;
use std::collections::{HashMap, HashSet};
use tree_sitter::Node;

use super::resolve::{call_args, kwarg, last_segment, spreads, typed_parameters};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// Web frameworks a file may import, by top-level module, and the library name their
/// instrumentation patches (as in the knowledge table's `[patches]`).
const FRAMEWORK_IMPORTS: &[(&str, &str)] = &[
    ("fastapi", "fastapi"),
    ("flask", "flask"),
    ("aiohttp", "aiohttp-server"),
    ("starlette", "starlette"),
];

impl<'a> FileCtx<'a> {
    /// Whether a trace can be in flight at `node`: in a handler or a function that starts a
    /// span; inside another function only if request code calls it; never at module level.
    pub(super) fn flow(&self, node: Node<'_>) -> Flow {
        if self.standalone {
            return Flow::Detached;
        }
        let mut function = self.enclosing_function(node);
        let mut first_named = None;
        while let Some(f) = function {
            if self.request_functions.contains(&f.id()) {
                return Flow::Request;
            }
            if first_named.is_none() && f.kind() == "function_definition" {
                first_named = f.field("name").map(|n| self.text(n).into_owned());
            }
            function = self.enclosing_function(f);
        }
        match first_named {
            Some(name) => Flow::Function(name),
            None => Flow::Detached,
        }
    }

    /// Whether a function handles a request or starts a span: a trace is in flight in it.
    pub(super) fn is_request_function(&self, function: Node<'_>) -> bool {
        if self.is_handler(function) {
            return true;
        }
        let Some(body) = function.field("body") else {
            return false;
        };
        let methods = &self.knowledge.methods;
        let starts_span = |n: &Node<'_>| {
            n.kind() == "call"
                && self.method_call(*n).is_some_and(|(_, m)| {
                    methods.span_start.contains(&m) || methods.active_span_start.contains(&m)
                })
        };
        if self.own_calls(function, body).any(|n| starts_span(&n)) {
            return true;
        }
        self.decorators(function)
            .iter()
            .any(|d| nodes_within(&self.calls, *d).any(|n| starts_span(&n)))
    }

    /// Whether a function handles an inbound request: a route decorator, a request parameter
    /// (`request`, `req`: Django, Starlette and aiohttp views, gRPC servicer methods), or an
    /// `http.server` handler method (`do_GET`).
    pub(super) fn is_handler(&self, function: Node<'_>) -> bool {
        if function.kind() != "function_definition" {
            return false;
        }
        let takes_request = function.field("parameters").is_some_and(|params| {
            typed_parameters(self, params)
                .iter()
                .any(|(name, ty)| self.knowledge.is_request_param(name, ty.as_deref()))
        });
        if takes_request {
            return true;
        }
        let name = function
            .field("name")
            .map(|n| self.text(n).into_owned())
            .unwrap_or_default();
        if name.starts_with("do_") && name[3..].chars().all(|c| c.is_ascii_uppercase()) {
            return true;
        }
        self.decorators(function)
            .iter()
            .any(|d| self.route_of_decorator(*d).is_some())
    }

    /// Facts for a call made in request code: the callee runs with a trace in flight.
    pub(super) fn called_from_request(&mut self, call: Node<'_>) {
        if self.flow(call) != Flow::Request {
            return;
        }
        if let Some(name) = self.called_name(call) {
            self.push(call, FactKind::CalledFromRequest { name });
        }
    }

    /// The web framework a file imports, as the library its instrumentation patches.
    fn framework(&self) -> Option<&'static str> {
        FRAMEWORK_IMPORTS.iter().find_map(|(module, lib)| {
            self.import_sites
                .iter()
                .any(|s| s.qualified.split('.').next() == Some(module))
                .then_some(*lib)
        })
    }

    /// For a route decorator (`@app.get("/x")`): the route, the router as written, and the
    /// library that serves it.
    fn route_of_decorator(&self, decorator: Node<'_>) -> Option<(String, String, String)> {
        let call = decorator.named_child(0).filter(|c| c.kind() == "call")?;
        let (recv, method) = self.method_call(call)?;
        if !self.knowledge.methods.route.contains(&method) {
            return None;
        }
        // A literal path, or one computed from a prefix (`PREFIX + "/cart"`, `f"{PREFIX}/cart"`).
        let first = *call_args(call).first()?;
        let route = self
            .string_value(first)
            .or_else(|| crate::lang::address::computed_route(&self.url_pieces(first, 0)))?;
        if !(route.starts_with('/') || route.starts_with("{…}") || route.is_empty()) {
            return None;
        }
        let library = match self.resolve(recv) {
            Some(ty) if self.knowledge.role(&ty) == Some(Role::HttpServerNew) => {
                self.knowledge.library(&ty)?.to_string()
            }
            Some(_) => return None,
            None => {
                let name = self.text(recv);
                if !self
                    .knowledge
                    .methods
                    .route_receivers
                    .iter()
                    .any(|r| *r == name)
                {
                    return None;
                }
                self.framework()?.to_string()
            }
        };
        Some((route, self.text(recv).into_owned(), library))
    }

    /// A route decorator: an inbound HTTP entry point served through the framework.
    pub(super) fn decorator_fact(&mut self, decorator: Node<'_>) {
        if let Some(app) = self.request_hook_of(decorator) {
            let definition = decorator.parent().and_then(|d| d.field("definition"));
            if definition.is_some_and(|f| self.extracts_by_hand(f)) {
                let call = decorator.named_child(0).unwrap_or(decorator);
                self.push(call, FactKind::ServerInstrumented { target: app });
            }
            return;
        }
        let Some((route, router, library)) = self.route_of_decorator(decorator) else {
            return;
        };
        let extraction = match decorator.parent().and_then(|d| d.field("definition")) {
            Some(f) if self.extracts_by_hand(f) => Extraction::Manual,
            _ => Extraction::Patched(library),
        };
        let call = decorator.named_child(0).unwrap_or(decorator);
        self.push(
            call,
            FactKind::inbound(Proto::Http, Some(route), Some(router), extraction),
        );
    }

    /// The app a request-hook decorator installs its function on: `app` for
    /// `@app.before_request` or `@app.middleware("http")`.
    fn request_hook_of(&self, decorator: Node<'_>) -> Option<String> {
        let mut expr = decorator.named_child(0)?;
        if expr.kind() == "call" {
            expr = expr.field("function")?;
        }
        if expr.kind() != "attribute" {
            return None;
        }
        let method = self.text(expr.field("attribute")?);
        let object = expr.field("object")?;
        self.knowledge
            .methods
            .request_hooks
            .iter()
            .any(|h| *h == method)
            .then(|| self.text(object).into_owned())
    }

    /// `app.before_request(attach_context)`: a request hook registered by call, with a
    /// function of this file that extracts by hand.
    pub(super) fn request_hook_call(
        &mut self,
        call: Node<'_>,
        recv: Node<'_>,
        method: &str,
    ) -> bool {
        if !self
            .knowledge
            .methods
            .request_hooks
            .iter()
            .any(|h| h == method)
        {
            return false;
        }
        let hook = call_args(call).first().map(|a| self.text(*a).into_owned());
        if hook.is_some_and(|h| self.extracting_functions.contains(&h)) {
            let target = self.text(recv).into_owned();
            self.push(call, FactKind::ServerInstrumented { target });
        }
        true
    }

    /// `web.get("/x", handler)`, `Route("/x", endpoint)`, Django's `path("x/", view)`.
    pub(super) fn route_call(&mut self, call: Node<'_>, qualified: &str) {
        let args = call_args(call);
        let (Some(first), Some(handler)) = (args.first(), args.get(1)) else {
            return;
        };
        let Some(mut route) = self.string_value(*first) else {
            return;
        };
        // Django: `path("api/", include("api.urls"))` only mounts more routes.
        if handler.kind() == "call"
            && self
                .callee(*handler)
                .is_some_and(|q| last_segment(&q) == "include")
        {
            return;
        }
        let Some(mut library) = self.knowledge.library(qualified).map(str::to_string) else {
            return;
        };
        let router = if library == "django" {
            let trimmed = route.trim_start_matches('^');
            route = format!("/{}", trimmed.trim_start_matches('/'));
            "urlpatterns".to_string()
        } else {
            if library == "starlette" && self.framework() == Some("fastapi") {
                library = "fastapi".into();
            }
            call.parent()
                .and_then(|p| p.parent())
                .and_then(|p| p.parent())
                .map(|p| self.text(p).into_owned())
                .filter(|t| t.len() < 40)
                .unwrap_or_else(|| "routes".into())
        };
        let extraction = if self.handler_extracts(*handler) {
            Extraction::Manual
        } else {
            Extraction::Patched(library)
        };
        self.push(
            call,
            FactKind::inbound(Proto::Http, Some(route), Some(router), extraction),
        );
    }

    /// `app.add_url_rule("/x", view_func=v)`, `app.router.add_get("/x", handler)`.
    pub(super) fn route_method(&mut self, call: Node<'_>, recv: Node<'_>, app_ty: &str) {
        let args = call_args(call);
        let Some(route) = args.first().and_then(|a| self.string_value(*a)) else {
            return;
        };
        if !route.starts_with('/') {
            return;
        }
        let Some(library) = self.knowledge.library(app_ty).map(str::to_string) else {
            return;
        };
        let handler = args
            .last()
            .copied()
            .or_else(|| kwarg(self, call, "view_func"));
        let extraction = match handler {
            Some(h) if self.handler_extracts(h) => Extraction::Manual,
            _ => Extraction::Patched(library),
        };
        self.push(
            call,
            FactKind::inbound(
                Proto::Http,
                Some(route),
                Some(self.text(recv).into_owned()),
                extraction,
            ),
        );
    }

    /// `class Handler(BaseHTTPRequestHandler)`: each `do_*` method serves requests, and no
    /// instrumentation covers `http.server`.
    pub(super) fn class_fact(&mut self, class: Node<'_>) {
        let Some(supers) = class.field("superclasses") else {
            return;
        };
        let serves_http = call_args_of_list(supers).iter().any(|s| {
            self.resolve(*s).is_some_and(|q| {
                matches!(
                    q.as_str(),
                    "http.server.BaseHTTPRequestHandler"
                        | "http.server.SimpleHTTPRequestHandler"
                        | "http.server.CGIHTTPRequestHandler"
                )
            })
        });
        if !serves_http {
            return;
        }
        let (Some(name), Some(body)) = (class.field("name"), class.field("body")) else {
            return;
        };
        let router = self.text(name).into_owned();
        let extracts = self.extracts_by_hand(body);
        let mut cursor = body.walk();
        let methods: Vec<Node<'_>> = body
            .named_children(&mut cursor)
            .filter_map(|n| match n.kind() {
                "function_definition" => Some(n),
                "decorated_definition" => n.field("definition"),
                _ => None,
            })
            .filter(|f| {
                f.field("name")
                    .is_some_and(|n| self.text(n).starts_with("do_"))
            })
            .collect();
        for method in methods {
            self.push(
                method.field("name").unwrap_or(method),
                FactKind::inbound(
                    Proto::Http,
                    None,
                    Some(router.clone()),
                    if extracts {
                        Extraction::Manual
                    } else {
                        Extraction::None
                    },
                ),
            );
        }
    }

    /// `grpc.server(...)`: extracts through interceptors given here, or through the patched
    /// library.
    pub(super) fn grpc_server(&mut self, call: Node<'_>, qualified: &str) {
        let extraction = if kwarg(self, call, "interceptors")
            .is_some_and(|i| self.subtree_has_role(i, &[Role::GrpcServerInstrumentation]))
        {
            Extraction::Instrumented
        } else if spreads(call) || kwarg(self, call, "interceptors").is_some() {
            Extraction::Unknown
        } else {
            match self.knowledge.library(qualified) {
                Some(lib) => Extraction::Patched(lib.into()),
                None => Extraction::Unknown,
            }
        };
        self.push(
            call,
            FactKind::inbound(Proto::Grpc, None, self.binding_name(call), extraction),
        );
    }

    /// `grpc.insecure_channel(target)`: injects through interceptors, a wrapping
    /// `intercept_channel`, or the patched library.
    pub(super) fn grpc_channel(&mut self, call: Node<'_>, qualified: &str) {
        let intercepted = call.parent().is_some_and(|p| {
            p.kind() == "argument_list"
                && p.parent().is_some_and(|outer| {
                    self.callee(outer).as_deref() == Some("grpc.intercept_channel")
                        && self.subtree_has_role(outer, &[Role::GrpcClientInstrumentation])
                })
        });
        let with_interceptors = kwarg(self, call, "interceptors")
            .is_some_and(|i| self.subtree_has_role(i, &[Role::GrpcClientInstrumentation]));
        let wrapped = self
            .binding_name(call)
            .is_some_and(|n| self.wrapped.contains(&n));
        let injection = if intercepted || with_interceptors || wrapped {
            Injection::Instrumented
        } else if self.standalone || spreads(call) || kwarg(self, call, "interceptors").is_some() {
            // A tool or test client next to the service carries no trace of its own.
            Injection::Unknown
        } else {
            match self.knowledge.library(qualified) {
                Some(lib) => Injection::Patched(lib.into()),
                None => Injection::Unknown,
            }
        };
        let target = self.function_text(call);
        let flow = self.flow(call);
        self.push(
            call,
            FactKind::outbound(Proto::Grpc, target, injection, flow),
        );
    }

    /// An HTTP request: a module function (`requests.get(url)`) or a method on a client value
    /// (`session.get(url)`).
    pub(super) fn http_call(&mut self, call: Node<'_>, qualified: &str, recv: Option<Node<'_>>) {
        let instrumented = recv.is_some_and(|r| {
            let name = self.text(r);
            self.wrapped.contains(name.as_ref())
                || self.value(&name, call).is_some_and(|v| v.instrumented)
        });
        let injection = if instrumented {
            Injection::Instrumented
        } else if self.injects_by_hand(call) {
            Injection::Manual
        } else {
            match self.knowledge.library(qualified) {
                Some(lib) => Injection::Patched(lib.into()),
                None => Injection::Unknown,
            }
        };
        let target = self.function_text(call);
        let flow = self.flow(call);
        self.push(
            call,
            FactKind::outbound(Proto::Http, target, injection, flow),
        );
        // The URL, when its host is a literal or an environment variable: an edge of the
        // service graph.
        let args = call_args(call);
        let targets = args
            .iter()
            .chain(kwarg(self, call, "url").as_ref())
            .map(|a| {
                crate::lang::address_table::url_alternatives(self, *a)
                    .iter()
                    .filter_map(|pieces| crate::lang::address::http_target(pieces))
                    .collect::<Vec<_>>()
            })
            .find(|facts| !facts.is_empty())
            .unwrap_or_default();
        for fact in targets {
            self.push(call, fact);
        }
    }

    /// `producer.send(topic, value)` / `producer.produce(topic, value)`.
    pub(super) fn producer_send(&mut self, call: Node<'_>, ty: &str, recv: Node<'_>) {
        let name = self.text(recv);
        let instrumented = self.wrapped.contains(name.as_ref())
            || self.value(&name, call).is_some_and(|v| v.instrumented);
        let injection = if instrumented {
            Injection::Instrumented
        } else if self.injects_by_hand(call) {
            Injection::Manual
        } else {
            match self.knowledge.library(ty) {
                Some(lib) => Injection::Patched(lib.into()),
                None => Injection::Unknown,
            }
        };
        let target = self.function_text(call);
        let flow = self.flow(call);
        self.push(
            call,
            FactKind::outbound(Proto::Messaging, target, injection, flow),
        );
        self.message_topic(call, true);
    }

    /// The topic a producer call or consumer construction names in its first argument (a
    /// literal, an environment variable's value, or a name bound once to either).
    fn message_topic(&mut self, call: Node<'_>, sends: bool) {
        let fact = call_args(call)
            .first()
            .and_then(|a| crate::lang::address::topic_fact(&self.url_pieces(*a, 0), sends));
        if let Some(fact) = fact {
            self.push(call, fact);
        }
    }

    /// `KafkaConsumer("orders", ...)`: messages this service handles.
    pub(super) fn consumer(&mut self, call: Node<'_>, qualified: &str) {
        let name = self.binding_name(call);
        let instrumented = name.as_ref().is_some_and(|n| self.wrapped.contains(n));
        let extraction = if instrumented {
            Extraction::Instrumented
        } else if self
            .enclosing_function(call)
            .is_some_and(|f| self.extracts_by_hand(f))
        {
            Extraction::Manual
        } else {
            match self.knowledge.library(qualified) {
                Some(lib) => Extraction::Patched(lib.into()),
                None => Extraction::Unknown,
            }
        };
        let topic = call_args(call).first().and_then(|a| self.string_value(*a));
        self.message_topic(call, false);
        self.push(
            call,
            FactKind::inbound(
                Proto::Messaging,
                topic,
                Some(name.unwrap_or_else(|| self.function_text(call))),
                extraction,
            ),
        );
    }

    /// Generated gRPC code: `XStub(channel)` calls service X, `add_XServicer_to_server` serves it.
    pub(super) fn grpc_stub(&mut self, call: Node<'_>, callee: &str) -> bool {
        let (module, name) = callee.rsplit_once('.').unwrap_or(("", callee));
        if !module.ends_with("_pb2_grpc") {
            return false;
        }
        if let Some(service) = name.strip_suffix("Stub").filter(|s| !s.is_empty()) {
            let service = service.to_string();
            self.push(call, FactKind::GrpcServiceCalled { service });
            return true;
        }
        let served = name
            .strip_prefix("add_")
            .and_then(|n| n.strip_suffix("Servicer_to_server"))
            .filter(|s| !s.is_empty());
        if let Some(service) = served {
            let service = service.to_string();
            self.push(call, FactKind::GrpcServiceServed { service });
            return true;
        }
        false
    }

    /// `extract(carrier)`: manual extraction, in the function around it.
    pub(super) fn manual_extract(&mut self, call: Node<'_>) {
        if self.extracts_from_nothing(call) {
            return;
        }
        self.push(call, FactKind::ManualExtract);
        let name = self
            .enclosing_function(call)
            .and_then(|f| f.field("name"))
            .map(|n| self.text(n).into_owned());
        if let Some(name) = name {
            self.push(call, FactKind::HandlerExtracts { name });
        }
    }

    /// Whether a receiver is a propagator: the global one or a propagator object.
    pub(super) fn on_propagator(&self, recv: Node<'_>) -> bool {
        self.resolve(recv).is_some_and(|q| {
            self.knowledge.role(&q) == Some(Role::GlobalPropagator)
                || self.knowledge.propagator_format(&q).is_some()
                || last_segment(&q).ends_with("Propagator")
        })
    }

    /// Whether a subtree extracts context by hand.
    pub(super) fn extracts_by_hand(&self, node: Node<'_>) -> bool {
        nodes_within(&self.calls, node).any(|n| {
            let extract = self.call_role(n) == Some(Role::PropagationExtract)
                || self
                    .method_call(n)
                    .is_some_and(|(r, m)| m == "extract" && self.on_propagator(r));
            extract && !self.extracts_from_nothing(n)
        })
    }

    /// An `extract` whose carrier is an empty literal (`extract({})`): it yields an empty
    /// context, continuing no caller's trace.
    pub(super) fn extracts_from_nothing(&self, call: Node<'_>) -> bool {
        let carrier = call_args(call)
            .first()
            .copied()
            .or_else(|| kwarg(self, call, "carrier"));
        carrier.is_some_and(|c| match c.kind() {
            "dictionary" | "list" | "tuple" => c.named_child_count() == 0,
            "call" => self.text(c).replace(' ', "") == "dict()",
            _ => false,
        })
    }

    /// Whether the function around a call injects context by hand: itself, or through the
    /// file's functions it calls.
    fn injects_by_hand(&self, call: Node<'_>) -> bool {
        let Some(function) = self.enclosing_function(call) else {
            return false;
        };
        self.injects_directly(function)
            || nodes_within(&self.calls, function)
                .filter_map(|c| self.called_name(c))
                .any(|name| self.injecting_functions.contains(&name))
    }

    /// Whether a function's own calls inject by hand (`inject(headers)`).
    fn injects_directly(&self, function: Node<'_>) -> bool {
        nodes_within(&self.calls, function)
            .any(|n| self.is_manual_inject(n) && !self.carrier_unused(n, function))
            || crate::lang::core::headers::writes_trace_header(function, self.src)
    }

    /// Whether an `inject` call fills a local carrier the function never reads again
    /// (`headers = {}; inject(headers); requests.get(url)`): the context reaches no request.
    fn carrier_unused(&self, inject: Node<'_>, function: Node<'_>) -> bool {
        let Some(carrier) = call_args(inject)
            .first()
            .copied()
            .or_else(|| kwarg(self, inject, "carrier"))
            .filter(|c| c.kind() == "identifier")
        else {
            return false;
        };
        let name = self.text(carrier);
        let mut bound = false;
        for id in crate::lang::tree::descendants(function)
            .filter(|n| n.kind() == "identifier" && n.id() != carrier.id() && self.text(*n) == name)
        {
            let assigned = id.parent().is_some_and(|p| {
                p.kind() == "assignment" && p.field("left").is_some_and(|l| l.id() == id.id())
            });
            if !assigned {
                return false;
            }
            bound = true;
        }
        bound
    }

    /// Whether a call is a propagator's `inject`.
    fn is_manual_inject(&self, call: Node<'_>) -> bool {
        self.call_role(call) == Some(Role::PropagationInject)
            || self
                .method_call(call)
                .is_some_and(|(r, m)| m == "inject" && self.on_propagator(r))
    }

    /// The last name of a call's callee as written (`with_trace`, `self.with_trace`).
    fn called_name(&self, call: Node<'_>) -> Option<String> {
        let function = call.field("function")?;
        let name = match function.kind() {
            "identifier" => function,
            "attribute" => function.field("attribute")?,
            _ => return None,
        };
        Some(self.text(name).into_owned())
    }

    /// The file's functions that inject by hand, directly or through the file's functions they
    /// call; empty (and nothing walked) when the file never injects.
    pub(super) fn injecting_functions(&self, functions: &[Node<'_>]) -> HashSet<String> {
        if !self.calls.iter().any(|c| self.is_manual_inject(*c)) {
            return HashSet::new();
        }
        let summaries: Vec<FunctionSummary> = functions
            .iter()
            .filter_map(|f| {
                Some(FunctionSummary {
                    name: self.text(f.field("name")?).into_owned(),
                    direct: self.injects_directly(*f),
                    calls: nodes_within(&self.calls, *f)
                        .filter_map(|c| self.called_name(c))
                        .collect(),
                })
            })
            .collect();
        summary::through_calls(&summaries)
    }

    /// Whether a route's handler (a function defined in this file, or a lambda) extracts by
    /// hand.
    fn handler_extracts(&self, handler: Node<'_>) -> bool {
        if handler.kind() == "lambda" {
            return self.extracts_by_hand(handler);
        }
        let name = match handler.kind() {
            "identifier" => self.text(handler).into_owned(),
            "attribute" => match handler.field("attribute") {
                Some(a) => self.text(a).into_owned(),
                None => return false,
            },
            _ => return false,
        };
        self.extracting_functions.contains(&name)
    }

    /// The callee of a call as written.
    pub(super) fn function_text(&self, call: Node<'_>) -> String {
        call.field("function")
            .map(|f| self.text(f).into_owned())
            .unwrap_or_default()
    }
}

/// The decorators of each decorated function or class, by the definition's node id.
pub(super) fn decorators_of<'t>(decorated: &[Node<'t>]) -> HashMap<usize, Vec<Node<'t>>> {
    decorated
        .iter()
        .filter_map(|d| {
            let definition = d.field("definition")?;
            let mut cursor = d.walk();
            let found = d
                .named_children(&mut cursor)
                .filter(|n| n.kind() == "decorator")
                .collect();
            Some((definition.id(), found))
        })
        .collect()
}

impl<'a> FileCtx<'a> {
    /// The decorators written on a function or class.
    fn decorators(&self, definition: Node<'_>) -> &[Node<'a>] {
        self.decorators_of
            .get(&definition.id())
            .map_or(&[], Vec::as_slice)
    }

    /// The calls in a function's body that are its own: not inside a nested function, lambda
    /// or class.
    fn own_calls<'s>(
        &'s self,
        function: Node<'s>,
        body: Node<'s>,
    ) -> impl Iterator<Item = Node<'a>> + 's {
        nodes_within(&self.calls, body).filter(move |c| {
            self.enclosing_function(*c)
                .is_some_and(|f| f.id() == function.id())
                && self
                    .classes
                    .enclosing(*c)
                    .is_none_or(|k| k.start_byte() <= function.start_byte())
        })
    }
}

/// The entries of a class's superclass list.
fn call_args_of_list(list: Node<'_>) -> Vec<Node<'_>> {
    let mut cursor = list.walk();
    let found = list
        .named_children(&mut cursor)
        .filter(|n| n.kind() != "keyword_argument")
        .collect();
    found
}
