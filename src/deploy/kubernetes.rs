//! Kubernetes workloads: each container's `command`, `args` and `env`, and the OpenTelemetry
//! Operator's injection annotations, attached to the service named like the container, its
//! workload or its image.

use super::command::{scan_command, scan_env};
use super::compose::scalar;
use super::Target;
use crate::facts::Fact;
use yaml_rust2::Yaml;

/// Facts per container of every workload document in the file; non-Kubernetes YAML yields none.
pub fn facts(text: &str) -> Vec<(Target, Vec<Fact>)> {
    // Cheap filter: most YAML files in a repository are not workloads.
    if !text.contains("containers:") || !text.contains("kind:") {
        return Vec::new();
    }
    let Some(docs) = super::load_yaml(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for doc in &docs {
        let injected = operator_injections(doc);
        for container in containers(doc) {
            let Some(name) = container["name"].as_str() else {
                continue;
            };
            let mut words: Vec<String> = Vec::new();
            for key in ["command", "args"] {
                if let Some(items) = container[key].as_vec() {
                    words.extend(items.iter().map(scalar));
                }
            }
            let needle = words.first().cloned().unwrap_or_default();
            let mut facts = scan_command(&words, text, &needle);
            if let Some(env) = container["env"].as_vec() {
                for var in env {
                    if let Some(k) = var["name"].as_str() {
                        facts.extend(scan_env(k, &scalar(&var["value"]), text));
                    }
                }
            }
            for (annotation, agent) in &injected {
                facts.push(Fact {
                    loc: super::line_of(text, annotation),
                    kind: crate::facts::FactKind::AutoInstrumentation {
                        agent: agent.to_string(),
                        module: None,
                    },
                });
            }
            // A container is matched to a service by its own name, by its workload's
            // (`Deployment cartservice` running a container named `server`), or by its image's
            // repository (`.../spring-petclinic-api-gateway:latest` in a container named
            // `api-gateway-java`).
            let mut names = vec![name.to_string()];
            if let Some(workload) = doc["metadata"]["name"].as_str() {
                names.insert(0, workload.to_string());
            }
            if let Some(image) = container["image"].as_str().and_then(image_name) {
                names.push(image);
            }
            let mut seen = Vec::new();
            for target in names {
                if !seen.contains(&target) {
                    seen.push(target.clone());
                    out.push((Target::Name(target), facts.clone()));
                }
            }
        }
    }
    out
}

/// The OpenTelemetry Operator's annotations that inject auto-instrumentation into a pod, and
/// the deployment agent each one amounts to (`inject-sdk` only configures an SDK the code
/// already has, and Go's eBPF instrumentation is not modelled: neither is listed).
const OPERATOR_INJECTIONS: &[(&str, &str)] = &[
    ("instrumentation.opentelemetry.io/inject-java", "java-agent"),
    (
        "instrumentation.opentelemetry.io/inject-python",
        "opentelemetry-instrument",
    ),
    (
        "instrumentation.opentelemetry.io/inject-nodejs",
        "node-auto-instrumentations",
    ),
    (
        "instrumentation.opentelemetry.io/inject-dotnet",
        "dotnet-auto-instrumentation",
    ),
];

/// The injections a workload asks the OpenTelemetry Operator for: (annotation, agent).
fn operator_injections(doc: &Yaml) -> Vec<(&'static str, &'static str)> {
    OPERATOR_INJECTIONS
        .iter()
        .copied()
        .filter(|(annotation, _)| {
            [&doc["metadata"], &doc["spec"]["template"]["metadata"]]
                .into_iter()
                .any(|m| match &m["annotations"][*annotation] {
                    Yaml::String(v) => v != "false",
                    Yaml::Boolean(b) => *b,
                    _ => false,
                })
        })
        .collect()
}

/// The repository name of a container image, without registry, path and tag
/// (`123.dkr.ecr.us-east-1.amazonaws.com/spring-petclinic-api-gateway:latest` →
/// `spring-petclinic-api-gateway`); `None` for an image built from a variable.
fn image_name(image: &str) -> Option<String> {
    let last = image.rsplit('/').next()?;
    let name = last.split(['@', ':']).next()?;
    (!name.is_empty() && !name.contains(['$', '{', '}'])).then(|| name.to_string())
}

/// The containers of a Pod, a workload's pod template, or a CronJob's job template.
fn containers(doc: &Yaml) -> Vec<&Yaml> {
    let specs = [
        &doc["spec"],
        &doc["spec"]["template"]["spec"],
        &doc["spec"]["jobTemplate"]["spec"]["template"]["spec"],
    ];
    specs
        .into_iter()
        .filter_map(|spec| spec["containers"].as_vec())
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactKind;

    #[test]
    fn deployment_containers() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\nspec:\n  template:\n    spec:\n      containers:\n        - name: cart\n          image: cart:1\n          env:\n            - name: JAVA_TOOL_OPTIONS\n              value: -javaagent:/otel/opentelemetry-javaagent.jar\n";
        let got = facts(text);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, Target::Name("cart".into()));
        let agents: Vec<_> = got[0]
            .1
            .iter()
            .filter(|f| matches!(f.kind, FactKind::AutoInstrumentation { .. }))
            .collect();
        assert_eq!(agents.len(), 1);
        assert_eq!(agents[0].loc.line, 12);
    }

    #[test]
    fn containers_are_also_addressed_by_their_workload() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cartservice\nspec:\n  template:\n    spec:\n      containers:\n        - name: server\n          env:\n            - name: REDIS_ADDR\n              value: redis-cart:6379\n";
        let got = facts(text);
        let targets: Vec<_> = got.iter().map(|(t, _)| t.clone()).collect();
        assert_eq!(
            targets,
            vec![
                Target::Name("cartservice".into()),
                Target::Name("server".into())
            ]
        );
        assert!(got.iter().all(|(_, f)| f.iter().any(|f| matches!(
            &f.kind,
            FactKind::EnvSetting { name, value } if name == "REDIS_ADDR" && value == "redis-cart:6379"
        ))));
    }

    #[test]
    fn operator_injects_the_java_agent() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    metadata:\n      annotations:\n        instrumentation.opentelemetry.io/inject-java: \"true\"\n    spec:\n      containers:\n        - name: ad\n          image: ad:1\n";
        let got = facts(text);
        assert!(got[0]
            .1
            .iter()
            .any(|f| matches!(&f.kind, FactKind::AutoInstrumentation { agent, .. } if agent == "java-agent")));
    }

    #[test]
    fn operator_injects_python_node_and_dotnet_instrumentation() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: billing\nspec:\n  template:\n    metadata:\n      annotations:\n        instrumentation.opentelemetry.io/inject-python: \"true\"\n        instrumentation.opentelemetry.io/inject-nodejs: \"false\"\n    spec:\n      containers:\n        - name: billing-python\n          image: 1234.dkr.ecr.us-east-1.amazonaws.com/petclinic-billing-service:latest\n";
        let got = facts(text);
        let targets: Vec<_> = got.iter().map(|(t, _)| t.clone()).collect();
        assert_eq!(
            targets,
            vec![
                Target::Name("billing".into()),
                Target::Name("billing-python".into()),
                Target::Name("petclinic-billing-service".into()),
            ]
        );
        let agents: Vec<&str> = got[0]
            .1
            .iter()
            .filter_map(|f| match &f.kind {
                FactKind::AutoInstrumentation { agent, .. } => Some(agent.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(agents, ["opentelemetry-instrument"]);
    }

    #[test]
    fn image_names_drop_registry_path_and_tag() {
        assert_eq!(image_name("ghcr.io/acme/cart:1.2").as_deref(), Some("cart"));
        assert_eq!(image_name("cart@sha256:abc").as_deref(), Some("cart"));
        assert_eq!(image_name("redis").as_deref(), Some("redis"));
        assert_eq!(
            image_name("${REGISTRY}/cart:${TAG}").as_deref(),
            Some("cart")
        );
        assert_eq!(image_name("${IMAGE}"), None);
    }

    #[test]
    fn other_yaml_is_ignored() {
        assert!(facts("name: ci\non: push\n").is_empty());
    }
}
