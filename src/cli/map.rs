//! `tracewire map`: the service graph, as Mermaid, Graphviz dot, JSON (version 1) or a table.

use super::{MapArgs, MapFormat, EXIT_OK};
use crate::analysis::Workspace;
use crate::model::build::Model;
use crate::model::graph::EdgeStatus;
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Serialize)]
struct MapDocument<'a> {
    version: u32,
    services: Vec<ServiceEntry>,
    edges: Vec<EdgeEntry<'a>>,
}

#[derive(Serialize)]
struct ServiceEntry {
    name: String,
    path: String,
    languages: Vec<&'static str>,
    instrumented: bool,
    /// Written in a language tracewire does not analyse yet: `instrumented` is unknown.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    opaque: bool,
    propagators: Vec<String>,
}

#[derive(Serialize)]
struct EdgeEntry<'a> {
    from: &'a str,
    to: &'a str,
    kind: crate::model::graph::EdgeKind,
    target: &'a str,
    status: EdgeStatus,
    reason: &'a str,
    sites: Vec<SiteEntry<'a>>,
}

#[derive(Serialize)]
struct SiteEntry<'a> {
    path: &'a str,
    line: u32,
}

/// Runs `map` and returns the exit code, or an error message.
pub fn run(args: &MapArgs) -> Result<i32, String> {
    let root = args.path.clone().unwrap_or_else(|| ".".into());
    if !root.exists() {
        return Err(format!("{}: does not exist", root.display()));
    }
    if !root.is_dir() {
        return Err(format!("{}: not a directory", root.display()));
    }
    let settings = super::settings(args.config.as_deref(), args.no_config, &root)?;
    let workspace = Workspace::load(&root, &settings, false)?;
    let repo = &workspace.repo;
    let model = Model::build(repo, workspace.knowledge(), settings.naming_style);
    let (views, graph) = (&model.views, &model.graph);
    let services: Vec<ServiceEntry> = views
        .iter()
        .map(|view| {
            let s = view.service;
            let languages: BTreeSet<&'static str> = view
                .owned()
                .filter_map(|f| f.lang.map(|l| l.name()))
                .collect();
            let summary = &view.summary;
            let propagators = view
                .propagation
                .as_ref()
                .map(|p| p.formats.clone())
                .unwrap_or_default();
            ServiceEntry {
                name: s.name.clone(),
                path: s.root.clone(),
                languages: languages.into_iter().collect(),
                instrumented: s.uses_tracing
                    && (summary.has_sdk() || !summary.auto_instrumentation.is_empty()),
                opaque: s.opaque && !s.uses_tracing,
                propagators: if s.uses_tracing {
                    propagators
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    let name = |i: usize| repo.services[i].name.as_str();
    let edges: Vec<EdgeEntry<'_>> = graph
        .edges
        .iter()
        .map(|e| EdgeEntry {
            from: name(e.from),
            to: name(e.to),
            kind: e.kind,
            target: &e.target,
            status: e.status,
            reason: &e.reason,
            sites: e
                .sites
                .iter()
                .map(|s| SiteEntry {
                    path: &s.path,
                    line: s.line,
                })
                .collect(),
        })
        .collect();
    let doc = MapDocument {
        version: 1,
        services,
        edges,
    };
    let out = match args.format {
        MapFormat::Json => serde_json::to_string_pretty(&doc).expect("plain data") + "\n",
        MapFormat::Mermaid => mermaid(&doc),
        MapFormat::Dot => dot(&doc),
        MapFormat::Table => table(&doc),
    };
    print!("{out}");
    Ok(EXIT_OK)
}

fn id(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn mermaid(doc: &MapDocument<'_>) -> String {
    let mut out = String::from("flowchart LR\n");
    for s in &doc.services {
        let traced = if s.instrumented {
            "traced"
        } else {
            "not traced"
        };
        out.push_str(&format!(
            "  {}[\"{}<br/>{} · {}\"]\n",
            id(&s.name),
            s.name,
            s.languages.join(", "),
            traced
        ));
    }
    for (i, e) in doc.edges.iter().enumerate() {
        let arrow = match e.status {
            EdgeStatus::Ok => "-->",
            EdgeStatus::Broken => "-.->",
            EdgeStatus::Unknown => "-->",
        };
        out.push_str(&format!(
            "  {} {arrow}|\"{} {}: {}\"| {}\n",
            id(e.from),
            format!("{:?}", e.kind).to_lowercase(),
            e.target,
            format!("{:?}", e.status).to_lowercase(),
            id(e.to)
        ));
        let colour = match e.status {
            EdgeStatus::Ok => "green",
            EdgeStatus::Broken => "red",
            EdgeStatus::Unknown => "orange",
        };
        out.push_str(&format!("  linkStyle {i} stroke:{colour}\n"));
    }
    out
}

fn dot(doc: &MapDocument<'_>) -> String {
    let mut out = String::from("digraph services {\n  rankdir=LR;\n");
    for s in &doc.services {
        out.push_str(&format!(
            "  \"{}\" [shape=box, label=\"{}\\n{}\", style={}];\n",
            s.name,
            s.name,
            s.languages.join(", "),
            if s.instrumented { "solid" } else { "dashed" }
        ));
    }
    for e in &doc.edges {
        let colour = match e.status {
            EdgeStatus::Ok => "green",
            EdgeStatus::Broken => "red",
            EdgeStatus::Unknown => "orange",
        };
        out.push_str(&format!(
            "  \"{}\" -> \"{}\" [label=\"{} {}\", color={colour}, tooltip=\"{}\"];\n",
            e.from,
            e.to,
            format!("{:?}", e.kind).to_lowercase(),
            e.target,
            e.reason
        ));
    }
    out.push_str("}\n");
    out
}

/// The services and edges as two aligned plain-text tables.
fn table(doc: &MapDocument<'_>) -> String {
    let services: Vec<Vec<String>> = doc
        .services
        .iter()
        .map(|s| {
            let traced = if s.instrumented {
                "yes"
            } else if s.opaque {
                "?"
            } else {
                "no"
            };
            vec![
                s.name.to_string(),
                s.languages.join(","),
                traced.to_string(),
                s.propagators.join(","),
            ]
        })
        .collect();
    let edges: Vec<Vec<String>> = doc
        .edges
        .iter()
        .map(|e| {
            vec![
                e.from.to_string(),
                e.to.to_string(),
                format!("{:?}", e.kind).to_lowercase(),
                e.target.to_string(),
                format!("{:?}", e.status).to_lowercase(),
                e.reason.to_string(),
            ]
        })
        .collect();
    let mut out = aligned(
        &["SERVICE", "LANGUAGES", "TRACED", "PROPAGATORS"],
        &services,
    );
    out.push('\n');
    out.push_str(&aligned(
        &["FROM", "TO", "KIND", "TARGET", "STATUS", "REASON"],
        &edges,
    ));
    out
}

/// Rows under a header, each column as wide as its widest cell (the last one unpadded).
fn aligned(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut text = String::new();
        for (i, cell) in cells.enumerate() {
            if i + 1 < widths.len() {
                text.push_str(&format!("{cell:<w$}  ", w = widths[i]));
            } else {
                text.push_str(cell);
            }
        }
        text.trim_end().to_string() + "\n"
    };
    let mut out = line(&mut header.iter().copied());
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
    }
    out
}
