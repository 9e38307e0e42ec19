//! Whether an OTLP exporter's own connection is instrumented: `otlptracegrpc.WithGRPCConn(conn)`
//! with `conn` dialed through `otelgrpc`, `otlptracegrpc.WithDialOption(grpc.WithStatsHandler(
//! otelgrpc.NewClientHandler()))`, `otlptracehttp.WithHTTPClient(client)` with an `otelhttp`
//! transport. Every export then creates more spans to export.
//!
//! The connection is followed within the file: a dial stored under the same name, or a helper
//! of the file that dials into the pointer it is handed (`mustConnGRPC(ctx, &svc.conn, addr)`).

use super::resolve::{call_args, descendants, last_name};
use super::FileCtx;
use crate::facts::{FactKind, Injection};
use crate::knowledge::Role;
use crate::lang::core::SourceFile;
use crate::lang::fields::NodeFields;
use tree_sitter::Node;

/// How an exporter option hands the exporter its transport (the knowledge table's
/// `[exporter_transports]` values).
enum Transport {
    /// A gRPC connection value (`WithGRPCConn(conn)`).
    Connection,
    /// Options for the connection the exporter dials (`WithDialOption(...)`).
    DialOption,
    /// An HTTP client value (`WithHTTPClient(client)`).
    HttpClient,
}

impl<'a> FileCtx<'a> {
    /// Facts from an exporter option that hands the exporter its transport.
    pub(super) fn exporter_transport_fact(&mut self, call: Node<'a>, qualified: &str) {
        let transport = match self.knowledge.exporter_transport(qualified) {
            Some("connection") => Transport::Connection,
            Some("dial-option") => Transport::DialOption,
            Some("http-client") => Transport::HttpClient,
            _ => return,
        };
        let Some(&arg) = call_args(call).first() else {
            return;
        };
        let instrumented_at = match transport {
            Transport::DialOption => self
                .subtree_has_role(arg, &[Role::GrpcClientInstrumentation])
                .then_some(arg),
            Transport::Connection => self.instrumented_dial_of(arg),
            Transport::HttpClient => self.instrumented_client_of(arg),
        };
        if let Some(site) = instrumented_at {
            let exporter = qualified
                .rsplit('/')
                .next()
                .unwrap_or(qualified)
                .to_string();
            let instrumentation = self.loc(site);
            self.push(
                call,
                FactKind::ExporterInstrumented {
                    exporter,
                    instrumentation,
                },
            );
        }
    }

    /// The instrumented dial a connection expression comes from, if the file shows one: a dial
    /// stored under its name, or a call of a helper of the file that dials an instrumented
    /// connection into `&<name>`.
    fn instrumented_dial_of(&self, conn: Node<'a>) -> Option<Node<'a>> {
        let key = last_name(&self.text(conn))?;
        let root = crate::lang::tree::root_of(conn)?;
        for call in descendants(root).filter(|n| n.kind() == "call_expression") {
            if self.call_role(call) == Some(Role::GrpcDial) {
                if self.binding_name(call).as_deref() == Some(key.as_str())
                    && self.dial_instrumented(call)
                {
                    return Some(call);
                }
                continue;
            }
            let into_key = call_args(call).iter().any(|a| {
                a.kind() == "unary_expression"
                    && a.field("operand")
                        .and_then(|o| last_name(&self.text(o)))
                        .as_deref()
                        == Some(key.as_str())
            });
            if !into_key {
                continue;
            }
            let helper = self.callee_name(call).and_then(|name| {
                let mut cursor = root.walk();
                let found = root
                    .named_children(&mut cursor)
                    .find(|f| f.kind() == "function_declaration" && self.name_of(*f) == name);
                found
            });
            let dial = helper.and_then(|h| {
                descendants(h).find(|n| {
                    n.kind() == "call_expression"
                        && self.call_role(*n) == Some(Role::GrpcDial)
                        && self.dial_instrumented(*n)
                })
            });
            if dial.is_some() {
                return dial;
            }
        }
        None
    }

    /// Whether a dial's own options instrument the connection (options built elsewhere in the
    /// function may be for another connection: not counted).
    fn dial_instrumented(&self, dial: Node<'a>) -> bool {
        self.subtree_has_role(dial, &[Role::GrpcClientInstrumentation])
    }

    /// The instrumented transport of an HTTP client expression: written in place
    /// (`&http.Client{Transport: otelhttp.NewTransport(...)}`) or bound once to such a literal.
    fn instrumented_client_of(&self, client: Node<'a>) -> Option<Node<'a>> {
        let mut value = client;
        for _ in 0..3 {
            match value.kind() {
                "unary_expression" | "parenthesized_expression" => {
                    value = value.field("operand").or_else(|| value.named_child(0))?;
                }
                "identifier" => value = self.local_binding(value)?,
                _ => break,
            }
        }
        (value.kind() == "composite_literal"
            && self.client_transport(value) == Injection::Instrumented)
            .then_some(value)
    }
}
