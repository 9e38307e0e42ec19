//! C# process boundaries: ASP.NET Core endpoints and controllers (hosting continues the
//! caller's trace), gRPC services and channels, `HttpListener` servers, HttpClient calls,
//! Kafka producers and consumers; and which code is request code.

use crate::facts::{Extraction, FactKind, Flow, Injection, Proto};
use crate::knowledge::Role;
use crate::lang::core::SourceFile;
use tree_sitter::Node;

use super::syntax::{self, args, callee, descendants, last_name, string_value};
use super::{FileCtx, MessageClients};
use crate::lang::address::Piece;
use crate::lang::fields::NodeFields;

/// Attributes that make a method an ASP.NET Core endpoint.
const ENDPOINT_ATTRIBUTES: &[&str] = &[
    "HttpGet",
    "HttpPost",
    "HttpPut",
    "HttpDelete",
    "HttpPatch",
    "HttpHead",
    "HttpOptions",
];

/// Calls whose function argument runs detached from the caller's request.
const DETACHING_CALLS: &[&str] = &[
    "Run",
    "StartNew",
    "QueueUserWorkItem",
    "UnsafeQueueUserWorkItem",
    "QueueBackgroundWorkItem",
];

/// Text that shows code reading or writing trace context by hand without the propagator API.
const HAND_PROPAGATION: &[&str] = &["traceparent"];

impl<'a> FileCtx<'a> {
    /// `app.MapGet("/orders", handler)`: ASP.NET Core hosting continues the caller's trace.
    pub(super) fn route(&mut self, call: Node<'a>, receiver: Option<Node<'a>>) {
        let args = args(call, self.src);
        let Some(route) = args.first().and_then(|(_, a)| string_value(*a, self.src)) else {
            return;
        };
        // `Map` is also AutoMapper's: only a route pattern makes it an endpoint. The verb
        // methods (`MapGet("item-types", ...)`) take a pattern with or without its `/`.
        let plain_map = syntax::callee(call, self.src).is_some_and(|c| c.method == "Map");
        if plain_map && !route.starts_with('/') && !route.is_empty() && !route.starts_with('{') {
            return;
        }
        let router = receiver.map(|r| self.text(r).to_string());
        self.push(
            call,
            FactKind::inbound(Proto::Http, Some(route), router, Extraction::Instrumented),
        );
    }

    /// `[HttpGet("{id}")]` on a controller action: an endpoint hosting extracts for.
    pub(super) fn controller_action(&mut self, method: Node<'a>) {
        let attributes = syntax::attribute_names(method, self.src);
        let Some(verb) = attributes
            .iter()
            .find(|a| ENDPOINT_ATTRIBUTES.contains(&a.as_str()))
        else {
            return;
        };
        let route = syntax::attribute_string(method, verb, self.src);
        let router = self
            .classes
            .enclosing(method)
            .and_then(|c| c.field("name"))
            .map(|n| self.text(n).to_string());
        let name = method.field("name").unwrap_or(method);
        self.push(
            name,
            FactKind::inbound(Proto::Http, route, router, Extraction::Instrumented),
        );
    }

    /// `app.MapGrpcService<T>()`: a gRPC service hosted by ASP.NET Core.
    pub(super) fn grpc_service(&mut self, call: Node<'a>) {
        let service = call
            .field("function")
            .and_then(|f| f.field("name"))
            .filter(|n| n.kind() == "generic_name")
            .and_then(|g| syntax::named_children(g).into_iter().nth(1))
            .map(|t| self.text(t).trim_matches(['<', '>']).to_string());
        self.push(
            call,
            FactKind::inbound(Proto::Grpc, service, None, Extraction::Instrumented),
        );
    }

    /// `GrpcChannel.ForAddress(...)`, `services.AddGrpcClient<T>(...)`: calls go through
    /// HttpClient, which the runtime instruments. A registered generated client
    /// (`AddGrpcClient<Basket.BasketClient>`) also names the service it calls.
    pub(super) fn grpc_channel(&mut self, call: Node<'a>) {
        if let Some(service) = syntax::single_type_argument(call)
            .and_then(|t| crate::lang::grpc_stubs::csharp_client(self.text(t)))
        {
            self.push(call, FactKind::GrpcServiceCalled { service });
        }
        let target = self.callee_text(call);
        let flow = self.flow(call);
        self.push(
            call,
            FactKind::outbound(Proto::Grpc, target, Injection::Instrumented, flow),
        );
    }

    /// `client.BaseAddress = new Uri("http://catalog-api")` (also in an object initializer or
    /// an `AddHttpClient` configuration): the client's requests go to that address.
    pub(super) fn base_address_fact(&mut self, assign: Node<'a>) {
        let (Some(left), Some(right)) = (assign.field("left"), assign.field("right")) else {
            return;
        };
        let property = match left.kind() {
            "member_access_expression" => left.field("name"),
            "identifier" => Some(left),
            _ => None,
        };
        if property.map(|p| self.text(p)) != Some("BaseAddress") {
            return;
        }
        let uri = match right.kind() {
            "object_creation_expression" | "implicit_object_creation_expression" => {
                let Some(&(_, first)) = args(right, self.src).first() else {
                    return;
                };
                first
            }
            _ => right,
        };
        let piece = match string_value(uri, self.src) {
            Some(text) => Piece::Lit(text),
            None => match env_value(uri, self.src, self.knowledge) {
                Some((var, _)) => Piece::Env(var),
                None => return,
            },
        };
        if let Some(fact) = crate::lang::address::http_target(&[piece]) {
            self.push(assign, fact);
        }
    }

    /// `builder.AddProject<Projects.Catalog_API>("catalog-api")` in a .NET Aspire host: the
    /// project runs under that name.
    pub(super) fn project_deploy(&mut self, call: Node<'a>) {
        let Some(project) = syntax::single_type_argument(call)
            .and_then(|t| self.text(t).strip_prefix("Projects.").map(str::to_string))
        else {
            return;
        };
        let name = args(call, self.src)
            .first()
            .and_then(|(_, value)| string_value(*value, self.src));
        if let Some(name) = name {
            self.push(call, FactKind::ProjectDeployedAs { project, name });
        }
    }

    /// An HttpClient send (`client.GetAsync(url)`): the runtime injects W3C context unless the
    /// client's handler was built without a propagator, which the client's construction shows.
    pub(super) fn http_call(&mut self, call: Node<'a>, receiver: Node<'a>) {
        // An HttpClient by its name, or one this file builds: a mediator's `Send` or a
        // repository's `GetAsync` is not a request.
        let Some(key) = last_name(receiver, self.src) else {
            return;
        };
        let lower = key.to_ascii_lowercase();
        if !lower.contains("client") && !lower.contains("http") && !self.http_clients.contains(&key)
        {
            return;
        }
        let target = self.callee_text(call);
        let flow = self.flow(call);
        self.push(
            call,
            FactKind::outbound(Proto::Http, target, Injection::Client(key), flow),
        );
        // `client.GetAsync("http://localhost:3000/dotnet")`: a literal URL names its host.
        let url = args(call, self.src)
            .first()
            .and_then(|&(_, a)| string_value(a, self.src));
        if let Some(fact) = url.and_then(|u| crate::lang::address::http_target(&[Piece::Lit(u)])) {
            self.push(call, fact);
        }
    }

    /// `producer.ProduceAsync(topic, message)`: Kafka carries no context unless the code injects
    /// it or the producer is instrumented.
    pub(super) fn produce(&mut self, call: Node<'a>, receiver: Option<Node<'a>>) {
        let function = self.enclosing_function(call);
        let scope_text = function.map(|f| self.text(f)).unwrap_or_default();
        let injection = if self.file_injects || self.propagates_by_hand(scope_text) {
            Injection::Manual
        } else if function.is_some_and(|f| self.has_error_inside(f))
            || scope_text.contains("Headers")
        {
            // Headers filled by code tracewire cannot follow.
            Injection::Unknown
        } else {
            match receiver.and_then(|r| last_name(r, self.src)) {
                Some(key) => Injection::Client(key),
                None => Injection::Unknown,
            }
        };
        let target = self.callee_text(call);
        let flow = self.flow(call);
        self.push(
            call,
            FactKind::outbound(Proto::Messaging, target, injection, flow),
        );
    }

    /// `consumer.Consume(ct)`: the producer's context is in the message headers, read only by
    /// an instrumented consumer or by hand.
    pub(super) fn consume(&mut self, call: Node<'a>, receiver: Option<Node<'a>>) {
        let function = self.enclosing_function(call);
        let extraction = if self.file_extracts || self.propagates_by_hand(self.text_of_file(call)) {
            Extraction::Manual
        } else if self.message_clients == MessageClients::Instrumented {
            Extraction::Instrumented
        } else if self.message_clients == MessageClients::None
            || function.is_some_and(|f| self.has_error_inside(f))
        {
            // The consumer is built elsewhere, or part of the function did not parse.
            Extraction::Unknown
        } else {
            Extraction::None
        };
        let router = receiver.and_then(|r| last_name(r, self.src));
        self.push(
            call,
            FactKind::inbound(Proto::Messaging, None, router, extraction),
        );
    }

    /// Object creations: sources and listeners, HTTP servers, HTTP and message clients.
    pub(super) fn creation_fact(&mut self, new: Node<'a>) {
        let Some(ty) = self.created_type(new) else {
            return;
        };
        match ty.as_str() {
            "ActivitySource" | "ActivityListener" => return self.source_creation(new, &ty),
            "HttpClient" => return self.http_client(new),
            _ => {}
        }
        match self.knowledge.role(&format!("new {ty}")) {
            Some(Role::BareHttpServer) => {
                let extraction =
                    if self.file_extracts || self.propagates_by_hand(self.text_of_file(new)) {
                        Extraction::Manual
                    } else {
                        Extraction::None
                    };
                self.push(
                    new,
                    FactKind::inbound(Proto::Http, None, Some(ty), extraction),
                );
            }
            Some(role @ (Role::MessageClientNew | Role::InstrumentedMessageClient)) => {
                let (top, _) = self.chain(new);
                if let Some(key) = self.holder(top) {
                    self.push(
                        new,
                        FactKind::ClientBuilt {
                            key,
                            instrumented: Some(role == Role::InstrumentedMessageClient),
                        },
                    );
                }
            }
            _ => {}
        }
    }

    /// `new HttpClient(handler)`: injects unless its handler's `ActivityHeadersPropagator` is
    /// switched off (`null` or `DistributedContextPropagator.CreateNoOutputPropagator()`).
    pub(super) fn http_client(&mut self, new: Node<'a>) {
        let Some(key) = self.holder(new) else {
            return;
        };
        let handler = args(new, self.src).into_iter().next().map(|(_, a)| a);
        let instrumented = match handler {
            None => Some(true),
            Some(h) if h.kind() == "object_creation_expression" => {
                Some(!disables_propagation(self.text(h)))
            }
            Some(h) if h.kind() == "identifier" => {
                let scope = self
                    .enclosing_function(new)
                    .map(|f| self.text(f))
                    .unwrap_or_default();
                let built_here = scope.contains(&format!("{} = new", self.text(h)))
                    || scope.contains(&format!("{} = new(", self.text(h)));
                if disables_propagation(scope) {
                    Some(false)
                } else if built_here {
                    Some(true)
                } else {
                    None
                }
            }
            Some(_) => None,
        };
        self.push(new, FactKind::ClientBuilt { key, instrumented });
    }

    /// `services.AddHttpClient<CatalogService>(..)` (or a named client): the factory's clients
    /// inject unless the registration's chain switches the handler's propagator off
    /// (`.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler {
    /// ActivityHeadersPropagator = null })`). The client is keyed by its type or name.
    pub(super) fn http_client_registered(&mut self, call: Node<'a>) {
        let key = syntax::single_type_argument(call)
            .and_then(|t| last_name(t, self.src))
            .or_else(|| {
                args(call, self.src)
                    .first()
                    .and_then(|(_, a)| string_value(*a, self.src))
            })
            .unwrap_or_else(|| "HttpClient".to_string());
        let (top, _) = self.chain(call);
        let instrumented = Some(!disables_propagation(self.text(top)));
        self.push(call, FactKind::ClientBuilt { key, instrumented });
    }

    /// How code at `node` reaches its request, if it is request code: a controller action or
    /// endpoint, a handler lambda, a method with an `HttpContext`/`ServerCallContext`
    /// parameter, or a closure inside one that is not sent off to another thread.
    pub(super) fn request_scope(&self, node: Node<'a>) -> Option<String> {
        let function = self.enclosing_function(node)?;
        if let Some(known) = self.request_scopes.borrow().get(&function.id()) {
            return known.clone();
        }
        let scope = self.function_scope(function);
        self.request_scopes
            .borrow_mut()
            .insert(function.id(), scope.clone());
        scope
    }

    fn function_scope(&self, function: Node<'a>) -> Option<String> {
        if let Some(param) = self.request_parameter(function) {
            return Some(param);
        }
        match function.kind() {
            "method_declaration" => self
                .is_endpoint_method(function)
                .then(|| "HttpContext".to_string()),
            "lambda_expression" | "anonymous_method_expression" => {
                if self.route_handlers.contains(&function.id()) {
                    Some("HttpContext".to_string())
                } else if self.is_detached(function) {
                    None
                } else {
                    self.request_scope(function)
                }
            }
            "local_function_statement" => self.request_scope(function),
            _ => None,
        }
    }

    /// A parameter whose type puts a request in scope, as the knowledge table says to reach it.
    fn request_parameter(&self, function: Node<'a>) -> Option<String> {
        let params = function.field("parameters")?;
        syntax::named_children(params)
            .into_iter()
            .filter(|p| p.kind() == "parameter")
            .find_map(|p| {
                let ty = last_name(p.field("type")?, self.src)?;
                let how = self.knowledge.request_context(&ty)?;
                let name = p.field("name")?;
                Some(how.replace("{name}", self.text(name)))
            })
    }

    /// A controller action or an attribute-routed endpoint.
    fn is_endpoint_method(&self, method: Node<'a>) -> bool {
        let attributes = syntax::attribute_names(method, self.src);
        if attributes
            .iter()
            .any(|a| ENDPOINT_ATTRIBUTES.contains(&a.as_str()) || a == "Route")
        {
            return true;
        }
        if attributes.iter().any(|a| a == "NonAction") {
            return false;
        }
        let mods = syntax::modifiers(method, self.src);
        if !mods.contains(&"public") || mods.contains(&"static") {
            return false;
        }
        let Some(class) = self.classes.enclosing(method) else {
            return false;
        };
        let class_attributes = syntax::attribute_names(class, self.src);
        if class_attributes.iter().any(|a| a == "ApiController") {
            return true;
        }
        syntax::named_children(class)
            .into_iter()
            .filter(|n| n.kind() == "base_list")
            .flat_map(syntax::named_children)
            .filter_map(|b| last_name(b, self.src))
            .any(|b| b == "Controller" || b == "ControllerBase")
    }

    /// Whether a lambda is handed to something that runs it on another thread.
    fn is_detached(&self, lambda: Node<'a>) -> bool {
        let Some(call) = lambda
            .parent()
            .filter(|p| p.kind() == "argument")
            .and_then(|a| a.parent())
            .and_then(|l| l.parent())
        else {
            return false;
        };
        match call.kind() {
            "invocation_expression" => {
                callee(call, self.src).is_some_and(|c| DETACHING_CALLS.contains(&c.method.as_str()))
            }
            "object_creation_expression" => self
                .created_type(call)
                .is_some_and(|t| t == "Thread" || t == "Timer"),
            _ => false,
        }
    }

    /// Whether a trace can be in flight at a call.
    pub(super) fn flow(&self, call: Node<'a>) -> Flow {
        if self.request_scope(call).is_some() {
            return Flow::Request;
        }
        let Some(function) = self.enclosing_function(call) else {
            return Flow::Detached;
        };
        if self.starts_span(function) {
            return Flow::Request;
        }
        match function.kind() {
            "method_declaration" | "local_function_statement" => function
                .field("name")
                .map(|n| Flow::Function(self.text(n).to_string()))
                .unwrap_or(Flow::Detached),
            _ => Flow::Detached,
        }
    }

    /// Whether a function starts an activity.
    pub(super) fn starts_span(&self, function: Node<'a>) -> bool {
        if let Some(known) = self.starts_span.borrow().get(&function.id()) {
            return *known;
        }
        let span_start = &self.knowledge.methods.span_start;
        let found = descendants(function).any(|n| {
            n.kind() == "invocation_expression"
                && callee(n, self.src).is_some_and(|c| span_start.contains(&c.method))
        });
        self.starts_span.borrow_mut().insert(function.id(), found);
        found
    }

    /// Whether code propagates trace context by hand without the propagator API.
    fn propagates_by_hand(&self, text: &str) -> bool {
        HAND_PROPAGATION.iter().any(|h| text.contains(h))
    }

    /// The whole file's text (the root of `node`'s tree).
    fn text_of_file(&self, _node: Node<'a>) -> &'a str {
        std::str::from_utf8(self.src).unwrap_or("")
    }

    /// A call's callee as written (`_producer.ProduceAsync`).
    pub(super) fn callee_text(&self, call: Node<'a>) -> String {
        call.field("function")
            .map(|f| self.text(f).to_string())
            .unwrap_or_default()
    }
}

/// Whether handler code switches the runtime's header propagation off.
fn disables_propagation(text: &str) -> bool {
    let compact: String = text.split_whitespace().collect();
    compact.contains("ActivityHeadersPropagator=null")
        || (compact.contains("ActivityHeadersPropagator")
            && compact.contains("CreateNoOutputPropagator"))
}

impl<'a> FileCtx<'a> {
    /// `new CartService.CartServiceClient(channel)`: generated gRPC client code.
    pub(super) fn grpc_client_fact(&mut self, new: Node<'a>) {
        let service = new
            .field("type")
            .and_then(|t| crate::lang::grpc_stubs::csharp_client(self.text(t)));
        if let Some(service) = service {
            self.push(new, FactKind::GrpcServiceCalled { service });
        }
    }

    /// A class deriving from `CartService.CartServiceBase`: generated gRPC server code.
    pub(super) fn grpc_server_fact(&mut self, class: Node<'a>) {
        let mut cursor = class.walk();
        let bases = class
            .named_children(&mut cursor)
            .filter(|c| c.kind() == "base_list");
        let mut served = None;
        for list in bases {
            let mut cursor = list.walk();
            served = list
                .named_children(&mut cursor)
                .find_map(|b| crate::lang::grpc_stubs::csharp_server(self.text(b)));
        }
        if let Some(service) = served {
            self.push(class, FactKind::GrpcServiceServed { service });
        }
    }

    /// The topic named by a producer's or consumer's topic argument (one named by the knowledge
    /// table's `topic_parameters`, as RabbitMQ's `routingKey:`, else the one at its
    /// `topic_positions`, else the first): a string
    /// literal, an environment variable's value (`Environment.GetEnvironmentVariable("KAFKA_TOPIC")
    /// ?? "orders"`), or a constant, field or variable of the file bound once to either.
    pub(super) fn message_topic(&mut self, call: Node<'a>, sends: bool) {
        let arguments = syntax::args(call, self.src);
        let named = arguments.iter().find(|(name, _)| {
            name.as_ref().is_some_and(|n| {
                self.knowledge
                    .methods
                    .topic_parameters
                    .iter()
                    .any(|p| p == n)
            })
        });
        let position = syntax::callee(call, self.src)
            .and_then(|c| {
                self.knowledge
                    .methods
                    .topic_positions
                    .get(&c.method)
                    .copied()
            })
            .unwrap_or(0);
        let positional = arguments.get(position).filter(|(name, _)| name.is_none());
        let Some(&(_, first)) = named.or(positional) else {
            return;
        };
        let src = self.src;
        let value = match first.kind() {
            "identifier" => {
                crate::lang::tree::single_binding(first, None, src, syntax::declared_value)
            }
            _ => Some(first),
        };
        let Some(value) = value else {
            return;
        };
        if let Some((var, default)) = env_value(value, src, self.knowledge) {
            self.push(
                call,
                FactKind::MessageTopicFromEnv {
                    var,
                    default,
                    sends,
                },
            );
        } else if let Some(topic) = syntax::string_value(value, src).filter(|t| !t.is_empty()) {
            self.push(call, FactKind::MessageTopic { topic, sends });
        }
    }
}

/// A read of an environment variable the knowledge table lists
/// (`Environment.GetEnvironmentVariable("X")`), alone or with a literal default after `??`: the
/// variable and the default.
fn env_value(
    value: Node<'_>,
    src: &[u8],
    knowledge: &crate::knowledge::Knowledge,
) -> Option<(String, Option<String>)> {
    let value = match value.kind() {
        // `(x)`, and `x!` (null-forgiving).
        "parenthesized_expression" | "postfix_unary_expression" => value.named_child(0)?,
        _ => value,
    };
    if let Some(key) = configuration_key(value, src) {
        return Some((key, None));
    }
    if value.kind() == "binary_expression" {
        let operator = value.field("operator")?;
        if syntax::text(operator, src) != "??" {
            return None;
        }
        let (var, _) = env_value(value.field("left")?, src, knowledge)?;
        let default = syntax::string_value(value.field("right")?, src);
        return Some((var, default.filter(|d| !d.is_empty())));
    }
    if value.kind() != "invocation_expression" {
        return None;
    }
    let callee = syntax::callee(value, src)?;
    let receiver = syntax::text(callee.receiver?, src);
    if !knowledge.is_env_read(&format!("{receiver}.{}", callee.method)) {
        return None;
    }
    let (_, first) = syntax::args(value, src).into_iter().next()?;
    let var = syntax::string_value(first, src)?;
    (!var.is_empty()).then_some((var, None))
}

/// Names under which code reads .NET configuration: a receiver whose last name contains one of
/// these (case-insensitively) is an `IConfiguration` (`builder.Configuration`, `_config`).
const CONFIGURATION_NAMES: &[&str] = &["configuration", "config"];

/// A configuration value read by key: `configuration["Catalog:Url"]`,
/// `config.GetValue<string>("Catalog:Url")`, `config.GetSection("Catalog")["Url"]`. .NET's
/// configuration reads the environment variable `Catalog__Url` for key `Catalog:Url`, so the
/// read is named by that variable.
fn configuration_key(value: Node<'_>, src: &[u8]) -> Option<String> {
    let (receiver, key) = match value.kind() {
        "element_access_expression" => {
            let receiver = value.named_child(0)?;
            let subscript = syntax::named_children(value)
                .into_iter()
                .find(|n| n.kind() == "bracketed_argument_list")?;
            let argument = syntax::named_children(subscript).into_iter().next()?;
            let key = syntax::string_value(argument.named_child(0).unwrap_or(argument), src)?;
            (receiver, key)
        }
        "invocation_expression" => {
            let callee = syntax::callee(value, src)?;
            if callee.method != "GetValue" {
                return None;
            }
            let (_, first) = syntax::args(value, src).into_iter().next()?;
            (callee.receiver?, syntax::string_value(first, src)?)
        }
        _ => return None,
    };
    let section = configuration_section(receiver, src)?;
    if key.is_empty() || key.contains(char::is_whitespace) {
        return None;
    }
    let key = match section {
        Some(section) => format!("{section}:{key}"),
        None => key,
    };
    Some(key.replace(':', "__"))
}

/// For a configuration receiver: `Some(None)` for the configuration itself, `Some(Some(s))` for
/// `config.GetSection("s")`; `None` when it is not configuration.
fn configuration_section(receiver: Node<'_>, src: &[u8]) -> Option<Option<String>> {
    if receiver.kind() == "invocation_expression" {
        let callee = syntax::callee(receiver, src)?;
        if callee.method != "GetSection" {
            return None;
        }
        let (_, first) = syntax::args(receiver, src).into_iter().next()?;
        let section = syntax::string_value(first, src)?;
        return match configuration_section(callee.receiver?, src)? {
            Some(outer) => Some(Some(format!("{outer}:{section}"))),
            None => Some(Some(section)),
        };
    }
    let name = last_name(receiver, src)?.to_ascii_lowercase();
    CONFIGURATION_NAMES
        .iter()
        .any(|c| name.contains(c))
        .then_some(None)
}
