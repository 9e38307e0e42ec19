//! C# fact extraction.
//!
//! One pass over the tree collects the anchors (usings, invocations, object creations,
//! functions, classes, fields, assignments, comments); each invocation's callee is read as
//! `Type.Member` or `.Method` and looked up in `queries/csharp/knowledge.toml`, and the few nodes
//! around it decide the fact. tree-sitter-c-sharp lags the language, so parts of real files
//! parse as ERROR: facts come from the parts that parse, nothing is reported from inside an
//! ERROR subtree, and analyses whose function contains one say "cannot tell".

mod boundary;
mod names;
mod setup;
mod spans;
mod syntax;
mod typed_bus;

use crate::facts::{Fact, FactKind, FileFacts};
use crate::knowledge::{Knowledge, Role};
use crate::lang::core::anchors::{Adapter, Compiled};
use crate::lang::core::{source, SourceFile};
use crate::lang::fields::NodeFields;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use syntax::{callee, last_name, named_children, RangeIndex};
use tree_sitter::{Node, Tree};

/// C#'s query files, embedded.
pub static QUERY_FILES: &[(&str, &str)] = &[
    (
        "usings.scm",
        include_str!("../../../queries/csharp/usings.scm"),
    ),
    (
        "calls.scm",
        include_str!("../../../queries/csharp/calls.scm"),
    ),
    (
        "objects.scm",
        include_str!("../../../queries/csharp/objects.scm"),
    ),
    (
        "functions.scm",
        include_str!("../../../queries/csharp/functions.scm"),
    ),
    (
        "types.scm",
        include_str!("../../../queries/csharp/types.scm"),
    ),
    (
        "declarations.scm",
        include_str!("../../../queries/csharp/declarations.scm"),
    ),
    (
        "assignments.scm",
        include_str!("../../../queries/csharp/assignments.scm"),
    ),
    (
        "comments.scm",
        include_str!("../../../queries/csharp/comments.scm"),
    ),
];

/// The knowledge roles this extractor reads: its table's entries and a configuration's may use
/// these and no others (a role another language reads is a configuration error, not ignored).
pub const ROLES: &[Role] = &[
    Role::BareHttpServer,
    Role::GlobalPropagator,
    Role::GrpcClientInstrumentation,
    Role::GrpcDial,
    Role::GrpcServerNew,
    Role::HostedProvider,
    Role::HttpClientRegister,
    Role::InstrumentedMessageClient,
    Role::InstrumentedTransport,
    Role::MessageClientNew,
    Role::MessageConsume,
    Role::MessageProduce,
    Role::ProjectDeploy,
    Role::PropagatorSet,
    Role::ProviderNew,
    Role::RouteRegister,
    Role::SdkFromConfig,
    Role::ServerMiddleware,
];

/// C#'s knowledge table, embedded.
pub const KNOWLEDGE: &str = include_str!("../../../queries/csharp/knowledge.toml");

/// Namespaces whose import marks a file as test code.
const TEST_NAMESPACES: &[&str] = &[
    "Xunit",
    "NUnit.Framework",
    "Microsoft.VisualStudio.TestTools.UnitTesting",
];

crate::lang::core::anchors::captures!(Captures: using, call, new, function, class, field, assign, comment);

/// C#'s side of extraction (see [`crate::lang::core::anchors::Adapter`]).
pub struct CSharp;

impl Adapter for CSharp {
    type Captures = Captures;

    fn extract(x: &Compiled<Captures>, src: &[u8], tree: &Tree, out: &mut FileFacts) {
        let root = tree.root_node();
        let c = &x.captures;
        let anchors = x.anchors(root, src);
        let (calls, functions) = (anchors.nodes(c.call), anchors.nodes(c.function));
        let (classes, comments) = (anchors.nodes(c.class), anchors.nodes(c.comment));
        let errors = syntax::error_nodes(root);
        let mut ctx = FileCtx {
            src,
            knowledge: x.knowledge.as_ref(),
            namespaces: anchors
                .nodes(c.using)
                .iter()
                .filter_map(|u| using_namespace(*u, src))
                .collect(),
            facts: Vec::new(),
            functions: RangeIndex::new(functions),
            classes: RangeIndex::new(classes),
            errors: RangeIndex::new(&errors),
            route_handlers: HashSet::new(),
            request_scopes: RefCell::default(),
            starts_span: RefCell::default(),
            file_extracts: false,
            file_injects: false,
            message_clients: MessageClients::None,
            http_clients: HashSet::new(),
            bus: None,
        };
        ctx.bus = ctx.typed_bus();
        let tracing_namespace = ctx
            .namespaces
            .iter()
            .any(|n| ctx.knowledge.is_tracing_import(n));
        out.test_code = ctx
            .namespaces
            .iter()
            .any(|n| TEST_NAMESPACES.contains(&n.as_str()));
        out.parse_errors = root.has_error();
        out.generated = out.path.ends_with(".g.cs")
            || out.path.ends_with(".Designer.cs")
            || out.path.ends_with(".generated.cs")
            || comments.iter().take(3).any(|c| {
                let t = syntax::text(*c, src);
                t.contains("<auto-generated") || t.contains("<autogenerated")
            });
        out.has_entry = has_entry_point(root, functions, src);
        ctx.prepare(calls, anchors.nodes(c.field), anchors.nodes(c.new));
        let mut setup_call = false;
        let mut called_from_request = BTreeSet::new();
        for call in calls {
            if ctx.in_error(*call) {
                continue;
            }
            setup_call |= ctx.call_fact(*call);
            if let Some(c) = callee(*call, src) {
                if !called_from_request.contains(&c.method) && ctx.request_scope(*call).is_some() {
                    called_from_request.insert(c.method);
                }
            }
        }
        for new in anchors.nodes(c.new) {
            if !ctx.in_error(*new) {
                ctx.creation_fact(*new);
                ctx.grpc_client_fact(*new);
            }
        }
        let bus = ctx.bus;
        for class in classes {
            ctx.grpc_server_fact(*class);
            if let Some(bus) = bus {
                if !ctx.in_error(*class) {
                    ctx.typed_consumer(*class, bus);
                }
            }
        }
        for field in anchors.nodes(c.field) {
            if !ctx.in_error(*field) {
                ctx.field_fact(*field);
            }
        }
        ctx.top_level_constants(root);
        for assign in anchors.nodes(c.assign) {
            if !ctx.in_error(*assign) {
                ctx.assignment_fact(*assign);
                ctx.base_address_fact(*assign);
            }
        }
        for function in functions {
            if function.kind() == "method_declaration" && !ctx.in_error(*function) {
                ctx.controller_action(*function);
            }
        }
        for error in &errors {
            ctx.error_fact(*error);
        }
        out.uses_tracing = tracing_namespace || setup_call;
        let facts = std::mem::take(&mut ctx.facts);
        source::finish(out, facts, comments, src, |_, _| None, called_from_request);
    }
}

/// Which message producers and consumers a file builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MessageClients {
    /// None: the ones it uses are built elsewhere.
    None,
    /// Only uninstrumented ones.
    Plain,
    /// At least one instrumented one.
    Instrumented,
}

/// Per-file extraction state.
pub(super) struct FileCtx<'a> {
    src: &'a [u8],
    knowledge: &'a Knowledge,
    /// Imported namespaces.
    namespaces: Vec<String>,
    facts: Vec<Fact>,
    functions: RangeIndex<'a>,
    classes: RangeIndex<'a>,
    errors: RangeIndex<'a>,
    /// Lambdas registered as endpoint handlers (`app.MapGet("/x", () => ...)`), by node id.
    route_handlers: HashSet<usize>,
    /// Per function (by node id): how request code reaches its request, if it is request code.
    request_scopes: RefCell<HashMap<usize, Option<String>>>,
    /// Per function (by node id): whether it starts an activity.
    starts_span: RefCell<HashMap<usize, bool>>,
    /// The file extracts context by hand somewhere.
    file_extracts: bool,
    /// The file injects context by hand somewhere.
    file_injects: bool,
    /// The message clients the file builds.
    message_clients: MessageClients,
    /// The names the file stores `HttpClient`s it builds under.
    http_clients: HashSet<String>,
    /// The message bus routing by type that the file uses, if any.
    bus: Option<&'a crate::knowledge::TypedBus>,
}

crate::lang::core::source::source_file!(FileCtx);

impl<'a> FileCtx<'a> {
    /// The source text of a node ("" when it is not UTF-8).
    fn text(&self, node: Node<'a>) -> &'a str {
        syntax::text(node, self.src)
    }

    /// Whether a node lies inside an ERROR subtree.
    fn in_error(&self, node: Node<'a>) -> bool {
        !self.errors.is_empty() && self.errors.enclosing(node).is_some()
    }

    /// Whether a node (a function, usually) contains an ERROR subtree: analyses over it cannot
    /// see everything it does.
    fn has_error_inside(&self, node: Node<'a>) -> bool {
        !self.errors.is_empty() && self.errors.overlaps(node.start_byte(), node.end_byte())
    }

    /// The innermost function around a node.
    fn enclosing_function(&self, node: Node<'a>) -> Option<Node<'a>> {
        self.functions.enclosing(node)
    }

    /// The role of `method` called on `receiver`: `Type.Member`, then `.Method`, then the
    /// namespace-qualified `Namespace:.Method` of the file's imports.
    fn method_role(&self, receiver: Option<Node<'a>>, method: &str) -> Option<Role> {
        if let Some(ty) = receiver.and_then(|r| last_name(r, self.src)) {
            if let Some(role) = self.knowledge.role(&format!("{ty}.{method}")) {
                return Some(role);
            }
        }
        if receiver.is_some() {
            if let Some(role) = self.knowledge.role(&format!(".{method}")) {
                return Some(role);
            }
            return self
                .namespaces
                .iter()
                .find_map(|ns| self.knowledge.role(&format!("{ns}:.{method}")));
        }
        None
    }

    /// The role of a member access such as `Propagators.DefaultTextMapPropagator`.
    fn member_role(&self, node: Node<'a>) -> Option<Role> {
        if node.kind() != "member_access_expression" {
            return None;
        }
        let ty = last_name(node.field("expression")?, self.src)?;
        let member = last_name(node.field("name")?, self.src)?;
        self.knowledge.role(&format!("{ty}.{member}"))
    }

    /// The role of an object creation's type (`new HttpListener()` → `new HttpListener`).
    fn creation_role(&self, new: Node<'a>) -> Option<Role> {
        let ty = self.created_type(new)?;
        self.knowledge.role(&format!("new {ty}"))
    }

    /// The last name of an explicitly created type.
    fn created_type(&self, new: Node<'a>) -> Option<String> {
        last_name(new.field("type")?, self.src)
    }

    /// File-wide state the per-call facts depend on: endpoint handler lambdas, manual
    /// propagation, message clients.
    fn prepare(&mut self, calls: &[Node<'a>], fields: &[Node<'a>], news: &[Node<'a>]) {
        for call in calls {
            let Some(c) = callee(*call, self.src) else {
                continue;
            };
            match hand_propagation(&c.method, c.receiver.and_then(|r| last_name(r, self.src))) {
                Some(HandPropagation::Extract) if !self.in_error(*call) => {
                    self.file_extracts = true;
                    self.push(*call, FactKind::ManualExtract);
                }
                Some(HandPropagation::Inject) if !self.in_error(*call) => {
                    self.file_injects = true;
                    self.push(*call, FactKind::ManualInject);
                }
                _ => {}
            }
            if c.method == "Extract" || c.method == "Inject" {
                if self.is_manual_propagation(*call) {
                    if c.method == "Extract" {
                        self.file_extracts = true;
                    } else {
                        self.file_injects = true;
                    }
                }
                continue;
            }
            if self.method_role(c.receiver, &c.method) == Some(Role::RouteRegister) {
                if let Some((_, handler)) = syntax::args(*call, self.src).last() {
                    if syntax::is_function(*handler) {
                        self.route_handlers.insert(handler.id());
                    }
                }
            }
        }
        for field in fields {
            if let Some(name) = self.http_client_field(*field) {
                self.http_clients.insert(name);
            }
        }
        for new in news {
            if self.is_remote_context(*new) && !self.in_error(*new) {
                self.file_extracts = true;
                self.push(*new, FactKind::ManualExtract);
            }
            if self.created_type(*new).as_deref() == Some("HttpClient") {
                if let Some(holder) = self.holder(*new) {
                    self.http_clients.insert(holder);
                }
            }
            match self.creation_role(*new) {
                Some(Role::InstrumentedMessageClient) => {
                    self.message_clients = MessageClients::Instrumented
                }
                Some(Role::MessageClientNew) if self.message_clients == MessageClients::None => {
                    self.message_clients = MessageClients::Plain
                }
                _ => {}
            }
        }
    }

    /// `new ActivityContext(traceId, spanId, flags, state, isRemote: true)`: a caller's context
    /// rebuilt from what a carrier holds.
    fn is_remote_context(&self, new: Node<'a>) -> bool {
        if self.created_type(new).as_deref() != Some("ActivityContext") {
            return false;
        }
        let args = syntax::args(new, self.src);
        args.len() >= 5 || args.iter().any(|(n, _)| n.as_deref() == Some("isRemote"))
    }

    /// The name of a field or property declared as an `HttpClient`.
    fn http_client_field(&self, field: Node<'a>) -> Option<String> {
        let (ty, name) = match field.kind() {
            "field_declaration" => {
                let decl = named_children(field)
                    .into_iter()
                    .find(|n| n.kind() == "variable_declaration")?;
                let declarator = named_children(decl)
                    .into_iter()
                    .find(|n| n.kind() == "variable_declarator")?;
                (decl.field("type")?, declarator.field("name")?)
            }
            _ => (field.field("type")?, field.field("name")?),
        };
        (last_name(ty, self.src)? == "HttpClient").then(|| self.text(name).to_string())
    }

    /// Whether an `Extract`/`Inject` call is OpenTelemetry propagation: on
    /// `Propagators.DefaultTextMapPropagator`, on a propagator value, or with a
    /// `PropagationContext`.
    fn is_manual_propagation(&self, call: Node<'a>) -> bool {
        let Some(c) = callee(call, self.src) else {
            return false;
        };
        let Some(receiver) = c.receiver else {
            return false;
        };
        let args = syntax::args(call, self.src);
        if args.len() < 2 {
            return false;
        }
        let on_propagator = self.member_role(receiver) == Some(Role::GlobalPropagator)
            || last_name(receiver, self.src)
                .is_some_and(|n| n.to_ascii_lowercase().contains("propagator"));
        on_propagator
            || args.first().is_some_and(|(_, a)| {
                a.kind() == "object_creation_expression"
                    && self.created_type(*a).as_deref() == Some("PropagationContext")
            })
    }

    /// Facts from inside an ERROR subtree: a source registration there may register anything.
    fn error_fact(&mut self, error: Node<'a>) {
        if self.text(error).contains("AddSource") {
            self.push(
                error,
                FactKind::SourceRegistered {
                    pattern: crate::facts::SourceName::Unknown,
                },
            );
        }
    }
}

/// Trace context read or written by hand, without the propagator API.
enum HandPropagation {
    /// A caller's context is rebuilt from a carrier.
    Extract,
    /// The current context is written into a carrier.
    Inject,
}

/// Calls that propagate trace context by hand: `ActivityContext.TryParse(traceparent, ...)`,
/// `ActivityTraceId.CreateFromBytes(...)`, `activity.SetParentId(...)` read a caller's
/// context; `context.TraceId.CopyTo(bytes)`, `context.SpanId.ToHexString()` write one.
fn hand_propagation(method: &str, receiver: Option<String>) -> Option<HandPropagation> {
    let receiver = receiver.unwrap_or_default();
    match (receiver.as_str(), method) {
        ("ActivityContext", "Parse" | "TryParse")
        | ("ActivityTraceId", "CreateFromBytes" | "CreateFromString" | "CreateFromUtf8String")
        | (_, "SetParentId") => Some(HandPropagation::Extract),
        ("TraceId" | "SpanId", "CopyTo" | "ToHexString") => Some(HandPropagation::Inject),
        _ => None,
    }
}

/// The namespace a using directive imports (`using X.Y;`, `global using X.Y;`); aliases and
/// `using static` import a type, recorded by its namespace path too.
fn using_namespace(using: Node<'_>, src: &[u8]) -> Option<String> {
    let target = named_children(using)
        .into_iter()
        .rfind(|n| matches!(n.kind(), "identifier" | "qualified_name"))?;
    Some(syntax::text(target, src).replace(char::is_whitespace, ""))
}

/// Whether a file is a program's entry point: top-level statements, or a `static Main`.
fn has_entry_point(root: Node<'_>, functions: &[Node<'_>], src: &[u8]) -> bool {
    let mut cursor = root.walk();
    let top_level = root
        .named_children(&mut cursor)
        .any(|n| n.kind() == "global_statement");
    top_level
        || functions.iter().any(|f| {
            f.kind() == "method_declaration"
                && f.field("name")
                    .is_some_and(|n| syntax::text(n, src) == "Main")
                && syntax::modifiers(*f, src).contains(&"static")
        })
}
