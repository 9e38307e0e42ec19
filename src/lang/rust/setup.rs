//! Rust SDK setup: providers built with `SdkTracerProvider::builder()` and what becomes of
//! them, pipelines that install one, propagators, and manual propagation.

use crate::facts::{FactKind, ProviderHandling};
use crate::knowledge::Role;
use crate::lang::core::SourceFile;
use crate::lang::tree::descendants;
use tree_sitter::Node;

use super::resolve::{self, call_args, chain_top, method_call, unwrap_expr};
use super::FileCtx;
use crate::lang::fields::NodeFields;

impl FileCtx<'_> {
    /// `SdkTracerProvider::builder()...build()`: where it goes, and whether it buffers.
    pub(super) fn provider_created(&mut self, call: Node<'_>) {
        let (top, methods) = chain_top(call, self.src);
        let batch = &self.knowledge.methods.batch_export;
        let sync = &self.knowledge.methods.sync_export;
        let mut buffered = false;
        for (name, m) in &methods {
            if batch.contains(name) {
                buffered = true;
            } else if name == "with_span_processor" {
                let arg = call_args(*m)
                    .first()
                    .map(|a| self.text(*a))
                    .unwrap_or_default();
                // A processor tracewire cannot see may buffer.
                buffered |= !sync.iter().any(|s| arg.contains(s.as_str()));
            }
        }
        // `builder().build().tracer("x")`: the provider itself is never held.
        let building_tracer = methods.last().is_some_and(|(m, _)| {
            self.knowledge
                .methods
                .tracer_from_provider
                .iter()
                .any(|t| t == m)
        });
        let (var, handling) = if building_tracer {
            (None, ProviderHandling::Dropped)
        } else {
            self.provider_handling(top)
        };
        self.push(top, FactKind::provider_created(var, handling, buffered));
    }

    /// A provider built inside a macro (`lazy_static! { static ref PROVIDER = ... }`): the
    /// token tree is not parsed as calls, so it is read by its paths. Such a static lives as long
    /// as the program and is taken as handed on.
    pub(super) fn macro_facts(&mut self, mac: Node<'_>) {
        let Some(tree) = mac
            .named_children(&mut mac.walk())
            .find(|n| n.kind() == "token_tree")
        else {
            return;
        };
        let text = self.text(tree);
        let builds = resolve::path_words(&text)
            .iter()
            .any(|w| self.knowledge.role(&self.qualify(w)) == Some(Role::ProviderNew));
        if builds {
            let buffered = !self
                .knowledge
                .methods
                .sync_export
                .iter()
                .any(|s| text.contains(s.as_str()));
            self.push(
                mac,
                FactKind::provider_created(None, ProviderHandling::Escapes, buffered),
            );
        }
    }

    /// What happens to a provider value: bound and followed, returned, stored, or passed on.
    fn provider_handling(&self, value: Node<'_>) -> (Option<String>, ProviderHandling) {
        let Some(parent) = value.parent() else {
            return (None, ProviderHandling::Escapes);
        };
        match parent.kind() {
            "let_declaration" => {
                let Some(pattern) = parent.field("pattern") else {
                    return (None, ProviderHandling::Escapes);
                };
                let name = self.text(pattern).trim_start_matches("mut ").to_string();
                if !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    // A tuple or struct pattern: cannot follow.
                    return (None, ProviderHandling::Escapes);
                }
                let scope = parent.parent().unwrap_or(parent);
                let handling = self.var_handling(&name, scope, parent.end_byte());
                (Some(name), handling)
            }
            "arguments" => {
                let call = parent.parent();
                let registers = call
                    .and_then(|c| self.callee(c))
                    .is_some_and(|q| self.knowledge.role(&q) == Some(Role::ProviderRegister));
                if registers {
                    (None, ProviderHandling::Dropped)
                } else {
                    (None, ProviderHandling::Escapes)
                }
            }
            _ => (None, ProviderHandling::Escapes),
        }
    }

    /// How the provider bound to `name` is used after `from` within `scope`.
    fn var_handling(&self, name: &str, scope: Node<'_>, from: usize) -> ProviderHandling {
        let shutdown = &self.knowledge.methods.shutdown;
        let mut escapes = false;
        for node in descendants(scope) {
            if node.start_byte() < from || node.kind() != "identifier" || self.text(node) != name {
                continue;
            }
            // `provider.clone()` stands for the provider.
            let mut use_site = node;
            if let Some(field) = node.parent().filter(|p| p.kind() == "field_expression") {
                let method = field
                    .field("field")
                    .map(|f| self.text(f))
                    .unwrap_or_default();
                let called = field.parent().filter(|c| c.kind() == "call_expression");
                if shutdown.contains(&method) {
                    return ProviderHandling::ShutdownLocal;
                }
                match (method.as_str(), called) {
                    ("clone", Some(c)) => use_site = c,
                    (_, Some(_)) => continue,
                    _ => continue,
                }
            }
            let site = unwrap_expr_parent(use_site);
            match site.map(|p| p.kind()) {
                Some("arguments") => {
                    let call = site.and_then(|a| a.parent());
                    let callee = call.and_then(|c| self.callee(c));
                    let registers = callee
                        .as_deref()
                        .is_some_and(|q| self.knowledge.role(q) == Some(Role::ProviderRegister));
                    if callee
                        .as_deref()
                        .is_some_and(|q| q == "drop" || q.ends_with("::drop"))
                    {
                        return ProviderHandling::ShutdownLocal;
                    }
                    if !registers {
                        escapes = true;
                    }
                }
                Some(
                    "return_expression"
                    | "field_initializer"
                    | "shorthand_field_initializer"
                    | "struct_expression"
                    | "field_initializer_list"
                    | "tuple_expression"
                    | "assignment_expression"
                    | "array_expression"
                    | "token_tree"
                    | "closure_expression",
                ) => escapes = true,
                // The block's value: returned from the function or stored by the caller.
                Some("block") if use_site.next_sibling().is_some_and(|s| s.kind() == "}") => {
                    escapes = true;
                }
                _ => {}
            }
        }
        if escapes {
            ProviderHandling::Escapes
        } else {
            ProviderHandling::Dropped
        }
    }

    /// The old `global::shutdown_tracer_provider()` in this file shuts down the providers it
    /// registered.
    pub(super) fn providers_shut_down_globally(&mut self) {
        for fact in &mut self.facts {
            if let FactKind::ProviderCreated { handling, .. } = &mut fact.kind {
                if *handling == ProviderHandling::Dropped {
                    *handling = ProviderHandling::ShutdownLocal;
                }
            }
        }
    }

    /// Whether a receiver is a tracer provider value (`provider.tracer("x")`).
    pub(super) fn is_provider_value(&self, recv: Node<'_>) -> bool {
        let recv = unwrap_expr(recv);
        if recv.kind() == "call_expression" {
            return self.subtree_has_role(recv, &[Role::ProviderNew])
                || method_call(recv, self.src).is_some_and(|(_, m)| m == "clone")
                    && self.text(recv).to_lowercase().contains("provider");
        }
        self.text(recv).to_lowercase().contains("provider")
    }

    /// A pipeline that builds and installs a provider (`opentelemetry_otlp::new_pipeline()`,
    /// `init_subscribers()`); some set the propagator too.
    pub(super) fn sdk_from_config(&mut self, call: Node<'_>, qualified: &str) {
        self.push(call, FactKind::SdkFromConfig);
        // `new_pipeline()...install_batch(runtime)` (opentelemetry 0.26 and older) installs a
        // batching provider globally and hands back only a tracer: nothing but
        // `global::shutdown_tracer_provider()` flushes it.
        let (_, chain) = super::resolve::chain_top(call, self.src);
        let installs = &self.knowledge.methods.pipeline_install_batch;
        if let Some((_, install)) = chain.iter().find(|(m, _)| installs.contains(m)) {
            let dropped = ProviderHandling::Dropped;
            let install = *install;
            self.push_at_method(install, FactKind::provider_created(None, dropped, true));
            self.push_at_method(install, FactKind::ProviderRegistered);
        }
        if let Some(format) = self.knowledge.propagator_format(qualified) {
            let formats = vec![format.to_string()];
            self.push(call, FactKind::PropagatorSet { formats });
        }
    }

    /// `global::set_text_map_propagator(...)`: the formats named in its argument (composites and
    /// `vec![...]` token trees included).
    pub(super) fn propagator_set(&mut self, call: Node<'_>) {
        let mut formats = Vec::new();
        if let Some(arg) = call_args(call).first() {
            for word in self.expanded_words(*arg, call) {
                let q = self.qualify(&word);
                let mut path = q.as_str();
                loop {
                    if let Some(f) = self.knowledge.propagator_format(path) {
                        formats.push(f.to_string());
                        break;
                    }
                    match path.rsplit_once("::") {
                        Some((head, _)) => path = head,
                        None => break,
                    }
                }
            }
        }
        formats.sort();
        formats.dedup();
        self.push(call, FactKind::PropagatorSet { formats });
    }

    /// The path words of an expression, with local variables (`let composite = ...;` in the same
    /// function) replaced by the words of their values, a few levels deep.
    pub(super) fn expanded_words(&self, expr: Node<'_>, at: Node<'_>) -> Vec<String> {
        let lets: Vec<(String, Node<'_>)> = self
            .enclosing_fn(at)
            .map(|f| {
                descendants(f)
                    .filter(|n| n.kind() == "let_declaration" && n.end_byte() <= at.start_byte())
                    .filter_map(|n| {
                        let name = self.text(n.field("pattern")?);
                        Some((
                            name.trim_start_matches("mut ").to_string(),
                            n.field("value")?,
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut words = resolve::path_words(&self.text(expr));
        for _ in 0..3 {
            let mut next = Vec::new();
            for w in &words {
                match lets.iter().rev().find(|(n, _)| n == w) {
                    Some((_, value)) => next.extend(resolve::path_words(&self.text(*value))),
                    None => next.push(w.clone()),
                }
            }
            words = next;
        }
        words
    }

    /// `global::get_text_map_propagator(|p| p.extract(..))` (or `inject`/`inject_context`): manual
    /// propagation.
    pub(super) fn manual_propagation(&mut self, call: Node<'_>) {
        let methods = &self.knowledge.methods;
        let mut extract = false;
        let mut inject = false;
        for n in descendants(call).filter(|n| n.kind() == "call_expression") {
            if let Some((_, m)) = method_call(n, self.src) {
                extract |= methods.extract_helpers.contains(&m);
                inject |= methods.inject_helpers.contains(&m);
            }
        }
        if extract {
            self.push(call, FactKind::ManualExtract);
        }
        if inject {
            self.push(call, FactKind::ManualInject);
        }
    }
}

/// The parent of an expression once `&`, `.await`, `?` and parentheses around it are stepped
/// over.
fn unwrap_expr_parent(node: Node<'_>) -> Option<Node<'_>> {
    let mut n = node;
    while let Some(p) = n.parent() {
        if matches!(
            p.kind(),
            "reference_expression"
                | "parenthesized_expression"
                | "try_expression"
                | "await_expression"
        ) {
            n = p;
        } else {
            return Some(p);
        }
    }
    None
}
