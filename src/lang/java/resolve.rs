//! Java name resolution: imports to qualified class names, and static calls and constructors to
//! their roles in the knowledge table.

use crate::knowledge::Role;
use crate::lang::core::SourceFile;
use std::collections::HashMap;
use tree_sitter::Node;

use super::FileCtx;
use crate::lang::fields::NodeFields;

/// The imports of one file.
#[derive(Debug, Default)]
pub(super) struct Imports {
    /// Simple class name → qualified name (`OpenTelemetrySdk` → `io.opentelemetry.sdk.OpenTelemetrySdk`).
    classes: HashMap<String, String>,
    /// Statically imported member → qualified member (`root` → `io.opentelemetry.context.Context.root`).
    statics: HashMap<String, String>,
    /// Packages imported with `.*`.
    wildcards: Vec<String>,
    /// Every imported name, as written.
    all: Vec<String>,
}

impl Imports {
    /// Records one `import` declaration's text (`import static a.b.C.m;`).
    pub(super) fn add(&mut self, declaration: &str) {
        let body = declaration
            .trim()
            .trim_start_matches("import")
            .trim()
            .trim_end_matches(';')
            .trim();
        let (is_static, path) = match body.strip_prefix("static") {
            Some(rest) if rest.starts_with(char::is_whitespace) => (true, rest.trim()),
            _ => (false, body),
        };
        let path: String = path.chars().filter(|c| !c.is_whitespace()).collect();
        self.all.push(path.clone());
        if let Some(package) = path.strip_suffix(".*") {
            if !is_static {
                self.wildcards.push(package.to_string());
            }
            return;
        }
        let Some((_, last)) = path.rsplit_once('.') else {
            return;
        };
        if is_static {
            self.statics.insert(last.to_string(), path.clone());
        } else {
            self.classes.insert(last.to_string(), path.clone());
        }
    }

    /// Every import as written (`io.opentelemetry.api.trace.Span`, `io.grpc.*`).
    pub(super) fn paths(&self) -> impl Iterator<Item = &str> {
        self.all.iter().map(String::as_str)
    }

    /// The qualified member a statically imported name stands for.
    pub(super) fn static_member(&self, name: &str) -> Option<&str> {
        self.statics.get(name).map(String::as_str)
    }

    /// The qualified names a type as written may stand for: the import, or each wildcard
    /// package, or the name itself when it is already qualified.
    pub(super) fn candidates(&self, written: &str, package: Option<&str>) -> Vec<String> {
        let written = strip_type_arguments(written);
        let (first, rest) = match written.split_once('.') {
            Some((f, r)) => (f, Some(r)),
            None => (written, None),
        };
        if first.starts_with(|c: char| c.is_ascii_lowercase()) {
            return vec![written.to_string()];
        }
        let join = |base: &str| match rest {
            Some(r) => format!("{base}.{r}"),
            None => base.to_string(),
        };
        if let Some(q) = self.classes.get(first) {
            return vec![join(q)];
        }
        let mut out: Vec<String> = self
            .wildcards
            .iter()
            .map(|w| join(&format!("{w}.{first}")))
            .collect();
        if let Some(p) = package {
            out.push(join(&format!("{p}.{first}")));
        }
        out
    }
}

/// `KafkaProducer<String, String>` → `KafkaProducer`; `a.b.C` stays.
pub(super) fn strip_type_arguments(written: &str) -> &str {
    written.split('<').next().unwrap_or(written).trim()
}

/// Whether an expression as written names a type (`OpenTelemetrySdk`, `io.grpc.ServerBuilder`,
/// `OkHttpClient.Builder`) rather than a value.
pub(super) fn looks_like_type(written: &str) -> bool {
    let last = written.rsplit('.').next().unwrap_or(written);
    last.starts_with(|c: char| c.is_ascii_uppercase())
        && last.chars().any(|c| c.is_ascii_lowercase())
        && written
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

impl<'a> FileCtx<'a> {
    /// The role and qualified name of a static call `Type.member(...)` (or a statically
    /// imported `member(...)`).
    pub(super) fn static_role(&self, call: Node<'a>) -> Option<(Role, String)> {
        let name = self.text(call.field("name")?);
        let candidates = match call.field("object") {
            Some(object) => {
                if !matches!(
                    object.kind(),
                    "identifier" | "field_access" | "scoped_identifier"
                ) {
                    return None;
                }
                let written = self.text(object);
                if !looks_like_type(&written) {
                    return None;
                }
                self.imports
                    .candidates(&written, self.package.as_deref())
                    .into_iter()
                    .map(|c| format!("{c}.{name}"))
                    .collect()
            }
            None => vec![self.imports.static_member(&name)?.to_string()],
        };
        candidates
            .into_iter()
            .find_map(|q| self.knowledge.role(&q).map(|r| (r, q)))
    }

    /// The role and qualified name of a constructor call `new Type(...)`.
    pub(super) fn constructor_role(&self, new: Node<'a>) -> Option<(Role, String)> {
        let ty = new.field("type")?;
        let written = self.text(ty);
        self.imports
            .candidates(&written, self.package.as_deref())
            .into_iter()
            .find_map(|q| {
                self.knowledge
                    .role(&format!("new {q}"))
                    .map(|r| (r, format!("new {q}")))
            })
    }

    /// The role of a call, static or constructor.
    pub(super) fn role_of(&self, node: Node<'a>) -> Option<Role> {
        match node.kind() {
            "method_invocation" => self
                .static_role(node)
                .map(|(r, _)| r)
                .or_else(|| self.instrumentation_role(node)),
            "object_creation_expression" => self.constructor_role(node).map(|(r, _)| r),
            _ => None,
        }
    }

    /// The role of an instrumentation factory method (`newServerInterceptor`) in a file that
    /// imports OpenTelemetry instrumentation.
    pub(super) fn instrumentation_role(&self, call: Node<'a>) -> Option<Role> {
        if !self.instrumentation_imported {
            return None;
        }
        let name = self.text(call.field("name")?);
        self.knowledge.method_role(&name)
    }

    /// The propagation format a static call (`W3CTraceContextPropagator.getInstance()`) builds.
    pub(super) fn propagator_format(&self, call: Node<'a>) -> Option<String> {
        let object = call.field("object")?;
        let name = self.text(call.field("name")?);
        let written = self.text(object);
        if !looks_like_type(&written) {
            return None;
        }
        self.imports
            .candidates(&written, self.package.as_deref())
            .into_iter()
            .find_map(|c| {
                self.knowledge
                    .propagator_format(&format!("{c}.{name}"))
                    .map(str::to_string)
            })
    }

    /// Whether a type as written resolves to one of the request types of the knowledge table.
    pub(super) fn is_request_type(&self, written: &str) -> bool {
        self.imports
            .candidates(written, self.package.as_deref())
            .iter()
            .any(|q| self.knowledge.request_context(q).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_resolve_classes_wildcards_and_statics() {
        let mut imports = Imports::default();
        imports.add("import io.opentelemetry.sdk.OpenTelemetrySdk;");
        imports.add("import io.grpc.*;");
        imports.add("import static io.opentelemetry.context.Context.root;");
        assert_eq!(
            imports.candidates("OpenTelemetrySdk", None),
            vec!["io.opentelemetry.sdk.OpenTelemetrySdk"]
        );
        assert_eq!(
            imports.candidates("ServerBuilder", Some("app")),
            vec!["io.grpc.ServerBuilder", "app.ServerBuilder"]
        );
        assert_eq!(
            imports.candidates("java.net.http.HttpClient", None),
            vec!["java.net.http.HttpClient"]
        );
        assert_eq!(
            imports.static_member("root"),
            Some("io.opentelemetry.context.Context.root")
        );
    }

    #[test]
    fn types_and_values_are_told_apart() {
        assert!(looks_like_type("OpenTelemetrySdk"));
        assert!(looks_like_type("io.grpc.ServerBuilder"));
        assert!(looks_like_type("OkHttpClient.Builder"));
        assert!(!looks_like_type("client"));
        assert!(!looks_like_type("TRACER"));
        assert!(!looks_like_type("this.client"));
    }
}
