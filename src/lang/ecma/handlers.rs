//! Signal handlers that throw before they shut tracing down: `process.on('SIGTERM', () => {
//! server.close(() => sdk.shutdown()) })` where nothing in the module declares `server`.
//! Calling a method on an undeclared name throws a `ReferenceError`, so the handler stops
//! there and the SDK's buffered spans are never flushed.

use super::resolve::{callee, descendants, is_function};
use super::FileCtx;
use crate::facts::FactKind;
use crate::lang::core::SourceFile;
use crate::lang::fields::NodeFields;
use std::collections::HashSet;
use tree_sitter::Node;

impl FileCtx<'_> {
    /// In a signal handler, the first call on an undeclared name that runs before a shutdown,
    /// or the shutdown itself on an undeclared name (`sdk.shutdown()` with no `sdk`): recorded
    /// as [`FactKind::ShutdownUnreachable`] at that call's callee.
    pub(super) fn handler_throws_before_shutdown(&mut self, handler: Node<'_>) {
        if !is_function(handler) {
            return;
        }
        let shutdown = &self.knowledge.methods.shutdown;
        let Some(shutdown_call) = descendants(handler).find(|n| {
            n.kind() == "call_expression"
                && self
                    .method_call(*n)
                    .is_some_and(|(_, m)| shutdown.contains(&m))
        }) else {
            return;
        };
        let mut root = handler;
        while let Some(p) = root.parent() {
            root = p;
        }
        let declared = declared_names(root, self);
        let globals = &self.knowledge.methods.runtime_globals;
        let undeclared =
            |name: &str| !declared.contains(name) && !globals.iter().any(|g| g == name);
        let blocker = descendants(handler)
            .filter(|n| n.kind() == "call_expression")
            .filter(|n| n.id() == shutdown_call.id() || runs_before(*n, shutdown_call))
            .find_map(|call| {
                let (recv, _) = self.method_call(call)?;
                let base = base_identifier(recv)?;
                let name = self.text(base).into_owned();
                undeclared(&name).then_some((call, name))
            });
        let Some((call, name)) = blocker else {
            return;
        };
        let (Some(at), Some(shutdown_callee)) = (callee(call), callee(shutdown_call)) else {
            return;
        };
        let shutdown: String = self
            .text(shutdown_callee)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let kind = FactKind::ShutdownUnreachable {
            undeclared: name,
            shutdown,
            shutdown_loc: self.loc(shutdown_callee),
        };
        self.push(at, kind);
    }
}

/// Whether `call` runs before `shutdown` in the handler: it encloses it (the shutdown is in its
/// callback) or ends before it starts.
fn runs_before(call: Node<'_>, shutdown: Node<'_>) -> bool {
    let encloses =
        call.start_byte() <= shutdown.start_byte() && shutdown.end_byte() <= call.end_byte();
    encloses || call.end_byte() <= shutdown.start_byte()
}

/// The identifier a receiver chain starts from (`server` in `server.http.close`).
fn base_identifier(recv: Node<'_>) -> Option<Node<'_>> {
    let mut node = recv;
    loop {
        match node.kind() {
            "identifier" => return Some(node),
            "member_expression" => node = node.field("object")?,
            _ => return None,
        }
    }
}

/// Every name the module declares anywhere: variables (with destructuring), functions,
/// classes, parameters, imports, catch bindings, and names assigned to (a sloppy-mode global).
fn declared_names(root: Node<'_>, ctx: &FileCtx<'_>) -> HashSet<String> {
    let mut names = HashSet::new();
    for n in descendants(root) {
        let declared = match n.kind() {
            "shorthand_property_identifier_pattern" => Some(n),
            "identifier" => n.parent().and_then(|p| {
                let declares = match p.kind() {
                    "variable_declarator" => p.field("name") == Some(n),
                    "function_declaration"
                    | "class_declaration"
                    | "function_expression"
                    | "class"
                    | "generator_function_declaration"
                    | "method_definition" => p.field("name") == Some(n),
                    "assignment_expression"
                    | "augmented_assignment_expression"
                    | "for_in_statement" => p.field("left") == Some(n),
                    "formal_parameters" | "required_parameter" | "optional_parameter"
                    | "array_pattern" | "object_pattern" | "pair_pattern" | "rest_pattern"
                    | "assignment_pattern" | "import_clause" | "import_specifier"
                    | "namespace_import" | "catch_clause" | "arrow_function" => true,
                    _ => false,
                };
                declares.then_some(n)
            }),
            _ => None,
        };
        if let Some(name) = declared {
            names.insert(ctx.text(name).into_owned());
        }
    }
    names
}
