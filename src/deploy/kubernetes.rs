//! Kubernetes workloads: each container's `command`, `args` and `env`, attached to the service
//! named like the container.

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
        let operator_java = injects_java_agent(doc);
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
            if operator_java {
                facts.push(Fact {
                    loc: super::line_of(text, INJECT_JAVA),
                    kind: crate::facts::FactKind::AutoInstrumentation {
                        agent: "java-agent".into(),
                        module: None,
                    },
                });
            }
            // A container is matched to a service by its own name, or by its workload's
            // (`Deployment cartservice` running a container named `server`).
            let workload = doc["metadata"]["name"].as_str().filter(|w| *w != name);
            if let Some(workload) = workload {
                out.push((Target::Name(workload.to_string()), facts.clone()));
            }
            out.push((Target::Name(name.to_string()), facts));
        }
    }
    out
}

/// The OpenTelemetry Operator's annotation that injects the Java agent into a pod.
const INJECT_JAVA: &str = "instrumentation.opentelemetry.io/inject-java";

/// Whether a workload asks the OpenTelemetry Operator to inject the Java agent.
fn injects_java_agent(doc: &Yaml) -> bool {
    [&doc["metadata"], &doc["spec"]["template"]["metadata"]]
        .into_iter()
        .any(|m| match &m["annotations"][INJECT_JAVA] {
            Yaml::String(v) => v != "false",
            Yaml::Boolean(b) => *b,
            _ => false,
        })
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
    fn other_yaml_is_ignored() {
        assert!(facts("name: ci\non: push\n").is_empty());
    }
}
