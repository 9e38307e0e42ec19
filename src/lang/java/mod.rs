//! Java fact extraction.
//!
//! One merged query finds the anchors (imports, method calls, `new` expressions, methods and
//! lambdas, classes, comments) in one pass; the extractor resolves static calls and constructors
//! through the file's imports to qualified names, looks them up in `queries/java/knowledge.toml`,
//! reads method calls on values by name, and walks the few nodes around each anchor that decide
//! the fact (the builder chain of an SDK, the variable a span is bound to, the statements after
//! it). Kotlin is not read.

mod address;
mod boundary;
mod lifecycle;
mod names;
mod request;
mod resolve;
mod setup;
mod tree;

use crate::facts::{Fact, FactKind, FileFacts};
use crate::knowledge::{Knowledge, Role};
use crate::lang::core::anchors::{Adapter, Compiled};
use crate::lang::core::{source, SourceFile};
use crate::lang::fields::NodeFields;
use crate::lang::query::{self};
use resolve::Imports;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use tree::EnclosingNamed;
use tree::{args, chain_calls, object, RangeIndex};
use tree_sitter::{Node, Tree};

/// Java's query files, embedded.
pub static QUERY_FILES: &[(&str, &str)] = &[
    (
        "imports.scm",
        include_str!("../../../queries/java/imports.scm"),
    ),
    ("calls.scm", include_str!("../../../queries/java/calls.scm")),
    (
        "declarations.scm",
        include_str!("../../../queries/java/declarations.scm"),
    ),
    (
        "comments.scm",
        include_str!("../../../queries/java/comments.scm"),
    ),
];

/// The knowledge roles this extractor reads: its table's entries and a configuration's may use
/// these and no others (a role another language reads is a configuration error, not ignored).
pub const ROLES: &[Role] = &[
    Role::ClientNew,
    Role::FreshContext,
    Role::GlobalPropagator,
    Role::GlobalTracer,
    Role::GrpcClientInstrumentation,
    Role::GrpcDial,
    Role::GrpcServerInstrumentation,
    Role::GrpcServerNew,
    Role::InstrumentedTransport,
    Role::ProviderNew,
    Role::ProviderRegister,
    Role::SdkBuilder,
    Role::SdkFromConfig,
    Role::ServerMiddleware,
];

/// Java's knowledge table, embedded.
pub const KNOWLEDGE: &str = include_str!("../../../queries/java/knowledge.toml");

crate::lang::core::anchors::captures!(Captures: package, import, call, new, function, class, constant, comment);

/// The names the Java extractor recognises beyond its knowledge table (see
/// [`crate::prefilter`]): `main` and `@SpringBootApplication`, manual propagation, servlets
/// and the JDK's HTTP server, gRPC server builders, SDK setup classes, `@WithSpan`, context
/// helpers, task wrapping and shutdown hooks, and HTTP client types (`…Client`).
pub const PREFILTER_NEEDLES: super::ExtractorNeedles = super::ExtractorNeedles {
    words: &[
        "main",
        "SpringBootApplication",
        "extract",
        "inject",
        "RequestMapping",
        "createContext",
        "HttpURLConnection",
        "openConnection",
        "ServerBuilder",
        "addService",
        "GlobalOpenTelemetry",
        "OpenTelemetrySdk",
        "buildAndRegisterGlobal",
        "setTracerProvider",
        "setPropagators",
        "addSpanProcessor",
        "WithSpan",
        "storeInContext",
        "setParent",
        "setNoParent",
        "root",
        "wrap",
        "taskWrapping",
        "addShutdownHook",
        "Flux",
        "Mono",
    ],
    suffixes: &["Servlet", "Client"],
    ..super::ExtractorNeedles::NONE
};

/// Java's side of extraction (see [`crate::lang::core::anchors::Adapter`]).
pub struct Java;

impl Adapter for Java {
    type Captures = Captures;

    fn extract(x: &Compiled<Captures>, src: &[u8], tree: &Tree, out: &mut FileFacts) {
        let root = tree.root_node();
        let c = &x.captures;
        let anchors = x.anchors(root, src);
        let (calls, functions) = (anchors.nodes(c.call), anchors.nodes(c.function));
        let (classes, comments) = (anchors.nodes(c.class), anchors.nodes(c.comment));
        let mut imports = Imports::default();
        for import in anchors.nodes(c.import) {
            imports.add(&query::text(*import, src));
        }
        let package = anchors.nodes(c.package).last().map(|p| {
            let p = *p;
            query::text(p, src)
                .trim()
                .trim_start_matches("package")
                .trim_end_matches(';')
                .trim()
                .to_string()
        });
        let instrumentation_imported = imports
            .paths()
            .any(|p| p.starts_with("io.opentelemetry.instrumentation."));
        let mut ctx = FileCtx {
            src,
            knowledge: x.knowledge.as_ref(),
            imports,
            package: package.clone(),
            instrumentation_imported,
            facts: Vec::new(),
            functions: RangeIndex::new(functions),
            classes: RangeIndex::new(classes),
            request_methods: RefCell::default(),
            starts_span: RefCell::default(),
            extracts: RefCell::default(),
            injects: RefCell::default(),
            declared: RefCell::default(),
            inactive_spans: Vec::new(),
            parented_spans: Vec::new(),
        };
        out.package = package;
        out.uses_tracing = ctx
            .imports
            .paths()
            .any(|p| ctx.knowledge.is_tracing_import(p));
        out.has_entry = functions.iter().any(|f| ctx.is_main(*f))
            || classes.iter().any(|c| {
                tree::annotations(*c, src)
                    .iter()
                    .any(|(a, _)| a == "SpringBootApplication")
            });
        out.generated = comments.iter().any(|c| {
            let t = ctx.text(*c);
            t.contains("DO NOT EDIT") || t.contains("Generated by the protocol buffer compiler")
        }) || classes.iter().any(|c| {
            tree::annotations(*c, src)
                .iter()
                .any(|(a, _)| a == "Generated" || a == "GrpcGenerated")
        });
        out.parse_errors = root.has_error();

        let mut called_from_request = BTreeSet::new();
        for call in calls {
            ctx.call_fact(*call);
            if let Some(name) = call.field("name").map(|n| ctx.text(n)) {
                if !called_from_request.contains(name.as_ref()) && ctx.in_request_code(*call) {
                    called_from_request.insert(name.into_owned());
                }
            }
        }
        for new in anchors.nodes(c.new) {
            ctx.new_fact(*new);
        }
        ctx.inactive_span_contexts();
        ctx.string_constants(anchors.nodes(c.constant));
        ctx.config_defaults(root);
        ctx.reactive_channels(root);
        ctx.rest_clients(root);
        for class in classes {
            ctx.class_facts(*class);
        }
        let facts = std::mem::take(&mut ctx.facts);
        source::finish(out, facts, comments, src, |_, _| None, called_from_request);
    }
}

/// Per-file extraction state.
pub(super) struct FileCtx<'a> {
    src: &'a [u8],
    knowledge: &'a Knowledge,
    imports: Imports,
    package: Option<String>,
    /// The file imports OpenTelemetry instrumentation (`io.opentelemetry.instrumentation.*`).
    instrumentation_imported: bool,
    facts: Vec<Fact>,
    functions: RangeIndex<'a>,
    classes: RangeIndex<'a>,
    /// Per method (by node id): whether it is request code.
    request_methods: RefCell<HashMap<usize, bool>>,
    /// Per method (by node id): whether it starts a span.
    starts_span: RefCell<HashMap<usize, bool>>,
    /// Per method (by node id): whether it extracts context by hand.
    extracts: RefCell<HashMap<usize, bool>>,
    /// Per method (by node id): whether it injects context by hand.
    injects: RefCell<HashMap<usize, bool>>,
    /// Spans never made current: the index of their fact and the byte range in which later
    /// work runs without them as parent.
    inactive_spans: Vec<(usize, (usize, usize))>,
    /// Start bytes of span starts with an explicit parent (`setParent`, `setNoParent`).
    parented_spans: Vec<usize>,
    /// Per class (by node id) and name: the declared type of a field, parameter or local.
    declared: RefCell<HashMap<(usize, String), Option<String>>>,
}

crate::lang::core::source::source_file!(FileCtx);

impl<'a> FileCtx<'a> {
    /// The text of a string literal, unquoted.
    fn string_literal(&self, node: Node<'a>) -> Option<String> {
        (node.kind() == "string_literal").then(|| {
            self.text(node)
                .trim_matches('"')
                .trim_matches('"')
                .to_string()
        })
    }

    /// Whether a method is `static void main(String[] args)`.
    fn is_main(&self, function: Node<'a>) -> bool {
        function.kind() == "method_declaration"
            && self.name_of(function) == "main"
            && tree::children(function)
                .iter()
                .any(|c| c.kind() == "modifiers" && self.text(*c).contains("static"))
            && function
                .field("parameters")
                .is_some_and(|p| self.text(p).contains("String"))
    }

    /// Whether a method name is one of a knowledge list.
    fn named_in(&self, call: Node<'a>, list: &[String]) -> bool {
        let name = self.name_of(call);
        list.contains(&name)
    }

    /// Facts from one method call.
    fn call_fact(&mut self, call: Node<'a>) {
        // `CartServiceGrpc.newBlockingStub(channel)`: generated gRPC client code.
        let called = call
            .field("object")
            .zip(call.field("name"))
            .and_then(|(o, n)| crate::lang::grpc_stubs::java_client(&self.text(o), &self.text(n)));
        if let Some(service) = called {
            self.facts.push(Fact {
                loc: self.loc(call),
                kind: FactKind::GrpcServiceCalled { service },
            });
        }
        self.message_topic_call(call);
        if let Some((role, qualified)) = self.static_role(call) {
            self.role_fact(call, role, &qualified);
            return;
        }
        if let Some(role) = self.instrumentation_role(call) {
            self.instrumentation_fact(call, role);
            return;
        }
        self.method_fact(call);
    }

    /// Facts from a static call with a known role.
    fn role_fact(&mut self, call: Node<'a>, role: Role, qualified: &str) {
        match role {
            Role::ProviderNew => self.provider_built(call),
            Role::SdkBuilder => self.sdk_built(call),
            Role::ProviderRegister => self.push(call, FactKind::ProviderRegistered),
            Role::SdkFromConfig => {
                self.push(call, FactKind::SdkFromConfig);
                // Autoconfigure reads `OTEL_PROPAGATORS` (default: tracecontext, baggage).
                self.push(
                    call,
                    FactKind::PropagatorSet {
                        formats: vec!["env".into()],
                    },
                );
            }
            Role::GlobalTracer => self.push(call, FactKind::GlobalTracer),
            Role::GrpcServerNew => self.grpc_server(call),
            Role::GrpcDial => self.grpc_channel(call, qualified),
            Role::ClientNew => self.client_built(call),
            Role::FreshContext => self.fresh_context(call, "Context.root()"),
            _ => {}
        }
    }

    /// Facts from a method call on a value, read by the method's name.
    fn method_fact(&mut self, call: Node<'a>) {
        let name = self.name_of(call);
        let n_args = args(call).len();
        let methods = &self.knowledge.methods;
        if methods.tracer_from_provider.contains(&name) && n_args > 0 {
            self.push(call, FactKind::ExplicitTracer);
        } else if methods.span_start.contains(&name) && self.is_span_chain(call) {
            self.span_started(call);
        } else if methods.scope_open.contains(&name) && n_args == 0 {
            self.scope_opened(call);
        } else if name == "setNoParent" {
            self.no_parent(call);
        } else if (name == "extract" || name == "inject") && n_args == 3 {
            self.manual_propagation(call, &name);
        } else if methods.extract_helpers.contains(&name) {
            self.manual_propagation(call, "extract");
        } else if methods.inject_helpers.contains(&name) {
            self.manual_propagation(call, "inject");
        } else if name == "createContext" && n_args == 2 {
            self.http_server_context(call);
        } else if name == "openConnection" {
            self.url_connection(call);
        } else if methods.client_call.contains(&name) {
            self.client_call(call, false);
        } else if methods.client_call_typed.contains(&name) {
            self.client_call(call, true);
        } else if name == "addShutdownHook" {
            // The JVM runs shutdown hooks on SIGTERM and SIGINT.
            let signals = Vec::new();
            self.push(call, FactKind::SignalHandled { signals });
        }
    }

    /// Whether a call extracts (`extract(ctx, carrier, getter)`, `setParentFrom(...)`) or
    /// injects (`inject(ctx, carrier, setter)`) by hand.
    fn is_manual(&self, node: Node<'a>, direction: &str) -> bool {
        if node.kind() != "method_invocation" {
            return false;
        }
        let name = self.name_of(node);
        let helpers = if direction == "extract" {
            &self.knowledge.methods.extract_helpers
        } else {
            &self.knowledge.methods.inject_helpers
        };
        (name == direction && args(node).len() == 3) || helpers.contains(&name)
    }

    /// The declared type (as written, without type arguments) of a name used at `node`: a
    /// local, parameter or field of the class around it.
    fn declared_type(&self, node: Node<'a>, name: &str) -> Option<String> {
        let scope = self.classes.enclosing(node)?;
        let key = (scope.id(), name.to_string());
        if let Some(known) = self.declared.borrow().get(&key) {
            return known.clone();
        }
        let found = tree::descendants(scope)
            .find(|n| {
                matches!(n.kind(), "variable_declarator" | "formal_parameter")
                    && n.field("name").is_some_and(|id| self.text(id) == name)
            })
            .and_then(|decl| {
                let holder = if decl.kind() == "formal_parameter" {
                    decl
                } else {
                    decl.parent()?
                };
                let ty = self.text(holder.field("type")?);
                Some(resolve::strip_type_arguments(&ty).to_string())
            })
            .filter(|t| t != "var");
        self.declared.borrow_mut().insert(key, found.clone());
        found
    }

    /// Whether a `startSpan()` call ends a `spanBuilder(...)` chain.
    fn is_span_chain(&self, call: Node<'a>) -> bool {
        chain_calls(call)
            .iter()
            .any(|c| self.named_in(*c, &self.knowledge.methods.span_builder))
            || object(call).is_some_and(|o| o.kind() == "identifier")
    }

    /// `extract(context, carrier, getter)` / `inject(context, carrier, setter)`.
    fn manual_propagation(&mut self, call: Node<'a>, name: &str) {
        if name == "inject" {
            self.push(call, FactKind::ManualInject);
            return;
        }
        self.push(call, FactKind::ManualExtract);
        let method = self.functions.enclosing_named(call);
        let class = self.classes.enclosing(call);
        for owner in [method, class].into_iter().flatten() {
            let name = self.name_of(owner);
            if !name.is_empty() {
                self.push(call, FactKind::HandlerExtracts { name });
            }
        }
    }

    /// Facts from a `new` expression.
    fn new_fact(&mut self, new: Node<'a>) {
        if let Some((Role::ClientNew, _)) = self.constructor_role(new) {
            self.client_built(new);
        }
    }
}

impl<'a> FileCtx<'a> {
    /// Topics named by messaging calls: `kafkaTemplate.send("orders", ...)` and
    /// `producer.send(new ProducerRecord<>("orders", ...))` send,
    /// `consumer.subscribe(List.of("orders"))` receives (string literals only).
    fn message_topic_call(&mut self, call: Node<'a>) {
        let Some(name) = call.field("name").map(|n| self.text(n)) else {
            return;
        };
        let Some(args) = call.field("arguments") else {
            return;
        };
        let Some(first) = args.named_child(0) else {
            return;
        };
        let receiver = call
            .field("object")
            .map(|o| self.text(o).to_ascii_lowercase())
            .unwrap_or_default();
        let list_items = |n: Node<'a>| -> Vec<Node<'a>> {
            n.field("arguments")
                .map(|a| {
                    let mut cursor = a.walk();
                    a.named_children(&mut cursor).collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
        let (topics, sends) = match name.as_ref() {
            "send" if receiver.contains("template") => (vec![first], true),
            // `producer.send(new ProducerRecord<>("orders", key, value))`.
            "send"
                if first.kind() == "object_creation_expression"
                    && first
                        .field("type")
                        .is_some_and(|t| self.text(t).starts_with("ProducerRecord")) =>
            {
                (list_items(first).into_iter().take(1).collect(), true)
            }
            // `consumer.subscribe(List.of("orders"))`, `Collections.singletonList(...)`,
            // `Arrays.asList(...)`: a list of topic names.
            "subscribe" if first.kind() == "method_invocation" => (list_items(first), false),
            _ => return,
        };
        let topics: Vec<String> = topics
            .into_iter()
            .filter_map(|t| self.constant_text(t))
            .collect();
        let loc = self.loc(call);
        for topic in topics {
            let kind = self.topic_fact(topic, sends);
            self.facts.push(Fact { loc, kind });
        }
    }
}
