//! Deployment facts: the Dockerfiles, compose files, Kubernetes manifests, `package.json`
//! scripts and Procfiles that start a service decide what is instrumented before any code runs
//! (`opentelemetry-instrument`, `--require .../register`, `-javaagent`, .NET automatic
//! instrumentation) and configure it (`OTEL_PROPAGATORS`, `OTEL_SDK_DISABLED`, ...).
//!
//! Each file becomes one or more [`FileFacts`] without a language; `applies_to` names the
//! service they describe when it is not the file's own directory (a compose service's build
//! context, a Kubernetes container's name).

mod app_config;
mod appsettings;
mod cargo;
mod command;
mod compose;
mod dockerfile;
mod dotnet_project;
mod jvm;
mod kubernetes;
mod makefile;
mod package_json;
mod procfile;
mod script;

use crate::facts::{Fact, FactKind, FileFacts, Loc};

pub use command::scan_command;

/// A file that may describe how a service is started.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeployKind {
    /// `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `Containerfile`.
    Dockerfile,
    /// `docker-compose*.yml`, `compose*.yaml`.
    Compose,
    /// Any other YAML file: read if it is a Kubernetes workload.
    Yaml,
    /// `package.json` scripts.
    PackageJson,
    /// `Procfile`.
    Procfile,
    /// `pom.xml`, `build.gradle`, `build.gradle.kts`: JVM flags and starter dependencies.
    JvmBuild,
    /// `Makefile`, `makefile`, `GNUmakefile`.
    Makefile,
    /// `application.properties`, `application.yml`: the configuration keys a JVM service reads.
    AppConfig,
    /// A start script: `start*.sh`, `entrypoint*.sh`, `run*.sh`, `boot*.sh`.
    Script,
    /// `*.csproj`: the projects it references.
    DotnetProject,
    /// `appsettings.json`: a .NET program's configuration defaults.
    AppSettings,
    /// `Cargo.toml`: the crates of the repository it builds in.
    CargoManifest,
}

impl DeployKind {
    /// The deployment kind of a file name.
    pub fn from_file_name(name: &str) -> Option<DeployKind> {
        let lower = name.to_ascii_lowercase();
        let yaml = lower.ends_with(".yml") || lower.ends_with(".yaml");
        Some(
            if lower == "dockerfile"
                || lower == "containerfile"
                || lower.starts_with("dockerfile.")
                || lower.ends_with(".dockerfile")
            {
                DeployKind::Dockerfile
            } else if app_config::is_app_config(&lower) {
                DeployKind::AppConfig
            } else if yaml && (lower.starts_with("docker-compose") || lower.starts_with("compose"))
            {
                DeployKind::Compose
            } else if yaml {
                DeployKind::Yaml
            } else if lower == "package.json" {
                DeployKind::PackageJson
            } else if lower == "procfile" {
                DeployKind::Procfile
            } else if lower == "pom.xml" || lower == "build.gradle" || lower == "build.gradle.kts" {
                DeployKind::JvmBuild
            } else if lower == "makefile" || lower == "gnumakefile" {
                DeployKind::Makefile
            } else if script::is_start_script(&lower) {
                DeployKind::Script
            } else if lower.ends_with(".csproj") {
                DeployKind::DotnetProject
            } else if lower == "appsettings.json" {
                DeployKind::AppSettings
            } else if lower == "cargo.toml" {
                DeployKind::CargoManifest
            } else {
                return None;
            },
        )
    }
}

/// Extracts the deployment facts of one file. `rel` is its path relative to the root.
/// `dotenv` is the text of the `.env` file beside a compose file, whose values compose uses for
/// variables listed without one and for `${VAR}` references.
pub fn extract(kind: DeployKind, rel: &str, text: &str, dotenv: Option<&str>) -> Vec<FileFacts> {
    let dir = rel.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    let mut out = match kind {
        DeployKind::Dockerfile => vec![own(rel, dockerfile::facts(text))],
        DeployKind::PackageJson => {
            let mut f = own(rel, package_json::facts(text));
            f.has_entry = package_json::is_application(text);
            vec![f]
        }
        DeployKind::Procfile => vec![own(rel, procfile::facts(text))],
        DeployKind::Script => vec![own(rel, script::facts(text))],
        DeployKind::JvmBuild => vec![own(rel, jvm::facts(text))],
        DeployKind::AppConfig => vec![own(rel, app_config::facts(rel, text))],
        DeployKind::DotnetProject => vec![own(rel, dotnet_project::facts(text, dir))],
        DeployKind::AppSettings => vec![own(rel, appsettings::facts(text))],
        DeployKind::CargoManifest => vec![own(rel, cargo::facts(text, dir))],
        DeployKind::Makefile => {
            let mut own_facts = Vec::new();
            let mut by_dir: std::collections::BTreeMap<String, Vec<Fact>> = Default::default();
            for (sub, fact) in makefile::facts(text) {
                match sub {
                    Some(sub) => by_dir
                        .entry(compose::join(dir, &sub))
                        .or_default()
                        .push(fact),
                    None => own_facts.push(fact),
                }
            }
            let mut out = vec![own(rel, own_facts)];
            out.extend(
                by_dir
                    .into_iter()
                    .map(|(d, facts)| targeted(rel, Target::Dir(d), facts)),
            );
            out
        }
        DeployKind::Compose => {
            compose::facts(text, dir, &compose::parse_dotenv(dotenv.unwrap_or("")))
                .into_iter()
                .map(|(target, facts)| targeted(rel, target, facts))
                .collect()
        }
        DeployKind::Yaml => kubernetes::facts(text)
            .into_iter()
            .map(|(target, facts)| targeted(rel, target, facts))
            .collect(),
    };
    out.retain(|f| !f.facts.is_empty() || f.has_entry);
    out
}

/// The file name of a service's own environment settings.
pub const DOTENV: &str = ".env";

/// The settings of a service's own `.env` file (`rel`), as environment settings only: a dotenv
/// loader reads it after the process started, so it carries no agent.
pub fn service_dotenv(rel: &str, text: &str) -> FileFacts {
    let facts = compose::parse_dotenv(text)
        .into_iter()
        .map(|(name, value)| Fact {
            loc: line_of(text, &name),
            kind: FactKind::EnvSetting { name, value },
        })
        .collect();
    own(rel, facts)
}

/// Parses YAML documents. Docker Compose and kubectl accept a multi-line flow sequence whose
/// closing bracket sits at its key's indentation (`command: [` … `    ]`), which the YAML spec
/// (and the parser) reject; such a file is read again with those brackets indented like the
/// line before them.
pub(crate) fn load_yaml(text: &str) -> Option<Vec<yaml_rust2::Yaml>> {
    use yaml_rust2::YamlLoader;
    if let Ok(docs) = YamlLoader::load_from_str(text) {
        return Some(docs);
    }
    let mut repaired = String::with_capacity(text.len() + 64);
    let mut previous_indent = 0;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if (trimmed.starts_with(']') || trimmed.starts_with('}')) && indent < previous_indent {
            repaired.push_str(&" ".repeat(previous_indent));
            repaired.push_str(trimmed);
        } else {
            repaired.push_str(line);
            if !trimmed.is_empty() {
                previous_indent = indent;
            }
        }
        repaired.push('\n');
    }
    YamlLoader::load_from_str(&repaired).ok()
}

/// Which service a group of deployment facts describes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The service in this directory (relative to the root).
    Dir(String),
    /// The service with this name.
    Name(String),
    /// The service in the directory (the first), which variables choose: the second is the
    /// directory as a template of them (`services/cart-${LANG}`).
    Templated(String, String),
}

fn own(rel: &str, facts: Vec<Fact>) -> FileFacts {
    finish(FileFacts {
        path: rel.to_string(),
        facts,
        ..FileFacts::default()
    })
}

fn targeted(rel: &str, target: Target, facts: Vec<Fact>) -> FileFacts {
    let mut f = own(rel, facts);
    match target {
        Target::Dir(d) => f.applies_to_dir = Some(d),
        Target::Name(n) => f.applies_to_name = Some(n),
        Target::Templated(d, t) => {
            f.applies_to_dir = Some(d);
            f.applies_to_template = Some(t);
        }
    }
    f
}

/// Marks files that switch instrumentation on as using tracing.
fn finish(mut f: FileFacts) -> FileFacts {
    f.uses_tracing = f
        .facts
        .iter()
        .any(|fact| matches!(fact.kind, FactKind::AutoInstrumentation { .. }));
    f
}

/// The location of the first line containing `needle` (line 1 when absent), spanning that line.
pub(crate) fn line_of(text: &str, needle: &str) -> Loc {
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .unwrap_or((0, text.lines().next().unwrap_or("")));
    let start: usize = text.lines().take(index).map(|l| l.len() + 1).sum();
    let indent = line.len() - line.trim_start().len();
    Loc {
        line: index as u32 + 1,
        col: line[..indent].chars().count() as u32 + 1,
        end_line: index as u32 + 1,
        end_col: line.chars().count() as u32 + 1,
        start_byte: (start + indent) as u32,
        end_byte: (start + line.len()) as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deployment_files_are_recognised() {
        assert_eq!(
            DeployKind::from_file_name("Dockerfile"),
            Some(DeployKind::Dockerfile)
        );
        assert_eq!(
            DeployKind::from_file_name("api.Dockerfile"),
            Some(DeployKind::Dockerfile)
        );
        assert_eq!(
            DeployKind::from_file_name("docker-compose.prod.yml"),
            Some(DeployKind::Compose)
        );
        assert_eq!(
            DeployKind::from_file_name("compose.yaml"),
            Some(DeployKind::Compose)
        );
        assert_eq!(
            DeployKind::from_file_name("deploy.yaml"),
            Some(DeployKind::Yaml)
        );
        assert_eq!(
            DeployKind::from_file_name("Procfile"),
            Some(DeployKind::Procfile)
        );
        assert_eq!(
            DeployKind::from_file_name("build.gradle.kts"),
            Some(DeployKind::JvmBuild)
        );
        assert_eq!(
            DeployKind::from_file_name("Makefile"),
            Some(DeployKind::Makefile)
        );
        assert_eq!(
            DeployKind::from_file_name("application.yml"),
            Some(DeployKind::AppConfig)
        );
        assert_eq!(
            DeployKind::from_file_name("Cart.Api.csproj"),
            Some(DeployKind::DotnetProject)
        );
        assert_eq!(DeployKind::from_file_name("main.go"), None);
    }

    #[test]
    fn locations_point_at_the_line() {
        let loc = line_of("FROM x\n  CMD run\n", "CMD");
        assert_eq!((loc.line, loc.col, loc.end_col), (2, 3, 10));
        assert_eq!((loc.start_byte, loc.end_byte), (9, 16));
    }

    #[test]
    fn flow_sequences_closed_at_the_key_indentation_are_read() {
        let text = "services:\n  flagd:\n    command: [\n      \"start\",\n      \"--uri\"\n    ]\n    environment:\n      - A=1\n";
        let docs = load_yaml(text).expect("repaired");
        let command = docs[0]["services"]["flagd"]["command"].as_vec().unwrap();
        assert_eq!(command.len(), 2);
        assert_eq!(
            docs[0]["services"]["flagd"]["environment"][0].as_str(),
            Some("A=1")
        );
        assert!(load_yaml("a: [\n").is_none());
    }
}
