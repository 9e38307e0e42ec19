//! The value of a setting a service reads by name: an environment variable deployment sets, or
//! a configuration key (`api.order.url`) that the environment overrides under its relaxed name
//! (`API_ORDER_URL`), that the service's configuration files set, or whose default the code
//! gives — with `${key:default}` placeholders in those values filled the same way.

use super::ServiceSummary;

/// How deep placeholders are followed (`a=${b}`, `b=${c}`, …) before giving up.
const MAX_DEPTH: usize = 6;

/// The value of the environment variable or configuration key `name` for this service, with
/// its placeholders filled; `None` when nothing sets it or a placeholder cannot be filled.
pub fn value(s: &ServiceSummary, name: &str) -> Option<String> {
    let found = resolve(s, name, 0)?;
    // SmallRye Stork (Quarkus): `stork://hero-service/api` is served by the first address that
    // `quarkus.stork.hero-service.service-discovery.address-list` lists.
    if let Some(rest) = found.strip_prefix("stork://") {
        let service = rest.split(['/', '?']).next().unwrap_or(rest);
        let list = resolve(
            s,
            &format!("quarkus.stork.{service}.service-discovery.address-list"),
            0,
        )?;
        return list.split(',').next().map(|a| a.trim().to_string());
    }
    Some(found)
}

fn resolve(s: &ServiceSummary, name: &str, depth: usize) -> Option<String> {
    if depth > MAX_DEPTH || name.is_empty() {
        return None;
    }
    let raw = s
        .env
        .get(name)
        .or_else(|| {
            relaxed_names(name)
                .into_iter()
                .find_map(|env_name| s.env.get(&env_name))
        })
        .or_else(|| s.config.get(name))
        .or_else(|| s.config_defaults.get(name))?;
    expand(s, raw, depth)
}

/// The environment variables that override a dotted configuration key: Spring's relaxed
/// binding (`api.order-url` → `API_ORDERURL`) and MicroProfile Config's
/// (`api.order-url` → `API_ORDER_URL`). Empty for a name that is not a dotted key.
fn relaxed_names(key: &str) -> Vec<String> {
    if !key.contains(['.', '-']) {
        return Vec::new();
    }
    let env_name = |key: &str| -> String {
        key.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect()
    };
    let spring = env_name(&key.replace('-', ""));
    let micro = env_name(key);
    if spring == micro {
        vec![spring]
    } else {
        vec![spring, micro]
    }
}

/// `value` with each `${key}` / `${key:default}` replaced by the key's value or its default.
fn expand(s: &ServiceSummary, value: &str, depth: usize) -> Option<String> {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find("${") {
        out.push_str(&rest[..at]);
        let body_start = at + 2;
        let end = body_start + rest[body_start..].find('}')?;
        let body = &rest[body_start..end];
        let (key, default) = match body.split_once(':') {
            Some((k, d)) => (k.trim(), Some(d)),
            None => (body.trim(), None),
        };
        let filled = resolve(s, key, depth + 1).or_else(|| default.map(str::to_string))?;
        out.push_str(&filled);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(env: &[(&str, &str)], config: &[(&str, &str)]) -> ServiceSummary {
        let mut s = ServiceSummary::default();
        for (k, v) in env {
            s.env.insert(k.to_string(), v.to_string());
        }
        for (k, v) in config {
            s.config.insert(k.to_string(), v.to_string());
        }
        s
    }

    #[test]
    fn environment_overrides_a_key_under_its_relaxed_name() {
        let s = summary(
            &[("API_ORDER_URL", "http://order:8080")],
            &[("api.order.url", "http://localhost:8005")],
        );
        assert_eq!(
            value(&s, "api.order.url").as_deref(),
            Some("http://order:8080")
        );
        let s = summary(&[("ORDER_SERVICE_URL", "http://o:1")], &[]);
        // Spring drops the dash, MicroProfile Config turns it into an underscore.
        assert_eq!(
            value(&s, "order-service.url").as_deref(),
            Some("http://o:1")
        );
        assert_eq!(value(&s, "orderservice.url"), None);
    }

    #[test]
    fn stork_services_resolve_to_their_first_listed_address() {
        let s = summary(
            &[(
                "QUARKUS_STORK_HERO_SERVICE_SERVICE_DISCOVERY_ADDRESS_LIST",
                "rest-heroes:8083",
            )],
            &[
                (
                    "quarkus.rest-client.hero-client.url",
                    "stork://hero-service",
                ),
                (
                    "quarkus.stork.hero-service.service-discovery.address-list",
                    "localhost:8083",
                ),
                ("quarkus.rest-client.other.url", "stork://nowhere"),
            ],
        );
        assert_eq!(
            value(&s, "quarkus.rest-client.hero-client.url").as_deref(),
            Some("rest-heroes:8083")
        );
        assert_eq!(value(&s, "quarkus.rest-client.other.url"), None);
    }

    #[test]
    fn placeholders_are_filled_from_the_environment_keys_and_defaults() {
        let s = summary(
            &[("BACKEND_HOST", "todobackend")],
            &[
                ("backend.host", "${BACKEND_HOST:localhost}"),
                ("backend.port", "${BACKEND_PORT:8080}"),
                ("backend.url", "http://${backend.host}:${backend.port}"),
                ("loop", "${loop}"),
                ("missing", "http://${nowhere}/x"),
            ],
        );
        assert_eq!(
            value(&s, "backend.url").as_deref(),
            Some("http://todobackend:8080")
        );
        assert_eq!(value(&s, "loop"), None);
        assert_eq!(value(&s, "missing"), None);
        let mut s = summary(&[], &[]);
        s.config_defaults
            .insert("svc.url".into(), "http://svc:80".into());
        assert_eq!(value(&s, "svc.url").as_deref(), Some("http://svc:80"));
    }
}
