//! C# SDK setup: tracer providers built with the SDK builder or by the host, propagators,
//! instrumentation, `ActivitySource` names and the `AddSource` patterns that register them, and
//! the string constants those names refer to.

use crate::facts::{FactKind, ProviderHandling, SourceName};
use crate::knowledge::Role;
use crate::lang::core::SourceFile;
use tree_sitter::Node;

use super::syntax::{self, args, callee, descendants, last_name, named_children, string_value};
use super::FileCtx;
use crate::lang::fields::NodeFields;

/// Method-name words that mark an extension method as tracing setup done elsewhere
/// (`builder.AddObservability()`, `services.AddApplicationInsightsTelemetry()`).
const SETUP_WORDS: &[&str] = &[
    "Telemetry",
    "Observability",
    "Tracing",
    "OpenTelemetry",
    "Otel",
    "OTel",
    "ServiceDefaults",
];

/// Builders and scopes of the other signals: instrumentation added there records no spans.
const OTHER_SIGNALS: &[&str] = &[
    "WithMetrics",
    "WithLogging",
    "AddOpenTelemetryMetrics",
    "ConfigureOpenTelemetryMeterProvider",
    "ConfigureOpenTelemetryLoggerProvider",
    "CreateMeterProviderBuilder",
    "CreateLoggerProviderBuilder",
];

/// Tracing scopes: instrumentation added there records spans.
const TRACING_SCOPES: &[&str] = &[
    "WithTracing",
    "AddOpenTelemetryTracing",
    "ConfigureOpenTelemetryTracerProvider",
    "CreateTracerProviderBuilder",
];

/// OpenTelemetry's own methods whose names look like delegated setup but only configure what
/// the code around them shows.
const NOT_DELEGATED: &[&str] = &[
    "AddOpenTelemetry",
    "ConfigureOpenTelemetryTracerProvider",
    "ConfigureOpenTelemetryMeterProvider",
    "ConfigureOpenTelemetryLoggerProvider",
];

/// Verbs that start such a setup method's name.
const SETUP_VERBS: &[&str] = &[
    "Add",
    "Use",
    "Configure",
    "With",
    "Enable",
    "Setup",
    "Register",
];

impl<'a> FileCtx<'a> {
    /// Facts from one invocation. Returns whether it sets up OpenTelemetry (so the file uses
    /// tracing even without an OpenTelemetry `using`: `AddOpenTelemetry` lives in
    /// `Microsoft.Extensions.DependencyInjection`).
    pub(super) fn call_fact(&mut self, call: Node<'a>) -> bool {
        let Some(c) = callee(call, self.src) else {
            return false;
        };
        match self.method_role(c.receiver, &c.method) {
            Some(Role::ProviderNew) => {
                self.sdk_builder(call);
                return true;
            }
            Some(Role::HostedProvider) => {
                self.push(
                    call,
                    FactKind::provider_created(None, ProviderHandling::Escapes, true),
                );
                self.push(call, FactKind::ProviderRegistered);
                return true;
            }
            Some(Role::SdkFromConfig) => {
                self.push(call, FactKind::SdkFromConfig);
                return true;
            }
            Some(Role::PropagatorSet) => {
                let formats = self.propagator_formats(call);
                self.push(call, FactKind::PropagatorSet { formats });
                return true;
            }
            Some(
                Role::ServerMiddleware
                | Role::InstrumentedTransport
                | Role::GrpcClientInstrumentation,
            ) if !self.configures_other_signal(call) => {
                self.push(
                    call,
                    FactKind::Instrumentation {
                        what: c.method.clone(),
                        explicit_provider: false,
                    },
                );
                return true;
            }
            Some(Role::RouteRegister) => {
                self.route(call, c.receiver);
                return false;
            }
            Some(Role::GrpcServerNew) => {
                self.grpc_service(call);
                return false;
            }
            Some(Role::GrpcDial) => {
                self.grpc_channel(call);
                return false;
            }
            Some(Role::ProjectDeploy) => {
                self.project_deploy(call);
                return false;
            }
            Some(Role::HttpClientRegister) => {
                self.http_client_registered(call);
                return false;
            }
            Some(Role::MessageProduce) => {
                self.produce(call, c.receiver);
                self.message_topic(call, true);
                return false;
            }
            Some(Role::MessageConsume) => {
                self.consume(call, c.receiver);
                self.message_topic(call, false);
                return false;
            }
            _ => {}
        }
        let Some(receiver) = c.receiver else {
            return false;
        };
        if c.method == "Subscribe" {
            // `consumer.Subscribe("orders")`: only a topic name makes it a message consumer.
            self.message_topic(call, false);
        }
        match c.method.as_str() {
            "AddSource" => {
                if self.has_error_inside(call) {
                    // Part of the call did not parse: its arguments may be anything.
                    let pattern = SourceName::Unknown;
                    self.push(call, FactKind::SourceRegistered { pattern });
                    return true;
                }
                for (_, arg) in args(call, self.src) {
                    let pattern = self.source_name(arg);
                    self.push(arg, FactKind::SourceRegistered { pattern });
                    self.source_patches(arg);
                }
                true
            }
            "AddActivityListener" => {
                // A listener of its own: it records whatever sources it chooses.
                self.push(call, FactKind::ProviderRegistered);
                self.push(
                    call,
                    FactKind::SourceRegistered {
                        pattern: SourceName::Unknown,
                    },
                );
                false
            }
            "Extract" | "Inject" => {
                if self.is_manual_propagation(call) {
                    if c.method == "Extract" {
                        self.push(call, FactKind::ManualExtract);
                        self.extracted_context(call);
                    } else {
                        self.push(call, FactKind::ManualInject);
                    }
                }
                false
            }
            m if self.bus.is_some_and(|b| b.publish.iter().any(|p| p == m)) => {
                if let Some(bus) = self.bus {
                    self.typed_publish(call, bus);
                }
                false
            }
            m if self.knowledge.methods.span_start.iter().any(|s| s == m) => {
                self.span_started(call);
                false
            }
            m if self.knowledge.methods.client_call.iter().any(|s| s == m) => {
                self.http_call(call, receiver);
                false
            }
            m if is_delegated_setup(m) => {
                self.push(call, FactKind::SdkFromConfig);
                true
            }
            _ => false,
        }
    }

    /// Whether an instrumentation call configures metrics or logs rather than tracing:
    /// `WithMetrics(m => m.AddAspNetCoreInstrumentation())`,
    /// `Sdk.CreateMeterProviderBuilder().AddHttpClientInstrumentation()`.
    fn configures_other_signal(&self, call: Node<'a>) -> bool {
        let mut node = call;
        for _ in 0..12 {
            let Some(parent) = node.parent() else {
                return false;
            };
            if parent.kind() == "invocation_expression" {
                if let Some(c) = callee(parent, self.src) {
                    if OTHER_SIGNALS.contains(&c.method.as_str()) {
                        return true;
                    }
                    if TRACING_SCOPES.contains(&c.method.as_str()) {
                        return false;
                    }
                }
            }
            if parent.kind().ends_with("statement") && parent.kind() != "expression_statement" {
                break;
            }
            node = parent;
        }
        // The receiver chain: `Sdk.CreateMeterProviderBuilder().AddX()`.
        descendants(call.field("function").unwrap_or(call))
            .any(|n| n.kind() == "identifier" && OTHER_SIGNALS.contains(&self.text(n)))
    }

    /// `Sdk.CreateTracerProviderBuilder()...Build()`: a provider that listens once built and
    /// must be disposed.
    fn sdk_builder(&mut self, call: Node<'a>) {
        let (top, methods) = self.chain(call);
        let text = self.text(top);
        let named = |list: &[String]| {
            list.iter()
                .any(|m| methods.contains(m) || text.contains(m.as_str()))
        };
        let buffered = !named(&self.knowledge.methods.sync_export)
            || named(&self.knowledge.methods.batch_export);
        let built = methods.iter().any(|m| m == "Build");
        let (var, handling) = if built {
            self.provider_handling(top)
        } else {
            (None, ProviderHandling::Escapes)
        };
        // A builder that is kept or handed on may be built elsewhere; one thrown away never is.
        let registered = built
            || top
                .parent()
                .is_some_and(|p| p.kind() != "expression_statement");
        self.push(call, FactKind::provider_created(var, handling, buffered));
        if registered {
            self.push(call, FactKind::ProviderRegistered);
        }
    }

    /// The outermost call of a fluent chain that starts at `call`, and the methods it calls.
    pub(super) fn chain(&self, call: Node<'a>) -> (Node<'a>, Vec<String>) {
        let mut node = call;
        let mut methods = Vec::new();
        while let Some(parent) = node.parent() {
            let next = match parent.kind() {
                "member_access_expression"
                    if parent
                        .field("expression")
                        .is_some_and(|e| e.id() == node.id()) =>
                {
                    parent.parent()
                }
                "conditional_access_expression"
                    if parent
                        .field("condition")
                        .is_some_and(|e| e.id() == node.id()) =>
                {
                    parent.parent()
                }
                _ => None,
            };
            let Some(outer) = next.filter(|o| o.kind() == "invocation_expression") else {
                break;
            };
            match callee(outer, self.src) {
                Some(c) => methods.push(c.method),
                None => break,
            }
            node = outer;
        }
        (node, methods)
    }

    /// What the code does with a built provider: disposed (`using`, `Dispose()`), kept or handed
    /// on, or dropped.
    fn provider_handling(&self, top: Node<'a>) -> (Option<String>, ProviderHandling) {
        let Some(parent) = top.parent() else {
            return (None, ProviderHandling::Escapes);
        };
        match parent.kind() {
            "variable_declarator" => {
                let var = parent.field("name").map(|n| self.text(n).to_string());
                let holder = parent.parent().and_then(|d| d.parent());
                let handling = match holder.map(|h| h.kind()) {
                    Some("local_declaration_statement") => {
                        let stmt = holder.expect("matched");
                        if syntax::is_using_declaration(stmt) {
                            ProviderHandling::ShutdownLocal
                        } else {
                            match &var {
                                Some(v) => self.local_provider(stmt, v),
                                None => ProviderHandling::Escapes,
                            }
                        }
                    }
                    Some("using_statement") => ProviderHandling::ShutdownLocal,
                    _ => ProviderHandling::Escapes,
                };
                (var, handling)
            }
            "using_statement" => (None, ProviderHandling::ShutdownLocal),
            "expression_statement" => (None, ProviderHandling::Dropped),
            _ => (None, ProviderHandling::Escapes),
        }
    }

    /// A provider bound to a local: shut down if a shutdown method is called on it, kept if it
    /// is passed on, returned or stored, dropped otherwise.
    fn local_provider(&self, stmt: Node<'a>, var: &str) -> ProviderHandling {
        // Top-level statements: the whole file (a node nested too deep to find it escapes).
        let Some(scope) = self
            .enclosing_function(stmt)
            .or_else(|| crate::lang::tree::root_of(stmt))
        else {
            return ProviderHandling::Escapes;
        };
        if self.has_error_inside(scope) {
            return ProviderHandling::Escapes;
        }
        let shutdown = &self.knowledge.methods.shutdown;
        let mut escapes = false;
        for id in descendants(scope).filter(|n| {
            n.kind() == "identifier" && n.start_byte() >= stmt.end_byte() && self.text(*n) == var
        }) {
            match self.use_of(id) {
                Use::Method(m) if shutdown.contains(&m) => return ProviderHandling::ShutdownLocal,
                Use::Method(_) | Use::Neutral => {}
                Use::Escapes => escapes = true,
            }
        }
        if escapes {
            ProviderHandling::Escapes
        } else {
            ProviderHandling::Dropped
        }
    }

    /// How an identifier that names a local is used at one site.
    pub(super) fn use_of(&self, id: Node<'a>) -> Use {
        let mut node = id;
        let mut parent = match id.parent() {
            Some(p) => p,
            None => return Use::Escapes,
        };
        // `x!.Stop()`: look through the null-forgiving operator and parentheses.
        while matches!(
            parent.kind(),
            "postfix_unary_expression" | "parenthesized_expression"
        ) && !self.text(parent).ends_with("++")
            && !self.text(parent).ends_with("--")
        {
            node = parent;
            parent = match parent.parent() {
                Some(p) => p,
                None => return Use::Escapes,
            };
        }
        match parent.kind() {
            "member_access_expression" => {
                let is_receiver = parent
                    .field("expression")
                    .is_some_and(|e| e.id() == node.id());
                if !is_receiver {
                    return Use::Neutral; // `Other.x`: a different name
                }
                let name = parent
                    .field("name")
                    .and_then(|n| syntax::simple_name(n, self.src))
                    .unwrap_or_default();
                let called = parent
                    .parent()
                    .is_some_and(|g| g.kind() == "invocation_expression");
                if called {
                    Use::Method(name)
                } else {
                    Use::Neutral
                }
            }
            "conditional_access_expression" => {
                let is_receiver = parent
                    .field("condition")
                    .is_some_and(|e| e.id() == node.id());
                if !is_receiver {
                    return Use::Neutral;
                }
                let binding = named_children(parent)
                    .into_iter()
                    .find(|n| n.kind() == "member_binding_expression")
                    .and_then(|b| b.field("name"))
                    .and_then(|n| syntax::simple_name(n, self.src));
                let called = parent
                    .parent()
                    .is_some_and(|g| g.kind() == "invocation_expression");
                match binding {
                    Some(m) if called => Use::Method(m),
                    _ => Use::Neutral,
                }
            }
            "binary_expression" | "is_pattern_expression" | "prefix_unary_expression" => {
                Use::Neutral
            }
            "assignment_expression" => {
                let is_target = parent.field("left").is_some_and(|l| l.id() == node.id());
                if is_target {
                    Use::Neutral
                } else {
                    Use::Escapes
                }
            }
            "variable_declarator" => {
                let is_name = parent.field("name").is_some_and(|n| n.id() == node.id());
                if is_name {
                    Use::Neutral
                } else {
                    Use::Escapes
                }
            }
            _ => Use::Escapes,
        }
    }

    /// The wire formats of the propagators created inside a `SetDefaultTextMapPropagator` call.
    fn propagator_formats(&self, call: Node<'a>) -> Vec<String> {
        let mut formats: Vec<String> = descendants(call)
            .filter(|n| n.kind() == "object_creation_expression")
            .filter_map(|n| {
                let ty = self.created_type(n)?;
                self.knowledge.propagator_format(&ty).map(str::to_string)
            })
            .collect();
        formats.sort();
        formats.dedup();
        formats
    }

    /// A source name or `AddSource` pattern as far as the expression shows.
    pub(super) fn source_name(&self, expr: Node<'a>) -> SourceName {
        if let Some(value) = string_value(expr, self.src) {
            return SourceName::Literal(value);
        }
        match expr.kind() {
            "identifier" => SourceName::Constant(self.text(expr).to_string()),
            "member_access_expression" => {
                let name = expr.field("name").map(|n| self.text(n)).unwrap_or_default();
                let owner = expr
                    .field("expression")
                    .and_then(|e| last_name(e, self.src));
                match owner {
                    // `Source.Name`: the name of the source stored under `Source`.
                    Some(owner) if name == "Name" => SourceName::SourceOf(owner),
                    Some(_) => SourceName::Constant(name.to_string()),
                    None => SourceName::Unknown,
                }
            }
            "invocation_expression" => {
                // `nameof(Orders)` is the identifier's text.
                let is_nameof = expr
                    .field("function")
                    .is_some_and(|f| self.text(f) == "nameof");
                match args(expr, self.src).first() {
                    Some((_, arg)) if is_nameof => match last_name(*arg, self.src) {
                        Some(n) => SourceName::Literal(n),
                        None => SourceName::Unknown,
                    },
                    _ => SourceName::Unknown,
                }
            }
            _ => SourceName::Unknown,
        }
    }

    /// The name a created value is stored under: the declared variable, field or property, or
    /// the assigned member's last name.
    pub(super) fn holder(&self, value: Node<'a>) -> Option<String> {
        let parent = value.parent()?;
        match parent.kind() {
            "variable_declarator" | "property_declaration" => {
                parent.field("name").map(|n| self.text(n).to_string())
            }
            "arrow_expression_clause" => {
                let owner = parent.parent()?;
                (owner.kind() == "property_declaration")
                    .then(|| owner.field("name"))
                    .flatten()
                    .map(|n| self.text(n).to_string())
            }
            "assignment_expression" => {
                let left = parent.field("left")?;
                last_name(left, self.src)
            }
            _ => None,
        }
    }

    /// `new ActivitySource("name")` and `new ActivityListener()`.
    pub(super) fn source_creation(&mut self, new: Node<'a>, ty: &str) {
        match ty {
            "ActivitySource" => {
                let name = self.creation_source_name(new);
                let holder = self.holder(new);
                self.push(new, FactKind::SourceCreated { name, holder });
            }
            "ActivityListener" => self.push(
                new,
                FactKind::SourceRegistered {
                    pattern: SourceName::Unknown,
                },
            ),
            _ => {}
        }
    }

    /// The name argument of an `ActivitySource` creation.
    fn creation_source_name(&self, new: Node<'a>) -> SourceName {
        let args = args(new, self.src);
        let arg = args
            .iter()
            .find(|(n, _)| n.as_deref() == Some("name"))
            .or_else(|| args.iter().find(|(n, _)| n.is_none()));
        match arg {
            Some((_, a)) => self.source_name(*a),
            None => SourceName::Unknown,
        }
    }

    /// Fields and properties: target-typed `ActivitySource` creations (`static readonly
    /// ActivitySource Source = new("x")`) and string constants.
    pub(super) fn field_fact(&mut self, field: Node<'a>) {
        match field.kind() {
            "field_declaration" => {
                let Some(decl) = named_children(field)
                    .into_iter()
                    .find(|n| n.kind() == "variable_declaration")
                else {
                    return;
                };
                let ty = decl.field("type");
                let mods = syntax::modifiers(field, self.src);
                let constant = mods.contains(&"const") || mods.contains(&"readonly");
                for declarator in named_children(decl)
                    .into_iter()
                    .filter(|n| n.kind() == "variable_declarator")
                {
                    let Some(name) = declarator.field("name") else {
                        continue;
                    };
                    let Some(value) = declarator
                        .named_child(declarator.named_child_count().saturating_sub(1) as u32)
                        .filter(|v| v.id() != name.id())
                    else {
                        continue;
                    };
                    let name = self.text(name).to_string();
                    self.declared_value(ty, &name, value, constant);
                }
            }
            "property_declaration" => {
                let (Some(name), Some(value)) = (field.field("name"), field.field("value")) else {
                    return;
                };
                let value = if value.kind() == "arrow_expression_clause" {
                    match value.named_child(0) {
                        Some(v) => v,
                        None => return,
                    }
                } else {
                    value
                };
                let name = self.text(name).to_string();
                self.declared_value(field.field("type"), &name, value, true);
            }
            _ => {}
        }
    }

    /// A declared name with its initial value.
    fn declared_value(
        &mut self,
        ty: Option<Node<'a>>,
        name: &str,
        value: Node<'a>,
        constant: bool,
    ) {
        let ty_name = ty.and_then(|t| last_name(t, self.src));
        let implicit = value.kind() == "implicit_object_creation_expression";
        if implicit && ty_name.as_deref() == Some("HttpClient") {
            self.http_client(value);
            return;
        }
        if implicit && ty_name.as_deref() == Some("ActivitySource") {
            let source = self.creation_source_name(value);
            self.push(
                value,
                FactKind::SourceCreated {
                    name: source,
                    holder: Some(name.to_string()),
                },
            );
            return;
        }
        let is_string = ty.is_some_and(|t| matches!(self.text(t), "string" | "String"));
        if constant && is_string {
            if let Some(v) = string_value(value, self.src) {
                self.push(
                    value,
                    FactKind::StringConstant {
                        name: name.to_string(),
                        value: v,
                    },
                );
            }
        }
    }

    /// String locals of top-level statements (`var serviceName = "checkout";` in Program.cs),
    /// which setup code and sources often share.
    pub(super) fn top_level_constants(&mut self, root: Node<'a>) {
        for global in named_children(root)
            .into_iter()
            .filter(|n| n.kind() == "global_statement")
        {
            let Some(stmt) = global
                .named_child(0)
                .filter(|s| s.kind() == "local_declaration_statement")
            else {
                continue;
            };
            let Some(decl) = named_children(stmt)
                .into_iter()
                .find(|n| n.kind() == "variable_declaration")
            else {
                continue;
            };
            for declarator in named_children(decl)
                .into_iter()
                .filter(|n| n.kind() == "variable_declarator")
            {
                let (Some(name), Some(value)) =
                    (declarator.field("name"), declarator.named_child(1))
                else {
                    continue;
                };
                if let Some(v) = string_value(value, self.src) {
                    let name = self.text(name).to_string();
                    self.push(value, FactKind::StringConstant { name, value: v });
                }
            }
        }
    }
}

/// How an identifier is used at one site.
pub(super) enum Use {
    /// A method is called on it (`x.Dispose()`, `x?.Stop()`).
    Method(String),
    /// Read without letting it go: a property, a null check, a new assignment to it.
    Neutral,
    /// Passed on, returned, stored, captured by an expression tracewire does not follow.
    Escapes,
}

/// Whether a method name is tracing setup done by an extension method tracewire cannot see:
/// `AddObservability`, `AddApplicationInsightsTelemetry`, `ConfigureOpenTelemetry`.
fn is_delegated_setup(method: &str) -> bool {
    SETUP_VERBS.iter().any(|v| method.starts_with(v))
        && SETUP_WORDS.iter().any(|w| method.contains(w))
        && !method.ends_with("Instrumentation")
        && !method.ends_with("Exporter")
        && !NOT_DELEGATED.contains(&method)
}

#[cfg(test)]
mod tests {
    use super::is_delegated_setup;

    #[test]
    fn setup_extensions_are_recognised_by_name() {
        assert!(is_delegated_setup("AddObservability"));
        assert!(is_delegated_setup("AddApplicationInsightsTelemetry"));
        assert!(is_delegated_setup("ConfigureOpenTelemetry"));
        assert!(!is_delegated_setup("AddHttpClientInstrumentation"));
        assert!(!is_delegated_setup("AddOtlpExporter"));
        assert!(!is_delegated_setup("AddControllers"));
        assert!(!is_delegated_setup("AddOpenTelemetry"));
    }
}
