//! The language-neutral fact vocabulary.
//!
//! Extraction turns each source file into a [`FileFacts`]: small records with source locations
//! that say what the file does for tracing (sets up a provider, registers a route, sends a
//! request, starts a span). Parse trees never outlive extraction; everything later stages know
//! about the code is here.

pub mod name;
pub mod suppression;

pub use name::{Hole, HoleShape, NameExpr, NamePart, NameVia, SpanKindName};

use crate::language::Lang;
use serde::{Deserialize, Serialize};

/// A source range. Lines and columns are 1-based; columns count Unicode scalar values.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Loc {
    /// Line of the first character.
    pub line: u32,
    /// Column of the first character.
    pub col: u32,
    /// Line of the character after the range.
    pub end_line: u32,
    /// Column of the character after the range.
    pub end_col: u32,
    /// Byte offset of the first byte.
    pub start_byte: u32,
    /// Byte offset after the last byte.
    pub end_byte: u32,
}

/// What crosses a process boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Proto {
    /// HTTP requests.
    Http,
    /// gRPC calls.
    Grpc,
    /// Messages through a broker.
    Messaging,
}

impl Proto {
    /// The name used in messages.
    pub fn label(self) -> &'static str {
        match self {
            Proto::Http => "HTTP",
            Proto::Grpc => "gRPC",
            Proto::Messaging => "messaging",
        }
    }
}

/// How an inbound entry point continues the caller's trace, as far as its own site shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Extraction {
    /// Wrapped by instrumentation at this site.
    Instrumented,
    /// The handler extracts context by hand.
    Manual,
    /// The handler is the named function; whether it extracts is decided with the whole service.
    Handler(String),
    /// Nothing at this site extracts; the service may still instrument the server as a whole.
    None,
    /// The site cannot be judged (options built elsewhere, a factory).
    Unknown,
    /// Served by a library that instrumentation patches process-wide (JS: `http`, `grpc`,
    /// `kafkajs`): extracts only if the service instruments that library.
    Patched(String),
    /// Served by this framework (`spring-webmvc`, `servlet`), which instrumentation switched on
    /// by deployment may cover (the Java agent, the Spring Boot starter): decided with the
    /// service's deployment.
    Framework(String),
}

/// How an outbound call injects the trace context, as far as its own site shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Injection {
    /// Goes through instrumentation that injects.
    Instrumented,
    /// Context is injected by hand.
    Manual,
    /// Goes through the process-wide default client, instrumented only if the service replaces
    /// the default transport.
    DefaultClient,
    /// Goes through the client stored under this name (a variable or struct field), resolved
    /// against the client constructions of the whole service.
    Client(String),
    /// Known not to inject.
    None,
    /// The site cannot be judged.
    Unknown,
    /// Goes through a library that instrumentation patches process-wide (JS: `http`, `fetch`,
    /// `grpc`, `kafkajs`): injects only if the service instruments that library.
    Patched(String),
}

impl Injection {
    /// Whether the site is known to inject by itself (instrumented, or by hand); the other
    /// kinds depend on how the service sets its clients up.
    pub fn injects(&self) -> bool {
        matches!(self, Injection::Instrumented | Injection::Manual)
    }
}

/// Whether a trace can be in flight where a call is made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flow {
    /// A request's context is in scope, or the function starts a span.
    Request,
    /// Inside this named function, which has neither: in flight only if request code calls it.
    Function(String),
    /// Outside any request: start-up, a detached goroutine, an anonymous function.
    Detached,
    /// In code a browser page runs: a trace is in flight only where the page traces (a web
    /// tracer provider is set up, [`FactKind::WebTracing`]).
    Browser,
}

/// Whether a started span is ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lifecycle {
    /// Ended on every path (deferred, or on each return).
    Ended,
    /// Returned, stored or passed on: whoever receives it owns the end.
    HandedOff,
    /// The span value is thrown away, so nothing can end it.
    Discarded,
    /// Some paths leave without ending it: these exits.
    Leaks(Vec<Loc>),
}

/// How request code loses its context.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DropVia {
    /// A fresh root context (`context.Background()`, `Context.root()`) reaches new work.
    FreshContext,
    /// An outbound request is built without any context (`http.NewRequest`).
    RequestWithoutContext,
    /// A fluent client's request is sent without the method that attaches the caller's
    /// context (resty's `SetContext`).
    BuilderWithoutContext {
        /// The method that would attach it.
        attach: String,
    },
}

/// What happens to the context that carries a new span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpanContext {
    /// The new context is used or the API makes it current.
    Used,
    /// The new context is discarded while later work still takes the old one, at this call.
    DiscardedBefore(Loc),
}

/// What a provider handle is used for after it is built, within the function that built it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProviderHandling {
    /// Its Shutdown or ForceFlush is called or taken as a value.
    ShutdownLocal,
    /// It leaves the function (returned, stored, passed on): the receiver may shut it down.
    Escapes,
    /// Neither: nothing can shut it down.
    Dropped,
    /// Built and discarded: nothing registers it, takes a tracer from it or keeps it, so it
    /// records nothing and has nothing to flush (a snippet showing builder options).
    Unused,
}

/// One thing a file does for (or against) tracing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FactKind {
    /// An SDK tracer provider is constructed.
    ProviderCreated {
        /// The variable it is bound to, if any.
        var: Option<String>,
        /// What the code does with it.
        handling: ProviderHandling,
        /// It buffers spans (a batch processor, or a processor tracewire cannot see); a provider
        /// that only exports synchronously loses nothing at exit.
        buffered: bool,
    },
    /// A provider is made the process-wide one.
    ProviderRegistered,
    /// A tracer provider for browser pages is built (`WebTracerProvider`): page code can carry
    /// a trace.
    WebTracing,
    /// A Dockerfile whose final stage is a static web server image (`FROM nginx`): the scripts
    /// under its directory are a bundle served to browsers, not code the container runs.
    StaticSite,
    /// The process-wide provider is shut down (Rust's `global::shutdown_tracer_provider()`,
    /// removed in opentelemetry 0.28): the providers registered with it are flushed.
    GlobalProviderShutdown,
    /// A whole SDK is built from configuration (declarative config, autoconfigure).
    SdkFromConfig,
    /// A text-map propagator is installed process-wide.
    PropagatorSet {
        /// Formats named in the call (`tracecontext`, `baggage`, `b3`, `env`, ...).
        formats: Vec<String>,
    },
    /// A provider's Shutdown is deferred in the program entry point, or written there after a
    /// server that runs until the process is killed (Rust: `provider.shutdown()` after
    /// `axum::serve(..).await`; a tracing guard dropped at the end of `main`, with an empty
    /// receiver; `global::shutdown_tracer_provider()`, with an empty receiver and `of_provider`).
    ShutdownDeferredInMain {
        /// The receiver's last name (`tp` in `defer tp.Shutdown(ctx)`).
        receiver: String,
        /// The receiver is known to be a tracer provider where the shutdown was written (a
        /// closure an init function returns: `defer shutdown(ctx)`), so its name need not match
        /// a provider built in view.
        #[serde(default)]
        of_provider: bool,
    },
    /// The entry point blocks until the process is stopped: it serves requests, or waits for a
    /// signal (`<-ctx.Done()` on a `signal.NotifyContext` context). Unless SIGTERM is handled,
    /// a container stop kills it there.
    MainBlocksServing,
    /// The process handles signals: those named, as written (none: every signal, or a shutdown
    /// hook the runtime runs on SIGTERM). Whether SIGTERM is among them is the model's call
    /// ([`crate::model`]'s summary), the same for every language.
    SignalHandled {
        /// The signals as written (`syscall.SIGTERM`, `os.Interrupt`, `'SIGINT'`, `ctrl_c`).
        signals: Vec<String>,
    },
    /// A signal handler calls a method on a name nothing declares before it shuts tracing
    /// down (`server.close(() => sdk.shutdown())` with no `server`): the call throws, and the
    /// shutdown never runs.
    ShutdownUnreachable {
        /// The undeclared name.
        undeclared: String,
        /// The shutdown that never runs, as written (`sdk.shutdown`).
        shutdown: String,
        /// Where that shutdown is.
        shutdown_loc: Loc,
    },
    /// A tracer is taken from the process-wide provider.
    GlobalTracer,
    /// A tracer is taken from a provider value (`tp.Tracer("x")`): the code uses a provider
    /// explicitly rather than the global one.
    ExplicitTracer,
    /// Instrumentation that uses the process-wide provider and propagator.
    Instrumentation {
        /// The instrumentation's qualified name.
        what: String,
        /// It is given a provider explicitly.
        explicit_provider: bool,
    },
    /// A server, router or whole handler tree is wrapped by extracting instrumentation.
    ServerInstrumented {
        /// The wrapped expression, as written.
        target: String,
    },
    /// A function whose body extracts the caller's context by hand.
    HandlerExtracts {
        /// The function's name.
        name: String,
    },
    /// An inbound entry point: a route or a server.
    Inbound {
        /// What it serves.
        proto: Proto,
        /// The route or service, as written.
        route: Option<String>,
        /// The router it is registered on, as written.
        router: Option<String>,
        /// How it extracts context, as far as its site shows.
        extraction: Extraction,
    },
    /// An outbound call or connection.
    Outbound {
        /// What it sends.
        proto: Proto,
        /// The callee (API or method), as written.
        target: String,
        /// How it injects context, as far as its site shows.
        injection: Injection,
        /// Whether a trace can be in flight at the call.
        flow: Flow,
    },
    /// What calling `method` on the value `function` returns does: the facts in `then` hold
    /// at every such call in the service (an SDK built by a factory and started by its caller:
    /// `function OpenTelemetry() { return new NodeSDK(...) }`, then `otel.start()`).
    ResultEffect {
        /// The declared name of the function that returns the value.
        function: String,
        /// The method called on the value (`start`, `register`), or `()` for calling the value
        /// itself (a shutdown function an init function returns: `defer shutdown(ctx)`).
        method: String,
        /// The facts that call stands for.
        then: Vec<FactKind>,
    },
    /// `method` is called on the value a call of `function` returned (`const otel =
    /// OpenTelemetry('x'); otel.start()`); [`FactKind::ResultEffect`] says what that does.
    ResultCall {
        /// The last name of the callee as written.
        function: String,
        /// The method called on its result (`()`: the result is called itself).
        method: String,
    },
    /// Request code calls a function by this name (the last name of the callee as written):
    /// a trace is in flight inside it.
    CalledFromRequest {
        /// The callee's name.
        name: String,
    },
    /// An HTTP client is constructed and stored under a name.
    ClientBuilt {
        /// The variable or field name it is stored under.
        key: String,
        /// Whether its transport injects context (`None`: cannot tell).
        instrumented: Option<bool>,
    },
    /// The client stored under `key` is built by a fluent builder whose transport is replaced
    /// with `transport` (resty's `SetTransport`): how a fix instruments it.
    FluentClient {
        /// The variable or field name it is stored under.
        key: String,
        /// The client method that replaces its transport.
        transport: String,
    },
    /// The process-wide default HTTP transport or client is replaced by an instrumented one.
    DefaultClientInstrumented,
    /// A span is started.
    SpanStarted {
        /// The span name when it is a literal.
        name: Option<String>,
        /// Whether it is ended.
        lifecycle: Lifecycle,
        /// What happens to the context that carries it.
        context: SpanContext,
    },
    /// A span gets a name: next to each span start, and where a name is handed to
    /// instrumentation (`otelhttp.NewHandler(h, "name")`, `@WithSpan("name")`).
    SpanNamed {
        /// How the name is built.
        name: NameExpr,
        /// The span kind, where the site sets one.
        span_kind: Option<SpanKindName>,
        /// Who gives the span the name.
        via: NameVia,
    },
    /// Request-scoped code starts work from a fresh root context.
    ContextDropped {
        /// How the context is lost.
        via: DropVia,
        /// The fresh context or the context-less call, as written (`context.Background()`).
        fresh: String,
        /// What is started from it.
        sink: String,
        /// Where the request's context is in scope (its parameter).
        in_scope: Option<String>,
        /// The call that starts the work.
        sink_loc: Loc,
        /// The request goes through the client stored under this name: the finding stands only
        /// if the service builds an HTTP client under it.
        via_client: Option<String>,
    },
    /// Deployment switches on automatic instrumentation or preloads a module before the
    /// application: `opentelemetry-instrument`, `node-auto-instrumentations`, `node-preload`,
    /// `java-agent`, `dotnet-auto-instrumentation`.
    AutoInstrumentation {
        /// Which launcher or agent.
        agent: String,
        /// The preloaded module or agent jar, where there is one.
        module: Option<String>,
    },
    /// Deployment sets an OpenTelemetry or runtime-options environment variable.
    EnvSetting {
        /// Variable name.
        name: String,
        /// Its value as written.
        value: String,
    },
    /// An application configuration file sets a key (`api.order.url=${API_ORDER_URL:http://localhost:8005}`
    /// in Spring's `application.properties`, the same key nested in `application.yml`; a .NET
    /// `appsettings.json` value under the variable that overrides it, `Catalog__Url` for
    /// `{"Catalog": {"Url": ...}}`). The value may hold `${key:default}` placeholders; the
    /// model resolves them.
    ConfigSetting {
        /// The key, dotted (`api.order.url`).
        key: String,
        /// Its value as written.
        value: String,
    },
    /// Code gives the value a configuration key takes when nothing sets it
    /// (`@Value("${api.order.url:http://orders:8080}")`).
    ConfigDefault {
        /// The key, dotted.
        key: String,
        /// The default, as written.
        value: String,
    },
    /// Instrumentation is installed after the library it patches was imported or its
    /// server/client constructed, so that library stays uninstrumented.
    InstrumentedTooLate {
        /// The instrumentation or SDK, as written.
        instrumentation: String,
        /// What it comes too late for (the import, server or client), as written.
        target: String,
        /// Where that target is imported or constructed.
        target_loc: Loc,
        /// Local modules the file loads before the target (`./tracing`): one that enables
        /// instrumentation as it loads ([`FactKind::PatchesOnLoad`]) patches the target in time.
        loaded_before: Vec<String>,
    },
    /// Loading this module enables instrumentation: it constructs instrumentations at its top
    /// level, and each patches the libraries it covers as it is constructed (Node's
    /// `InstrumentationBase` enables itself unless told not to).
    PatchesOnLoad,
    /// A gRPC service is served here (`pb.RegisterCartServiceServer(s, impl)`).
    GrpcServiceServed {
        /// The service's name (`CartService`).
        service: String,
    },
    /// A gRPC service's generated client is built here (`pb.NewCartServiceClient(conn)`).
    GrpcServiceCalled {
        /// The service's name.
        service: String,
    },
    /// An HTTP request goes to a literal URL.
    HttpCallTo {
        /// The URL's host (`quote` in `http://quote:8080/get`).
        host: String,
        /// The URL's path, if any.
        path: Option<String>,
        /// The URL's port when its host is the caller's own machine (`localhost`,
        /// `127.0.0.1`, `host.docker.internal`): there only the port says which service answers.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        port: Option<u16>,
    },
    /// An HTTP request goes to the host an environment variable names
    /// (`"http://" + os.Getenv("CART_ADDR") + "/cart"`), or a configuration key
    /// (`@Value("${cart.url}")`), resolved through deployment settings and configuration files.
    HttpCallToEnv {
        /// The variable's name.
        var: String,
        /// The URL's literal path after the host, if any.
        path: Option<String>,
    },
    /// An exporter's own connection or client is instrumented, so each export is traced and
    /// exported in turn.
    ExporterInstrumented {
        /// The exporter option, as its package and name (`otlptracegrpc.WithGRPCConn`).
        exporter: String,
        /// Where the instrumentation is added to the exporter's transport.
        instrumentation: Loc,
    },
    /// Messages are sent to, or received from, the topic or queue of this name.
    MessageTopic {
        /// The topic's name.
        topic: String,
        /// Whether messages are sent (`false`: received).
        sends: bool,
    },
    /// Messages are sent to, or received from, the topic an environment variable names
    /// (`os.Getenv("KAFKA_TOPIC")`), resolved through deployment settings.
    MessageTopicFromEnv {
        /// The variable's name.
        var: String,
        /// The name used when the variable is not set (`?? "orders"`), if the code gives one.
        default: Option<String>,
        /// Whether messages are sent (`false`: received).
        sends: bool,
    },
    /// The service accepts connections on this port: a server's listen call in code
    /// (`app.listen(3000)`, `TcpListener::bind("0.0.0.0:8081")`) or a port deployment publishes
    /// on the host (compose `ports: ["4003:4000"]`), so `localhost:3000` reaches it.
    ListensOn {
        /// The port.
        port: u16,
    },
    /// The service listens on the port an environment variable names
    /// (`app.listen(process.env.PORT || 4000)`), resolved through deployment settings, else the
    /// code's default.
    ListensOnEnv {
        /// The variable's name.
        var: String,
        /// The port used when the variable is not set, if the code gives one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        default: Option<u16>,
    },
    /// Deployment runs the service under this name (a compose service building from its
    /// directory), so other services can address it by that name.
    DeployedAs {
        /// The name.
        name: String,
        /// Which instance of a templated deployment file it belongs to (`LANG=python` for a
        /// compose service built from `services/cart-${LANG}` that landed in `services/cart-python`),
        /// so names resolve among the services deployed together.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        variant: Option<String>,
    },
    /// Deployment builds the service with this Dockerfile (path from the root), wherever it
    /// lives: a Dockerfile shared by several services (`build: {context: ./services, args:
    /// {SERVICE: orders}}`) starts each of them.
    BuiltWith {
        /// The Dockerfile's path.
        dockerfile: String,
    },
    /// An orchestrator program runs a project of the repository under this name (.NET Aspire
    /// `builder.AddProject<Projects.Catalog_API>("catalog-api")`), so other services address
    /// it by that name.
    ProjectDeployedAs {
        /// The project as the orchestrator names it (`Catalog_API`: the project file's name
        /// with `.`, `-` and spaces as `_`).
        project: String,
        /// The name.
        name: String,
    },
    /// The project builds another project of the repository into itself (a .NET
    /// `<ProjectReference>`): a library referenced this way runs inside the programs that
    /// reference it.
    ProjectReference {
        /// The referenced project's directory, relative to the root.
        dir: String,
    },
    /// The module depends on another module of the repository by path (Go's
    /// `replace example.com/config => ../config`, Cargo's `{ path = "../telemetry" }`): the
    /// library's setup runs in the programs that call it, so what it builds (a provider, a
    /// guard that shuts one down) is visible to them. Its calls stay its own on the service
    /// graph: depending on a module does not say which of its functions a program calls.
    ModuleDependency {
        /// The module's directory, relative to the root.
        dir: String,
    },
    /// Context is extracted from a carrier by hand.
    ManualExtract,
    /// Context is injected into a carrier by hand.
    ManualInject,
    /// Instrumentation that patches a library process-wide is installed (JS: an
    /// instrumentation handed to the SDK or `registerInstrumentations`).
    LibraryPatched {
        /// The library patched (`http`, `fetch`, `grpc`, `kafkajs`, `express`, ...).
        library: String,
    },
    /// A named tracer source is created whose spans are recorded only if the SDK is told to
    /// listen to its name (.NET `new ActivitySource("name")`).
    SourceCreated {
        /// Its name, as far as the site shows.
        name: SourceName,
        /// The variable, field or property it is stored under, if any.
        holder: Option<String>,
    },
    /// The SDK is told to record the sources whose names match a pattern (.NET
    /// `AddSource("Shop.*")`; `*` and `?` are wildcards). An `Unknown` pattern (computed, or a
    /// hand-made listener) may match anything.
    SourceRegistered {
        /// The name pattern, as far as the site shows.
        pattern: SourceName,
    },
    /// A string constant is declared (`const string SourceName = "Shop.Orders"`, Go `const`,
    /// Java `static final String`, a module-level Python or JavaScript assignment), so names
    /// that refer to it can be resolved across the service's files.
    StringConstant {
        /// The constant's name.
        name: String,
        /// Its value.
        value: String,
    },
    /// A span or context is made current (Java's `span.makeCurrent()`), returning a scope that
    /// must be closed on every path or the thread keeps the wrong current context.
    ScopeMadeCurrent {
        /// Whether the scope is closed (`Ended`: closed on every path, or opened in
        /// try-with-resources).
        lifecycle: Lifecycle,
    },
}

/// Constructors for the facts every extractor records, so that a language says what it found
/// in one line and the facts' shapes live in one place.
impl FactKind {
    /// An entry point: `proto` served at `route` on `router`, extracting as `extraction` says.
    pub fn inbound(
        proto: Proto,
        route: Option<String>,
        router: Option<String>,
        extraction: Extraction,
    ) -> FactKind {
        FactKind::Inbound {
            proto,
            route,
            router,
            extraction,
        }
    }

    /// An HTTP request to the literal `url`, whose `host` and `path` are read: with its port
    /// when the host is the caller's own machine.
    pub fn http_call_to(url: &str, host: String, path: Option<String>) -> FactKind {
        let port = if crate::url::is_loopback(&host) {
            crate::url::port_of_value(url)
        } else {
            None
        };
        FactKind::HttpCallTo { host, path, port }
    }

    /// An outbound call of `proto` to `target`, injecting as `injection` says.
    pub fn outbound(proto: Proto, target: String, injection: Injection, flow: Flow) -> FactKind {
        FactKind::Outbound {
            proto,
            target,
            injection,
            flow,
        }
    }

    /// A span start and how its span and context are used.
    pub fn span_started(
        name: Option<String>,
        lifecycle: Lifecycle,
        context: SpanContext,
    ) -> FactKind {
        FactKind::SpanStarted {
            name,
            lifecycle,
            context,
        }
    }

    /// A span name given in code (`via` says whether to a span or to instrumentation).
    pub fn span_named(name: NameExpr, span_kind: Option<SpanKindName>, via: NameVia) -> FactKind {
        FactKind::SpanNamed {
            name,
            span_kind,
            via,
        }
    }

    /// A tracer provider construction.
    pub fn provider_created(
        var: Option<String>,
        handling: ProviderHandling,
        buffered: bool,
    ) -> FactKind {
        FactKind::ProviderCreated {
            var,
            handling,
            buffered,
        }
    }
}

/// A tracer source name or registration pattern, as far as its site shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum SourceName {
    /// A string literal.
    Literal(String),
    /// A constant by its last name (`Telemetry.SourceName` → `SourceName`), resolved against
    /// the service's string constants.
    Constant(String),
    /// The name of the source stored under this holder (`Source.Name`).
    SourceOf(String),
    /// Computed (`typeof(X).Assembly.GetName().Name`, configuration): cannot be known.
    Unknown,
}

/// A fact and where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// Where it is.
    pub loc: Loc,
    /// What it is.
    pub kind: FactKind,
}

/// An inline suppression comment: `tracewire: ignore[rule-id] reason`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    /// The comment's location.
    pub loc: Loc,
    /// The rule ids it names.
    pub rules: Vec<String>,
    /// Whether it covers the whole file (`ignore-file`).
    pub whole_file: bool,
    /// The reason given after the bracket, if any.
    pub reason: Option<String>,
    /// Another tool's comment that tracewire honours (`//nolint:contextcheck`): it is that
    /// tool's business whether it is used or explained.
    pub foreign: bool,
}

/// Everything extraction learned about one source file.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct FileFacts {
    /// Path relative to the scanned root, with forward slashes.
    pub path: String,
    /// The file's language.
    pub lang: Option<Lang>,
    /// The package the file declares, where the language has one.
    pub package: Option<String>,
    /// The file holds the program's entry point (Go: `func main` in `package main`).
    pub has_entry: bool,
    /// The file is generated code: its facts count, its diagnostics are never reported.
    pub generated: bool,
    /// The file imports an OpenTelemetry package.
    pub uses_tracing: bool,
    /// The file is test support code by its content (a Go file importing `testing`): left out
    /// of the analysis like test files are.
    pub test_code: bool,
    /// The parse had syntax errors; facts come from the parts that parsed.
    pub parse_errors: bool,
    /// Facts in source order.
    pub facts: Vec<Fact>,
    /// Suppression comments.
    pub suppressions: Vec<Suppression>,
    /// For deployment facts: the directory of the service they describe, when it is not the
    /// file's own (a compose service's build context).
    pub applies_to_dir: Option<String>,
    /// For deployment facts: the name of the service they describe (a Kubernetes container).
    pub applies_to_name: Option<String>,
    /// For deployment facts: the directory they describe as a template of the variables that
    /// choose it (`services/cart-${LANG}`), when a variable does: the model deploys each
    /// directory the template matches, and `applies_to_dir` (the directory the variables'
    /// current values name) only when it matches none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to_template: Option<String>,
    /// The file was not parsed because no needle of the pre-filter occurs in it; it is parsed
    /// after all when another file refers to a name it might declare as a constant.
    #[serde(skip)]
    pub prefiltered: bool,
}

impl FileFacts {
    /// The facts of one kind, by predicate.
    pub fn iter(&self) -> impl Iterator<Item = &Fact> {
        self.facts.iter()
    }
}
