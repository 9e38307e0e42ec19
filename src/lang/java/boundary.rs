//! Java process boundaries: inbound entry points (Spring controllers, servlets,
//! `com.sun.net.httpserver` contexts, gRPC servers) and outbound calls (HTTP clients, gRPC
//! channels), each with how it extracts or injects context as far as its site shows.

use super::tree::EnclosingNamed;
use crate::facts::{Extraction, FactKind, Injection, Proto};
use crate::knowledge::Role;
use crate::lang::core::SourceFile;
use tree_sitter::Node;

use super::tree::{
    annotations, args, chain_calls, chain_root, chain_top, children, descendants, object,
};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// Builder methods that add interceptors or filters to a client or server.
const INTERCEPTOR_METHODS: &[&str] = &[
    "intercept",
    "addInterceptor",
    "addNetworkInterceptor",
    "interceptors",
    "requestInterceptor",
    "requestInterceptors",
    "filter",
    "filters",
    "observationRegistry",
    "apply",
    "callFactory",
    "addRequestInterceptorFirst",
    "addRequestInterceptorLast",
    "addExecInterceptorFirst",
    "addExecInterceptorLast",
];

impl<'a> FileCtx<'a> {
    /// An instrumentation factory call (`GrpcTelemetry.create(otel).newServerInterceptor()`).
    pub(super) fn instrumentation_fact(&mut self, call: Node<'a>, role: Role) {
        let what = self.text(call.field("name").unwrap_or(call)).into_owned();
        let explicit_provider = !self.takes_global(call);
        let what = match role {
            Role::GrpcServerInstrumentation => format!("GrpcTelemetry.{what} (ServerInterceptor)"),
            Role::GrpcClientInstrumentation => format!("GrpcTelemetry.{what} (ClientInterceptor)"),
            _ => what,
        };
        self.push(
            call,
            FactKind::Instrumentation {
                what: what.clone(),
                explicit_provider,
            },
        );
        match role {
            Role::ServerMiddleware => {
                self.push(call, FactKind::ServerInstrumented { target: what })
            }
            Role::InstrumentedTransport => {
                if let Some(key) = self.binding_name(chain_top(call)) {
                    self.push(
                        call,
                        FactKind::ClientBuilt {
                            key,
                            instrumented: Some(true),
                        },
                    );
                }
            }
            _ => {}
        }
    }

    /// Whether the subtree holds a call with one of these roles.
    fn subtree_has_role(&self, node: Node<'a>, roles: &[Role]) -> bool {
        descendants(node).any(|n| {
            matches!(n.kind(), "method_invocation" | "object_creation_expression")
                && self.role_of(n).is_some_and(|r| roles.contains(&r))
        })
    }

    /// How the interceptors of a builder chain instrument it: `Some(true)` with instrumentation,
    /// `None` when an interceptor cannot be judged, `Some(false)` without any.
    fn chain_instrumented(&self, top: Node<'a>, role: Role) -> Option<bool> {
        let mut unknown = false;
        for call in chain_calls(top) {
            let name = self.name_of(call);
            if !INTERCEPTOR_METHODS.contains(&name.as_str()) {
                continue;
            }
            if self.subtree_has_role(call, &[role]) {
                return Some(true);
            }
            unknown = true;
        }
        if unknown {
            None
        } else {
            Some(false)
        }
    }

    /// `ServerBuilder.forPort(port)...build()`: a gRPC server.
    pub(super) fn grpc_server(&mut self, call: Node<'a>) {
        let top = chain_top(call);
        let role = Role::GrpcServerInstrumentation;
        let mut extraction = match self.chain_instrumented(top, role) {
            Some(true) => Extraction::Instrumented,
            None => Extraction::Unknown,
            Some(false) => Extraction::Framework("grpc".into()),
        };
        // `addService(ServerInterceptors.intercept(service, interceptor))`.
        let wraps_services = chain_calls(top).iter().any(|c| {
            self.name_of(*c) == "addService"
                && self.text(*c).contains("ServerInterceptors.intercept")
        });
        if wraps_services && extraction == Extraction::Framework("grpc".into()) {
            extraction = if self.subtree_has_role(top, &[role]) {
                Extraction::Instrumented
            } else {
                Extraction::Unknown
            };
        }
        self.push(call, FactKind::inbound(Proto::Grpc, None, None, extraction));
    }

    /// `ManagedChannelBuilder.forAddress(host, port)...build()`: a gRPC channel.
    pub(super) fn grpc_channel(&mut self, call: Node<'a>, qualified: &str) {
        let top = chain_top(call);
        let to_collector = args(call).iter().any(|a| self.text(*a).contains("4317"));
        let injection = if to_collector {
            Injection::Unknown
        } else {
            match self.chain_instrumented(top, Role::GrpcClientInstrumentation) {
                Some(true) => Injection::Instrumented,
                None => Injection::Unknown,
                Some(false) => {
                    // `ClientInterceptors.intercept(channel, interceptor)` in the same method.
                    let wrapped = self.functions.enclosing(call).is_some_and(|f| {
                        self.text(f).contains("ClientInterceptors.intercept")
                            || self.subtree_has_role(f, &[Role::GrpcClientInstrumentation])
                    });
                    if wrapped {
                        Injection::Unknown
                    } else {
                        Injection::None
                    }
                }
            }
        };
        let target = qualified
            .rsplit('.')
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join(".");
        let flow = self.flow(call);
        self.push(
            call,
            FactKind::outbound(Proto::Grpc, target, injection, flow),
        );
    }

    /// A client built by a static factory or constructor (`HttpClient.newHttpClient()`,
    /// `new OkHttpClient.Builder()...build()`, `RestClient.create()`), stored under a name.
    pub(super) fn client_built(&mut self, node: Node<'a>) {
        let top = chain_top(node);
        // Handed straight to instrumentation (`telemetry.newHttpClient(HttpClient.newHttpClient())`).
        if top.parent().and_then(|p| p.parent()).is_some_and(|c| {
            c.kind() == "method_invocation" && self.instrumentation_role(c).is_some()
        }) {
            return;
        }
        let Some(key) = self.binding_name(top) else {
            return;
        };
        let instrumented = self.chain_instrumented(top, Role::InstrumentedTransport);
        self.push(node, FactKind::ClientBuilt { key, instrumented });
    }

    /// The name a value is stored under where it is created: the variable or field, the
    /// assigned name, or the method that returns it (a Spring `@Bean` named like its method).
    pub(super) fn binding_name(&self, value: Node<'a>) -> Option<String> {
        let parent = value.parent()?;
        match parent.kind() {
            "variable_declarator" => Some(self.name_of(parent)),
            "assignment_expression" => {
                let left = parent.field("left")?;
                let text = self.text(left);
                Some(text.rsplit('.').next().unwrap_or(&text).trim().to_string())
            }
            "return_statement" => {
                let method = self.functions.enclosing_named(value)?;
                Some(self.name_of(method))
            }
            "parenthesized_expression" | "cast_expression" => self.binding_name(parent),
            _ => None,
        }
    }

    /// A request sent through a client value: `client.send(req, ...)`, `restTemplate.getForObject(...)`,
    /// `restClient.get().uri(...).retrieve()`.
    /// With `typed`, the method's name is common on other types (`put`, `execute`): the
    /// receiver must be declared with a client type.
    pub(super) fn client_call(&mut self, call: Node<'a>, typed: bool) {
        let methods = &self.knowledge.methods;
        let is_client_method = |name: &str| {
            methods
                .client_call
                .iter()
                .chain(&methods.client_call_typed)
                .any(|m| m == name)
        };
        let chain = chain_calls(call);
        // Only the innermost client method of a chain (`client.newCall(req).execute()`).
        if chain[1..]
            .iter()
            .any(|c| is_client_method(&self.name_of(*c)))
        {
            return;
        }
        let root = chain_root(call);
        let Some(receiver) = object(root) else {
            return;
        };
        let injection = match receiver.kind() {
            "identifier" | "field_access" => {
                let text = self.text(receiver);
                if super::resolve::looks_like_type(&text) {
                    return;
                }
                let key = text.rsplit('.').next().unwrap_or(&text).trim().to_string();
                let declared = self.declared_type(call, &key);
                let client_type = declared.as_deref().map(|t| {
                    let simple = t.rsplit('.').next().unwrap_or(t);
                    methods.client_types.iter().any(|c| c == t || c == simple)
                });
                match client_type {
                    Some(false) => return,
                    None if typed => return,
                    _ => {}
                }
                Injection::Client(key)
            }
            "object_creation_expression" | "method_invocation"
                if self.role_of(receiver) == Some(Role::ClientNew) =>
            {
                Injection::None
            }
            _ => return,
        };
        // `RestClient.create().get()...retrieve()`: the root itself is the factory.
        let injection = if self.role_of(root) == Some(Role::ClientNew) {
            Injection::None
        } else {
            injection
        };
        let injection = self.unless_injected_by_hand(call, injection);
        let target = format!("{}.{}", self.text(receiver), self.name_of(call));
        let flow = self.flow(call);
        self.push(
            call,
            FactKind::outbound(Proto::Http, target, injection, flow),
        );
        if let Some(address) = self.http_call_target(call) {
            self.push(call, address);
        }
    }

    /// `(HttpURLConnection) url.openConnection()`: a request with no trace context unless the
    /// method injects it by hand.
    pub(super) fn url_connection(&mut self, call: Node<'a>) {
        let http = call.parent().is_some_and(|p| {
            p.kind() == "cast_expression"
                && p.field("type")
                    .is_some_and(|t| self.text(t).ends_with("HttpURLConnection"))
                || p.kind() == "variable_declarator"
                    && p.parent()
                        .and_then(|d| d.field("type"))
                        .is_some_and(|t| self.text(t).ends_with("HttpURLConnection"))
        });
        if !http {
            return;
        }
        let injection = self.unless_injected_by_hand(call, Injection::DefaultClient);
        let flow = self.flow(call);
        self.push(
            call,
            FactKind::outbound(Proto::Http, "HttpURLConnection".into(), injection, flow),
        );
    }

    /// Whether a method injects context by hand: itself, or through a method of its own class
    /// it calls (`addContextToHttpRequest(builder)` with the propagator's `inject` inside),
    /// followed two calls deep.
    fn injects_by_hand(&self, method: Node<'a>) -> bool {
        if let Some(known) = self.injects.borrow().get(&method.id()) {
            return *known;
        }
        let injects = self.injects_within(method, 0, &mut vec![method.id()]);
        self.injects.borrow_mut().insert(method.id(), injects);
        injects
    }

    /// [`injects_by_hand`](Self::injects_by_hand) at a call depth, skipping the methods on the
    /// way (`visiting`) so recursion through the class ends.
    fn injects_within(&self, method: Node<'a>, depth: usize, visiting: &mut Vec<usize>) -> bool {
        if descendants(method).any(|n| self.is_manual(n, "inject"))
            || crate::lang::core::headers::writes_trace_header(method, self.src)
        {
            return true;
        }
        if depth >= 2 {
            return false;
        }
        let callees: Vec<Node<'a>> = descendants(method)
            .filter(|n| n.kind() == "method_invocation")
            .filter(|n| object(*n).is_none_or(|o| o.kind() == "this"))
            .filter_map(|n| self.own_class_method(method, &self.name_of(n)))
            .collect();
        callees.into_iter().any(|m| {
            if visiting.contains(&m.id()) {
                return false;
            }
            visiting.push(m.id());
            self.injects_within(m, depth + 1, visiting)
        })
    }

    /// The method named `name` that an unqualified call in `method` reaches: declared in the
    /// class around it, or in a class that class is nested in.
    fn own_class_method(&self, method: Node<'a>, name: &str) -> Option<Node<'a>> {
        let mut class = self.classes.enclosing(method);
        while let Some(c) = class {
            let found = descendants(c).find(|n| {
                n.kind() == "method_declaration"
                    && self.classes.enclosing(*n).map(|e| e.id()) == Some(c.id())
                    && self.name_of(*n) == name
            });
            if found.is_some() {
                return found;
            }
            class = self.classes.enclosing(c);
        }
        None
    }

    /// A call's injection, unless the method around it injects context by hand.
    fn unless_injected_by_hand(&self, call: Node<'a>, injection: Injection) -> Injection {
        let Some(method) = self.functions.enclosing_named(call) else {
            return injection;
        };
        if self.injects_by_hand(method) {
            Injection::Manual
        } else {
            injection
        }
    }

    /// `server.createContext("/path", handler)` on a `com.sun.net.httpserver` server.
    pub(super) fn http_server_context(&mut self, call: Node<'a>) {
        if !self
            .imports
            .paths()
            .any(|p| p.starts_with("com.sun.net.httpserver"))
        {
            return;
        }
        let a = args(call);
        let Some(route) = self.string_literal(a[0]) else {
            return;
        };
        let handler = a[1];
        let extraction = match handler.kind() {
            "lambda_expression" => {
                if self.extracts_by_hand(handler) {
                    Extraction::Manual
                } else {
                    Extraction::None
                }
            }
            "object_creation_expression" => handler
                .field("type")
                .map(|t| {
                    let t = self.text(t);
                    Extraction::Handler(super::resolve::strip_type_arguments(&t).to_string())
                })
                .unwrap_or(Extraction::Unknown),
            "method_reference" => {
                let text = self.text(handler);
                let name = text.rsplit("::").next().unwrap_or("").trim().to_string();
                Extraction::Handler(name)
            }
            _ => Extraction::Unknown,
        };
        let router = object(call).map(|o| self.text(o).into_owned());
        self.push(
            call,
            FactKind::inbound(Proto::Http, Some(route), router, extraction),
        );
    }

    /// Whether a subtree extracts context by hand (`propagator.extract(ctx, carrier, getter)`).
    pub(super) fn extracts_by_hand(&self, node: Node<'a>) -> bool {
        if let Some(known) = self.extracts.borrow().get(&node.id()) {
            return *known;
        }
        let found = descendants(node).any(|n| self.is_manual(n, "extract"));
        self.extracts.borrow_mut().insert(node.id(), found);
        found
    }

    /// Facts from a class: Spring controller routes, servlet methods, `@WithSpan` methods.
    pub(super) fn class_facts(&mut self, class: Node<'a>) {
        // `extends CartServiceGrpc.CartServiceImplBase`: generated gRPC server code.
        let served = class.field("superclass").and_then(|s| {
            let text = self.text(s);
            crate::lang::grpc_stubs::java_server(text.trim_start_matches("extends").trim())
        });
        if let Some(service) = served {
            self.facts.push(crate::facts::Fact {
                loc: self.loc(class),
                kind: FactKind::GrpcServiceServed { service },
            });
        }
        let Some(body) = class.field("body") else {
            return;
        };
        let class_name = self.name_of(class);
        let class_annotations = annotations(class, self.src);
        let prefix = class_annotations
            .iter()
            .find(|(a, _)| a == "RequestMapping")
            .and_then(|(_, a)| self.annotation_path(*a))
            .unwrap_or_default();
        let servlet = class
            .field("superclass")
            .is_some_and(|s| self.text(s).trim_end().ends_with("HttpServlet"));
        let servlet_route = class_annotations
            .iter()
            .find(|(a, _)| a == "WebServlet")
            .and_then(|(_, a)| self.annotation_path(*a));
        let methods = &self.knowledge.methods;
        let mut found = Vec::new();
        let mut span_annotations = Vec::new();
        for method in children(body) {
            if method.kind() != "method_declaration" {
                continue;
            }
            let method_annotations = annotations(method, self.src);
            for (name, annotation) in &method_annotations {
                if methods.listener_annotations.contains(name) {
                    for topic in self.annotation_strings(
                        *annotation,
                        &["topics", "queues", "destination", "value"],
                    ) {
                        found.push((method, self.topic_fact(topic, false)));
                    }
                }
            }
            if let Some((_, annotation)) = method_annotations
                .iter()
                .find(|(a, _)| methods.span_annotations.contains(a))
            {
                span_annotations.push(*annotation);
                found.push((
                    method,
                    FactKind::Instrumentation {
                        what: "@WithSpan".into(),
                        explicit_provider: false,
                    },
                ));
            }
            let mapping = method_annotations
                .iter()
                .find(|(a, _)| methods.route_annotations.contains(a));
            let name = self.name_of(method);
            let (route, framework) = if let Some((_, annotation)) = mapping {
                let path = self.annotation_path(*annotation).unwrap_or_default();
                let reactive = method.field("type").is_some_and(|t| {
                    let t = self.text(t);
                    t.starts_with("Mono") || t.starts_with("Flux")
                });
                let framework = if reactive {
                    "spring-webflux"
                } else {
                    "spring-webmvc"
                };
                (Some(join_paths(&prefix, &path)), framework)
            } else if servlet && methods.servlet_methods.contains(&name) {
                (servlet_route.clone(), "servlet")
            } else {
                continue;
            };
            let extraction = if self.extracts_by_hand(method) {
                Extraction::Manual
            } else {
                Extraction::Framework(framework.into())
            };
            found.push((
                method.field("name").unwrap_or(method),
                FactKind::inbound(Proto::Http, route, Some(class_name.clone()), extraction),
            ));
        }
        for (node, kind) in found {
            self.push(node, kind);
        }
        for annotation in span_annotations {
            self.annotation_named(annotation);
        }
    }

    /// The path of a mapping annotation: its `value`/`path` or its single string argument.
    /// The string literals given to these elements of an annotation (`topics = {"a", "b"}`),
    /// or to its single unnamed value.
    fn annotation_strings(&self, annotation: Node<'a>, keys: &[&str]) -> Vec<String> {
        let Some(list) = annotation.field("arguments") else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for arg in children(list) {
            let value = match arg.kind() {
                "element_value_pair" => {
                    let key = arg.field("key").map(|k| self.text(k));
                    if !key.is_some_and(|k| keys.contains(&k.as_ref())) {
                        continue;
                    }
                    match arg.field("value") {
                        Some(v) => v,
                        None => continue,
                    }
                }
                _ => arg,
            };
            let values = if value.kind() == "element_value_array_initializer" {
                children(value)
            } else {
                vec![value]
            };
            out.extend(values.into_iter().filter_map(|v| self.string_literal(v)));
        }
        out
    }

    fn annotation_path(&self, annotation: Node<'a>) -> Option<String> {
        let list = annotation.field("arguments")?;
        for arg in children(list) {
            let value = match arg.kind() {
                "element_value_pair" => {
                    let key = self.text(arg.field("key")?);
                    if key != "value" && key != "path" && key != "urlPatterns" {
                        continue;
                    }
                    arg.field("value")?
                }
                _ => arg,
            };
            let literal = if value.kind() == "element_value_array_initializer" {
                children(value).into_iter().next()?
            } else {
                value
            };
            if let Some(s) = self.string_literal(literal) {
                return Some(s);
            }
        }
        None
    }
}

/// A class-level mapping prefix joined with a method's path.
fn join_paths(prefix: &str, path: &str) -> String {
    let joined = format!(
        "{}/{}",
        prefix.trim_end_matches('/'),
        path.trim_start_matches('/')
    );
    let joined = if joined.len() > 1 {
        joined.trim_end_matches('/').to_string()
    } else {
        joined
    };
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

#[cfg(test)]
mod tests {
    use super::join_paths;

    #[test]
    fn mapping_paths_join() {
        assert_eq!(join_paths("/api", "/orders"), "/api/orders");
        assert_eq!(join_paths("", "orders"), "/orders");
        assert_eq!(join_paths("/api/", ""), "/api");
        assert_eq!(join_paths("", ""), "/");
    }
}
