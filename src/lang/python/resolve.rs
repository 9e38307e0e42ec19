//! Python name resolution: imports to qualified names, variables to the class or function that
//! built them, and the small tree helpers the extractor shares.

use crate::lang::core::SourceFile;
use crate::lang::query;
pub(super) use crate::lang::tree::descendants;
use crate::lang::tree::position_in;
use std::collections::HashMap;
use tree_sitter::Node;

use super::FileCtx;
use crate::lang::fields::NodeFields;

/// One name an import statement binds.
#[derive(Clone, Debug)]
pub(super) struct ImportSite {
    /// The local name.
    pub name: String,
    /// What it stands for (`flask.Flask`; relative imports start with `.`).
    pub qualified: String,
    /// Where the statement starts.
    pub start: usize,
    /// The statement's location.
    pub loc: crate::facts::Loc,
    /// Whether the statement is at module level.
    pub top_level: bool,
}

/// A variable bound to the result of a call: `app = Flask(__name__)`.
#[derive(Clone, Debug)]
pub(super) struct Value {
    /// The qualified callee that built it (`flask.Flask`), standing for its type.
    pub ty: String,
    /// Whether the construction itself is instrumented (`httpx.Client(transport=...)`).
    pub instrumented: bool,
}

/// Variables by (scope, name): the scope is the enclosing function's node id, `0` at module
/// level. Attributes (`self.client`) are kept at module level: any method may read them.
#[derive(Debug, Default)]
pub(super) struct Values {
    by_scope: HashMap<usize, HashMap<String, Value>>,
}

impl Values {
    /// Records a binding (a later binding of the same name in the same scope replaces it).
    pub(super) fn bind(&mut self, scope: usize, name: &str, value: Value) {
        self.by_scope
            .entry(scope)
            .or_default()
            .insert(name.to_string(), value);
    }

    /// The value bound to `name` in a scope.
    fn get(&self, scope: usize, name: &str) -> Option<&Value> {
        self.by_scope.get(&scope)?.get(name)
    }
}

impl<'a> FileCtx<'a> {
    /// Records the names an `import` or `from ... import` statement binds.
    pub(super) fn bind_import(&mut self, stmt: Node<'_>) {
        let top_level = stmt.parent().is_some_and(|p| p.kind() == "module");
        let loc = self.loc(stmt);
        let add = |ctx: &mut FileCtx<'a>, name: String, qualified: String| {
            ctx.imports.insert(name.clone(), qualified.clone());
            ctx.import_sites.push(ImportSite {
                name,
                qualified,
                start: stmt.start_byte(),
                loc,
                top_level,
            });
        };
        let names = stmt.fields("name");
        match stmt.kind() {
            "import_statement" => {
                for n in names {
                    if n.kind() == "aliased_import" {
                        let (Some(path), Some(alias)) = (n.field("name"), n.field("alias")) else {
                            continue;
                        };
                        let (alias, path) = (self.text(alias).into_owned(), dotted(self, path));
                        add(self, alias, path);
                    } else {
                        let path = dotted(self, n);
                        let first = path.split('.').next().unwrap_or(&path).to_string();
                        add(self, first.clone(), first);
                    }
                }
            }
            "import_from_statement" => {
                let Some(module) = stmt.field("module_name") else {
                    return;
                };
                let module = if module.kind() == "relative_import" {
                    self.text(module).split_whitespace().collect::<String>()
                } else {
                    dotted(self, module)
                };
                let join = |m: &str, n: &str| {
                    if m.ends_with('.') {
                        format!("{m}{n}")
                    } else {
                        format!("{m}.{n}")
                    }
                };
                for n in names {
                    if n.kind() == "aliased_import" {
                        let (Some(name), Some(alias)) = (n.field("name"), n.field("alias")) else {
                            continue;
                        };
                        let q = join(&module, &dotted(self, name));
                        let alias = self.text(alias).into_owned();
                        add(self, alias, q);
                    } else {
                        let name = dotted(self, n);
                        let q = join(&module, &name);
                        add(self, name, q);
                    }
                }
            }
            _ => {}
        }
    }

    /// The scope key of the code at `node`: its enclosing function's id, `0` at module level.
    pub(super) fn scope_of(&self, node: Node<'_>) -> usize {
        self.enclosing_function(node).map_or(0, |f| f.id())
    }

    /// The variable `name` as seen from `at`: its own function first, then the functions
    /// around it, then module level.
    pub(super) fn value(&self, name: &str, at: Node<'_>) -> Option<&Value> {
        let mut function = self.enclosing_function(at);
        while let Some(f) = function {
            if let Some(v) = self.values.get(f.id(), name) {
                return Some(v);
            }
            function = self.enclosing_function(f);
        }
        self.values.get(0, name)
    }

    /// What an expression stands for: a qualified module member (`requests.get`), the class or
    /// function that built a variable (`flask.Flask` for `app`), a method on either
    /// (`flask.Flask.route`). `None` for anything local it cannot name.
    pub(super) fn resolve(&self, expr: Node<'_>) -> Option<String> {
        match expr.kind() {
            "identifier" => {
                let name = self.text(expr);
                if let Some(v) = self.value(&name, expr) {
                    return Some(v.ty.clone());
                }
                if self.shadowed(&name, expr) {
                    return None;
                }
                self.imports.get(name.as_ref()).cloned()
            }
            "attribute" => {
                let text = self.text(expr);
                if let Some(v) = self.value(&text, expr) {
                    return Some(v.ty.clone());
                }
                let object = expr.field("object")?;
                let attr = expr.field("attribute")?;
                let base = self.resolve(object)?;
                Some(format!("{base}.{}", self.text(attr)))
            }
            "call" => self.resolve(expr.field("function")?),
            "await" | "parenthesized_expression" => self.resolve(expr.named_child(0)?),
            _ => None,
        }
    }

    /// Whether a bare name at `at` is a variable whose value tracewire cannot name (a
    /// parameter or local that shadows an import would mislead).
    fn shadowed(&self, name: &str, at: Node<'_>) -> bool {
        self.enclosing_function(at).is_some_and(|f| {
            self.parameters
                .get(&f.id())
                .is_some_and(|names| names.iter().any(|n| n == name))
        })
    }

    /// The qualified callee of a call, unless the call invokes a variable's value (`app(...)`
    /// calls an app, it does not build one).
    pub(super) fn callee(&self, call: Node<'_>) -> Option<String> {
        match position_in(&self.calls, call).and_then(|i| self.callees.get(i)) {
            Some(known) => known.clone(),
            None => self.resolve_callee(call),
        }
    }

    /// [`callee`](Self::callee), worked out from the imports and values bound so far.
    pub(super) fn resolve_callee(&self, call: Node<'_>) -> Option<String> {
        let function = call.field("function")?;
        if function.kind() == "identifier" && self.value(&self.text(function), call).is_some() {
            return None;
        }
        self.resolve(function)
    }

    /// The role of a call's callee.
    pub(super) fn call_role(&self, call: Node<'_>) -> Option<crate::knowledge::Role> {
        self.knowledge.role(&self.callee(call)?)
    }

    /// The role of an expression that is not a call (`INVALID_SPAN`, `OpenTelemetryMiddleware`).
    pub(super) fn expr_role(&self, expr: Node<'_>) -> Option<crate::knowledge::Role> {
        self.knowledge.role(&self.resolve(expr)?)
    }

    /// For `x.m(...)`: the receiver node and the method name.
    pub(super) fn method_call<'t>(&self, call: Node<'t>) -> Option<(Node<'t>, String)> {
        let function = call.field("function")?;
        if function.kind() != "attribute" {
            return None;
        }
        let object = function.field("object")?;
        let attr = function.field("attribute")?;
        Some((object, self.text(attr).into_owned()))
    }

    /// The value of a plain string literal (no interpolation), unquoted.
    pub(super) fn string_value(&self, node: Node<'_>) -> Option<String> {
        if node.kind() != "string" {
            return None;
        }
        let mut out = String::new();
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            match child.kind() {
                "string_content" => out.push_str(&self.text(child)),
                "string_start" | "string_end" => {}
                _ => return None,
            }
        }
        Some(out)
    }

    /// Whether any call in the subtree has one of these roles (or names an expression that
    /// has, like a middleware class passed by name).
    pub(super) fn subtree_has_role(
        &self,
        node: Node<'_>,
        roles: &[crate::knowledge::Role],
    ) -> bool {
        descendants(node).any(|n| match n.kind() {
            "call" => self.call_role(n).is_some_and(|r| roles.contains(&r)),
            "identifier" | "attribute" => {
                let is_callee = n.parent().is_some_and(|p| {
                    p.kind() == "call" && p.field("function").is_some_and(|f| f.id() == n.id())
                });
                !is_callee && self.expr_role(n).is_some_and(|r| roles.contains(&r))
            }
            _ => false,
        })
    }

    /// The name a call's value is bound to: `x = call(...)`, `self.x = call(...)`,
    /// `with call(...) as x`.
    pub(super) fn binding_name(&self, value: Node<'_>) -> Option<String> {
        let mut node = value;
        while let Some(parent) = node.parent() {
            match parent.kind() {
                "await" | "parenthesized_expression" => node = parent,
                _ => break,
            }
        }
        let parent = node.parent()?;
        match parent.kind() {
            "assignment" => {
                let right = parent.field("right")?;
                if right.id() != node.id() {
                    return None;
                }
                let left = parent.field("left")?;
                matches!(left.kind(), "identifier" | "attribute")
                    .then(|| self.text(left).into_owned())
            }
            "as_pattern" => {
                let target = parent.field("alias")?.named_child(0)?;
                matches!(target.kind(), "identifier" | "attribute")
                    .then(|| self.text(target).into_owned())
            }
            _ => None,
        }
    }

    /// The statement a node belongs to: the ancestor that sits directly in a block or module.
    pub(super) fn statement_of<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        let mut current = node;
        loop {
            let parent = current.parent()?;
            if matches!(parent.kind(), "block" | "module") {
                return Some(current);
            }
            current = parent;
        }
    }
}

/// The dotted text of a name without whitespace.
fn dotted(ctx: &FileCtx<'_>, node: Node<'_>) -> String {
    ctx.text(node).split_whitespace().collect()
}

/// The parameter names of every function and lambda, by node id.
pub(super) fn parameters_of(callables: &[Node<'_>], src: &[u8]) -> HashMap<usize, Vec<String>> {
    callables
        .iter()
        .filter_map(|f| {
            let params = f.field("parameters")?;
            Some((f.id(), names_of_parameters(params, src)))
        })
        .collect()
}

/// The names declared by a parameter list, with their type annotations as written.
pub(super) fn typed_parameters(
    ctx: &FileCtx<'_>,
    params: Node<'_>,
) -> Vec<(String, Option<String>)> {
    let mut cursor = params.walk();
    params
        .named_children(&mut cursor)
        .filter_map(|p| {
            let (name, ty) = match p.kind() {
                "identifier" => (Some(p), None),
                "default_parameter" => (p.field("name"), None),
                "typed_default_parameter" => (p.field("name"), p.field("type")),
                "typed_parameter" => (
                    p.named_child(0).filter(|n| n.kind() == "identifier"),
                    p.field("type"),
                ),
                _ => (None, None),
            };
            Some((
                ctx.text(name?).into_owned(),
                ty.map(|t| ctx.text(t).into_owned()),
            ))
        })
        .collect()
}

/// The names declared by a parameter list.
fn names_of_parameters(params: Node<'_>, src: &[u8]) -> Vec<String> {
    let mut cursor = params.walk();
    params
        .named_children(&mut cursor)
        .filter_map(|p| {
            let name = match p.kind() {
                "identifier" => Some(p),
                "default_parameter" | "typed_default_parameter" => p.field("name"),
                "typed_parameter" => p.named_child(0).filter(|n| n.kind() == "identifier"),
                _ => None,
            }?;
            Some(query::text(name, src).into_owned())
        })
        .collect()
}

/// The nodes of a subtree that belong to its own code: nested functions, lambdas and classes
/// are skipped (they run later, or elsewhere).
pub(super) fn own_descendants(root: Node<'_>) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        let own = node.id() == root.id() || !is_scope(node);
        if own {
            out.push(node);
            if cursor.goto_first_child() {
                continue;
            }
        }
        loop {
            if cursor.node().id() == root.id() {
                return out;
            }
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return out;
            }
        }
    }
}

/// Whether a node opens a new scope whose code runs separately.
pub(super) fn is_scope(node: Node<'_>) -> bool {
    matches!(
        node.kind(),
        "function_definition" | "lambda" | "class_definition"
    )
}

impl<'a> FileCtx<'a> {
    /// The innermost function or lambda around `node` (not `node` itself). Found by byte range
    /// among the file's functions, not by climbing parents: each `parent()` is a descent from
    /// the root, which made deeply nested code cost the cube of its depth.
    pub(super) fn enclosing_function(&self, node: Node<'_>) -> Option<Node<'a>> {
        self.functions.enclosing(node)
    }
}

/// The positional arguments of a call, in order.
pub(super) fn call_args(call: Node<'_>) -> Vec<Node<'_>> {
    let Some(args) = call.field("arguments") else {
        return Vec::new();
    };
    let mut cursor = args.walk();
    args.named_children(&mut cursor)
        .filter(|n| {
            !matches!(
                n.kind(),
                "comment" | "keyword_argument" | "list_splat" | "dictionary_splat"
            )
        })
        .collect()
}

/// The value of a keyword argument of a call.
pub(super) fn kwarg<'t>(ctx: &FileCtx<'_>, call: Node<'t>, name: &str) -> Option<Node<'t>> {
    let args = call.field("arguments")?;
    let mut cursor = args.walk();
    let found = args.named_children(&mut cursor).find_map(|n| {
        (n.kind() == "keyword_argument" && n.field("name").is_some_and(|k| ctx.text(k) == name))
            .then(|| n.field("value"))
            .flatten()
    });
    found
}

/// Whether a call spreads `*args` or `**kwargs`: its options cannot be read.
pub(super) fn spreads(call: Node<'_>) -> bool {
    call.field("arguments").is_some_and(|args| {
        let mut cursor = args.walk();
        let found = args
            .named_children(&mut cursor)
            .any(|n| matches!(n.kind(), "list_splat" | "dictionary_splat"));
        found
    })
}

/// The last dotted segment of a name.
pub(super) fn last_segment(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}
