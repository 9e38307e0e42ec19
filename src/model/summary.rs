//! What a service does for tracing as a whole: folded once from the facts of every file it
//! sees, so rules ask questions instead of rescanning facts.

use super::{RepoModel, Service};
use crate::facts::{FactKind, Flow, Injection, Loc};
use std::collections::{BTreeMap, BTreeSet};

/// The deployment agent name of Node's zero-code auto-instrumentation preload.
pub const NODE_AUTO_INSTRUMENTATIONS: &str = "node-auto-instrumentations";
/// The deployment agent name of Python's zero-code launcher (`opentelemetry-instrument`).
pub const PYTHON_AUTO_INSTRUMENTATION: &str = "opentelemetry-instrument";
/// Deployment-level instrumentation and the frameworks it covers, as a prefix of the framework
/// names in [`Extraction::Framework`](crate::facts::Extraction::Framework) (`""`: everything).
const DEPLOYMENT_COVERAGE: &[(&str, &str)] = &[
    ("java-agent", ""),
    // OpenTelemetry Go's eBPF agent, attached from a sidecar container: net/http, gRPC and
    // the clients it knows, in and out.
    ("go-auto-instrumentation", ""),
    ("spring-boot-starter", "spring-"),
    ("micrometer-tracing", "spring-"),
    ("quarkus-opentelemetry", "quarkus-"),
];

/// Deployment-level instrumentation that sets up an SDK and its propagators.
const DEPLOYMENT_SDKS: &[&str] = &[
    "java-agent",
    "go-auto-instrumentation",
    "spring-boot-starter",
    "micrometer-tracing",
    "quarkus-opentelemetry",
];

/// Where an HTTP client is constructed.
#[derive(Clone, Debug)]
pub struct ClientSite {
    /// File path.
    pub path: String,
    /// Location of the construction.
    pub loc: Loc,
    /// Whether its transport injects (`None`: cannot tell).
    pub instrumented: Option<bool>,
}

/// Whole-service facts.
#[derive(Clone, Debug, Default)]
pub struct ServiceSummary {
    /// An SDK provider is built.
    pub provider_created: bool,
    /// A provider is registered globally.
    pub provider_registered: bool,
    /// An SDK is built from configuration.
    pub sdk_from_config: bool,
    /// The process-wide provider is shut down somewhere.
    pub global_provider_shutdown: bool,
    /// A propagator is installed globally, with the formats named.
    pub propagators: Option<Vec<String>>,
    /// Spans, tracers or instrumentation exist.
    pub creates_telemetry: bool,
    /// Instrumentation relies on the global provider (not handed one explicitly).
    pub uses_global_provider: bool,
    /// Tracers are taken from a provider value somewhere.
    pub explicit_tracers: bool,
    /// Some server, router or handler tree is wrapped by extracting instrumentation.
    pub server_instrumented: bool,
    /// Names of handler functions that extract by hand.
    pub extracting_handlers: BTreeSet<String>,
    /// gRPC server instrumentation exists somewhere.
    pub grpc_server_instrumented: bool,
    /// gRPC client instrumentation exists somewhere.
    pub grpc_client_instrumented: bool,
    /// The default HTTP client/transport is replaced by an instrumented one.
    pub default_client_instrumented: bool,
    /// A tracer provider for browser pages is built: page code can carry a trace.
    pub web_tracing: bool,
    /// Termination signals are handled.
    pub signal_handled: bool,
    /// The entry point blocks serving until the process is killed, so deferred calls never run
    /// unless a signal is handled.
    pub main_never_returns_normally: bool,
    /// HTTP clients by the name they are stored under.
    pub clients: BTreeMap<String, Vec<ClientSite>>,
    /// Fluent clients by the name they are stored under → the method that sets their transport.
    pub fluent_transports: BTreeMap<String, String>,
    /// A context is extracted by hand somewhere the service sees.
    pub extracts_by_hand: bool,
    /// A context is injected by hand somewhere the service sees.
    pub injects_by_hand: bool,
    /// Inbound or outbound sites exist (traces cross this service's boundary).
    pub has_boundary: bool,
    /// Automatic instrumentation or preloads switched on by deployment, by agent name.
    pub auto_instrumentation: BTreeSet<String>,
    /// OpenTelemetry and runtime-option environment variables set by deployment.
    pub env: BTreeMap<String, String>,
    /// Keys the service's configuration files set (`application.properties`,
    /// `appsettings.json`), as written.
    pub config: BTreeMap<String, String>,
    /// Defaults the code gives configuration keys (`@Value("${key:default}")`).
    pub config_defaults: BTreeMap<String, String>,
    /// Names of functions request code calls.
    pub called_from_request: BTreeSet<String>,
    /// Libraries patched process-wide by instrumentation (JS); `*` when a launcher patches
    /// every supported library.
    pub patched: BTreeSet<String>,
}

/// Signals that are not the SIGTERM a container stop or `kill` sends, by their last name in
/// upper case (`os.Interrupt`, `syscall.SIGINT`, `'SIGINT'`, Rust's `ctrl_c`).
const OTHER_SIGNALS: &[&str] = &[
    "INTERRUPT",
    "SIGINT",
    "KILL",
    "SIGKILL",
    "SIGHUP",
    "SIGQUIT",
    "SIGUSR1",
    "SIGUSR2",
    "SIGPIPE",
    "SIGCHLD",
    "SIGWINCH",
    "CTRL_C",
    "INTERRUPT()",
];

/// Whether a handler of these signals (as written; none: every signal) runs when the process
/// is told to terminate. A name tracewire cannot place (a variable, a list) counts as handling.
pub fn handles_termination(signals: &[String]) -> bool {
    signals.is_empty()
        || signals.iter().any(|s| {
            let name = s.trim_matches(['"', '\'', '`']);
            let last = name.rsplit(['.', ':']).next().unwrap_or(name);
            !OTHER_SIGNALS.contains(&last.to_ascii_uppercase().as_str())
        })
}

impl ServiceSummary {
    /// Folds the facts of every file the service sees.
    pub fn build(repo: &RepoModel, service: &Service) -> ServiceSummary {
        let mut s = ServiceSummary::default();
        let mut blocks = false;
        for &i in service.files.iter().chain(&service.shared) {
            let file = &repo.files[i];
            for fact in &file.facts {
                match &fact.kind {
                    FactKind::ProviderCreated { .. } => s.provider_created = true,
                    FactKind::ProviderRegistered => s.provider_registered = true,
                    FactKind::WebTracing => s.web_tracing = true,
                    FactKind::GlobalProviderShutdown => s.global_provider_shutdown = true,
                    FactKind::SdkFromConfig => s.sdk_from_config = true,
                    FactKind::PropagatorSet { formats } => {
                        s.propagators
                            .get_or_insert_with(Vec::new)
                            .extend(formats.iter().cloned());
                    }
                    FactKind::GlobalTracer => {
                        s.creates_telemetry = true;
                        s.uses_global_provider = true;
                    }
                    FactKind::Instrumentation {
                        what,
                        explicit_provider,
                    } => {
                        s.creates_telemetry = true;
                        s.uses_global_provider |= !explicit_provider;
                        s.grpc_server_instrumented |=
                            what.contains("ServerHandler") || what.contains("ServerInterceptor");
                        s.grpc_client_instrumented |=
                            what.contains("ClientHandler") || what.contains("ClientInterceptor");
                    }
                    FactKind::SpanStarted { .. } => s.creates_telemetry = true,
                    FactKind::ExplicitTracer => s.explicit_tracers = true,
                    FactKind::ServerInstrumented { .. } => s.server_instrumented = true,
                    FactKind::HandlerExtracts { name } => {
                        s.extracting_handlers.insert(name.clone());
                    }
                    FactKind::DefaultClientInstrumented => s.default_client_instrumented = true,
                    FactKind::SignalHandled { signals } => {
                        s.signal_handled |= handles_termination(signals);
                    }
                    FactKind::MainBlocksServing => blocks = true,
                    FactKind::ClientBuilt { key, instrumented } => {
                        s.clients.entry(key.clone()).or_default().push(ClientSite {
                            path: file.path.clone(),
                            loc: fact.loc,
                            instrumented: *instrumented,
                        });
                    }
                    FactKind::ManualExtract => s.extracts_by_hand = true,
                    FactKind::ManualInject => s.injects_by_hand = true,
                    FactKind::FluentClient { key, transport } => {
                        s.fluent_transports.insert(key.clone(), transport.clone());
                    }
                    FactKind::Inbound { .. } | FactKind::Outbound { .. } => s.has_boundary = true,
                    FactKind::AutoInstrumentation { agent, .. } => {
                        s.auto_instrumentation.insert(agent.clone());
                    }
                    FactKind::CalledFromRequest { name } => {
                        s.called_from_request.insert(name.clone());
                    }
                    FactKind::EnvSetting { name, value } => {
                        // A service's own `.env` only fills what deployment leaves unset.
                        let dotenv = file.path.rsplit('/').next() == Some(crate::deploy::DOTENV)
                            && file.lang.is_none();
                        if dotenv {
                            s.env.entry(name.clone()).or_insert_with(|| value.clone());
                        } else {
                            s.env.insert(name.clone(), value.clone());
                        }
                    }
                    FactKind::ConfigSetting { key, value } => {
                        s.config.entry(key.clone()).or_insert_with(|| value.clone());
                    }
                    FactKind::ConfigDefault { key, value } => {
                        s.config_defaults
                            .entry(key.clone())
                            .or_insert_with(|| value.clone());
                    }
                    FactKind::LibraryPatched { library } => {
                        s.creates_telemetry = true;
                        s.patched.insert(library.clone());
                    }
                    _ => {}
                }
            }
        }
        s.main_never_returns_normally = blocks;
        if s.auto_instrumentation.contains(NODE_AUTO_INSTRUMENTATIONS)
            || s.auto_instrumentation.contains(PYTHON_AUTO_INSTRUMENTATION)
        {
            // `--require @opentelemetry/auto-instrumentations-node/register` starts a NodeSDK
            // with every instrumentation and the propagators of OTEL_PROPAGATORS (default
            // tracecontext+baggage) before the application loads; `opentelemetry-instrument`
            // does the same for Python (every installed instrumentor, the distro's SDK).
            s.patched.insert("*".into());
            s.sdk_from_config = true;
            s.provider_registered = true;
            s.propagators
                .get_or_insert_with(Vec::new)
                .push("env".into());
        }
        if let Some(p) = s.propagators.as_mut() {
            p.sort();
            p.dedup();
        }
        s
    }

    /// Whether a trace can be in flight at a call with this flow.
    pub fn in_flight(&self, flow: &Flow) -> bool {
        match flow {
            Flow::Request => true,
            Flow::Function(name) => self.called_from_request.contains(name),
            Flow::Detached => false,
            Flow::Browser => self.web_tracing,
        }
    }

    /// Whether instrumentation patches `library` process-wide.
    pub fn is_patched(&self, library: &str) -> bool {
        self.patched.contains("*") || self.patched.contains(library)
    }

    /// Whether deployment switches on instrumentation that covers this framework
    /// (see [`Extraction::Framework`](crate::facts::Extraction::Framework)); `""` asks whether it
    /// covers every server and client in the process.
    pub fn covers(&self, framework: &str) -> bool {
        self.auto_instrumentation.iter().any(|agent| {
            DEPLOYMENT_COVERAGE
                .iter()
                .any(|(a, prefix)| a == agent && framework.starts_with(prefix))
        })
    }

    /// Whether deployment switches on instrumentation that covers every server and client in the
    /// process (the Java agent).
    pub fn covers_everything(&self) -> bool {
        self.covers("")
    }

    /// Whether deployment sets up an SDK with its own default propagators (W3C trace context
    /// and baggage, or `OTEL_PROPAGATORS`): the Java agent, the Spring Boot starter, Spring
    /// Boot's Micrometer bridge to OpenTelemetry, Quarkus's OpenTelemetry extension.
    pub fn deployment_sdk(&self) -> bool {
        self.auto_instrumentation
            .iter()
            .any(|a| DEPLOYMENT_SDKS.contains(&a.as_str()))
    }

    /// Whether an SDK is set up in code.
    pub fn has_sdk(&self) -> bool {
        self.provider_created || self.provider_registered || self.sdk_from_config
    }

    /// How a call through the client stored under `key` injects context: instrumented only if
    /// every construction under that name is; `None` when some construction cannot be judged.
    pub fn client_injection(&self, key: &str) -> Injection {
        let Some(sites) = self.clients.get(key) else {
            return Injection::Unknown;
        };
        if sites.iter().any(|s| s.instrumented.is_none()) {
            return Injection::Unknown;
        }
        if sites.iter().all(|s| s.instrumented == Some(true)) || self.default_client_instrumented {
            return Injection::Instrumented;
        }
        if sites.iter().any(|s| s.instrumented == Some(true)) {
            // Same name, different clients: cannot tell which one a call uses.
            return Injection::Unknown;
        }
        Injection::None
    }
}
