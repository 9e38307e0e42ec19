//! Application configuration files (`application.properties`, `application.yml`): the keys a
//! Spring Boot or Quarkus service reads with `@Value("${key}")`, `@ConfigProperty`, or its
//! listener annotations, as [`FactKind::ConfigSetting`] facts. Only the default profile is
//! read: a profile's file (`application-prod.yml`), a YAML document activated by a profile and
//! a Quarkus `%prod.` key apply only when that profile runs.

use super::line_of;
use crate::facts::{Fact, FactKind};
use yaml_rust2::Yaml;

/// The most keys one file contributes.
const MAX_KEYS: usize = 2000;

/// Whether a file name is a default-profile application configuration file.
pub fn is_app_config(lower_name: &str) -> bool {
    matches!(
        lower_name,
        "application.properties" | "application.yml" | "application.yaml"
    )
}

/// Facts from an application configuration file at `rel`; none for test resources.
pub fn facts(rel: &str, text: &str) -> Vec<Fact> {
    if rel.split('/').any(|part| part == "test" || part == "tests") {
        return Vec::new();
    }
    let pairs = if rel.ends_with(".properties") {
        properties(text)
    } else {
        yaml(text)
    };
    let mut out = Vec::new();
    for (key, value) in pairs
        .into_iter()
        .filter(|(key, _)| !key.starts_with('%'))
        .take(MAX_KEYS)
    {
        let loc = line_of(text, key.rsplit('.').next().unwrap_or(&key));
        // Service discovery (Eureka, Consul, Spring Cloud LoadBalancer's `lb://`) registers
        // the application under its name, and other services address it by that name.
        if key == "spring.application.name" && !value.is_empty() && !value.contains("${") {
            out.push(Fact {
                loc,
                kind: FactKind::DeployedAs {
                    name: value.clone(),
                    variant: None,
                },
            });
        }
        out.push(Fact {
            loc,
            kind: FactKind::ConfigSetting { key, value },
        });
    }
    out
}

/// The `key=value` (or `key: value`) lines of a properties file; comments start with `#` or
/// `!`, and a line ending in `\` continues on the next.
fn properties(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for line in text.lines() {
        let line = line.trim_start();
        if pending.is_empty() && (line.starts_with('#') || line.starts_with('!')) {
            continue;
        }
        if let Some(head) = line.strip_suffix('\\') {
            pending.push_str(head);
            continue;
        }
        pending.push_str(line);
        let full = std::mem::take(&mut pending);
        let Some(at) = full.find(['=', ':']) else {
            continue;
        };
        let key = full[..at].trim();
        if key.is_empty() {
            continue;
        }
        out.push((key.to_string(), full[at + 1..].trim().to_string()));
    }
    out
}

/// The scalar leaves of a YAML file's documents that no profile activates, keyed by their dotted
/// paths (`api: {order: {url: x}}` → `api.order.url`).
fn yaml(text: &str) -> Vec<(String, String)> {
    let Some(docs) = super::load_yaml(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for doc in &docs {
        let spring = &doc["spring"];
        // `spring.profiles: prod` (the legacy form) or `spring.config.activate.on-profile`;
        // `spring.profiles.active` chooses profiles and applies everywhere.
        let profiled = spring["profiles"].as_str().is_some()
            || !spring["config"]["activate"]["on-profile"].is_badvalue();
        if !profiled {
            flatten(doc, String::new(), &mut out, 0);
        }
    }
    out
}

fn flatten(node: &Yaml, prefix: String, out: &mut Vec<(String, String)>, depth: usize) {
    if depth > 32 || out.len() >= MAX_KEYS {
        return;
    }
    match node {
        Yaml::Hash(map) => {
            for (k, v) in map {
                let key = match k {
                    Yaml::String(s) => s.clone(),
                    Yaml::Integer(i) => i.to_string(),
                    Yaml::Boolean(b) => b.to_string(),
                    _ => continue,
                };
                let path = if prefix.is_empty() {
                    key
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(v, path, out, depth + 1);
            }
        }
        Yaml::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                flatten(item, format!("{prefix}[{i}]"), out, depth + 1);
            }
        }
        Yaml::String(s) if !prefix.is_empty() => out.push((prefix, s.clone())),
        Yaml::Integer(i) if !prefix.is_empty() => out.push((prefix, i.to_string())),
        Yaml::Real(r) if !prefix.is_empty() => out.push((prefix, r.clone())),
        Yaml::Boolean(b) if !prefix.is_empty() => out.push((prefix, b.to_string())),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(rel: &str, text: &str) -> Vec<(String, String)> {
        facts(rel, text)
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::ConfigSetting { key, value } => Some((key, value)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn properties_lines_are_keys_and_values() {
        let text = "# comment\napi.order.url=${API_ORDER_URL:http://localhost:8005}\n! also\nkafka.topic.orders: orders\nlong=a\\\n  b\n%dev.x=y\n";
        assert_eq!(
            settings("svc/src/main/resources/application.properties", text),
            vec![
                (
                    "api.order.url".into(),
                    "${API_ORDER_URL:http://localhost:8005}".into()
                ),
                ("kafka.topic.orders".into(), "orders".into()),
                ("long".into(), "ab".into()),
            ]
        );
        assert!(settings("svc/src/test/resources/application.properties", text).is_empty());
    }

    #[test]
    fn yaml_keys_are_dotted_paths_of_unprofiled_documents() {
        let text = "spring:\n  profiles:\n    active: prod\norder:\n  service:\n    url: ${ORDER_SERVICE_URL:http://localhost:8081}\nserver:\n  port: 8080\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\norder:\n  service:\n    url: http://prod\n";
        assert_eq!(
            settings("gw/src/main/resources/application.yml", text),
            vec![
                ("spring.profiles.active".into(), "prod".into()),
                (
                    "order.service.url".into(),
                    "${ORDER_SERVICE_URL:http://localhost:8081}".into()
                ),
                ("server.port".into(), "8080".into()),
            ]
        );
    }
}
