//! Reverse-proxy routes written as configuration: an API gateway forwards requests to the hosts
//! its route table names, so each downstream host is an HTTP call the gateway makes.
//!
//! - Ocelot (`ocelot.json`, `ocelot.<environment>.json`): `Routes` (`ReRoutes` before Ocelot
//!   16) with `DownstreamHostAndPorts: [{ "Host": "orders", "Port": 80 }]`.
//! - YARP (the `ReverseProxy` section of `appsettings.json`):
//!   `Clusters.<id>.Destinations.<id>.Address: "http://orders"`.
//!
//! A route that names its downstream through service discovery (Ocelot's `ServiceName`) names
//! no host and is not read.

use super::line_of;
use crate::facts::{Fact, FactKind, Flow, Injection, Proto};
use serde_json::Value;

/// The most routes read from one file.
const MAX_ROUTES: usize = 256;

/// Whether a file name is an Ocelot route table (`ocelot.json`, `ocelot.production.json`).
pub fn is_ocelot(lower: &str) -> bool {
    lower.starts_with("ocelot") && lower.ends_with(".json")
}

/// The downstream calls of an Ocelot route table.
pub fn ocelot_facts(text: &str) -> Vec<Fact> {
    let Ok(value) = serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for key in ["Routes", "ReRoutes"] {
        let Some(Value::Array(routes)) = value.get(key) else {
            continue;
        };
        for route in routes.iter().take(MAX_ROUTES) {
            let Some(Value::Array(hosts)) = route.get("DownstreamHostAndPorts") else {
                continue;
            };
            for entry in hosts {
                let Some(host) = entry.get("Host").and_then(Value::as_str) else {
                    continue;
                };
                let address = match entry.get("Port").and_then(Value::as_i64) {
                    Some(port) => format!("http://{}:{port}", host.trim()),
                    None => format!("http://{}", host.trim()),
                };
                push_call(
                    host,
                    None,
                    &address,
                    &format!("\"{}", host.trim()),
                    text,
                    &mut out,
                );
            }
        }
    }
    out
}

/// The downstream calls of the YARP `ReverseProxy` section of a .NET configuration file.
pub fn yarp_facts(value: &Value, text: &str) -> Vec<Fact> {
    let Some(Value::Object(clusters)) = value.get("ReverseProxy").and_then(|p| p.get("Clusters"))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for cluster in clusters.values().take(MAX_ROUTES) {
        let Some(Value::Object(destinations)) = cluster.get("Destinations") else {
            continue;
        };
        for address in destinations
            .values()
            .filter_map(|d| d.get("Address")?.as_str())
        {
            if let Some((host, path)) = crate::url::split_url(address) {
                let path = path.filter(|p| p != "/");
                push_call(
                    &host,
                    path,
                    address,
                    &format!("\"{address}"),
                    text,
                    &mut out,
                );
            }
        }
    }
    out
}

/// Records a call to `host` (placeholders and empty hosts are no address): the route's address
/// and the forward itself, which goes inside the gateway's inbound request through .NET's
/// `SocketsHttpHandler`, whose `DistributedContextPropagator` writes the current activity's
/// context (Ocelot's and YARP's forwarders both send through it). `address` is the route's
/// URL, whose port picks the service a loopback host means.
fn push_call(
    host: &str,
    path: Option<String>,
    address: &str,
    needle: &str,
    text: &str,
    out: &mut Vec<Fact>,
) {
    let host = host.trim();
    if host.is_empty() || host.contains(['{', '$', ' ']) {
        return;
    }
    let loc = line_of(text, needle);
    out.push(Fact {
        kind: FactKind::http_call_to(address, host.to_string(), path),
        loc,
    });
    out.push(Fact {
        kind: FactKind::outbound(
            Proto::Http,
            format!("route to {host}"),
            Injection::Instrumented,
            Flow::Request,
        ),
        loc,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(facts: Vec<Fact>) -> Vec<(String, u32)> {
        facts
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::HttpCallTo { host, .. } => Some((host, f.loc.line)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn ocelot_routes_call_their_downstream_hosts() {
        let text = r#"{
  "Routes": [
    { "DownstreamHostAndPorts": [ { "Host": "orders.api", "Port": 80 } ] },
    { "DownstreamHostAndPorts": [ { "Host": "{host}", "Port": 80 } ] },
    { "ServiceName": "payments" }
  ],
  "GlobalConfiguration": { "BaseUrl": "http://gateway" }
}"#;
        assert_eq!(hosts(ocelot_facts(text)), vec![("orders.api".into(), 3)]);
        let old = r#"{ "ReRoutes": [ { "DownstreamHostAndPorts": [ { "Host": "cart" } ] } ] }"#;
        assert_eq!(hosts(ocelot_facts(old)), vec![("cart".into(), 1)]);
        assert!(ocelot_facts("{ not json").is_empty());
        assert!(is_ocelot("ocelot.development.json") && !is_ocelot("ocelot.yml"));
    }

    #[test]
    fn yarp_clusters_call_their_destinations() {
        let text = r#"{
  "ReverseProxy": {
    "Routes": { "r": { "ClusterId": "c", "Match": { "Path": "/p/{**rest}" } } },
    "Clusters": {
      "c": { "Destinations": { "d1": { "Address": "http+https://product-api" } } },
      "e": { "Destinations": { "d1": { "Address": "not a url" } } }
    }
  },
  "Other": { "Clusters": { "x": { "Destinations": { "d": { "Address": "http://nope" } } } } }
}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            hosts(yarp_facts(&value, text)),
            vec![("product-api".into(), 5)]
        );
    }
}
