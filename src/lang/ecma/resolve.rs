//! JavaScript/TypeScript name resolution: `import` and `require` bindings to module
//! specifiers, expressions to qualified names, and the tree helpers the extractor shares.

use crate::lang::core::SourceFile;
pub(super) use crate::lang::tree::descendants;
use std::collections::HashMap;
use tree_sitter::Node;

use crate::lang::tree::position_in;

use super::FileCtx;
use crate::lang::fields::NodeFields;

/// A module the file loads, in source order.
#[derive(Debug, Clone)]
pub(super) struct Load {
    /// The module specifier, `node:` prefix dropped.
    pub module: String,
    /// Byte offset of the import or require.
    pub start: usize,
    /// Its location.
    pub loc: crate::facts::Loc,
    /// Whether it runs when the module is loaded (not inside a function).
    pub top_level: bool,
    /// `import type`: erased at compile time, loads nothing.
    pub type_only: bool,
}

/// The import bindings of one file: local name → qualified name.
#[derive(Debug, Default)]
pub(super) struct Bindings {
    by_name: HashMap<String, String>,
}

impl Bindings {
    /// Binds `name` to `qualified`.
    pub(super) fn bind(&mut self, name: &str, qualified: String) {
        self.by_name.insert(name.to_string(), qualified);
    }

    /// The qualified name a local name stands for.
    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.by_name.get(name).map(String::as_str)
    }
}

/// A module specifier as the knowledge table spells it.
pub(super) fn normalize_module(spec: &str) -> String {
    spec.strip_prefix("node:").unwrap_or(spec).to_string()
}

impl<'a> FileCtx<'a> {
    /// The unquoted value of a string literal node (or a template without substitutions).
    pub(super) fn string_value(&self, node: Node<'_>) -> Option<String> {
        match node.kind() {
            "string" => Some(
                self.text(node)
                    .trim_matches(|c| c == '"' || c == '\'')
                    .to_string(),
            ),
            "template_string" if node.named_child_count() == 0 => {
                Some(self.text(node).trim_matches('`').to_string())
            }
            _ => None,
        }
    }

    /// Reads the bindings an `import` statement introduces.
    pub(super) fn bind_import(&mut self, stmt: Node<'_>, module: &str) -> bool {
        let text = self.text(stmt);
        let type_only = text.starts_with("import type ") || text.starts_with("import type{");
        if type_only {
            return true;
        }
        let mut cursor = stmt.walk();
        let clause = stmt
            .named_children(&mut cursor)
            .find(|c| c.kind() == "import_clause");
        let Some(clause) = clause else {
            return false;
        };
        let mut all_types = true;
        let mut any = false;
        let mut cursor = clause.walk();
        for part in clause.named_children(&mut cursor) {
            match part.kind() {
                "identifier" => {
                    any = true;
                    all_types = false;
                    let name = self.text(part).into_owned();
                    self.bindings.bind(&name, module.to_string());
                }
                "namespace_import" => {
                    any = true;
                    all_types = false;
                    if let Some(id) = part.named_child(0) {
                        let name = self.text(id).into_owned();
                        self.bindings.bind(&name, module.to_string());
                    }
                }
                "named_imports" => {
                    let mut c2 = part.walk();
                    for spec in part.named_children(&mut c2) {
                        if spec.kind() != "import_specifier" {
                            continue;
                        }
                        any = true;
                        if self.text(spec).starts_with("type ") {
                            continue;
                        }
                        all_types = false;
                        let Some(name) = spec.field("name") else {
                            continue;
                        };
                        let local = spec.field("alias").unwrap_or(name);
                        let member = self.text(name).into_owned();
                        let local = self.text(local).into_owned();
                        self.bindings.bind(&local, format!("{module}.{member}"));
                    }
                }
                _ => {}
            }
        }
        any && all_types
    }

    /// Reads the bindings of `const x = require('m')`, `const {a, b: c} = require('m')` and
    /// `const x = require('m').a`.
    pub(super) fn bind_require(&mut self, call: Node<'_>, module: &str) {
        let mut node = call;
        let mut qualified = module.to_string();
        while let Some(parent) = node.parent() {
            match parent.kind() {
                "member_expression"
                    if parent.field("object").is_some_and(|o| o.id() == node.id()) =>
                {
                    if let Some(p) = parent.field("property") {
                        qualified = format!("{qualified}.{}", self.text(p));
                    }
                    node = parent;
                }
                "parenthesized_expression" | "await_expression" => node = parent,
                _ => break,
            }
        }
        let Some(decl) = node.parent().filter(|p| p.kind() == "variable_declarator") else {
            return;
        };
        let Some(name) = decl.field("name") else {
            return;
        };
        self.bind_pattern(name, &qualified);
    }

    /// Binds the names of a declaration pattern to members of `qualified`.
    pub(super) fn bind_pattern(&mut self, pattern: Node<'_>, qualified: &str) {
        match pattern.kind() {
            "identifier" => {
                let name = self.text(pattern).into_owned();
                self.bindings.bind(&name, qualified.to_string());
            }
            "object_pattern" => {
                let mut cursor = pattern.walk();
                for prop in pattern.named_children(&mut cursor) {
                    match prop.kind() {
                        "shorthand_property_identifier_pattern" => {
                            let name = self.text(prop).into_owned();
                            self.bindings.bind(&name, format!("{qualified}.{name}"));
                        }
                        "pair_pattern" => {
                            let (Some(k), Some(v)) = (prop.field("key"), prop.field("value"))
                            else {
                                continue;
                            };
                            let key = self.text(k).into_owned();
                            self.bind_pattern(v, &format!("{qualified}.{key}"));
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    /// The qualified name of an identifier or member chain: a module member
    /// (`@opentelemetry/api.trace.getTracer`) or a free name (`globalThis.fetch`). `None` for
    /// expressions rooted in a call, `this` or a literal.
    pub(super) fn qualify(&self, node: Node<'_>) -> Option<String> {
        match node.kind() {
            "identifier" => {
                let name = self.text(node);
                Some(match self.bindings.get(&name) {
                    Some(q) => q.to_string(),
                    None if self.locals.contains(name.as_ref()) => return None,
                    None => format!("globalThis.{name}"),
                })
            }
            "member_expression" => {
                let object = node.field("object")?;
                let property = node.field("property")?;
                let base = self.qualify(object)?;
                let base = base
                    .strip_prefix("globalThis.globalThis")
                    .map_or(base.clone(), |r| format!("globalThis{r}"));
                Some(format!("{base}.{}", self.text(property)))
            }
            "parenthesized_expression" | "non_null_expression" => {
                self.qualify(node.named_child(0)?)
            }
            _ => None,
        }
    }

    /// The role of the function a call or construction invokes.
    pub(super) fn role_of(&self, node: Node<'_>) -> Option<crate::knowledge::Role> {
        match self.resolved_callee(node) {
            Some(known) => self.knowledge.role(known.as_deref()?),
            None => self.knowledge.role(&self.qualify(callee(node)?)?),
        }
    }

    /// The qualified name of what a call or construction invokes.
    pub(super) fn qualified_callee(&self, node: Node<'_>) -> Option<String> {
        match self.resolved_callee(node) {
            Some(known) => known.clone(),
            None => self.qualify(callee(node)?),
        }
    }

    /// The callee resolved for `node` once the imports were bound, if it is one of the file's
    /// calls and the callees are resolved.
    fn resolved_callee(&self, node: Node<'_>) -> Option<&Option<String>> {
        position_in(&self.calls, node).and_then(|i| self.callees.get(i))
    }

    /// For a method call `x.m(...)`: `(x, m)`.
    pub(super) fn method_call<'t>(&self, call: Node<'t>) -> Option<(Node<'t>, String)> {
        let function = call.field("function")?;
        if function.kind() != "member_expression" {
            return None;
        }
        let object = function.field("object")?;
        let property = function.field("property")?;
        Some((object, self.text(property).into_owned()))
    }

    /// The name a value is stored under where it is created: the declared variable, or the
    /// assigned name or property (`this.sdk = ...` → `sdk`).
    pub(super) fn binding_name(&self, value: Node<'_>) -> Option<String> {
        let node = climb_wrappers(value);
        let parent = node.parent()?;
        match parent.kind() {
            "variable_declarator" => {
                let name = parent.field("name")?;
                (name.kind() == "identifier").then(|| self.text(name).into_owned())
            }
            "assignment_expression" => {
                let left = parent.field("left")?;
                match left.kind() {
                    "identifier" => Some(self.text(left).into_owned()),
                    "member_expression" => {
                        left.field("property").map(|p| self.text(p).into_owned())
                    }
                    _ => None,
                }
            }
            "public_field_definition" | "field_definition" => parent
                .field("name")
                .or_else(|| parent.field("property"))
                .map(|n| self.text(n).into_owned()),
            _ => None,
        }
    }

    /// The local name a receiver expression stands for: `x` for `x`, `sdk` for `this.sdk`.
    pub(super) fn receiver_name(&self, recv: Node<'_>) -> Option<String> {
        match recv.kind() {
            "identifier" => Some(self.text(recv).into_owned()),
            "member_expression" => {
                let object = recv.field("object")?;
                (object.kind() == "this")
                    .then(|| recv.field("property"))
                    .flatten()
                    .map(|p| self.text(p).into_owned())
            }
            _ => None,
        }
    }

    /// The value of property `key` in an object literal, if written there.
    pub(super) fn object_property<'t>(&self, object: Node<'t>, key: &str) -> Option<Node<'t>> {
        if object.kind() != "object" {
            return None;
        }
        let mut cursor = object.walk();
        let found = object
            .named_children(&mut cursor)
            .find_map(|p| match p.kind() {
                "pair" => {
                    let k = p.field("key")?;
                    let name = self
                        .string_value(k)
                        .unwrap_or_else(|| self.text(k).into_owned());
                    (name == key).then(|| p.field("value")).flatten()
                }
                "shorthand_property_identifier" => (self.text(p) == key).then_some(p),
                _ => None,
            });
        found
    }

    /// The parameter names of a function.
    pub(super) fn param_names(&self, function: Node<'_>) -> Vec<String> {
        self.typed_params(function)
            .into_iter()
            .map(|(name, _)| name)
            .collect()
    }

    /// The parameter names of a function with their TypeScript type annotations, in order
    /// (`""` for a destructured parameter).
    pub(super) fn typed_params(&self, function: Node<'_>) -> Vec<(String, Option<String>)> {
        let mut names = Vec::new();
        if let Some(p) = function.field("parameter") {
            names.push((self.text(p).into_owned(), None));
        }
        let Some(params) = function.field("parameters") else {
            return names;
        };
        let mut cursor = params.walk();
        for p in params.named_children(&mut cursor) {
            let id = match p.kind() {
                "identifier" => Some(p),
                "required_parameter" | "optional_parameter" => {
                    p.field("pattern").filter(|n| n.kind() == "identifier")
                }
                "assignment_pattern" => p.field("left").filter(|n| n.kind() == "identifier"),
                _ => None,
            };
            let ty = p
                .field("type")
                .map(|t| self.text(t).trim_start_matches(':').trim().to_string());
            names.push((
                id.map(|i| self.text(i).into_owned()).unwrap_or_default(),
                ty,
            ));
        }
        names
    }
}

/// The callee of a call or the constructor of a `new`.
pub(super) fn callee(node: Node<'_>) -> Option<Node<'_>> {
    match node.kind() {
        "call_expression" => node.field("function"),
        "new_expression" => node.field("constructor"),
        _ => None,
    }
}

/// Climbs out of `await`, parentheses and type assertions around a value.
pub(super) fn climb_wrappers(node: Node<'_>) -> Node<'_> {
    let mut node = node;
    while let Some(parent) = node.parent() {
        match parent.kind() {
            "await_expression"
            | "parenthesized_expression"
            | "as_expression"
            | "non_null_expression"
            | "satisfies_expression" => node = parent,
            _ => break,
        }
    }
    node
}

/// The arguments of a call or construction, in order.
pub(super) fn call_args(call: Node<'_>) -> Vec<Node<'_>> {
    let Some(args) = call.field("arguments") else {
        return Vec::new();
    };
    if args.kind() != "arguments" {
        return Vec::new();
    }
    let mut cursor = args.walk();
    args.named_children(&mut cursor)
        .filter(|n| n.kind() != "comment")
        .collect()
}

/// Whether a node is a function (declaration, expression, arrow or method).
pub(super) fn is_function(node: Node<'_>) -> bool {
    matches!(
        node.kind(),
        "function_declaration"
            | "function_expression"
            | "function"
            | "arrow_function"
            | "method_definition"
            | "generator_function_declaration"
            | "generator_function"
    )
}

/// The innermost function around a node.
pub(super) fn enclosing_function(node: Node<'_>) -> Option<Node<'_>> {
    let mut current = node.parent();
    while let Some(n) = current {
        if is_function(n) {
            return Some(n);
        }
        current = n.parent();
    }
    None
}
