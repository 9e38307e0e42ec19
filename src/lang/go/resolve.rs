//! Go name resolution: import aliases to module paths, selectors to qualified names, and the
//! small tree navigation helpers the extractor shares.

use crate::knowledge::Role;
use crate::lang::core::SourceFile;
pub(super) use crate::lang::tree::descendants;
use std::collections::HashMap;
use tree_sitter::Node;

use super::FileCtx;
use crate::lang::fields::NodeFields;

/// Import aliases of one file: local name → import path.
#[derive(Debug, Default)]
pub(super) struct Imports {
    by_name: HashMap<String, String>,
}

impl Imports {
    /// Records an import; `alias` is the explicit name, if any.
    pub(super) fn add(&mut self, path: &str, alias: Option<&str>) {
        let name = match alias {
            Some("_") | Some(".") => return,
            Some(a) => a.to_string(),
            None => default_package_name(path).to_string(),
        };
        self.by_name.insert(name, path.to_string());
    }

    /// The import path a local package name stands for.
    pub(super) fn path(&self, name: &str) -> Option<&str> {
        self.by_name.get(name).map(String::as_str)
    }

    /// All import paths.
    pub(super) fn paths(&self) -> impl Iterator<Item = &str> {
        self.by_name.values().map(String::as_str)
    }
}

/// The package name Go gives an import without an alias: the last path element, skipping a
/// major-version suffix (`/v2`) or a semconv version (`/v1.26.0`), and dropping a `gopkg.in`
/// version (`yaml.v3`).
pub(super) fn default_package_name(path: &str) -> &str {
    let mut parts = path.rsplit('/');
    let last = parts.next().unwrap_or(path);
    let is_version = |s: &str| {
        s.len() > 1 && s.starts_with('v') && s[1..].chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    let name = if is_version(last) {
        parts.next().unwrap_or(last)
    } else {
        last
    };
    let name = match name.split_once(".v") {
        Some((base, v)) if v.chars().all(|c| c.is_ascii_digit()) => base,
        _ => name,
    };
    // A module at the root of its own domain names its package after the domain:
    // `resty.dev/v3` is package `resty` (package names have no dots).
    let name = name.split('.').next().unwrap_or(name);
    // `github.com/segmentio/kafka-go` is package `kafka`, `github.com/go-redis/redis` `redis`.
    let name = name
        .strip_suffix("-go")
        .or_else(|| name.strip_suffix(".go"))
        .unwrap_or(name);
    name.strip_prefix("go-").unwrap_or(name)
}

impl<'a> FileCtx<'a> {
    /// The qualified name (`import/path.Member`) of an identifier or selector that names a
    /// package member; `None` for locals and method values.
    pub(super) fn qualify(&self, node: Node<'a>) -> Option<String> {
        match node.kind() {
            "selector_expression" => {
                let operand = node.field("operand")?;
                let field = node.field("field")?;
                if operand.kind() == "identifier" {
                    let path = self.imports.path(&self.text(operand))?;
                    Some(format!("{path}.{}", self.text(field)))
                } else {
                    // `http.DefaultClient.Transport`: qualify the operand and extend it.
                    let base = self.qualify(operand)?;
                    Some(format!("{base}.{}", self.text(field)))
                }
            }
            "qualified_type" => {
                let package = node.field("package")?;
                let name = node.field("name")?;
                let path = self.imports.path(&self.text(package))?;
                Some(format!("{path}.{}", self.text(name)))
            }
            "pointer_type" => self.qualify(node.named_child(0)?),
            "generic_type" => self.qualify(node.field("type")?),
            "parenthesized_expression" => self.qualify(node.named_child(0)?),
            _ => None,
        }
    }

    /// The role of the function a call invokes.
    pub(super) fn call_role(&self, call: Node<'a>) -> Option<Role> {
        let function = call.field("function")?;
        self.knowledge.role(&self.qualify(function)?)
    }

    /// For a method call `x.M(...)` whose receiver is not a package: `(receiver, method)`.
    pub(super) fn method_call(&self, call: Node<'a>) -> Option<(Node<'a>, String)> {
        let function = call.field("function")?;
        if function.kind() != "selector_expression" {
            return None;
        }
        let operand = function.field("operand")?;
        if operand.kind() == "identifier" && self.imports.path(&self.text(operand)).is_some() {
            return None;
        }
        let field = function.field("field")?;
        Some((operand, self.text(field).into_owned()))
    }

    /// Whether any call in the subtree has one of these roles.
    pub(super) fn subtree_has_role(&self, node: Node<'a>, roles: &[Role]) -> bool {
        descendants(node).any(|n| {
            n.kind() == "call_expression" && self.call_role(n).is_some_and(|r| roles.contains(&r))
        })
    }

    /// The name a value is stored under where it is created: the variable, the struct field, or
    /// the assigned selector's last field.
    pub(super) fn binding_name(&self, value: Node<'a>) -> Option<String> {
        let mut node = value;
        // Look through `&T{}` and parentheses.
        while let Some(parent) = node.parent() {
            match parent.kind() {
                "unary_expression" | "parenthesized_expression" => node = parent,
                _ => break,
            }
        }
        let parent = node.parent()?;
        match parent.kind() {
            "literal_element" => {
                let keyed = parent.parent()?;
                if keyed.kind() != "keyed_element" {
                    return None;
                }
                let key = keyed.field("key")?;
                if key.id() == parent.id() {
                    return None;
                }
                Some(self.text(key).trim().to_string())
            }
            "expression_list" => {
                let holder = parent.parent()?;
                let index = named_index(parent, node)?;
                let left = match holder.kind() {
                    "short_var_declaration" | "assignment_statement" => {
                        let right = holder.field("right")?;
                        if right.id() != parent.id() {
                            return None;
                        }
                        holder.field("left")?.named_child(index as u32)?
                    }
                    "var_spec" => return holder.field("name").map(|n| self.text(n).into_owned()),
                    _ => return None,
                };
                last_name(&self.text(left))
            }
            _ => None,
        }
    }
}

/// The last identifier of an expression as written (`s.client` → `client`).
pub(super) fn last_name(text: &str) -> Option<String> {
    let name = text.rsplit('.').next()?.trim();
    (!name.is_empty() && name != "_" && name.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .then(|| name.to_string())
}

/// The index of `child` among `parent`'s named children.
pub(super) fn named_index(parent: Node<'_>, child: Node<'_>) -> Option<usize> {
    let mut cursor = parent.walk();
    let index = parent
        .named_children(&mut cursor)
        .position(|c| c.id() == child.id());
    index
}

/// The functions of a file (declarations, methods, literals) by byte range.
pub(super) type FunctionIndex<'t> = crate::lang::tree::RangeIndex<'t>;

/// Whether a node is a function declaration, method declaration or function literal.
pub(super) fn is_function(node: Node<'_>) -> bool {
    matches!(
        node.kind(),
        "function_declaration" | "method_declaration" | "func_literal"
    )
}

/// The arguments of a call, in order.
pub(super) fn call_args(call: Node<'_>) -> Vec<Node<'_>> {
    let Some(args) = call.field("arguments") else {
        return Vec::new();
    };
    let mut cursor = args.walk();
    args.named_children(&mut cursor)
        .filter(|n| n.kind() != "comment")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::default_package_name;

    #[test]
    fn package_names_skip_version_suffixes() {
        assert_eq!(default_package_name("go.opentelemetry.io/otel"), "otel");
        assert_eq!(default_package_name("github.com/labstack/echo/v4"), "echo");
        assert_eq!(
            default_package_name("go.opentelemetry.io/otel/semconv/v1.26.0"),
            "semconv"
        );
        assert_eq!(default_package_name("gopkg.in/yaml.v3"), "yaml");
        assert_eq!(default_package_name("resty.dev/v3"), "resty");
        assert_eq!(default_package_name("net/http"), "http");
        assert_eq!(default_package_name("context"), "context");
        assert_eq!(
            default_package_name("github.com/segmentio/kafka-go"),
            "kafka"
        );
        assert_eq!(
            default_package_name("github.com/go-redis/redis/v8"),
            "redis"
        );
    }
}
