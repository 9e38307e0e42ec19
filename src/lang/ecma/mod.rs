//! JavaScript, TypeScript and TSX fact extraction: one extractor for the three grammars.
//!
//! One merged query per grammar (the shared `queries/_ecma/*.scm` plus the grammar's own
//! files) finds the anchors — imports, calls, constructions, decorators, comments — in one
//! pass. The extractor resolves `import`/`require` bindings to module specifiers, looks each
//! callee's qualified name up in `queries/_ecma/knowledge.toml`, tracks the few local values
//! that matter (an SDK, a provider, an app, a Kafka producer), and walks the nodes around each
//! anchor that decide the fact.
//!
//! Node instrumentation patches libraries process-wide, so inbound and outbound sites are
//! recorded as [`Extraction::Patched`] / [`Injection::Patched`] with the library that would
//! have to be instrumented; the service decides.

mod address;
mod handlers;
mod inject;
mod names;
mod resolve;
mod spans;

use crate::facts::{DropVia, Extraction, Fact, FactKind, FileFacts, Injection, Proto};
use crate::knowledge::{Knowledge, Role};
use crate::lang::core::anchors::{Adapter, Compiled, FromQuery};
use crate::lang::core::{source, SourceFile};
use crate::lang::fields::NodeFields;
use crate::lang::query::{self};
use resolve::{call_args, callee, descendants, enclosing_function, is_function, Bindings, Load};
use std::collections::{HashMap, HashSet};
use tree_sitter::{Node, Tree};

/// The query files shared by the three grammars.
macro_rules! ecma_files {
    () => {
        [
            (
                "_ecma/imports.scm",
                include_str!("../../../queries/_ecma/imports.scm"),
            ),
            (
                "_ecma/calls.scm",
                include_str!("../../../queries/_ecma/calls.scm"),
            ),
            (
                "_ecma/functions.scm",
                include_str!("../../../queries/_ecma/functions.scm"),
            ),
            (
                "_ecma/comments.scm",
                include_str!("../../../queries/_ecma/comments.scm"),
            ),
        ]
    };
}

/// JavaScript's query files, embedded.
pub static JS_QUERY_FILES: &[(&str, &str)] = &ecma_files!();

/// TypeScript's query files, embedded: the shared ones and `import x = require('m')`.
pub static TS_QUERY_FILES: &[(&str, &str)] = &{
    let [a, b, c, d] = ecma_files!();
    [
        a,
        b,
        c,
        d,
        (
            "typescript/imports.scm",
            include_str!("../../../queries/typescript/imports.scm"),
        ),
    ]
};

/// TSX's query files, embedded.
pub static TSX_QUERY_FILES: &[(&str, &str)] = &{
    let [a, b, c, d] = ecma_files!();
    [
        a,
        b,
        c,
        d,
        (
            "tsx/imports.scm",
            include_str!("../../../queries/tsx/imports.scm"),
        ),
    ]
};

/// The knowledge roles this extractor reads: its table's entries and a configuration's may use
/// these and no others (a role another language reads is a configuration error, not ignored).
pub const ROLES: &[Role] = &[
    Role::BrowserProviderNew,
    Role::DefaultClient,
    Role::DefaultClientCall,
    Role::FetchCall,
    Role::FreshContext,
    Role::GlobalPropagator,
    Role::GlobalTracer,
    Role::GrpcDial,
    Role::GrpcServerNew,
    Role::HttpServerNew,
    Role::InstrumentationRegister,
    Role::MessagingClientNew,
    Role::PropagatorSet,
    Role::ProviderNew,
    Role::ProviderRegister,
    Role::SdkNew,
];

/// The knowledge table shared by JavaScript, TypeScript and TSX, embedded.
pub const KNOWLEDGE: &str = include_str!("../../../queries/_ecma/knowledge.toml");

/// Capture indices of a merged query.
pub struct Captures {
    import: u32,
    call: u32,
    new: u32,
    value: u32,
    member: u32,
    local: u32,
    decorator: u32,
    comment: u32,
    require: Option<u32>,
}

/// The names the JavaScript/TypeScript extractor recognises beyond its knowledge table (see
/// [`crate::prefilter`]): manual propagation, `process.on('SIGTERM')`, the root context, gRPC
/// clients built with `grpc.credentials`, NestJS route decorators, web frameworks and Kafka
/// producers and consumers by name.
pub const PREFILTER_NEEDLES: super::ExtractorNeedles = super::ExtractorNeedles {
    words: &[
        "extract",
        "inject",
        "process",
        "ROOT_CONTEXT",
        "credentials",
        "Get",
        "Post",
        "Put",
        "Patch",
        "Delete",
        "All",
        "Head",
        "Options",
        "GrpcMethod",
        "EventPattern",
        "MessagePattern",
        "emit",
        "express",
        "fastify",
        "koa",
        "hono",
        "restify",
        "kafkajs",
        "undici",
        "fetch",
        "send",
        "sendBatch",
        "run",
        "producer",
        "consumer",
    ],
    typed_lists: &["route", "middleware", "client_call"],
    implicit_modules: &["globalThis"],
    message_files: &["_pb.js", "_pb.mjs", "_pb.cjs", "_pb.d.ts", "_pb.ts"],
    ..super::ExtractorNeedles::NONE
};

impl FromQuery for Captures {
    fn from_query(q: &query::CompiledQuery) -> Captures {
        Captures {
            import: query::capture(q, "import"),
            call: query::capture(q, "call"),
            new: query::capture(q, "new"),
            value: query::capture(q, "value"),
            member: query::capture(q, "member"),
            local: query::capture(q, "local"),
            decorator: query::capture(q, "decorator"),
            comment: query::capture(q, "comment"),
            require: q.capture_index("import.require"),
        }
    }
}

/// Runs the merged query once and sorts its captures by what they anchor.
fn collect_anchors<'t>(x: &Compiled<Captures>, root: Node<'t>, src: &[u8]) -> Anchors<'t> {
    let c = &x.captures;
    let mut a = Anchors::default();
    let string_field =
        |node: Node<'t>, field: &'static str| node.field(field).filter(|s| s.kind() == "string");
    x.query.for_each_capture(root, src, |i, node| {
        if i == c.call {
            if node.field("function").is_some() {
                a.calls.push(node);
            }
        } else if i == c.new {
            if node.field("constructor").is_some() {
                a.calls.push(node);
            }
        } else if i == c.value {
            if &src[node.byte_range()] == ROOT_CONTEXT {
                a.values.push(node);
            }
        } else if i == c.member {
            let property = node
                .field("property")
                .filter(|p| p.kind() == "property_identifier");
            if let Some(p) = property.filter(|p| &src[p.byte_range()] == ROOT_CONTEXT) {
                a.values.push(p);
            }
        } else if i == c.import {
            if let Some(source) = string_field(node, "source") {
                a.imports.push((node, source));
            }
        } else if i == c.local {
            a.locals.push(node);
        } else if i == c.decorator {
            a.decorators.push(node);
        } else if i == c.comment {
            a.comments.push(node);
        } else if Some(i) == c.require {
            let mut cursor = node.walk();
            let name = node
                .named_children(&mut cursor)
                .find(|n| n.kind() == "identifier");
            if let (Some(name), Some(source)) = (name, string_field(node, "source")) {
                a.ts_requires.push((name, source));
            }
        }
    });
    a.calls.sort_by_key(|n| n.start_byte());
    a
}

/// What `provider.register()` installs without a `propagator` option: W3C trace context and
/// baggage.
fn default_provider_propagators() -> Vec<String> {
    vec!["baggage".into(), "tracecontext".into()]
}

/// The one value the extractor recognises without a call: the root context.
const ROOT_CONTEXT: &[u8] = b"ROOT_CONTEXT";

/// The query's anchors in one file.
#[derive(Default)]
struct Anchors<'t> {
    imports: Vec<(Node<'t>, Node<'t>)>,
    ts_requires: Vec<(Node<'t>, Node<'t>)>,
    calls: Vec<Node<'t>>,
    values: Vec<Node<'t>>,
    decorators: Vec<Node<'t>>,
    /// Declarations: variable declarators, function and class declarations.
    locals: Vec<Node<'t>>,
    comments: Vec<Node<'t>>,
}

/// What a local value is, when tracing cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ValueKind {
    /// A NodeSDK: registers provider and propagator on `start()`.
    Sdk,
    /// A Node/basic tracer provider.
    Provider,
    /// A browser tracer provider.
    BrowserProvider,
    /// An HTTP app, router or server.
    Server,
    /// A Kafka client.
    Kafka,
    /// A Kafka producer.
    Producer,
    /// A Kafka consumer.
    Consumer,
    /// An HTTP client instance built on Node's http module (`axios.create()`).
    HttpClient,
}

/// A tracked local value.
#[derive(Clone, Debug)]
struct Value {
    kind: ValueKind,
    /// For an SDK: the propagator formats its `start()` installs (`None`: it installs none).
    propagators: Option<Vec<String>>,
}

/// JavaScript's, TypeScript's and TSX's side of extraction (see
/// [`crate::lang::core::anchors::Adapter`]).
pub struct Ecma;

impl Adapter for Ecma {
    type Captures = Captures;

    fn extract(x: &Compiled<Captures>, src: &[u8], tree: &Tree, out: &mut FileFacts) {
        let root = tree.root_node();
        let anchors = collect_anchors(x, root, src);
        if is_test_file(&out.path) {
            // Tests build their own providers and call services directly: their facts would
            // only blur the service's picture.
            source::finish(out, Vec::new(), &anchors.comments, src, |_, _| None, []);
            return;
        }
        let mut ctx = FileCtx {
            src,
            knowledge: x.knowledge.as_ref(),
            bindings: Bindings::default(),
            locals: HashSet::new(),
            values: HashMap::new(),
            results: HashMap::new(),
            loads: Vec::new(),
            facts: Vec::new(),
            has_entry: false,
            extracting_functions: HashSet::new(),
            web_framework: false,
            page_code: std::cell::OnceCell::new(),
            path: out.path.clone(),
            root,
            calls: anchors.calls.clone(),
            callees: Vec::new(),
        };
        ctx.collect_locals(&anchors.locals);
        ctx.string_constants(root);
        for (stmt, source) in &anchors.imports {
            let Some(spec) = ctx.string_value(*source) else {
                continue;
            };
            let module = resolve::normalize_module(&spec);
            let type_only = ctx.bind_import(*stmt, &module);
            ctx.loads.push(Load {
                module,
                start: stmt.start_byte(),
                loc: ctx.loc(*stmt),
                top_level: true,
                type_only,
            });
        }
        for (name, source) in &anchors.ts_requires {
            if let Some(spec) = ctx.string_value(*source) {
                let module = resolve::normalize_module(&spec);
                let name = ctx.text(*name).into_owned();
                ctx.bindings.bind(&name, module.clone());
                let stmt = source.parent().unwrap_or(*source);
                ctx.loads.push(Load {
                    module,
                    start: stmt.start_byte(),
                    loc: ctx.loc(stmt),
                    top_level: true,
                    type_only: false,
                });
            }
        }
        for call in &anchors.calls {
            if let Some(module) = ctx.required_module(*call) {
                ctx.bind_require(*call, &module);
                ctx.loads.push(Load {
                    module,
                    start: call.start_byte(),
                    loc: ctx.loc(*call),
                    top_level: enclosing_function(*call).is_none(),
                    type_only: false,
                });
            }
        }
        ctx.loads.sort_by_key(|l| l.start);
        for name in ctx.bindings_names() {
            ctx.locals.remove(&name);
        }
        ctx.callees = ctx.calls.iter().map(|c| ctx.qualify(callee(*c)?)).collect();
        out.uses_tracing = ctx
            .loads
            .iter()
            .any(|l| ctx.knowledge.is_tracing_import(&l.module));
        ctx.web_framework = ctx.loads.iter().any(|l| {
            matches!(
                l.module.as_str(),
                "express" | "koa" | "fastify" | "@koa/router" | "koa-router" | "hono" | "restify"
            )
        });
        out.generated = is_generated(&out.path, src, &anchors.comments, &ctx);
        out.parse_errors = root.has_error();

        ctx.track_values(&anchors.calls);
        ctx.find_extracting_functions(&anchors.calls);
        for call in &anchors.calls {
            ctx.call_fact(*call);
        }
        for value in &anchors.values {
            ctx.value_fact(*value);
        }
        for decorator in &anchors.decorators {
            ctx.decorator_fact(*decorator);
        }
        ctx.too_late_facts();
        out.has_entry = ctx.has_entry;
        let facts = std::mem::take(&mut ctx.facts);
        source::finish(out, facts, &anchors.comments, src, |_, _| None, []);
    }
}

/// Test files: a name with a test part before its extension (`*.test.ts`, `*.spec.ts`,
/// `*.e2e-spec.ts`, `*.servertest.ts`, `*-test.js`, `test.js`), and files under a test
/// directory (`test/`, `tests/`, `__tests__/`, `__mocks__/`, `e2e/`, `__e2e__/`, `cypress/`,
/// `playwright/`).
fn is_test_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let in_test_dir = path.split('/').rev().skip(1).any(|d| {
        matches!(
            d.trim_matches('_'),
            "test" | "tests" | "mocks" | "e2e" | "cypress" | "playwright"
        )
    });
    let parts: Vec<String> = name.split('.').map(str::to_ascii_lowercase).collect();
    let (first, middle) = match parts.as_slice() {
        [first, middle @ .., _extension] => (first.as_str(), middle),
        _ => return in_test_dir,
    };
    let first_is_test = matches!(first, "test" | "tests")
        || ["-test", "_test", "-spec", "_spec"]
            .iter()
            .any(|s| first.ends_with(s));
    let middle_is_test = middle
        .iter()
        .any(|p| p.ends_with("test") || p.ends_with("tests") || p.ends_with("spec"));
    in_test_dir || first_is_test || middle_is_test
}

/// Bundles, minified files and generated stubs: their facts count, their findings do not.
fn is_generated(path: &str, src: &[u8], comments: &[Node<'_>], ctx: &FileCtx<'_>) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let by_name = [
        ".min.js",
        ".bundle.js",
        "-bundle.js",
        "_pb.js",
        "_pb.ts",
        "_grpc_pb.js",
        ".pb.ts",
        ".d.ts",
    ]
    .iter()
    .any(|s| name.ends_with(s));
    let marked = comments.iter().take(3).any(|c| {
        let t = ctx.text(*c);
        t.contains("@generated") || (t.contains("Code generated") && t.contains("DO NOT EDIT"))
    });
    // Minified: a few very long lines.
    let lines = src.iter().filter(|b| **b == b'\n').count() + 1;
    let minified = src.len() > 2000 && src.len() / lines > 500;
    by_name || marked || minified
}

/// Per-file extraction state.
pub(super) struct FileCtx<'a> {
    src: &'a [u8],
    knowledge: &'a Knowledge,
    bindings: Bindings,
    /// Names declared in the file (they shadow globals such as `fetch`).
    locals: HashSet<String>,
    /// Tracked local values by name.
    values: HashMap<String, Value>,
    /// Locals bound to the result of a call of a function of the service, by the callee's
    /// last name (`const otel = OpenTelemetry('x')` → `otel` → `OpenTelemetry`).
    results: HashMap<String, String>,
    /// Modules loaded, in source order.
    loads: Vec<Load>,
    facts: Vec<Fact>,
    has_entry: bool,
    /// Names of functions that extract context by hand.
    extracting_functions: HashSet<String>,
    /// The file loads a web framework (routes on `app`/`router` receivers are believed).
    web_framework: bool,
    /// Whether the module is browser page code (worked out on first need).
    page_code: std::cell::OnceCell<bool>,
    /// The file's path relative to the scanned root.
    path: String,
    /// The file's root node.
    root: Node<'a>,
    /// Every call and construction of the file, in document order.
    calls: Vec<Node<'a>>,
    /// The qualified callee of each of `calls` (same order), filled once the file's imports
    /// are bound: most calls are asked about several times.
    callees: Vec<Option<String>>,
}

crate::lang::core::source::source_file!(FileCtx);

impl<'a> FileCtx<'a> {
    fn bindings_names(&self) -> Vec<String> {
        self.locals
            .iter()
            .filter(|n| self.bindings.get(n).is_some())
            .cloned()
            .collect()
    }

    /// Names declared by variables, functions and classes anywhere in the file.
    fn collect_locals(&mut self, declarations: &[Node<'_>]) {
        for &n in declarations {
            let name = match n.kind() {
                "variable_declarator" => n.field("name").filter(|x| x.kind() == "identifier"),
                "function_declaration" | "class_declaration" => n.field("name"),
                _ => None,
            };
            if let Some(name) = name {
                let text = self.text(name).into_owned();
                self.locals.insert(text);
            }
        }
    }

    /// The module of `require('m')`.
    fn required_module(&self, call: Node<'_>) -> Option<String> {
        if call.kind() != "call_expression" {
            return None;
        }
        let f = call.field("function")?;
        if f.kind() != "identifier" || self.text(f) != "require" {
            return None;
        }
        let arg = *call_args(call).first()?;
        self.string_value(arg)
            .map(|s| resolve::normalize_module(&s))
    }

    /// Records the local values tracing cares about: SDKs, providers, apps, Kafka clients.
    fn track_values(&mut self, calls: &[Node<'_>]) {
        for &node in calls {
            let Some(role) = self.role_of(node) else {
                self.track_result(node);
                continue;
            };
            let kind = match role {
                Role::SdkNew => ValueKind::Sdk,
                Role::ProviderNew => ValueKind::Provider,
                Role::BrowserProviderNew => ValueKind::BrowserProvider,
                Role::HttpServerNew => ValueKind::Server,
                Role::MessagingClientNew => ValueKind::Kafka,
                Role::DefaultClient => ValueKind::HttpClient,
                _ => continue,
            };
            let propagators = (kind == ValueKind::Sdk)
                .then(|| self.sdk_propagators(node))
                .flatten();
            if matches!(kind, ValueKind::Sdk | ValueKind::Provider) {
                self.result_effects(node, kind, &propagators);
            }
            if let Some(name) = self.binding_name(node) {
                self.values.insert(name, Value { kind, propagators });
            }
        }
        for &node in calls {
            let Some((recv, method)) = self.method_call(node) else {
                continue;
            };
            let kind = match (self.value_kind(recv), method.as_str()) {
                (Some(ValueKind::Kafka), "producer") => ValueKind::Producer,
                (Some(ValueKind::Kafka), "consumer") => ValueKind::Consumer,
                (Some(ValueKind::Server), "route") => ValueKind::Server,
                _ => continue,
            };
            if let Some(name) = self.binding_name(node) {
                self.values.insert(
                    name,
                    Value {
                        kind,
                        propagators: None,
                    },
                );
            }
        }
    }

    /// What a receiver expression is: a tracked local, or a construction written in place.
    fn value_kind(&self, recv: Node<'_>) -> Option<ValueKind> {
        if let Some(name) = self.receiver_name(recv) {
            if let Some(v) = self.values.get(&name) {
                return Some(v.kind);
            }
        }
        if recv.kind() == "identifier" {
            // An SDK or provider built in another module of the service and imported here
            // (`import { sdk } from './tracing'`): known by its name only.
            let name = self.text(recv);
            let local_module = self
                .bindings
                .get(&name)
                .is_some_and(|q| q.starts_with("./") || q.starts_with("../"));
            if local_module {
                let lower = name.to_ascii_lowercase();
                if lower.contains("sdk") {
                    return Some(ValueKind::Sdk);
                }
                if lower.contains("provider") {
                    return Some(ValueKind::Provider);
                }
                return None;
            }
        }
        match self.role_of(recv)? {
            Role::SdkNew => Some(ValueKind::Sdk),
            Role::ProviderNew => Some(ValueKind::Provider),
            Role::BrowserProviderNew => Some(ValueKind::BrowserProvider),
            Role::HttpServerNew => Some(ValueKind::Server),
            Role::MessagingClientNew => Some(ValueKind::Kafka),
            _ => None,
        }
    }

    /// The propagators a NodeSDK installs when started: its `textMapPropagator`, none when that
    /// is `null`, else those of `OTEL_PROPAGATORS` (default tracecontext and baggage).
    fn sdk_propagators(&self, node: Node<'_>) -> Option<Vec<String>> {
        let config = call_args(node).first().copied();
        let prop = config.and_then(|c| self.object_property(c, "textMapPropagator"));
        match prop {
            None => Some(vec!["env".into()]),
            Some(p) if p.kind() == "null" || p.kind() == "undefined" => None,
            Some(p) => Some(self.propagator_formats(p)),
        }
    }

    /// The wire formats named by the propagator constructions in a subtree, or in the value
    /// of the one declaration of a name (`const propagator = new CompositePropagator(..)`).
    fn propagator_formats(&self, node: Node<'_>) -> Vec<String> {
        let node = match node.kind() {
            "identifier" => self.single_const(node).unwrap_or(node),
            _ => node,
        };
        let mut formats: Vec<String> = descendants(node)
            .filter(|n| n.kind() == "new_expression")
            .filter_map(|n| {
                let q = self.qualify(callee(n)?)?;
                self.knowledge.propagator_format(&q).map(str::to_string)
            })
            .collect();
        if formats.is_empty() {
            formats.push("custom".into());
        }
        formats.sort();
        formats.dedup();
        formats
    }

    /// Names of functions in this file whose body extracts context by hand.
    fn find_extracting_functions(&mut self, calls: &[Node<'_>]) {
        for &call in calls {
            if !self.is_manual_propagation(call, "extract") {
                continue;
            }
            let mut f = enclosing_function(call);
            while let Some(func) = f {
                if let Some(name) = self.function_name(func) {
                    self.extracting_functions.insert(name);
                }
                f = enclosing_function(func);
            }
        }
    }

    /// The declared or bound name of a function.
    fn function_name(&self, func: Node<'_>) -> Option<String> {
        if let Some(n) = func.field("name") {
            return Some(self.text(n).into_owned());
        }
        self.binding_name(func).or_else(|| self.factory_token(func))
    }

    /// Whether a call is `propagation.inject(...)` / `propagation.extract(...)` (`method`).
    fn is_manual_propagation(&self, call: Node<'_>, method: &str) -> bool {
        if call.kind() != "call_expression" {
            return false;
        }
        self.method_call(call).is_some_and(|(recv, m)| {
            m == method && self.role_of_expr(recv) == Some(Role::GlobalPropagator)
        })
    }

    /// The role of a qualified expression (not a call).
    fn role_of_expr(&self, expr: Node<'_>) -> Option<Role> {
        self.knowledge.role(&self.qualify(expr)?)
    }

    /// Facts from one call or construction.
    fn call_fact(&mut self, node: Node<'_>) {
        if self.required_module(node).is_some() {
            return;
        }
        if callee(node).is_none() {
            return;
        }
        if let Some(q) = self.qualified_callee(node) {
            if let Some(libs) = self.knowledge.patches(&q) {
                let libs = libs.to_vec();
                self.instrumentation(node, &q, &libs);
            }
            if let Some(role) = self.knowledge.role(&q) {
                self.role_fact(node, role, &q);
                return;
            }
        }
        if node.kind() == "new_expression" {
            self.grpc_client(node);
            return;
        }
        if let Some((recv, method)) = self.method_call(node) {
            self.method_fact(node, recv, &method);
        }
    }

    /// An instrumentation construction: which libraries it patches, less those its config
    /// disables (`getNodeAutoInstrumentations({'@opentelemetry/instrumentation-http': {enabled: false}})`).
    fn instrumentation(&mut self, node: Node<'_>, qualified: &str, libs: &[String]) {
        let config = call_args(node).first().copied();
        let disabled: Vec<String> = match config.filter(|c| c.kind() == "object") {
            Some(config) => {
                let mut cursor = config.walk();
                let pairs: Vec<Node<'_>> = config
                    .named_children(&mut cursor)
                    .filter(|p| p.kind() == "pair")
                    .collect();
                pairs
                    .into_iter()
                    .filter_map(|p| {
                        let key = self.string_value(p.field("key")?)?;
                        let value = p.field("value")?;
                        let off = self
                            .object_property(value, "enabled")
                            .is_some_and(|v| v.kind() == "false");
                        let lib = key.strip_prefix("@opentelemetry/instrumentation-")?;
                        off.then(|| if lib == "undici" { "fetch" } else { lib }.to_string())
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        let explicit_provider = self.registered_with_provider(node);
        self.push(
            node,
            FactKind::Instrumentation {
                what: qualified.to_string(),
                explicit_provider,
            },
        );
        let enables_itself = self
            .knowledge
            .defaults
            .instrumentations_enable_on_construction;
        if enables_itself && enclosing_function(node).is_none() {
            self.push(node, FactKind::PatchesOnLoad);
        }
        for lib in libs {
            if !disabled.contains(lib) {
                self.push(
                    node,
                    FactKind::LibraryPatched {
                        library: lib.clone(),
                    },
                );
            }
        }
    }

    /// Whether an instrumentation sits in a `registerInstrumentations({ tracerProvider })`.
    fn registered_with_provider(&self, node: Node<'_>) -> bool {
        let mut current = node.parent();
        while let Some(n) = current {
            if n.kind() == "call_expression"
                && self.role_of(n) == Some(Role::InstrumentationRegister)
            {
                return call_args(n)
                    .first()
                    .is_some_and(|c| self.object_property(*c, "tracerProvider").is_some());
            }
            if n.kind().ends_with("statement") {
                return false;
            }
            current = n.parent();
        }
        false
    }

    /// Facts from a call or construction of a known function.
    fn role_fact(&mut self, node: Node<'_>, role: Role, qualified: &str) {
        let args = call_args(node);
        match role {
            Role::ProviderNew | Role::SdkNew | Role::BrowserProviderNew => {
                let var = self.binding_name(node);
                let handling = self.provider_handling(node, var.as_deref(), role);
                // Synchronous-only export is judged by `provider_handling` for JS.
                self.push(node, FactKind::provider_created(var, handling, true));
                if role == Role::BrowserProviderNew {
                    self.push(node, FactKind::WebTracing);
                }
                if node.kind() == "call_expression" {
                    // `registerOTel(...)` sets everything up in one call.
                    self.push(node, FactKind::ProviderRegistered);
                    self.push(
                        node,
                        FactKind::PropagatorSet {
                            formats: vec!["env".into()],
                        },
                    );
                }
            }
            Role::ProviderRegister => self.push(node, FactKind::ProviderRegistered),
            Role::PropagatorSet => {
                let formats = match args.first() {
                    Some(a) => self.propagator_formats(*a),
                    None => Vec::new(),
                };
                self.push(node, FactKind::PropagatorSet { formats });
            }
            Role::GlobalTracer => self.push(node, FactKind::GlobalTracer),
            Role::InstrumentationRegister => {
                let explicit_provider = args
                    .first()
                    .is_some_and(|c| self.object_property(*c, "tracerProvider").is_some());
                self.push(
                    node,
                    FactKind::Instrumentation {
                        what: qualified.to_string(),
                        explicit_provider,
                    },
                );
            }
            Role::HttpServerNew => {
                // `http.createServer((req, res) => ...)`: the handler is the entry point; an
                // app handed in (`createServer(app)`) is judged by its routes.
                let handler = args.iter().rev().find(|a| is_function(**a)).copied();
                if let Some(handler) = handler {
                    let extraction = self.classify_handler(handler, "http");
                    let router = self.binding_name(node);
                    self.push(
                        node,
                        FactKind::inbound(Proto::Http, None, router, extraction),
                    );
                }
            }
            Role::GrpcServerNew if node.kind() == "new_expression" => {
                self.push(
                    node,
                    FactKind::inbound(
                        Proto::Grpc,
                        None,
                        self.binding_name(node),
                        Extraction::Patched("grpc".into()),
                    ),
                );
            }
            Role::GrpcDial if node.kind() == "new_expression" => {
                self.outbound(node, Proto::Grpc, "grpc");
            }
            Role::DefaultClientCall => self.outbound(node, Proto::Http, "http"),
            Role::FetchCall => self.outbound(node, Proto::Http, "fetch"),
            _ => {}
        }
    }

    /// An outbound site through a library patched process-wide, unless the function around it
    /// injects by hand.
    fn outbound(&mut self, node: Node<'_>, proto: Proto, library: &str) {
        let injection = if self.injects_by_hand(node) {
            Injection::Manual
        } else {
            Injection::Patched(library.into())
        };
        let target = callee(node)
            .map(|c| self.text(c).into_owned())
            .unwrap_or_default();
        self.push(
            node,
            FactKind::Outbound {
                proto,
                target,
                injection,
                // Node propagates through the active context: any call may carry a trace. Page
                // code carries one only where the page traces.
                flow: self.flow(node),
            },
        );
        // `fetch('http://payment:8080/charge')`, `fetch(`${process.env.PAYMENT_URL}/charge`)`:
        // the host may name another service.
        if proto == Proto::Http {
            let targets: Vec<FactKind> = call_args(node)
                .first()
                .map(|a| crate::lang::address_table::url_alternatives(self, *a))
                .unwrap_or_default()
                .iter()
                .filter_map(|pieces| crate::lang::address::http_target(pieces))
                .collect();
            for fact in targets {
                self.push(node, fact);
            }
        }
    }

    /// Whether the function around a node calls `propagation.inject`.
    fn injects_by_hand(&self, node: Node<'_>) -> bool {
        let scope = enclosing_function(node).unwrap_or(node);
        descendants(scope)
            .any(|n| self.is_manual_propagation(n, "inject") && !self.carrier_unused(n, scope))
            || crate::lang::core::headers::writes_trace_header(scope, self.src)
    }

    /// Whether a `propagation.inject(ctx, carrier)` fills a local carrier the function never
    /// reads again (`const headers = {}; propagation.inject(ctx, headers); fetch(url)`): the
    /// context reaches no request.
    fn carrier_unused(&self, inject: Node<'_>, scope: Node<'_>) -> bool {
        let Some(carrier) = call_args(inject)
            .get(1)
            .copied()
            .filter(|c| c.kind() == "identifier")
        else {
            return false;
        };
        let name = self.text(carrier);
        let mut declared = false;
        // `fetch(url, { headers })` reads it through a shorthand property.
        for id in descendants(scope).filter(|n| {
            matches!(n.kind(), "identifier" | "shorthand_property_identifier")
                && n.id() != carrier.id()
                && self.text(*n) == name
        }) {
            let declares = id.parent().is_some_and(|p| {
                p.kind() == "variable_declarator"
                    && p.field("name").is_some_and(|l| l.id() == id.id())
            });
            if !declares {
                return false;
            }
            declared = true;
        }
        declared
    }

    /// `new SomeServiceClient(address, grpc.credentials.createInsecure())`: a gRPC client,
    /// generated or built with `makeGenericClientConstructor`.
    fn grpc_client(&mut self, node: Node<'_>) {
        let args = call_args(node);
        if args.len() < 2 {
            return;
        }
        let creds = descendants(args[1]).any(|n| {
            matches!(
                n.kind(),
                "call_expression" | "member_expression" | "identifier"
            ) && self.qualify(callee(n).unwrap_or(n)).is_some_and(|q| {
                q.starts_with("@grpc/grpc-js.credentials.")
                    || q.starts_with("@grpc/grpc-js.ChannelCredentials.")
            })
        });
        if creds {
            self.outbound(node, Proto::Grpc, "grpc");
            // `new proto.hipstershop.CartService(addr, creds)`, `new CartServiceClient(...)`.
            let service = callee(node)
                .and_then(|c| crate::lang::grpc_stubs::js_client(&self.text(c), args.len()));
            if let Some(service) = service {
                self.push(node, FactKind::GrpcServiceCalled { service });
            }
        }
    }

    /// The topics a kafkajs call names in its options: `send({ topic: 'orders', messages })`,
    /// `sendBatch({ topicMessages: [{ topic }] })`, `subscribe({ topic })`,
    /// `subscribe({ topics: ['orders'] })` (literals, or names bound once to one).
    fn message_topics(&mut self, call: Node<'_>, sends: bool) {
        let Some(options) = call_args(call).first().copied() else {
            return;
        };
        let mut values = Vec::new();
        for pair in descendants(options).filter(|n| n.kind() == "pair") {
            let key = pair
                .field("key")
                .map(|k| self.text(k).trim_matches(['\'', '"']).to_string());
            let Some(value) = pair.field("value") else {
                continue;
            };
            match key.as_deref() {
                Some("topic") => values.push(value),
                Some("topics") if value.kind() == "array" => {
                    let mut cursor = value.walk();
                    values.extend(value.named_children(&mut cursor));
                }
                _ => {}
            }
        }
        for value in values {
            if let Some(fact) = crate::lang::address::topic_fact(&self.url_pieces(value, 0), sends)
            {
                self.push(call, fact);
            }
        }
    }

    /// Facts from a method call on a value.
    fn method_fact(&mut self, call: Node<'_>, recv: Node<'_>, method: &str) {
        // `this.client.emit('orders', payload)` on a Nest microservice client: a topic sent to.
        if matches!(method, "emit" | "send") && self.is_nest_client(recv) {
            let fact = call_args(call)
                .first()
                .and_then(|a| crate::lang::address::topic_fact(&self.url_pieces(*a, 0), true));
            if let Some(fact) = fact {
                self.push(call, fact);
            }
            return;
        }
        if method == "addService" {
            // `server.addService(proto.hipstershop.CartService.service, impl)`.
            let args = call_args(call);
            let service = (args.len() == 2)
                .then(|| crate::lang::grpc_stubs::js_server(&self.text(args[0])))
                .flatten();
            if let Some(service) = service {
                self.push(call, FactKind::GrpcServiceServed { service });
                return;
            }
        }
        let methods = &self.knowledge.methods;
        if methods.span_start.iter().any(|m| m == method) {
            self.span_started(call, false);
            return;
        }
        if methods.active_span_start.iter().any(|m| m == method) {
            self.span_started(call, true);
            return;
        }
        if method == "inject" && self.is_manual_propagation(call, "inject") {
            self.push(call, FactKind::ManualInject);
            return;
        }
        if method == "extract" && self.is_manual_propagation(call, "extract") {
            self.push(call, FactKind::ManualExtract);
            if let Some(name) = enclosing_function(call).and_then(|f| self.function_name(f)) {
                self.push(call, FactKind::HandlerExtracts { name });
            }
            return;
        }
        if methods.entry_serve.iter().any(|m| m == method) {
            self.has_entry = true;
            // `app.listen(PORT)`: the port other programs on the machine reach it at.
            let port = call_args(call)
                .first()
                .and_then(|a| self.listen_port_fact(*a, 0));
            if let Some(fact) = port {
                self.push(call, fact);
            }
        }
        if (method == "on" || method == "once")
            && self.qualify(recv).as_deref() == Some("globalThis.process")
        {
            let args = call_args(call);
            let signal = args
                .first()
                .and_then(|a| self.string_value(*a))
                .filter(|s| s.starts_with("SIG") || s == "beforeExit");
            // A handler for a signal named by a variable (`signals.forEach(s => process.on(s,
            // ..))`) runs on a signal too.
            let named_by_variable = args.first().is_some_and(|a| a.kind() == "identifier");
            if let Some(handler) = args
                .get(1)
                .filter(|_| signal.is_some() || named_by_variable)
            {
                self.handler_throws_before_shutdown(*handler);
            }
            if let Some(signal) = signal {
                self.push(
                    call,
                    FactKind::SignalHandled {
                        signals: vec![signal],
                    },
                );
            }
            return;
        }
        let kind = self.value_kind(recv);
        if kind.is_none()
            && self
                .knowledge
                .methods
                .provider_register
                .iter()
                .any(|m| m == method)
        {
            let function = self.receiver_name(recv).and_then(|n| {
                self.results
                    .get(&n)
                    .cloned()
                    .or_else(|| self.injected_token(call, &n))
            });
            if let Some(function) = function {
                let method = method.to_string();
                self.push(call, FactKind::ResultCall { function, method });
            }
        }
        match kind {
            Some(k @ (ValueKind::Sdk | ValueKind::Provider | ValueKind::BrowserProvider))
                if self
                    .knowledge
                    .methods
                    .provider_register
                    .iter()
                    .any(|m| m == method) =>
            {
                self.provider_registered(call, recv, k);
            }
            Some(ValueKind::Producer) if method == "send" || method == "sendBatch" => {
                self.outbound(call, Proto::Messaging, "kafkajs");
                self.message_topics(call, true);
            }
            Some(ValueKind::Consumer) if method == "subscribe" => {
                self.message_topics(call, false);
            }
            Some(ValueKind::Consumer) if method == "run" => {
                self.has_entry = true;
                let extraction = match call_args(call).first() {
                    Some(cfg)
                        if descendants(*cfg).any(|n| self.is_manual_propagation(n, "extract")) =>
                    {
                        Extraction::Manual
                    }
                    _ => Extraction::Patched("kafkajs".into()),
                };
                self.push(
                    call,
                    FactKind::inbound(
                        Proto::Messaging,
                        None,
                        Some(self.text(recv).into_owned()),
                        extraction,
                    ),
                );
            }
            Some(ValueKind::HttpClient)
                if self
                    .knowledge
                    .methods
                    .client_call
                    .iter()
                    .any(|m| m == method) =>
            {
                self.outbound(call, Proto::Http, "http");
            }
            Some(ValueKind::Server) => self.route(call, recv, method),
            // `provider.register({ propagator })` on a provider built elsewhere
            // (`const provider = setupTracerProvider(url)`): the propagator is explicit.
            None if method == "register"
                && call_args(call)
                    .first()
                    .and_then(|c| self.object_property(*c, "propagator"))
                    .is_some() =>
            {
                self.provider_registered(call, recv, ValueKind::Provider);
            }
            None => {
                let believed = self.web_framework
                    && self
                        .receiver_name(recv)
                        .is_some_and(|n| self.knowledge.methods.route_receivers.contains(&n));
                if believed {
                    self.route(call, recv, method);
                }
            }
            _ => {}
        }
    }

    /// Where a call runs: in a browser page ([`Flow::Browser`](crate::facts::Flow::Browser)),
    /// or on the server, where any call may carry the active context.
    fn flow(&self, node: Node<'_>) -> crate::facts::Flow {
        let server_side = &self.knowledge.methods.server_side_functions;
        let mut function = enclosing_function(node);
        while let Some(f) = function {
            if self
                .function_name(f)
                .is_some_and(|n| server_side.contains(&n))
            {
                return crate::facts::Flow::Request;
            }
            function = enclosing_function(f);
        }
        if *self.page_code.get_or_init(|| self.is_page_code()) {
            crate::facts::Flow::Browser
        } else {
            crate::facts::Flow::Request
        }
    }

    /// Whether the module is browser page code: it starts with a page directive (`'use
    /// client'`), sits in a directory served as is (`static/`), calls React hooks, or reads
    /// browser globals (`window.location`) it does not declare itself.
    fn is_page_code(&self) -> bool {
        let m = &self.knowledge.methods;
        let directive = self
            .root
            .named_child(0)
            .filter(|s| s.kind() == "expression_statement")
            .and_then(|s| s.named_child(0))
            .and_then(|s| self.string_value(s))
            .is_some_and(|d| m.browser_directives.contains(&d));
        let served = self
            .path
            .split('/')
            .rev()
            .skip(1)
            .any(|d| m.browser_dirs.iter().any(|b| b == d));
        if directive || served {
            return true;
        }
        let hook = self.calls.iter().any(|c| {
            callee(*c).is_some_and(|f| {
                let name = match f.kind() {
                    "identifier" => Some(f),
                    "member_expression" => f.field("property"),
                    _ => None,
                };
                name.is_some_and(|n| m.browser_calls.iter().any(|h| *h == self.text(n)))
            })
        });
        hook || descendants(self.root)
            .filter(|n| n.kind() == "member_expression")
            .any(|n| {
                let text = self.text(n);
                let object = n.field("object").map(|o| self.text(o));
                m.browser_globals.iter().any(|g| {
                    let matches = text.as_ref() == g || text.starts_with(&format!("{g}."));
                    matches
                        && object.as_deref().is_some_and(|o| {
                            !self.locals.contains(o.split('.').next().unwrap_or(o))
                        })
                })
            })
    }

    /// A local bound to the result of a call that is not a library's
    /// (`const otel = OpenTelemetry('x')`): the function may return an SDK built elsewhere.
    fn track_result(&mut self, call: Node<'_>) {
        if call.kind() != "call_expression" {
            return;
        }
        let Some(function) = callee(call).and_then(|f| match f.kind() {
            "identifier" => Some(f),
            "member_expression" => f.field("property"),
            _ => None,
        }) else {
            return;
        };
        if let Some(name) = self.binding_name(call) {
            let function = self.text(function).into_owned();
            self.results.insert(name, function);
        }
    }

    /// For an SDK or provider a function returns (`return new NodeSDK(...)`, an arrow whose
    /// body it is, or a local it returns): what registering it does, wherever a caller does.
    fn result_effects(
        &mut self,
        node: Node<'_>,
        kind: ValueKind,
        propagators: &Option<Vec<String>>,
    ) {
        let Some(function) = self.returning_function(node) else {
            return;
        };
        let Some(name) = self.function_name(function) else {
            return;
        };
        let formats = match kind {
            ValueKind::Sdk => propagators.clone(),
            _ => Some(default_provider_propagators()),
        };
        let mut then = vec![FactKind::ProviderRegistered];
        then.extend(formats.map(|formats| FactKind::PropagatorSet { formats }));
        for method in self.knowledge.methods.provider_register.clone() {
            let effect = FactKind::ResultEffect {
                function: name.clone(),
                method,
                then: then.clone(),
            };
            self.push(node, effect);
        }
    }

    /// The function that returns `value`: `return value`, an arrow function whose body it is,
    /// or a function that returns the local it is bound to.
    fn returning_function<'t>(&self, value: Node<'t>) -> Option<Node<'t>> {
        let node = resolve::climb_wrappers(value);
        let parent = node.parent()?;
        match parent.kind() {
            "return_statement" => enclosing_function(node),
            "arrow_function" if parent.field("body") == Some(node) => Some(parent),
            _ => {
                let name = self.binding_name(value)?;
                let function = enclosing_function(node)?;
                descendants(function)
                    .filter(|n| n.kind() == "return_statement")
                    .filter(|r| enclosing_function(*r) == Some(function))
                    .any(|r| r.named_child(0).is_some_and(|v| self.text(v) == name))
                    .then_some(function)
            }
        }
    }

    /// `sdk.start()`, `provider.register(config)`: the provider goes global with a propagator.
    fn provider_registered(&mut self, call: Node<'_>, recv: Node<'_>, kind: ValueKind) {
        self.push(call, FactKind::ProviderRegistered);
        let formats = match kind {
            ValueKind::Sdk => match self.receiver_name(recv).and_then(|n| self.values.get(&n)) {
                Some(v) => v.propagators.clone(),
                None => self.sdk_propagators(recv),
            },
            _ => {
                // `register({ propagator })`: `null` installs none, absent installs W3C.
                let config = call_args(call).first().copied();
                match config.and_then(|c| self.object_property(c, "propagator")) {
                    None => Some(default_provider_propagators()),
                    Some(p) if p.kind() == "null" || p.kind() == "undefined" => None,
                    Some(p) => Some(self.propagator_formats(p)),
                }
            }
        };
        if let Some(formats) = formats {
            self.push(call, FactKind::PropagatorSet { formats });
        }
    }

    /// A route registration on an app or router: `app.get('/x', handler)`.
    fn route(&mut self, call: Node<'_>, recv: Node<'_>, method: &str) {
        let args = call_args(call);
        let methods = &self.knowledge.methods;
        if method == "use" || methods.middleware.iter().any(|m| m == method) {
            // Middleware that extracts by hand covers every route of the app.
            let extracts = args
                .iter()
                .any(|a| matches!(self.classify_handler(*a, "http"), Extraction::Manual));
            if extracts {
                self.push(
                    call,
                    FactKind::ServerInstrumented {
                        target: self.text(recv).into_owned(),
                    },
                );
            }
            return;
        }
        if !methods.route.iter().any(|m| m == method) || args.len() < 2 {
            return;
        }
        // A literal path, or one computed from a prefix (`` `${base}/cart` ``).
        let Some(route) = self
            .string_value(args[0])
            .or_else(|| crate::lang::address::computed_route(&self.url_pieces(args[0], 0)))
        else {
            return;
        };
        if !route.starts_with('/') && !route.starts_with("{…}") && route != "*" {
            return;
        }
        let handler = *args.last().expect("len checked");
        if !is_function(handler)
            && handler.kind() != "identifier"
            && handler.kind() != "member_expression"
        {
            return;
        }
        let extraction = args[1..]
            .iter()
            .map(|h| self.classify_handler(*h, "http"))
            .find(|e| *e == Extraction::Manual)
            .unwrap_or_else(|| Extraction::Patched("http".into()));
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

    /// How a handler continues the caller's trace: by hand, or through the patched library.
    fn classify_handler(&self, handler: Node<'_>, library: &str) -> Extraction {
        let manual = if is_function(handler) {
            descendants(handler).any(|n| self.is_manual_propagation(n, "extract"))
        } else {
            let name = match handler.kind() {
                "identifier" => Some(self.text(handler).into_owned()),
                "member_expression" => handler.field("property").map(|p| self.text(p).into_owned()),
                _ => None,
            };
            name.is_some_and(|n| self.extracting_functions.contains(&n))
        };
        if manual {
            Extraction::Manual
        } else {
            Extraction::Patched(library.into())
        }
    }

    /// Whether a receiver (`this.client`, `client`) is declared in the file with a Nest
    /// microservice client type (`private readonly client: ClientKafka`).
    fn is_nest_client(&self, recv: Node<'_>) -> bool {
        let name = match recv.kind() {
            "member_expression" if recv.field("object").is_some_and(|o| o.kind() == "this") => {
                recv.field("property").map(|p| self.text(p))
            }
            "identifier" => Some(self.text(recv)),
            _ => None,
        };
        let (Some(name), Some(root)) = (name, crate::lang::tree::root_of(recv)) else {
            return false;
        };
        descendants(root).any(|n| {
            let declared = match n.kind() {
                "required_parameter" | "optional_parameter" => n.field("pattern"),
                "public_field_definition" => n.field("name"),
                _ => None,
            };
            declared.is_some_and(|d| self.text(d) == name)
                && n.field("type")
                    .and_then(|t| t.named_child(0))
                    .and_then(|t| self.bindings.get(self.text(t).as_ref()))
                    .is_some_and(|q| q.starts_with("@nestjs/microservices.Client"))
        })
    }

    /// Nest controllers: `@Get('/x')` on a method, `@GrpcMethod(...)`.
    fn decorator_fact(&mut self, decorator: Node<'_>) {
        let Some(call) = decorator
            .named_child(0)
            .filter(|c| c.kind() == "call_expression")
        else {
            return;
        };
        let Some(q) = callee(call).and_then(|c| self.qualify(c)) else {
            return;
        };
        // `@EventPattern('orders')`, `@MessagePattern('orders')`: a topic the service handles.
        if matches!(
            q.as_str(),
            "@nestjs/microservices.EventPattern" | "@nestjs/microservices.MessagePattern"
        ) {
            let fact = call_args(call)
                .first()
                .and_then(|a| crate::lang::address::topic_fact(&self.url_pieces(*a, 0), false));
            if let Some(fact) = fact {
                self.push(decorator, fact);
            }
            return;
        }
        let (proto, library) = match q.as_str() {
            "@nestjs/common.Get"
            | "@nestjs/common.Post"
            | "@nestjs/common.Put"
            | "@nestjs/common.Patch"
            | "@nestjs/common.Delete"
            | "@nestjs/common.All"
            | "@nestjs/common.Head"
            | "@nestjs/common.Options" => (Proto::Http, "http"),
            "@nestjs/microservices.GrpcMethod" => (Proto::Grpc, "grpc"),
            _ => return,
        };
        let method = match decorator.parent() {
            Some(p) if p.kind() == "method_definition" => Some(p),
            _ => {
                let mut next = decorator.next_named_sibling();
                while let Some(n) = next.filter(|n| matches!(n.kind(), "decorator" | "comment")) {
                    next = n.next_named_sibling();
                }
                next.filter(|n| n.kind() == "method_definition")
            }
        };
        let Some(method) = method else {
            return;
        };
        let route = call_args(call)
            .first()
            .and_then(|a| self.string_value(*a))
            .map(|r| {
                if r.starts_with('/') {
                    r
                } else {
                    format!("/{r}")
                }
            })
            .or_else(|| Some("/".into()));
        let class = method
            .parent()
            .and_then(|b| b.parent())
            .and_then(|c| c.field("name"))
            .map(|n| self.text(n).into_owned());
        let extraction = self.classify_handler(method, library);
        self.push(
            decorator,
            FactKind::inbound(
                proto,
                if proto == Proto::Http { route } else { None },
                class,
                extraction,
            ),
        );
    }

    /// `ROOT_CONTEXT` handed to a span start, `context.with` or an injection in request code.
    fn value_fact(&mut self, value: Node<'_>) {
        let node = if value.kind() == "property_identifier" {
            match value.parent() {
                Some(p) => p,
                None => return,
            }
        } else {
            value
        };
        if self.role_of_expr(node) != Some(Role::FreshContext) {
            return;
        }
        let Some(args) = node.parent().filter(|p| p.kind() == "arguments") else {
            return;
        };
        let Some(call) = args.parent().filter(|c| c.kind() == "call_expression") else {
            return;
        };
        let Some(sink) = self.context_sink(call) else {
            return;
        };
        self.context_dropped(node, call, "ROOT_CONTEXT", sink);
    }

    /// What a call that takes a context starts: a span, a callback under that context, an
    /// injection. `None` for calls where a fresh root is right (`propagation.extract`).
    fn context_sink(&self, call: Node<'_>) -> Option<&'static str> {
        let (recv, method) = self.method_call(call)?;
        let methods = &self.knowledge.methods;
        if methods.span_start.contains(&method) || methods.active_span_start.contains(&method) {
            return Some("a span");
        }
        let q = self.qualify(recv)?;
        let api = q
            .strip_prefix("@opentelemetry/api.default.")
            .or_else(|| q.strip_prefix("@opentelemetry/api."))?;
        match (api, method.as_str()) {
            ("context", "with") => Some("work under `context.with`"),
            ("propagation", "inject") => Some("an injection"),
            _ => None,
        }
    }

    /// Records a fresh root reaching `call` when a request is in scope.
    fn context_dropped(&mut self, at: Node<'_>, call: Node<'_>, fresh: &str, sink: &str) {
        let Some(in_scope) = self.request_in_scope(call) else {
            return;
        };
        let kind = FactKind::ContextDropped {
            via: DropVia::FreshContext,
            fresh: fresh.to_string(),
            sink: sink.to_string(),
            in_scope: Some(in_scope),
            sink_loc: self.loc(call),
            via_client: None,
        };
        self.push(at, kind);
    }

    /// The request parameter in scope at a node: a `req`/`request` parameter of the enclosing
    /// function or of a function a callback sits in.
    fn request_in_scope(&self, node: Node<'_>) -> Option<String> {
        let mut f = enclosing_function(node);
        while let Some(func) = f {
            let request = self
                .typed_params(func)
                .into_iter()
                .find(|(p, ty)| self.knowledge.is_request_param(p, ty.as_deref()));
            if let Some((p, _)) = request {
                return Some(p);
            }
            if matches!(func.kind(), "function_declaration" | "method_definition") {
                return None;
            }
            f = enclosing_function(func);
        }
        None
    }

    /// Instrumentation installed in this file after a module it patches was loaded: an SDK
    /// started or instrumentations registered below `require('express')`, or a local module
    /// loaded below it (the service decides whether that module sets up tracing).
    fn too_late_facts(&mut self) {
        let first_patched = self.loads.iter().find(|l| {
            l.top_level && !l.type_only && self.knowledge.patched_module(&l.module).is_some()
        });
        let Some(first) = first_patched.cloned() else {
            return;
        };
        let install = self.facts.iter().find(|f| {
            f.loc.start_byte as usize > first.start
                && match &f.kind {
                    FactKind::ProviderRegistered => true,
                    FactKind::Instrumentation { what, .. } => {
                        what.ends_with("registerInstrumentations")
                    }
                    _ => false,
                }
        });
        let mut found = Vec::new();
        if let Some(install) = install {
            let text = String::from_utf8_lossy(
                &self.src[install.loc.start_byte as usize..install.loc.end_byte as usize],
            );
            let short = text.lines().next().unwrap_or("").trim().to_string();
            found.push((install.loc, short));
        }
        for load in &self.loads {
            if load.start > first.start
                && load.top_level
                && (load.module.starts_with("./") || load.module.starts_with("../"))
            {
                found.push((load.loc, load.module.clone()));
            }
        }
        let loaded_before: Vec<String> = self
            .loads
            .iter()
            .filter(|l| l.start < first.start && l.top_level)
            .filter(|l| l.module.starts_with("./") || l.module.starts_with("../"))
            .map(|l| l.module.clone())
            .collect();
        for (loc, instrumentation) in found {
            self.facts.push(Fact {
                loc,
                kind: FactKind::InstrumentedTooLate {
                    instrumentation,
                    target: first.module.clone(),
                    target_loc: first.loc,
                    loaded_before: loaded_before.clone(),
                },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_test_file;

    #[test]
    fn test_files_are_known_by_name_and_directory() {
        for path in [
            "src/__e2e__/api.servertest.ts",
            "src/app.test.ts",
            "src/app.e2e-spec.ts",
            "test/app.js",
            "src/__tests__/x.ts",
            "cypress/support/commands.ts",
            "api-test.js",
            "test.js",
        ] {
            assert!(is_test_file(path), "{path}");
        }
        for path in [
            "src/latest.js",
            "src/contest/index.ts",
            "src/attest.ts",
            "src/server.ts",
        ] {
            assert!(!is_test_file(path), "{path}");
        }
    }
}
