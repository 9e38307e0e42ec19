//! JVM build files (`pom.xml`, `build.gradle`, `build.gradle.kts`): the Java agent attached in
//! Gradle's `applicationDefaultJvmArgs`/`jvmArgs` or a Maven plugin's `jvmArguments`, and the
//! Spring Boot starter, Micrometer bridge or Quarkus extension among the dependencies.

use super::line_of;
use crate::facts::{Fact, FactKind};

/// Dependencies that set up OpenTelemetry inside a Spring Boot application, and the agent name
/// they are recorded under.
const STARTERS: &[(&str, &str)] = &[
    ("opentelemetry-spring-boot-starter", "spring-boot-starter"),
    ("micrometer-tracing-bridge-otel", "micrometer-tracing"),
    // Quarkus's extension traces its HTTP server, REST client, gRPC and messaging with W3C
    // trace context by default.
    ("quarkus-opentelemetry", "quarkus-opentelemetry"),
];

/// Java agents that do not trace (mocking, coverage, weaving).
const NON_TRACING_AGENTS: &[&str] = &[
    "mockito",
    "jacoco",
    "byte-buddy",
    "bytebuddy",
    "jmockit",
    "aspectj",
];

/// Facts from a JVM build file's text.
pub fn facts(text: &str) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") || trimmed.starts_with('#') || trimmed.starts_with("<!--") {
            continue;
        }
        for (artifact, agent) in STARTERS {
            if line.contains(artifact) && !seen.contains(agent) {
                seen.push(agent);
                facts.push(Fact {
                    loc: line_of(text, line),
                    kind: FactKind::AutoInstrumentation {
                        agent: agent.to_string(),
                        module: Some(artifact.to_string()),
                    },
                });
            }
        }
        if let Some(jar) = tracing_agent(line) {
            if !seen.contains(&"java-agent") {
                seen.push("java-agent");
                facts.push(Fact {
                    loc: line_of(text, line),
                    kind: FactKind::AutoInstrumentation {
                        agent: "java-agent".into(),
                        module: Some(jar),
                    },
                });
            }
        }
    }
    facts
}

/// The jar of a tracing `-javaagent:` flag on a line, if there is one.
pub(super) fn tracing_agent(line: &str) -> Option<String> {
    let at = line.find("-javaagent:")?;
    let rest = &line[at + "-javaagent:".len()..];
    let end = rest
        .find(|c: char| c.is_whitespace() || "\"'<>,)]".contains(c))
        .unwrap_or(rest.len());
    let jar = &rest[..end];
    let lower = jar.to_ascii_lowercase();
    (!NON_TRACING_AGENTS.iter().any(|a| lower.contains(a))).then(|| jar.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agents(text: &str) -> Vec<String> {
        facts(text)
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::AutoInstrumentation { agent, .. } => Some(agent),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn gradle_jvm_args_and_starters() {
        let gradle = "application {\n  applicationDefaultJvmArgs = [\"-javaagent:${otelAgent}\"]\n}\ndependencies {\n  implementation 'io.opentelemetry.instrumentation:opentelemetry-spring-boot-starter'\n}\n";
        assert_eq!(agents(gradle), vec!["java-agent", "spring-boot-starter"]);
        let quarkus = "<dependency>\n  <groupId>io.quarkus</groupId>\n  <artifactId>quarkus-opentelemetry</artifactId>\n</dependency>\n";
        assert_eq!(agents(quarkus), vec!["quarkus-opentelemetry"]);
        let tests_only = "test {\n  jvmArgs \"-javaagent:${mockitoAgent}\"\n}\n";
        assert!(agents(tests_only).is_empty());
    }

    #[test]
    fn maven_plugin_configuration() {
        let pom = "<plugin>\n  <configuration>\n    <jvmArguments>-javaagent:target/opentelemetry-javaagent.jar</jvmArguments>\n  </configuration>\n</plugin>\n<!-- <artifactId>opentelemetry-spring-boot-starter</artifactId> -->\n";
        assert_eq!(agents(pom), vec!["java-agent"]);
    }
}
