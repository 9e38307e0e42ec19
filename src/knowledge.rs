//! What qualified names mean: the per-language knowledge tables.
//!
//! Knowledge is data, not rule code. Each language ships `queries/<lang>/knowledge.toml`, which
//! maps fully qualified names (import path + member, after alias resolution) to a [`Role`], and
//! names propagator constructors with the wire format they speak. Supporting a new library is
//! a change to that table plus a fixture.

use crate::language::Lang;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

/// What a function or type means for tracing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Builds an SDK tracer provider.
    ProviderNew,
    /// Makes a provider the process-wide one.
    ProviderRegister,
    /// Builds a whole SDK from configuration.
    SdkFromConfig,
    /// Installs the process-wide propagator.
    PropagatorSet,
    /// Takes a tracer from the process-wide provider.
    GlobalTracer,
    /// Wraps a server handler with extracting instrumentation.
    ServerWrap,
    /// Server middleware that extracts context (installed on a router).
    ServerMiddleware,
    /// A gRPC server option that extracts context.
    GrpcServerInstrumentation,
    /// A gRPC client option that injects context.
    GrpcClientInstrumentation,
    /// An HTTP transport that injects context.
    InstrumentedTransport,
    /// Registers an HTTP route on the process-wide router.
    RouteRegister,
    /// Starts serving HTTP with a handler argument.
    HttpServe,
    /// Creates a gRPC server.
    GrpcServerNew,
    /// Opens a gRPC client connection.
    GrpcDial,
    /// Runs a project of the repository under a name (.NET Aspire `AddProject<T>("name")`).
    ProjectDeploy,
    /// Registers HTTP clients that a factory builds on request (.NET `AddHttpClient<T>()`):
    /// they propagate unless their handler is configured not to.
    HttpClientRegister,
    /// Sends an HTTP request through the process-wide default client.
    DefaultClientCall,
    /// The process-wide default HTTP client or transport value.
    DefaultClient,
    /// Builds an outbound HTTP request that carries no context.
    RequestWithoutContext,
    /// Builds an outbound HTTP request from a context.
    RequestWithContext,
    /// Returns a fresh root context.
    FreshContext,
    /// Derives a context from its first argument.
    DeriveContext,
    /// Wraps HTTP headers as a propagation carrier.
    HeaderCarrier,
    /// The process-wide propagator (its Extract and Inject are manual propagation).
    GlobalPropagator,
    /// Handles termination signals.
    SignalNotify,
    /// Ends the process without running deferred functions.
    HardExit,
    /// Hands a connection to an exporter (which must not be instrumented).
    ExporterConnection,
    /// Puts a span context back into a context (`trace.ContextWithSpanContext`): a fresh
    /// context so treated continues the trace.
    ReattachContext,
    /// Builds a whole SDK (JS `NodeSDK`) that registers its provider, propagator and
    /// instrumentations when started.
    SdkNew,
    /// Builds a browser tracer provider (JS `WebTracerProvider`): a page has no exit path to
    /// shut it down on.
    BrowserProviderNew,
    /// Registers instrumentations process-wide (JS `registerInstrumentations`).
    InstrumentationRegister,
    /// Creates an HTTP server, app or router whose routes are registered with the `route`
    /// methods (JS `express()`, `new Koa()`, `fastify()`, `http.createServer`).
    HttpServerNew,
    /// Sends an HTTP request through the runtime's built-in `fetch` (Node: undici), which
    /// only fetch/undici instrumentation patches.
    FetchCall,
    /// Creates a messaging client whose producers and consumers cross process boundaries
    /// (JS `new Kafka(...)`).
    MessagingClientNew,
    /// Sets up an SDK tracer provider that a host builds, registers and disposes (.NET
    /// `services.AddOpenTelemetry()`): nothing for the code to register or shut down.
    HostedProvider,
    /// Creates an HTTP server that no instrumentation covers (.NET `HttpListener`): its
    /// requests continue a caller's trace only if the handler extracts by hand.
    BareHttpServer,
    /// Sends a message through a producer value (`producer.ProduceAsync(topic, message)`).
    MessageProduce,
    /// Receives a message through a consumer value (`consumer.Consume(ct)`).
    MessageConsume,
    /// Builds a message producer or consumer that propagates no trace context by itself.
    MessageClientNew,
    /// Builds a message producer or consumer that injects or extracts trace context.
    InstrumentedMessageClient,
    /// Starts building a whole SDK in code (Java's `OpenTelemetrySdk.builder()`): the rest of
    /// the chain decides whether it is registered and which propagators it carries.
    SdkBuilder,
    /// Builds an HTTP client that sends no trace context unless it is instrumented
    /// (`HttpClient.newHttpClient()`, `new OkHttpClient()`, `RestClient.create()`).
    ClientNew,
    /// Builds a message consumer whose messages this service handles (Python
    /// `KafkaConsumer(...)`): an inbound entry point.
    MessageConsumerNew,
    /// Injects the current context into a carrier by hand (Python
    /// `opentelemetry.propagate.inject`).
    PropagationInject,
    /// Extracts a context from a carrier by hand (Python `opentelemetry.propagate.extract`).
    PropagationExtract,
    /// Makes a context current and returns a token that must be detached (Python
    /// `opentelemetry.context.attach`).
    ContextAttach,
    /// Restores the context a token was attached over (Python `opentelemetry.context.detach`).
    ContextDetach,
    /// Makes a span current for a `with` block (Python `opentelemetry.trace.use_span`).
    UseSpan,
    /// Builds a context that carries a span (Python `opentelemetry.trace.set_span_in_context`).
    SpanInContext,
    /// The invalid span or span context: a parent that makes a fresh root (Python
    /// `opentelemetry.trace.INVALID_SPAN`).
    InvalidSpan,
    /// A `tracing` subscriber layer that records `tracing` spans as OpenTelemetry spans through
    /// the tracer it is given (Rust `tracing_opentelemetry::layer()`).
    TracingBridge,
    /// A tracer provider interface type with no way to shut the provider down (Go's
    /// `trace.TracerProvider`): a provider handed on only as one cannot be flushed.
    ProviderInterface,
}

/// The raw shape of a knowledge file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KnowledgeFile {
    /// Qualified name → role.
    #[serde(default)]
    functions: HashMap<String, Role>,
    /// Qualified propagator constructor or type → wire format name.
    #[serde(default)]
    propagators: HashMap<String, String>,
    /// Method names whose role does not depend on the receiver (Java's instrumentation
    /// factories: `newServerInterceptor`, `newCallFactory`).
    #[serde(default)]
    method_roles: HashMap<String, Role>,
    /// Method names whose meaning does not depend on the receiver's type.
    #[serde(default)]
    methods: MethodNames,
    /// Import path prefixes that mark a file as using tracing.
    #[serde(default)]
    tracing_imports: Vec<String>,
    /// Prefixes among those that are OpenTelemetry but not tracing (metrics, logs, resources):
    /// a file that imports only these does not trace.
    #[serde(default)]
    non_tracing_imports: Vec<String>,
    /// Qualified functions that read an environment variable named by their first argument
    /// (`os.Getenv`): a URL built from one is resolved through deployment settings.
    #[serde(default)]
    env_reads: Vec<String>,
    /// Parameter types that put a request's context in scope → how to get that context
    /// (`{name}` stands for the parameter's name).
    #[serde(default)]
    request_types: HashMap<String, String>,
    /// Fix advice in this language, by rule id (or `rule-id/variant`); `{name}` placeholders
    /// are filled by the rule.
    #[serde(default)]
    help: HashMap<String, String>,
    /// Findings worded in this language's terms where the rule's own wording does not fit
    /// (Rust spans end when dropped, .NET providers listen once built), by the keys rules
    /// declare in `rules::MESSAGE_KEYS`; `{name}` placeholders are filled by the rule.
    #[serde(default)]
    messages: HashMap<String, String>,
    /// Instrumentations that patch libraries process-wide (JS): qualified constructor or
    /// factory → the libraries it patches (`http`, `fetch`, `grpc`, `kafkajs`, ...). C#:
    /// `AddSource:<name>` → the libraries whose own activities (and the context they carry)
    /// registering that activity source switches on.
    #[serde(default)]
    patches: HashMap<String, Vec<String>>,
    /// Modules patched when loaded (JS): module specifier → the library name used in
    /// `patches`. Loading one before the instrumentation is installed leaves it unpatched.
    #[serde(default)]
    patched_modules: HashMap<String, String>,
    /// Parameter names that hold an inbound request where the language has no types to go by
    /// (JS `req`, `request`).
    #[serde(default)]
    request_params: Vec<String>,
    /// Endings of the type names an annotated request parameter has (`Request`:
    /// `HttpRequest`, `FastifyRequest`); `req: CreateBentoSchema` is not a request.
    #[serde(default)]
    request_param_types: Vec<String>,
    /// The library whose instrumentation covers a qualified function or class, by qualified
    /// name or module prefix (Python: `requests` → `requests`, `aiohttp.web` →
    /// `aiohttp-server`); names as in `patches`.
    #[serde(default)]
    libraries: HashMap<String, String>,
    /// Instrumentors that replace module attributes with instrumented versions when their
    /// `instrument()` runs (Python `flask.Flask = _InstrumentedFlask`): qualified instrumentor
    /// → the names replaced. Objects built from them before, and names imported from their
    /// module before, stay uninstrumented.
    #[serde(default)]
    replaces: HashMap<String, Vec<String>>,
    /// Instrumentors that wrap a class's constructor when their `instrument()` runs (Python
    /// `aiohttp.ClientSession.__init__`): qualified instrumentor → the classes. Instances built
    /// before stay uninstrumented.
    #[serde(default)]
    wraps_construction: HashMap<String, Vec<String>>,
    /// What the language's SDK and runtime do when code says nothing.
    #[serde(default)]
    defaults: Defaults,
    /// Message writer, reader and message types whose `Topic` names a topic, by qualified
    /// type → `send` or `receive`.
    #[serde(default)]
    message_topic_types: HashMap<String, String>,
    /// Exporter options that hand an exporter its transport, by qualified name →
    /// `connection` (a gRPC connection), `dial-option` (options for the connection it dials)
    /// or `http-client` (an HTTP client).
    #[serde(default)]
    exporter_transports: HashMap<String, String>,
    /// What the values filled into span names are: which request fields and calls vary
    /// without bound, which are bounded.
    #[serde(default)]
    span_names: SpanNameValues,
    /// HTTP clients used through a fluent request builder (Go's resty).
    #[serde(default)]
    fluent_clients: Vec<FluentClient>,
    /// Message buses that route by the message's type (C#: MassTransit).
    #[serde(default)]
    typed_buses: Vec<TypedBus>,
}

/// A message bus that routes by the message's type (MassTransit publishes to an exchange named
/// after it): a message of type `T` published reaches the consumers of `T`, whose name is the
/// edge's topic. Its own instrumentation carries the trace context across when the service
/// switches it on (`patches` says how).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypedBus {
    /// Names whose mention in a file shows it uses the bus (its namespace, the types its
    /// publishing and consuming code is written against).
    pub markers: Vec<String>,
    /// Methods that publish or send a message: its type is the call's single type argument or
    /// the type of the object the call is given.
    pub publish: Vec<String>,
    /// Generic base types of a class that consumes the messages of its type argument.
    pub consumer_bases: Vec<String>,
    /// Base types of a state machine whose `event_property` properties consume their type
    /// argument.
    #[serde(default)]
    pub state_machine_bases: Vec<String>,
    /// The generic property type of a state machine's events (`Event<T>`).
    #[serde(default)]
    pub event_property: Option<String>,
    /// Receiver names (lower case, matched as parts of the name) of another, in-process bus
    /// whose methods have the same names (MediatR's `mediator.Send`): not this bus.
    #[serde(default)]
    pub other_receivers: Vec<String>,
    /// The library name its instrumentation is known by in `patches`.
    pub library: String,
}

/// An HTTP client used through a fluent request builder: built by a `construct` function,
/// requests started with a `request` method (`client.R()`), given the caller's context with a
/// `with_context` method, and sent with a `send` method (`.Get(url)`); a `transport` method
/// replaces the client's transport, which then injects when its argument is instrumented. A
/// client whose transport is never replaced sends through the process's default transport.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FluentClient {
    /// Qualified functions that build a client.
    pub construct: Vec<String>,
    /// Client methods that start a request.
    pub request: Vec<String>,
    /// Request methods that attach the caller's context.
    #[serde(default)]
    pub with_context: Vec<String>,
    /// Request methods that send the request; the first argument is the URL.
    pub send: Vec<String>,
    /// Client methods that replace the client's transport.
    #[serde(default)]
    pub transport: Vec<String>,
}

/// Values that fill holes in span names, as path suffixes: `URL.Path` matches `r.URL.Path`
/// and `req.URL.Path`, `uuid.New` matches the call `uuid.New()`, `Method` matches `r.Method`.
#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct SpanNameValues {
    /// Library values that take a bounded set of values (the request's method, a gRPC
    /// method's full name): a name built from them stays low-cardinality.
    #[serde(default)]
    pub bounded: Vec<String>,
    /// Library values that vary without bound (the request's path, URL, query, remote
    /// address, a fresh UUID, the time).
    #[serde(default)]
    pub unbounded: Vec<String>,
    /// Instrumentation that names its spans with one of its arguments
    /// (`otelhttp.NewHandler(h, "name")`): qualified name → which argument, and the kind of
    /// the spans it makes.
    #[serde(default)]
    pub instrumentation: HashMap<String, NamedByArgument>,
    /// Options that hand instrumentation a function returning the span name
    /// (`otelhttp.WithSpanNameFormatter`), by qualified name.
    #[serde(default)]
    pub formatters: Vec<String>,
}

/// Instrumentation that takes its spans' name as an argument.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct NamedByArgument {
    /// The argument's index (0-based).
    pub arg: usize,
    /// The kind of span it makes (`server`, `client`, `producer`, `consumer`, `internal`).
    pub kind: String,
}

impl SpanNameValues {
    /// The entry of `list` that is a suffix of `path`, if any (the longest).
    pub fn matching<'l>(list: &'l [String], path: &[String]) -> Option<&'l str> {
        list.iter()
            .filter(|entry| {
                let segments: Vec<&str> = entry.split('.').collect();
                segments.len() <= path.len()
                    && path[path.len() - segments.len()..]
                        .iter()
                        .zip(&segments)
                        .all(|(a, b)| a == b)
            })
            .max_by_key(|entry| entry.len())
            .map(String::as_str)
    }
}

/// What a language's SDK and runtime do when code says nothing (the `[defaults]` table).
#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Defaults {
    /// The formats the global propagator speaks when code installs none (empty: a no-op).
    #[serde(default)]
    pub propagators: Vec<String>,
    /// That default is built from `OTEL_PROPAGATORS` when the deployment sets it.
    #[serde(default)]
    pub propagators_from_env: bool,
    /// In a package without an entry point (a library), the application that imports it
    /// decides which libraries instrumentation patches: its patched-library sites cannot be
    /// judged on their own.
    #[serde(default)]
    pub patching_decided_by_application: bool,
    /// Launchers that patch every library before the application is loaded
    /// (`opentelemetry-instrument`): under one, no import comes too early.
    #[serde(default)]
    pub launchers_patch_first: Vec<String>,
    /// An instrumentation patches its libraries as soon as it is constructed (Node's
    /// `InstrumentationBase` enables itself), not only when an SDK starts.
    #[serde(default)]
    pub instrumentations_enable_on_construction: bool,
}
#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct MethodNames {
    /// Methods that register a route on a router value (`mux.HandleFunc`, `r.GET`).
    #[serde(default)]
    pub route: Vec<String>,
    /// Methods that install middleware on a router value (`r.Use`).
    #[serde(default)]
    pub middleware: Vec<String>,
    /// Decorators or methods on an app that run a function before every request
    /// (`@app.before_request`, `@app.middleware("http")`): a hook that extracts by hand
    /// continues the caller's trace for every route of the app.
    #[serde(default)]
    pub request_hooks: Vec<String>,
    /// Methods that send a request through an HTTP client value.
    #[serde(default)]
    pub client_call: Vec<String>,
    /// Methods on a provider that shut it down or flush it.
    #[serde(default)]
    pub shutdown: Vec<String>,
    /// Methods that start a span and return `(context, span)`.
    #[serde(default)]
    pub span_start: Vec<String>,
    /// Methods that end a span.
    #[serde(default)]
    pub span_end: Vec<String>,
    /// Methods the entry point calls to serve until killed.
    #[serde(default)]
    pub blocking_serve: Vec<String>,
    /// Methods that attach a context to an existing request.
    #[serde(default)]
    pub request_with_context: Vec<String>,
    /// Metric-recording methods that take a context without doing traced work.
    #[serde(default)]
    pub metric_record: Vec<String>,
    /// Qualified options a measurement takes (`metric.WithAttributes`): with one, a
    /// `metric_record` call is a measurement whatever its value.
    #[serde(default)]
    pub metric_options: Vec<String>,
    /// Lifecycle methods that take a context for cancellation only.
    #[serde(default)]
    pub context_neutral: Vec<String>,
    /// Words that mark a callee as lifecycle work wherever they appear in its name
    /// (`shutdown`, `drain`), matched case-insensitively.
    #[serde(default)]
    pub context_neutral_words: Vec<String>,
    /// Methods that return the context they are given with a carried trace put back (a
    /// propagator's `Extract`): a fresh root handed to one is a restore, not a dropped context.
    #[serde(default)]
    pub context_restore: Vec<String>,
    /// Calls that link a span to another trace (`trace.WithLinks`, `span.AddLink`).
    #[serde(default)]
    pub span_link: Vec<String>,
    /// Expected argument counts of the client-call methods (`Get` = 1), so that a cache's
    /// `Get(ctx, key)` is not taken for an HTTP client's `Get(url)`.
    #[serde(default)]
    pub client_call_arity: HashMap<String, usize>,
    /// Provider options that export synchronously.
    #[serde(default)]
    pub sync_export: Vec<String>,
    /// Provider options that export in batches.
    #[serde(default)]
    pub batch_export: Vec<String>,
    /// Methods that take a tracer from a provider value.
    #[serde(default)]
    pub tracer_from_provider: Vec<String>,
    /// Methods that start a span and make it current for a callback (JS `startActiveSpan`).
    #[serde(default)]
    pub active_span_start: Vec<String>,
    /// Methods on a provider or SDK value that register it process-wide (JS `register`,
    /// `start`).
    #[serde(default)]
    pub provider_register: Vec<String>,
    /// Calls only code running in a browser page makes (React hooks: `useEffect`): a module
    /// that calls one is page code.
    #[serde(default)]
    pub browser_calls: Vec<String>,
    /// Methods that end a pipeline by installing a batching provider globally and return only
    /// a tracer (Rust's `install_batch`): only a global shutdown flushes it.
    #[serde(default)]
    pub pipeline_install_batch: Vec<String>,
    /// Functions that serve until the process stops (`axum::serve`), beside the methods of
    /// `blocking_serve`.
    #[serde(default)]
    pub blocking_serve_functions: Vec<String>,
    /// Methods that give a server a graceful-shutdown future (`with_graceful_shutdown`): it
    /// returns when the future resolves.
    #[serde(default)]
    pub graceful_serve: Vec<String>,
    /// Names (or name prefixes before `_`) of calls that set tracing up and return a guard
    /// whose drop shuts the provider down (`init`, `init_tracing`).
    #[serde(default)]
    pub tracing_guard_setup: Vec<String>,
    /// Browser API members (`window.location`, `document.body`, `localStorage`): a module that
    /// reads one is page code, unless it declares the name itself.
    #[serde(default)]
    pub browser_globals: Vec<String>,
    /// Module directives that mark page code (`'use client'`).
    #[serde(default)]
    pub browser_directives: Vec<String>,
    /// Directories whose scripts are served to browsers as they are (`static`, `public`).
    #[serde(default)]
    pub browser_dirs: Vec<String>,
    /// Functions of page modules that run on the server (Next.js `getServerSideProps`).
    #[serde(default)]
    pub server_side_functions: Vec<String>,
    /// Names the runtime provides without a declaration (`process`, `console`, `window`): a
    /// call on any other undeclared name throws.
    #[serde(default)]
    pub runtime_globals: Vec<String>,
    /// Dependency-injection providers: object keys of a factory whose result is registered
    /// under the object's token (NestJS `useFactory`).
    #[serde(default)]
    pub di_factory_keys: Vec<String>,
    /// Object keys naming the token a dependency-injection provider registers (`provide`).
    #[serde(default)]
    pub di_token_keys: Vec<String>,
    /// Decorators that inject a token's value into a constructor parameter (`@Inject(TOKEN)`).
    #[serde(default)]
    pub di_inject_decorators: Vec<String>,
    /// Methods that start serving and mark a program entry point (JS `listen`, `bindAsync`).
    #[serde(default)]
    pub entry_serve: Vec<String>,
    /// Receiver names taken as an HTTP app or router when their construction is not visible
    /// (JS `app`, `router`).
    #[serde(default)]
    pub route_receivers: Vec<String>,
    /// Methods that start building a span (Java's `tracer.spanBuilder(name)`).
    #[serde(default)]
    pub span_builder: Vec<String>,
    /// Methods that make a span or context current and return a scope to close.
    #[serde(default)]
    pub scope_open: Vec<String>,
    /// Methods that close such a scope.
    #[serde(default)]
    pub scope_close: Vec<String>,
    /// Annotations that map a method to an HTTP route (`@GetMapping`).
    #[serde(default)]
    pub route_annotations: Vec<String>,
    /// Annotations that make a method a message handler (`@KafkaListener`).
    #[serde(default)]
    pub listener_annotations: Vec<String>,
    /// Annotations that make a method consume a reactive messaging channel
    /// (`@Incoming("fights")`), whose broker topic the configuration maps
    /// (`mp.messaging.incoming.fights.topic`, the channel's name by default).
    #[serde(default)]
    pub incoming_channel_annotations: Vec<String>,
    /// Annotations that make a method produce to a reactive messaging channel
    /// (`@Outgoing("fights")`).
    #[serde(default)]
    pub outgoing_channel_annotations: Vec<String>,
    /// Annotations that inject a reactive messaging channel (`@Channel("fights")`): an
    /// emitter sends to it, any other type receives from it.
    #[serde(default)]
    pub channel_annotations: Vec<String>,
    /// Annotations that declare a MicroProfile REST client interface
    /// (`@RegisterRestClient(configKey = "hero-client")`), whose base URL the configuration
    /// key `quarkus.rest-client.<configKey>.url` sets (or the annotation's `baseUri`).
    #[serde(default)]
    pub rest_client_annotations: Vec<String>,
    /// Annotations that make a method a span (`@WithSpan`).
    #[serde(default)]
    pub span_annotations: Vec<String>,
    /// Methods a servlet serves requests with (`doGet`).
    #[serde(default)]
    pub servlet_methods: Vec<String>,
    /// Client methods whose names are common on other types: read as a request only on a
    /// receiver declared with one of `client_types`.
    #[serde(default)]
    pub client_call_typed: Vec<String>,
    /// HTTP client types by simple name.
    #[serde(default)]
    pub client_types: Vec<String>,
    /// Helpers that extract context through a propagator (`setParentFrom`).
    #[serde(default)]
    pub extract_helpers: Vec<String>,
    /// Helpers that inject context through a propagator (`getTextMapPropagationContext`).
    #[serde(default)]
    pub inject_helpers: Vec<String>,
    /// Traits an exporter implements (Rust `SpanExporter`): the connections a file that
    /// implements one opens are the exporter's own, which must not be traced.
    #[serde(default)]
    pub exporter_traits: Vec<String>,
    /// Named parameters of a produce or consume call that carry its topic or queue
    /// (RabbitMQ's `routingKey:` and `queue:`), read before the call's first argument.
    #[serde(default)]
    pub topic_parameters: Vec<String>,
    /// The position of the topic among a message call's arguments when it is not the first
    /// (RabbitMQ's `BasicPublish(exchange, routingKey, ...)` = 1).
    #[serde(default)]
    pub topic_positions: HashMap<String, usize>,
}

/// A language's resolved knowledge table.
#[derive(Debug)]
pub struct Knowledge {
    functions: HashMap<String, Role>,
    propagators: HashMap<String, String>,
    method_roles: HashMap<String, Role>,
    /// Method names with fixed meaning.
    pub methods: MethodNames,
    tracing_imports: Vec<String>,
    non_tracing_imports: Vec<String>,
    env_reads: Vec<String>,
    request_types: HashMap<String, String>,
    help: HashMap<String, String>,
    messages: HashMap<String, String>,
    patches: HashMap<String, Vec<String>>,
    patched_modules: HashMap<String, String>,
    /// Parameter names that hold an inbound request.
    pub request_params: Vec<String>,
    /// Endings of an annotated request parameter's type name.
    request_param_types: Vec<String>,
    libraries: HashMap<String, String>,
    replaces: HashMap<String, Vec<String>>,
    wraps_construction: HashMap<String, Vec<String>>,
    /// What the SDK and runtime do when code says nothing.
    pub defaults: Defaults,
    message_topic_types: HashMap<String, String>,
    exporter_transports: HashMap<String, String>,
    /// What the values filled into span names are.
    pub span_names: SpanNameValues,
    /// HTTP clients used through a fluent request builder.
    pub fluent_clients: Vec<FluentClient>,
    /// Message buses that route by the message's type.
    pub typed_buses: Vec<TypedBus>,
    /// A digest of everything the table was built from: the shipped text and the
    /// configuration's extensions, in the order they were applied.
    fingerprint: blake3::Hasher,
}

impl Knowledge {
    /// Parses a knowledge table. The embedded tables are checked by a test, so a failure here is
    /// a bug in the shipped data or in a user's extension.
    pub fn parse(source: &str) -> Result<Knowledge, toml::de::Error> {
        let raw: KnowledgeFile = toml::from_str(source)?;
        Ok(Knowledge {
            functions: raw.functions,
            propagators: raw.propagators,
            method_roles: raw.method_roles,
            methods: raw.methods,
            tracing_imports: raw.tracing_imports,
            non_tracing_imports: raw.non_tracing_imports,
            env_reads: raw.env_reads,
            request_types: raw.request_types,
            help: raw.help,
            messages: raw.messages,
            patches: raw.patches,
            patched_modules: raw.patched_modules,
            request_params: raw.request_params,
            request_param_types: raw.request_param_types,
            libraries: raw.libraries,
            replaces: raw.replaces,
            wraps_construction: raw.wraps_construction,
            defaults: raw.defaults,
            message_topic_types: raw.message_topic_types,
            exporter_transports: raw.exporter_transports,
            span_names: raw.span_names,
            fluent_clients: raw.fluent_clients,
            typed_buses: raw.typed_buses,
            fingerprint: fingerprint_of(source),
        })
    }

    /// Adds a configuration's entries to the table.
    fn extend(&mut self, extension: &KnowledgeExtension) {
        for (name, role) in &extension.functions {
            self.fingerprint
                .update(format!("function\0{name}\0{}\0", role.name()).as_bytes());
        }
        for (name, format) in &extension.propagators {
            self.fingerprint
                .update(format!("propagator\0{name}\0{format}\0").as_bytes());
        }
        self.functions.extend(extension.functions.clone());
        self.propagators.extend(extension.propagators.clone());
    }

    /// A digest of what the table was built from (the shipped table and the configuration's
    /// extensions): two tables with the same fingerprint mean the same to extraction.
    pub fn fingerprint(&self) -> [u8; 32] {
        *self.fingerprint.finalize().as_bytes()
    }

    /// The role of a fully qualified name.
    pub fn role(&self, qualified: &str) -> Option<Role> {
        self.functions.get(qualified).copied()
    }

    /// The fluent HTTP client a qualified function builds, if it builds one.
    pub fn fluent_client(&self, qualified: &str) -> Option<&FluentClient> {
        self.fluent_clients
            .iter()
            .find(|c| c.construct.iter().any(|f| f == qualified))
    }

    /// Every role the table gives, with the name it gives it to (functions, then methods).
    pub fn roles(&self) -> impl Iterator<Item = (&str, Role)> {
        self.functions
            .iter()
            .chain(&self.method_roles)
            .map(|(name, role)| (name.as_str(), *role))
    }

    /// The role of a method name that means the same on any receiver.
    pub fn method_role(&self, method: &str) -> Option<Role> {
        self.method_roles.get(method).copied()
    }

    /// The wire format a propagator constructor or type speaks.
    pub fn propagator_format(&self, qualified: &str) -> Option<&str> {
        self.propagators.get(qualified).map(String::as_str)
    }

    /// Whether a qualified function reads the environment variable named by its first argument.
    pub fn is_env_read(&self, qualified: &str) -> bool {
        self.env_reads.iter().any(|r| r == qualified)
    }

    /// For a message writer, reader or message type whose `Topic` names a topic: whether it
    /// sends (`Some(true)`) or receives.
    pub fn message_topic_type(&self, qualified: &str) -> Option<bool> {
        self.message_topic_types
            .get(qualified)
            .map(|direction| direction == "send")
    }

    /// How an exporter option hands the exporter its transport (`connection`, `dial-option`,
    /// `http-client`), if it does.
    pub fn exporter_transport(&self, qualified: &str) -> Option<&str> {
        self.exporter_transports.get(qualified).map(String::as_str)
    }

    /// Whether importing this path means the file uses tracing.
    pub fn is_tracing_import(&self, path: &str) -> bool {
        self.tracing_imports
            .iter()
            .any(|p| path.starts_with(p.as_str()))
            && !self
                .non_tracing_imports
                .iter()
                .any(|p| path.starts_with(p.as_str()))
    }

    /// The fix advice for `key` with its `{placeholders}` filled from `vars`.
    pub fn help(&self, key: &str, vars: &[(&str, &str)]) -> Option<String> {
        Some(fill(self.help.get(key)?, vars))
    }

    /// This language's wording of a finding, if it words it its own way.
    pub fn message(&self, key: &str, vars: &[(&str, &str)]) -> Option<String> {
        Some(fill(self.messages.get(key)?, vars))
    }

    /// The keys of this language's own wordings.
    pub fn message_keys(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }

    /// Whether advice exists for `key`.
    pub fn has_help(&self, key: &str) -> bool {
        self.help.contains_key(key)
    }

    /// The libraries an instrumentation constructor or factory patches process-wide.
    pub fn patches(&self, qualified: &str) -> Option<&[String]> {
        self.patches.get(qualified).map(Vec::as_slice)
    }

    /// The library whose instrumentation covers a qualified function or class: the entry for
    /// the name itself or for its longest module prefix.
    pub fn library(&self, qualified: &str) -> Option<&str> {
        let mut name = qualified;
        loop {
            if let Some(lib) = self.libraries.get(name) {
                return Some(lib);
            }
            name = name.rsplit_once('.')?.0;
        }
    }

    /// The names an instrumentor replaces with instrumented versions when it runs.
    pub fn replaces(&self, instrumentor: &str) -> &[String] {
        self.replaces.get(instrumentor).map_or(&[], Vec::as_slice)
    }

    /// The classes whose constructor an instrumentor wraps when it runs.
    pub fn wraps_construction(&self, instrumentor: &str) -> &[String] {
        self.wraps_construction
            .get(instrumentor)
            .map_or(&[], Vec::as_slice)
    }

    /// The library a module is, if instrumentation patches it when it is loaded.
    pub fn patched_module(&self, specifier: &str) -> Option<&str> {
        self.patched_modules.get(specifier).map(String::as_str)
    }

    /// The names a file must mention for this table to apply to it, for the literal pre-filter
    /// ([`crate::prefilter`] turns them into needles). `qualified` are functions, propagators
    /// and request types (`module.member`); `plain` are method names that produce a fact on
    /// any receiver, request parameter names and the other tables' names; `substrings` are
    /// tracing import prefixes. Left out are lists that only qualify a fact found through
    /// another name (span ends, scope closes, shutdown and export options, metric and lifecycle
    /// calls, link helpers, receiver and client type names, arities) and the method lists in
    /// `typed_lists`, which the extractor only reads on a receiver built from a name of the
    /// table.
    pub fn prefilter_names(&self, typed_lists: &[&str]) -> PrefilterNames<'_> {
        let qualified = self
            .functions
            .keys()
            .chain(self.propagators.keys())
            .chain(self.request_types.keys())
            .chain(self.fluent_clients.iter().flat_map(|c| &c.construct))
            .map(String::as_str)
            .collect();
        let mut plain: Vec<&str> = Vec::new();
        plain.extend(self.method_roles.keys().map(String::as_str));
        plain.extend(self.patches.keys().map(String::as_str));
        plain.extend(self.patched_modules.keys().map(String::as_str));
        plain.extend(self.libraries.keys().map(String::as_str));
        for (k, v) in self.replaces.iter().chain(&self.wraps_construction) {
            plain.push(k);
            plain.extend(v.iter().map(String::as_str));
        }
        plain.extend(self.request_params.iter().map(String::as_str));
        plain.extend(
            self.typed_buses
                .iter()
                .flat_map(|b| &b.markers)
                .map(String::as_str),
        );
        let m = &self.methods;
        for (list_name, list) in [
            ("route", &m.route),
            ("middleware", &m.middleware),
            ("client_call", &m.client_call),
            ("span_start", &m.span_start),
            ("blocking_serve", &m.blocking_serve),
            ("request_with_context", &m.request_with_context),
            ("tracer_from_provider", &m.tracer_from_provider),
            ("active_span_start", &m.active_span_start),
            ("provider_register", &m.provider_register),
            ("entry_serve", &m.entry_serve),
            ("span_builder", &m.span_builder),
            ("scope_open", &m.scope_open),
            ("route_annotations", &m.route_annotations),
            ("listener_annotations", &m.listener_annotations),
            (
                "incoming_channel_annotations",
                &m.incoming_channel_annotations,
            ),
            (
                "outgoing_channel_annotations",
                &m.outgoing_channel_annotations,
            ),
            ("channel_annotations", &m.channel_annotations),
            ("rest_client_annotations", &m.rest_client_annotations),
            ("span_annotations", &m.span_annotations),
            ("servlet_methods", &m.servlet_methods),
            ("client_call_typed", &m.client_call_typed),
            ("extract_helpers", &m.extract_helpers),
            ("inject_helpers", &m.inject_helpers),
        ] {
            if !typed_lists.contains(&list_name) {
                plain.extend(list.iter().map(String::as_str));
            }
        }
        PrefilterNames {
            qualified,
            plain,
            substrings: self.tracing_imports.iter().map(String::as_str).collect(),
        }
    }

    /// Whether a parameter holds an inbound request: its name is a request name (`req`,
    /// `request`) and its type annotation, if any, names a request type
    /// (`request: HttpRequest`, not `req: CreateBentoSchema`).
    pub fn is_request_param(&self, name: &str, annotation: Option<&str>) -> bool {
        if !self.request_params.iter().any(|p| p == name) {
            return false;
        }
        let Some(annotation) = annotation else {
            return true;
        };
        // The type's own name: `web.Request` → `Request`, `Request<Body>` → `Request`.
        let base = annotation
            .split(['<', '[', '|'])
            .next()
            .unwrap_or(annotation)
            .trim();
        let last = base.rsplit(['.', ':']).next().unwrap_or(base).trim();
        self.request_param_types.is_empty()
            || self
                .request_param_types
                .iter()
                .any(|t| last.ends_with(t.as_str()))
    }

    /// For a parameter of this qualified type, how code reaches the request's context.
    pub fn request_context(&self, qualified_type: &str) -> Option<&str> {
        self.request_types.get(qualified_type).map(String::as_str)
    }
}

/// The digest of a shipped table's text, where a table's fingerprint starts.
fn fingerprint_of(source: &str) -> blake3::Hasher {
    let mut hasher = blake3::Hasher::new();
    hasher.update(format!("knowledge\0{}\0", source.len()).as_bytes());
    hasher.update(source.as_bytes());
    hasher
}

/// A template with each `{name}` placeholder replaced by its value from `vars`.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in vars {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

impl Role {
    /// The role's name as written in knowledge tables and `tracewire.toml` (`provider-new`).
    pub fn name(self) -> String {
        let mut out = String::new();
        for (i, c) in format!("{self:?}").chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    out.push('-');
                }
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    }
}

/// The names of a knowledge table the literal pre-filter looks for (see
/// [`Knowledge::prefilter_names`]).
#[derive(Debug, Default)]
pub struct PrefilterNames<'a> {
    /// Qualified names, `module.member`: a file needs the member and the module's last word.
    pub qualified: Vec<&'a str>,
    /// Names a file needs as a whole identifier (their last word).
    pub plain: Vec<&'a str>,
    /// Text a file needs as a plain substring.
    pub substrings: Vec<&'a str>,
}

/// The knowledge tables of one run, by language: the embedded tables, loaded only for the
/// languages present.
#[derive(Debug, Default, Clone)]
pub struct KnowledgeBase {
    tables: HashMap<Lang, Arc<Knowledge>>,
}

impl KnowledgeBase {
    /// Loads the embedded tables of these languages, with the configuration's extensions.
    pub fn load(
        langs: &[Lang],
        extensions: &[(Lang, KnowledgeExtension)],
    ) -> Result<KnowledgeBase, String> {
        let mut tables = HashMap::new();
        for &lang in langs {
            if let Some(source) = lang.knowledge_source() {
                let mut table =
                    Knowledge::parse(source).map_err(|e| format!("{lang} knowledge table: {e}"))?;
                for (l, ext) in extensions {
                    if *l == lang {
                        table.extend(ext);
                    }
                }
                tables.insert(lang, Arc::new(table));
            }
        }
        Ok(KnowledgeBase { tables })
    }

    /// A language's table, if it has one.
    pub fn get(&self, lang: Lang) -> Option<&Arc<Knowledge>> {
        self.tables.get(&lang)
    }

    /// What a language's SDK and runtime do when code says nothing (all off for a language
    /// without a table).
    pub fn defaults(&self, lang: Lang) -> Defaults {
        self.get(lang)
            .map(|k| k.defaults.clone())
            .unwrap_or_default()
    }
}

/// Knowledge entries a configuration adds to a language's table.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeExtension {
    /// Qualified name → role.
    pub functions: std::collections::BTreeMap<String, Role>,
    /// Qualified propagator → wire format.
    pub propagators: std::collections::BTreeMap<String, String>,
}
