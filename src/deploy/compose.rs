//! Compose files: per service, the build context it starts from, its `command`/`entrypoint`
//! and its `environment`.

use super::command::{scan_command, scan_env, split_words};
use super::Target;
use crate::facts::{Fact, FactKind};
use yaml_rust2::{Yaml, YamlLoader};

/// Facts per compose service, keyed by the directory its build context names (relative to the
/// root) or, for image-only services, by the service's name. `dir` is the compose file's
/// directory.
pub fn facts(text: &str, dir: &str) -> Vec<(Target, Vec<Fact>)> {
    let Ok(docs) = YamlLoader::load_from_str(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for doc in &docs {
        let Some(services) = doc["services"].as_hash() else {
            continue;
        };
        for (name, service) in services {
            let Some(name) = name.as_str() else {
                continue;
            };
            let mut facts = Vec::new();
            for key in ["entrypoint", "command"] {
                let words = match &service[key] {
                    Yaml::String(s) => split_words(s),
                    Yaml::Array(items) => items
                        .iter()
                        .filter_map(|i| i.as_str().map(str::to_string))
                        .collect(),
                    _ => continue,
                };
                let needle = words.first().cloned().unwrap_or_default();
                facts.extend(scan_command(&words, text, &needle));
            }
            for (k, v) in environment(&service["environment"]) {
                facts.extend(scan_env(&k, &v, text));
            }
            let target = match build_context(&service["build"]) {
                Some(context) => {
                    facts.push(Fact {
                        loc: super::line_of(text, &format!("{name}:")),
                        kind: FactKind::DeployedAs {
                            name: name.to_string(),
                        },
                    });
                    Target::Dir(join(dir, &context))
                }
                None => Target::Name(name.to_string()),
            };
            out.push((target, facts));
        }
    }
    out
}

/// `environment:` as a map or a list of `K=V`.
pub(super) fn environment(env: &Yaml) -> Vec<(String, String)> {
    match env {
        Yaml::Hash(map) => map
            .iter()
            .filter_map(|(k, v)| Some((k.as_str()?.to_string(), scalar(v))))
            .collect(),
        Yaml::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str())
            .filter_map(|i| i.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        _ => Vec::new(),
    }
}

/// A scalar as text.
pub(super) fn scalar(v: &Yaml) -> String {
    match v {
        Yaml::String(s) | Yaml::Real(s) => s.clone(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        _ => String::new(),
    }
}

/// `build: ./dir` or `build: { context: ./dir }`.
fn build_context(build: &Yaml) -> Option<String> {
    match build {
        Yaml::String(s) => Some(s.clone()),
        Yaml::Hash(_) => build["context"].as_str().map(str::to_string),
        _ => None,
    }
}

/// Joins a relative path onto a directory, resolving `.` and `..`.
pub(super) fn join(dir: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactKind;

    #[test]
    fn services_map_to_their_build_context() {
        let text = "services:\n  api:\n    build: ./api\n    command: opentelemetry-instrument python app.py\n    environment:\n      OTEL_PROPAGATORS: b3\n  web:\n    build:\n      context: ../web\n    environment:\n      - NODE_OPTIONS=--require ./tracing.js\n  redis:\n    image: redis\n";
        let got = facts(text, "deploy");
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].0, Target::Dir("deploy/api".into()));
        assert!(matches!(
            got[0].1[0].kind,
            FactKind::AutoInstrumentation { .. }
        ));
        assert_eq!(got[0].1[0].loc.line, 4);
        assert!(
            matches!(&got[0].1[1].kind, FactKind::EnvSetting { name, value } if name == "OTEL_PROPAGATORS" && value == "b3")
        );
        assert_eq!(got[1].0, Target::Dir("web".into()));
        assert_eq!(got[2].0, Target::Name("redis".into()));
        assert!(got[2].1.is_empty());
    }
}
