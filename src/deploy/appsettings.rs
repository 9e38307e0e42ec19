//! .NET `appsettings.json`: the configuration a program reads when nothing overrides it. A key
//! `Catalog:Url` (nested objects) is what the environment variable `Catalog__Url` overrides, so
//! each string value is recorded as a configuration setting under that variable's name (the
//! environment still overrides it, as for any configuration file). A YARP `ReverseProxy`
//! section's destinations are the calls of a gateway (`gateway.rs`).

use super::line_of;
use crate::facts::{Fact, FactKind};
use serde_json::Value;

/// The most values read from one file.
const MAX_VALUES: usize = 512;

/// The deepest nesting read.
const MAX_DEPTH: usize = 8;

/// Facts from an `appsettings.json` text: one configuration setting per string value.
pub fn facts(text: &str) -> Vec<Fact> {
    // appsettings.json allows comments and trailing commas; a file serde cannot read is skipped.
    let Ok(value) = serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    walk(&value, "", 0, text, &mut out);
    // A YARP gateway's clusters: the hosts it forwards to.
    out.extend(super::gateway::yarp_facts(&value, text));
    out
}

fn walk(value: &Value, prefix: &str, depth: usize, text: &str, out: &mut Vec<Fact>) {
    if depth > MAX_DEPTH || out.len() >= MAX_VALUES {
        return;
    }
    let Value::Object(map) = value else {
        return;
    };
    for (key, v) in map {
        let name = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}__{key}")
        };
        match v {
            Value::String(s) if out.len() < MAX_VALUES => out.push(Fact {
                kind: FactKind::ConfigSetting {
                    key: name,
                    value: s.clone(),
                },
                loc: line_of(text, &format!("\"{key}\"")),
            }),
            Value::Object(_) => walk(v, &name, depth + 1, text, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_keys_name_their_environment_variables() {
        let text = "{\n  \"ProductApiUrl\": \"http://product-api\",\n  \"Catalog\": { \"Client\": { \"BaseUrl\": \"http://catalog:8080\" }, \"Retries\": 3 }\n}";
        let got: Vec<(String, String, u32)> = facts(text)
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::ConfigSetting { key, value } => Some((key, value, f.loc.line)),
                _ => None,
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "Catalog__Client__BaseUrl".into(),
                    "http://catalog:8080".into(),
                    3
                ),
                ("ProductApiUrl".into(), "http://product-api".into(), 2),
            ]
        );
        assert!(facts("{ not json").is_empty());
    }
}
