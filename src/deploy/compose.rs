//! Compose files: per service, the build context it starts from, its `command`/`entrypoint`
//! and its `environment`.

use super::command::{scan_command, scan_env, split_words};
use super::Target;
use crate::facts::{Fact, FactKind};
use std::collections::BTreeMap;
use yaml_rust2::Yaml;

/// Facts per compose service, keyed by the directory its build context names (relative to the
/// root) or, for image-only services, by the service's name. `dir` is the compose file's
/// directory.
pub fn facts(text: &str, dir: &str, dotenv: &BTreeMap<String, String>) -> Vec<(Target, Vec<Fact>)> {
    let Some(docs) = super::load_yaml(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for doc in &docs {
        let Some(services) = doc["services"].as_hash() else {
            continue;
        };
        let first = out.len();
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
                // `- CART_ADDR` takes its value from the environment compose runs in, which
                // `.env` provides; `${VAR}` references are filled from it too.
                let v = match v {
                    Some(v) => interpolate(&v, dotenv),
                    None => match dotenv.get(&k) {
                        Some(v) => interpolate(v, dotenv),
                        None => continue,
                    },
                };
                facts.extend(scan_env(&k, &v, text));
            }
            for port in published_ports(&service["ports"], dotenv) {
                facts.push(Fact {
                    loc: super::line_of(text, &format!("{name}:")),
                    kind: FactKind::ListensOn { port },
                });
            }
            let target = match build_context(&service["build"], dotenv) {
                Some((context, template)) => {
                    let build = &service["build"];
                    let context_dir = join(
                        dir,
                        &interpolate(build["context"].as_str().unwrap_or("."), dotenv),
                    );
                    let dockerfile = build["dockerfile"]
                        .as_str()
                        .map(|d| interpolate(d, dotenv))
                        .unwrap_or_else(|| "Dockerfile".into());
                    // A context a variable chooses (`services/api-${LANG}`) is one of several
                    // directories: the Dockerfile the variable's value picks configures that
                    // one, not each directory the template matches.
                    let chosen = build["context"].as_str().is_some_and(|c| c.contains('$'));
                    if !dockerfile.contains('$') && !chosen && build.as_hash().is_some() {
                        facts.push(Fact {
                            loc: super::line_of(text, &format!("{name}:")),
                            kind: FactKind::BuiltWith {
                                dockerfile: join(&context_dir, &dockerfile),
                            },
                        });
                    }
                    facts.push(Fact {
                        loc: super::line_of(text, &format!("{name}:")),
                        kind: FactKind::DeployedAs {
                            name: name.to_string(),
                            variant: None,
                        },
                    });
                    // Other containers on the network resolve its `container_name` and
                    // `hostname` too.
                    for key in ["container_name", "hostname"] {
                        if let Some(alias) = service[key].as_str() {
                            if alias != name && !alias.contains('$') {
                                facts.push(Fact {
                                    loc: super::line_of(text, alias),
                                    kind: FactKind::DeployedAs {
                                        name: alias.to_string(),
                                        variant: None,
                                    },
                                });
                            }
                        }
                    }
                    // A shared build context built per module (`args: {SERVICE: orders}`):
                    // the module's directory is the service.
                    let module = build_arg_module(&service["build"]["args"], name);
                    match (module, template) {
                        (Some(module), _) => Target::Dir(join(&join(dir, &context), &module)),
                        (None, Some(t)) => Target::Templated(join(dir, &context), join(dir, &t)),
                        (None, None) => Target::Dir(join(dir, &context)),
                    }
                }
                None => Target::Name(name.to_string()),
            };
            out.push((target, facts));
        }
        attach_sidecar_agents(services, text, &mut out[first..]);
    }
    out
}

/// Images of agents that instrument another container's process from outside it, with the
/// deployment agent each one amounts to: OpenTelemetry Go's eBPF auto-instrumentation.
const SIDECAR_AGENTS: &[(&str, &str)] = &[("autoinstrumentation-go", "go-auto-instrumentation")];

/// A sidecar agent container (`image: otel/autoinstrumentation-go`) instruments the service it
/// shares a process namespace with (`pid: service:go-app`), or else the one service built from
/// source it depends on: that service gets the agent and the sidecar's settings
/// (`OTEL_PROPAGATORS`).
fn attach_sidecar_agents(
    services: &yaml_rust2::yaml::Hash,
    text: &str,
    out: &mut [(Target, Vec<Fact>)],
) {
    if out.len() != services.len() {
        return;
    }
    let names: Vec<&str> = services.keys().map(|k| k.as_str().unwrap_or("")).collect();
    for (at, service) in services.values().enumerate() {
        let image = service["image"].as_str().unwrap_or("");
        let Some((_, agent)) = SIDECAR_AGENTS.iter().find(|(i, _)| image.contains(i)) else {
            continue;
        };
        let built = |n: &str| {
            services
                .iter()
                .any(|(k, v)| k.as_str() == Some(n) && !v["build"].is_badvalue())
        };
        let target = match service["pid"]
            .as_str()
            .and_then(|p| p.strip_prefix("service:"))
        {
            Some(t) => Some(t.to_string()),
            None => {
                let deps: Vec<String> = match &service["depends_on"] {
                    Yaml::Array(items) => items
                        .iter()
                        .filter_map(|i| i.as_str().map(str::to_string))
                        .collect(),
                    Yaml::Hash(map) => map
                        .keys()
                        .filter_map(|k| k.as_str().map(str::to_string))
                        .collect(),
                    _ => Vec::new(),
                };
                let mut deps = deps.into_iter().filter(|d| built(d));
                match (deps.next(), deps.next()) {
                    (Some(only), None) => Some(only),
                    _ => None,
                }
            }
        };
        let Some(to) = target.and_then(|t| names.iter().position(|n| *n == t)) else {
            continue;
        };
        let loc = super::line_of(text, image);
        let mut moved: Vec<Fact> = out[at]
            .1
            .iter()
            .filter(|f| matches!(f.kind, FactKind::EnvSetting { .. }))
            .cloned()
            .collect();
        moved.push(Fact {
            loc,
            kind: FactKind::AutoInstrumentation {
                agent: (*agent).to_string(),
                module: None,
            },
        });
        out[to].1.extend(moved);
    }
}

/// The host ports `ports:` publishes a service's container ports on: `"4003:4000"`,
/// `"127.0.0.1:4003:4000/tcp"`, or the long form's `published`. A bare container port is
/// published on a port Docker picks, so it names none.
fn published_ports(ports: &Yaml, dotenv: &BTreeMap<String, String>) -> Vec<u16> {
    let Yaml::Array(items) = ports else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let published = match item {
                Yaml::String(s) => {
                    let s = interpolate(s, dotenv);
                    let s = s.split('/').next().unwrap_or(&s).to_string();
                    let mut parts = s.rsplit(':');
                    let _container = parts.next()?;
                    parts.next()?.to_string()
                }
                Yaml::Hash(_) => scalar(&item["published"]),
                _ => return None,
            };
            published.trim().parse().ok()
        })
        .collect()
}

/// `environment:` as a map or a list of `K=V`; a variable listed without a value (`- K`, or
/// `K:` with nothing) is `None`.
pub(super) fn environment(env: &Yaml) -> Vec<(String, Option<String>)> {
    match env {
        Yaml::Hash(map) => map
            .iter()
            .filter_map(|(k, v)| {
                let value = (!matches!(v, Yaml::Null)).then(|| scalar(v));
                Some((k.as_str()?.to_string(), value))
            })
            .collect(),
        Yaml::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str())
            .map(|i| match i.split_once('=') {
                Some((k, v)) => (k.to_string(), Some(v.to_string())),
                None => (i.to_string(), None),
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The `KEY=value` lines of a `.env` file (comments, blank lines and `export ` prefixes
/// allowed; surrounding quotes removed).
pub fn parse_dotenv(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.strip_prefix("export ").unwrap_or(l).split_once('='))
        .map(|(k, v)| {
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(v);
            (k.trim().to_string(), v.to_string())
        })
        .collect()
}

/// `${VAR}`, `${VAR:-default}` and `$VAR` references filled from `vars` (one level deep); an
/// unknown variable without a default is left as written.
fn interpolate(value: &str, vars: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let (name, default, len) = if let Some(inner) = after.strip_prefix('{') {
            let Some(end) = inner.find('}') else {
                out.push_str(&rest[at..]);
                return out;
            };
            let body = &inner[..end];
            let (name, default) = match body.split_once(":-").or_else(|| body.split_once('-')) {
                Some((n, d)) => (n, Some(d)),
                None => (body, None),
            };
            (name, default, end + 2)
        } else {
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            (&after[..end], None, end)
        };
        match (vars.get(name), default) {
            (Some(v), _) if !name.is_empty() => out.push_str(v),
            (_, Some(d)) => out.push_str(d),
            _ => out.push_str(&rest[at..at + 1 + len]),
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    out
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

/// The build argument that names the compose service's own module inside a shared build
/// context: an argument whose value is the service's name (`gateway-service:` built with
/// `args: {SERVICE: gateway-service}`).
fn build_arg_module(args: &Yaml, name: &str) -> Option<String> {
    let values: Vec<String> = match args {
        Yaml::Hash(map) => map.values().map(scalar).collect(),
        Yaml::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str()?.split_once('=').map(|(_, v)| v.to_string()))
            .collect(),
        _ => return None,
    };
    values.into_iter().find(|v| v == name)
}

/// `build: ./dir` or `build: { context: ./dir }`.
/// The directory a service is built from: its build context, or the directory of its
/// Dockerfile when one is named (`context: ./` with `dockerfile: ./src/cart/Dockerfile`
/// builds the `src/cart` service from the repository root); and, when a variable chooses part
/// of a directory's name (`services/cart-${LANG}`), that directory as a template of it.
fn build_context(
    build: &Yaml,
    dotenv: &BTreeMap<String, String>,
) -> Option<(String, Option<String>)> {
    let (context, dockerfile) = match build {
        Yaml::String(s) => (s.as_str(), None),
        Yaml::Hash(_) => (
            build["context"].as_str().unwrap_or("."),
            build["dockerfile"].as_str(),
        ),
        _ => return None,
    };
    let place = |context: &str, dockerfile: Option<&str>| match dockerfile
        .filter(|d| !d.contains('$'))
        .and_then(|d| d.rsplit_once('/'))
    {
        Some((dir, _)) => join(context, dir),
        None => context.to_string(),
    };
    let resolved = place(
        &interpolate(context, dotenv),
        dockerfile.map(|d| interpolate(d, dotenv)).as_deref(),
    );
    let no_vars = BTreeMap::new();
    let raw_context = interpolate(context, &no_vars);
    let raw_dockerfile = dockerfile.map(|d| interpolate(d, &no_vars));
    let template = match raw_dockerfile.as_deref().and_then(|d| d.rsplit_once('/')) {
        Some((dir, _)) if chooses_directory(dir) => Some(join(&raw_context, dir)),
        _ if chooses_directory(&raw_context) => {
            Some(place(&raw_context, raw_dockerfile.as_deref()))
        }
        _ => None,
    };
    Some((resolved, template))
}

/// Whether a path names a directory partly by a variable (`cart-${LANG}`; not `${DIR}` alone,
/// which could be any directory).
fn chooses_directory(path: &str) -> bool {
    path.split('/')
        .any(|level| level.contains('$') && !without_variables(level).is_empty())
}

/// A path level with its `${VAR}` and `$VAR` references taken out.
fn without_variables(level: &str) -> String {
    let mut out = String::new();
    let mut rest = level;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let len = match after.strip_prefix('{') {
            Some(inner) => inner.find('}').map_or(after.len(), |end| end + 2),
            None => after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len()),
        };
        rest = &after[len..];
    }
    out.push_str(rest);
    out
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
        let got = facts(text, "deploy", &BTreeMap::new());
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

    #[test]
    fn listed_variables_take_their_values_from_dotenv() {
        let text = "services:\n  checkout:\n    build: ./checkout\n    environment:\n      - SHIPPING_ADDR\n      - CART_ADDR=cart:${CART_PORT}\n      - QUOTE=${QUOTE_ADDR:-http://quote:8090}\n      - UNSET\n";
        let dotenv = parse_dotenv(
            "# addresses\nSHIPPING_ADDR=http://shipping:${SHIPPING_PORT}\nSHIPPING_PORT=50050\nexport CART_PORT=\"7070\"\n",
        );
        let got = facts(text, "", &dotenv);
        let env: Vec<(String, String)> = got[0]
            .1
            .iter()
            .filter_map(|f| match &f.kind {
                FactKind::EnvSetting { name, value } => Some((name.clone(), value.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(
            env,
            vec![
                ("SHIPPING_ADDR".into(), "http://shipping:50050".into()),
                ("CART_ADDR".into(), "cart:7070".into()),
                ("QUOTE".into(), "http://quote:8090".into()),
            ]
        );
    }

    #[test]
    fn a_named_dockerfile_places_the_service() {
        let text = "services:\n  cart:\n    build:\n      context: ./\n      dockerfile: ${CART_DOCKERFILE}\n    environment:\n      - A=1\n  web:\n    build:\n      context: ./web\n      dockerfile: Dockerfile.prod\n    environment:\n      - A=1\n";
        let dotenv = parse_dotenv("CART_DOCKERFILE=./src/cart/Dockerfile\n");
        let got = facts(text, "", &dotenv);
        assert_eq!(got[0].0, Target::Dir("src/cart".into()));
        assert_eq!(got[1].0, Target::Dir("web".into()));
    }
    #[test]
    fn a_directory_chosen_by_a_variable_is_kept_as_a_template() {
        let text = "services:\n  web:\n    build:\n      context: services/web-${IMPL}\n  user:\n    build:\n      context: .\n      dockerfile: services/user-${IMPL}/Dockerfile\n  any:\n    build: ./${DIR}\n";
        let vars = parse_dotenv("IMPL=python\nDIR=any\n");
        let got = facts(text, "", &vars);
        assert_eq!(
            got[0].0,
            Target::Templated("services/web-python".into(), "services/web-${IMPL}".into())
        );
        assert_eq!(
            got[1].0,
            Target::Templated(
                "services/user-python".into(),
                "services/user-${IMPL}".into()
            )
        );
        // A level that is only a variable could be any directory: its value decides.
        assert_eq!(got[2].0, Target::Dir("any".into()));
    }

    #[test]
    fn a_go_ebpf_sidecar_instruments_the_service_it_watches() {
        let text = "services:\n  pricing:\n    build: ./pricing\n  collector:\n    image: otel/opentelemetry-collector\n  agent:\n    image: otel/autoinstrumentation-go:latest\n    environment:\n      - OTEL_PROPAGATORS=tracecontext,baggage\n    depends_on:\n      - pricing\n      - collector\n  lone-agent:\n    image: otel/autoinstrumentation-go:latest\n    depends_on: [collector]\n";
        let got = facts(text, "", &BTreeMap::new());
        let agents = |facts: &[Fact]| {
            facts
                .iter()
                .filter_map(|f| match &f.kind {
                    FactKind::AutoInstrumentation { agent, .. } => Some(agent.clone()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(got[0].0, Target::Dir("pricing".into()));
        assert_eq!(agents(&got[0].1), vec!["go-auto-instrumentation"]);
        assert!(got[0].1.iter().any(|f| matches!(&f.kind,
            FactKind::EnvSetting { name, .. } if name == "OTEL_PROPAGATORS")));
        // The collector is not built from source; an agent that watches nothing built attaches
        // to nothing.
        assert!(agents(&got[1].1).is_empty());
    }
}
