//! What a start command or environment switches on: launchers, preloaded modules and agents.

use super::line_of;
use crate::facts::{Fact, FactKind};

/// The runtime option variables that carry agents and preloads.
const RECORDED_ENV: &[&str] = &[
    "NODE_OPTIONS",
    "JAVA_TOOL_OPTIONS",
    "_JAVA_OPTIONS",
    "JDK_JAVA_OPTIONS",
];

/// Programs that run Node.js and take its `--require`/`--import` flags.
const NODE_LAUNCHERS: &[&str] = &[
    "node",
    "nodejs",
    "nodemon",
    "node-dev",
    "ts-node",
    "ts-node-dev",
    "tsx",
    "bun",
];

/// Modules preloaded for reasons other than tracing: loading environment files, compiling
/// TypeScript, mapping paths and source maps.
const NON_TRACING_PRELOADS: &[&str] = &[
    "dotenv/config",
    "dotenv-flow/config",
    "@dotenvx/dotenvx/config",
    "ts-node/register",
    "ts-node/register/transpile-only",
    "ts-node/esm",
    "tsconfig-paths/register",
    "source-map-support/register",
    "@babel/register",
    "@swc/register",
    "@swc-node/register",
    "@esbuild-kit/cjs-loader",
    "module-alias/register",
    "reflect-metadata",
    "esm",
    "tsx",
    "tsx/cjs",
    "tsx/esm",
];

/// Shell words that end one command and start the next.
const COMMAND_SEPARATORS: &[&str] = &["&&", "||", ";", "|", "&"];

/// Preloads that start a complete SDK with every instrumentation before the application loads
/// (zero-code instrumentation): OpenTelemetry's own and the vendor distributions built on it
/// (AWS ADOT, Splunk, Elastic EDOT), which also install the propagators of `OTEL_PROPAGATORS`.
const NODE_ZERO_CODE_PRELOADS: &[&str] = &[
    "@opentelemetry/auto-instrumentations-node/register",
    "@aws/aws-distro-opentelemetry-node-autoinstrumentation/register",
    "@splunk/otel/instrument",
    "@elastic/opentelemetry-node",
];

/// Servers started from the command line and the flags that give the port they listen on
/// (`next dev -p 3001`, `uvicorn main:app --port 8000`, `gunicorn -b 0.0.0.0:8000 app:app`).
const PORT_FLAGS: &[(&str, &[&str])] = &[
    ("next", &["-p", "--port"]),
    ("uvicorn", &["--port"]),
    ("fastapi", &["--port"]),
    ("flask", &["-p", "--port"]),
    ("gunicorn", &["-b", "--bind"]),
    ("hypercorn", &["-b", "--bind"]),
    ("vite", &["--port"]),
    ("http-server", &["-p", "--port"]),
];

/// The port a server started by this command listens on, from its port flag
/// (`-p 3001`, `--port=8000`, `--bind 0.0.0.0:8000`).
fn listen_port(tokens: &[String]) -> Option<u16> {
    let mut flags: Option<&[&str]> = None;
    for (i, t) in tokens.iter().enumerate() {
        if COMMAND_SEPARATORS.contains(&t.as_str()) {
            flags = None;
            continue;
        }
        let base = t.rsplit('/').next().unwrap_or(t);
        if let Some((_, f)) = PORT_FLAGS.iter().find(|(p, _)| *p == base) {
            flags = Some(f);
            continue;
        }
        let Some(flags) = flags else {
            continue;
        };
        let value = flags.iter().find_map(|flag| {
            if t == flag {
                tokens.get(i + 1).map(String::as_str)
            } else {
                t.strip_prefix(flag).and_then(|r| r.strip_prefix('='))
            }
        });
        if let Some(port) = value.and_then(|v| v.rsplit(':').next()?.parse().ok()) {
            return Some(port);
        }
    }
    None
}

/// Facts from a command line (tokens as the shell would split them). `text` is the whole file,
/// used to place the facts; `needle` is what to search for to find the line.
pub fn scan_command(tokens: &[String], text: &str, needle: &str) -> Vec<Fact> {
    let mut facts = scan(tokens, text, needle, None);
    if let Some(port) = listen_port(tokens) {
        facts.push(Fact {
            loc: line_of(text, needle),
            kind: FactKind::ListensOn { port },
        });
    }
    facts
}

/// [`scan_command`]; `options_of_node` when the words are a runtime's options rather than a
/// command: `Some(true)` for Node's own (`NODE_OPTIONS`), `Some(false)` for another runtime's.
/// In a command, a `-r`/`--require`/`--import` counts only for Node: after a Node launcher in
/// the same command, or in a command of flags alone (a Dockerfile `CMD` or Kubernetes `args`
/// after a `node` entry point) — `rm -r dist` and `grep -r x` preload nothing.
fn scan(tokens: &[String], text: &str, needle: &str, options_of_node: Option<bool>) -> Vec<Fact> {
    let mut facts = Vec::new();
    let loc = line_of(text, needle);
    let push = |facts: &mut Vec<Fact>, agent: &str, module: Option<String>| {
        facts.push(Fact {
            loc,
            kind: FactKind::AutoInstrumentation {
                agent: agent.to_string(),
                module,
            },
        })
    };
    let mut i = 0;
    // Whether the current command runs Node (or is flags alone).
    let starts_node = |first: Option<&String>| {
        options_of_node.unwrap_or_else(|| first.is_some_and(|t| t.starts_with('-')))
    };
    let mut node = starts_node(tokens.first());
    while i < tokens.len() {
        let t = tokens[i].as_str();
        let base = t.rsplit('/').next().unwrap_or(t);
        if COMMAND_SEPARATORS.contains(&t) {
            node = starts_node(tokens.get(i + 1));
        } else if options_of_node.is_none() && NODE_LAUNCHERS.contains(&base) {
            node = true;
        }
        if t.contains(char::is_whitespace) {
            // `sh -c "node -r ./tracing.js app.js"`: the quoted command is a command too.
            facts.extend(scan_command(&split_words(t), text, needle));
        } else if base == "opentelemetry-instrument" {
            push(&mut facts, "opentelemetry-instrument", None);
        } else if is_dotnet_launcher(tokens, i) {
            push(&mut facts, "dotnet-auto-instrumentation", None);
        } else if let Some(module) = preload_module(tokens, i)
            .filter(|m| node && !NON_TRACING_PRELOADS.contains(&m.as_str()))
        {
            if NODE_ZERO_CODE_PRELOADS
                .iter()
                .any(|z| module.starts_with(z))
            {
                push(&mut facts, "node-auto-instrumentations", Some(module));
            } else {
                push(&mut facts, "node-preload", Some(module));
            }
        } else if t.starts_with("-javaagent:") {
            push(
                &mut facts,
                "java-agent",
                Some(t.trim_start_matches("-javaagent:").to_string()),
            );
        }
        i += 1;
    }
    facts
}

/// .NET automatic instrumentation's launcher script: `./instrument.sh dotnet App.dll`, or the
/// script from the `otel-dotnet-auto` home.
fn is_dotnet_launcher(tokens: &[String], i: usize) -> bool {
    let t = tokens[i].as_str();
    let base = t.rsplit('/').next().unwrap_or(t);
    base == "instrument.sh"
        && (t.contains("otel-dotnet-auto")
            || tokens[i + 1..]
                .iter()
                .any(|n| n == "dotnet" || n.ends_with("/dotnet")))
}

/// The module after `--require`/`-r`/`--import` at `i` (also the `--require=x` form).
fn preload_module(tokens: &[String], i: usize) -> Option<String> {
    let t = tokens[i].as_str();
    for flag in ["--require", "--import", "-r"] {
        if t == flag {
            return tokens.get(i + 1).cloned();
        }
        if let Some(v) = t.strip_prefix(flag).and_then(|r| r.strip_prefix('=')) {
            return Some(v.to_string());
        }
    }
    None
}

/// Facts from one environment variable.
pub fn scan_env(name: &str, value: &str, text: &str) -> Vec<Fact> {
    let mut facts = Vec::new();
    let loc = line_of(text, name);
    // Every variable is recorded: OpenTelemetry's own configure the SDK, the runtime-option
    // ones carry agents, and the others may hold the addresses of other services.
    {
        facts.push(Fact {
            loc,
            kind: FactKind::EnvSetting {
                name: name.to_string(),
                value: value.to_string(),
            },
        });
    }
    let carries_flags = RECORDED_ENV.contains(&name);
    if carries_flags {
        facts.extend(scan(
            &split_words(value),
            text,
            name,
            Some(name == "NODE_OPTIONS"),
        ));
    }
    let dotnet_auto = (name == "CORECLR_ENABLE_PROFILING" && value.trim() == "1")
        || name == "OTEL_DOTNET_AUTO_HOME";
    if dotnet_auto {
        facts.push(Fact {
            loc,
            kind: FactKind::AutoInstrumentation {
                agent: "dotnet-auto-instrumentation".into(),
                module: None,
            },
        });
    }
    facts
}

/// Splits a shell-like command line into words, honouring single and double quotes.
pub fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    let mut in_word = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => current.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut current));
                    in_word = false;
                }
            }
            (None, c) => {
                current.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agents(line: &str) -> Vec<(String, Option<String>)> {
        scan_command(&split_words(line), line, "")
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::AutoInstrumentation { agent, module } => Some((agent, module)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn servers_started_with_a_port_flag_listen_on_it() {
        let port = |line: &str| listen_port(&split_words(line));
        assert_eq!(port("next dev -p 3001"), Some(3001));
        assert_eq!(port("npx next start --port=3002"), Some(3002));
        assert_eq!(
            port("uvicorn main:app --host 0.0.0.0 --port 8000"),
            Some(8000)
        );
        assert_eq!(port("gunicorn -b 0.0.0.0:8010 app:app"), Some(8010));
        // A flag of another program, or of a program after the server's command ended.
        assert_eq!(port("next build && tar -p x"), None);
        assert_eq!(port("docker run -p 8080:80 img"), None);
        assert_eq!(port("next dev"), None);
    }

    #[test]
    fn launchers_preloads_and_agents() {
        assert_eq!(
            agents("opentelemetry-instrument python app.py"),
            vec![("opentelemetry-instrument".to_string(), None)]
        );
        for distro in [
            "node -r @aws/aws-distro-opentelemetry-node-autoinstrumentation/register index.js",
            "node -r @splunk/otel/instrument index.js",
            "node --import @elastic/opentelemetry-node app.js",
        ] {
            let found = agents(distro);
            assert_eq!(found.len(), 1, "{distro}");
            assert_eq!(found[0].0, "node-auto-instrumentations", "{distro}");
        }
        assert_eq!(
            agents("node -r ./tracing.js index.js")[0].0,
            "node-preload",
            "a local setup file is judged by what it does"
        );
        assert_eq!(
            agents("node --require @opentelemetry/auto-instrumentations-node/register app.js"),
            vec![(
                "node-auto-instrumentations".to_string(),
                Some("@opentelemetry/auto-instrumentations-node/register".to_string())
            )]
        );
        assert_eq!(
            agents("node --import=./instrumentation.mjs server.mjs"),
            vec![(
                "node-preload".to_string(),
                Some("./instrumentation.mjs".to_string())
            )]
        );
        assert_eq!(
            agents("java -javaagent:/otel/opentelemetry-javaagent.jar -jar app.jar")[0].0,
            "java-agent"
        );
        assert_eq!(
            agents("./instrument.sh dotnet Accounting.dll")[0].0,
            "dotnet-auto-instrumentation"
        );
        assert!(agents("./instrument.sh --all").is_empty());
        assert!(agents("python app.py").is_empty());
        assert_eq!(
            agents(r#"sh -c "node -r ./tracing.js app.js""#)[0].0,
            "node-preload"
        );
    }

    #[test]
    fn only_node_preloads_tracing_modules() {
        let preloads = |line: &str| -> Vec<Option<String>> {
            agents(line).into_iter().map(|(_, m)| m).collect()
        };
        // Other programs' `-r`, and modules preloaded for other reasons.
        assert!(preloads("rm -r dist").is_empty());
        assert!(preloads("grep -r TODO src && cp -r ./public ./build").is_empty());
        assert!(preloads("nodemon -r dotenv/config server.js").is_empty());
        assert!(preloads("rm -r dist && node server.js").is_empty());
        // Node's own, whatever launches it; a command of flags alone (Dockerfile `CMD`).
        assert_eq!(
            preloads("node -r ts-node/register -r ./tracing.ts app.ts"),
            vec![Some("./tracing.ts".to_string())]
        );
        assert_eq!(
            preloads("rm -rf dist && ts-node --require ./otel.ts src/main.ts"),
            vec![Some("./otel.ts".to_string())]
        );
        assert_eq!(
            preloads("--require ./tracing.js server.js"),
            vec![Some("./tracing.js".to_string())]
        );
        let env = scan_env("NODE_OPTIONS", "--require ./tracing.js", "NODE_OPTIONS");
        assert!(env.iter().any(|f| matches!(
            &f.kind,
            FactKind::AutoInstrumentation { module: Some(m), .. } if m == "./tracing.js"
        )));
        let other = scan_env("JAVA_TOOL_OPTIONS", "-r x", "JAVA_TOOL_OPTIONS");
        assert!(!other
            .iter()
            .any(|f| matches!(f.kind, FactKind::AutoInstrumentation { .. })));
    }

    #[test]
    fn words_honour_quotes() {
        assert_eq!(
            split_words(r#"sh -c "node -r ./t.js a.js" 'x y'"#),
            vec!["sh", "-c", "node -r ./t.js a.js", "x y"]
        );
    }
}
