//! The service graph: which service calls which, matched across the repository — gRPC by the
//! service name in generated stubs (`NewCartServiceClient` ↔ `RegisterCartServiceServer`),
//! named as the `.proto` contract declares it (`hipstershop.CartService`),
//! HTTP by the host of a URL naming another service, written literally
//! (`http://quote:8080/...`) or read from an environment variable whose deployed value names
//! it (`os.Getenv("QUOTE_ADDR")` with `QUOTE_ADDR: quote:8080` in compose) or from a
//! configuration key resolved the same way (`settings`) — on the caller's own machine
//! (`localhost:4002`) by the port a service listens on —, messaging by the
//! topic, written or read from an environment variable the same way — and whether the trace
//! survives each edge.

use super::boundary::Verdict;
use super::{RepoModel, ServiceView};
use crate::facts::{FactKind, Loc, Proto};
use serde::Serialize;
use std::collections::BTreeMap;

/// What crosses an edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    /// gRPC calls.
    Grpc,
    /// HTTP requests.
    Http,
    /// Messages through a broker topic or queue.
    Messaging,
}

impl EdgeKind {
    /// The name used in messages.
    pub fn label(self) -> &'static str {
        match self {
            EdgeKind::Grpc => "gRPC",
            EdgeKind::Http => "HTTP",
            EdgeKind::Messaging => "messaging",
        }
    }
}

/// Whether the trace survives an edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EdgeStatus {
    /// The caller injects and the callee extracts.
    Ok,
    /// One side certainly drops the trace.
    Broken,
    /// tracewire cannot tell.
    Unknown,
}

/// A call site on an edge.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Site {
    /// File path.
    pub path: String,
    /// Where.
    #[serde(skip)]
    pub loc: Loc,
    /// Line, for output.
    pub line: u32,
    /// The URL path an HTTP call requests, as far as the code spells it.
    #[serde(skip)]
    pub url_path: Option<String>,
}

/// One edge of the graph.
#[derive(Clone, Debug, Serialize)]
pub struct Edge {
    /// Index of the calling service.
    #[serde(skip)]
    pub from: usize,
    /// Index of the called service.
    #[serde(skip)]
    pub to: usize,
    /// What crosses it.
    pub kind: EdgeKind,
    /// The gRPC service (qualified by its contract's package when a `.proto` file declares
    /// it), the HTTP host, or the topic.
    pub target: String,
    /// Whether the trace survives.
    pub status: EdgeStatus,
    /// Why, in a few words.
    pub reason: String,
    /// The calling sites.
    pub sites: Vec<Site>,
}

/// The graph of a repository.
#[derive(Debug, Default)]
pub struct Graph {
    /// Edges, sorted by (from, to, kind, target).
    pub edges: Vec<Edge>,
}

impl Graph {
    /// Matches every service's outbound targets against the other services, from their views
    /// (one per service, in order).
    pub fn from_views(repo: &RepoModel, views: &[ServiceView<'_>]) -> Graph {
        // What each service serves, in one pass over its facts: gRPC services, topics it reads,
        // and the names deployment runs it under (compose services) besides its own.
        let mut servers: BTreeMap<&str, usize> = BTreeMap::new();
        let mut consumers: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut by_name: BTreeMap<&str, usize> = BTreeMap::new();
        // The services each deployment file (each instance of a templated one) runs together,
        // under their names there.
        let mut deployments: Deployments<'_> = BTreeMap::new();
        // Names an orchestrator runs projects under: (project, name).
        let mut project_names: Vec<(&str, &str)> = Vec::new();
        // The services listening on each port of the machine they run on.
        let mut listeners: BTreeMap<u16, Vec<usize>> = BTreeMap::new();
        for (i, service) in repo.services.iter().enumerate() {
            if !service.library {
                by_name.insert(service.name.as_str(), i);
            }
        }
        for (i, service) in repo.services.iter().enumerate() {
            if service.library {
                continue;
            }
            for &f in service.files.iter().chain(&service.libraries) {
                let file = &repo.files[f];
                // Only a deployment of the service's own directory names it: a compose service
                // building from a directory without a manifest lands in an enclosing service.
                // A file of the service's own (its configuration's application name) does too.
                let own_deployment = match (&file.applies_to_dir, &file.applies_to_name) {
                    (Some(dir), _) => dir == &service.root,
                    (None, None) => file.lang.is_none(),
                    (None, Some(_)) => false,
                };
                for fact in &file.facts {
                    match &fact.kind {
                        FactKind::GrpcServiceServed { service: name } => {
                            servers.entry(name.as_str()).or_insert(i);
                        }
                        FactKind::MessageTopic { .. } | FactKind::MessageTopicFromEnv { .. } => {
                            if let Some((topic, false)) = topic_of(&views[i], &fact.kind) {
                                let list = consumers.entry(topic).or_default();
                                if !list.contains(&i) {
                                    list.push(i);
                                }
                            }
                        }
                        FactKind::DeployedAs { name, variant } if own_deployment => {
                            by_name.entry(name.as_str()).or_insert(i);
                            deployments
                                .entry((file.path.as_str(), variant.as_deref()))
                                .or_default()
                                .push((name.as_str(), i));
                        }
                        FactKind::ProjectDeployedAs { project, name } => {
                            project_names.push((project.as_str(), name.as_str()));
                        }
                        FactKind::ListensOn { .. } | FactKind::ListensOnEnv { .. }
                            if own_deployment || file.lang.is_some() =>
                        {
                            if let Some(port) = listen_port(&views[i], &fact.kind) {
                                let list = listeners.entry(port).or_default();
                                if !list.contains(&i) {
                                    list.push(i);
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        if !project_names.is_empty() {
            let by_project: BTreeMap<String, usize> = repo
                .services
                .iter()
                .enumerate()
                .filter(|(_, s)| !s.library)
                .map(|(i, s)| (project_identifier(s), i))
                .collect();
            for (project, name) in project_names {
                if let Some(&i) = by_project.get(project) {
                    by_name.entry(name).or_insert(i);
                }
            }
        }
        for (i, view) in views.iter().enumerate() {
            for key in PORT_SETTINGS {
                let port = super::settings::value(&view.summary, key).and_then(|v| v.parse().ok());
                if let Some(port) = port {
                    let list = listeners.entry(port).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
        }
        let deployments = together(deployments);
        let mut edges: BTreeMap<(usize, usize, EdgeKind, String), Vec<Site>> = BTreeMap::new();
        for (i, service) in repo.services.iter().enumerate() {
            if service.library {
                continue;
            }
            for &f in service.files.iter().chain(&service.libraries) {
                let file = &repo.files[f];
                if !service.has_entry && file.generated {
                    // A generated client library (an SDK module with no program of its own):
                    // its calls are made by whichever application embeds it, with the
                    // connection that application supplies.
                    continue;
                }
                for fact in &file.facts {
                    if let Some((topic, sends)) = topic_of(&views[i], &fact.kind) {
                        if !sends {
                            continue;
                        }
                        // A service that consumes what it sends is on both ends of the edge.
                        for &to in consumers.get(&topic).into_iter().flatten() {
                            {
                                edges
                                    .entry((i, to, EdgeKind::Messaging, topic.clone()))
                                    .or_default()
                                    .push(Site {
                                        path: file.path.clone(),
                                        loc: fact.loc,
                                        line: fact.loc.line,
                                        url_path: None,
                                    });
                            }
                        }
                        continue;
                    }
                    let (kind, target, to, url_path) = match &fact.kind {
                        FactKind::GrpcServiceCalled { service } => (
                            EdgeKind::Grpc,
                            // The contract's qualified name when a `.proto` file declares it.
                            repo.contracts
                                .service(service)
                                .map_or_else(|| service.clone(), |s| s.qualified()),
                            servers.get(service.as_str()).copied().into_iter().collect(),
                            None,
                        ),
                        FactKind::HttpCallTo {
                            host,
                            path,
                            port: Some(port),
                        } if crate::url::is_loopback(host) => (
                            EdgeKind::Http,
                            format!("{host}:{port}"),
                            listening(views, i, *port, path.as_deref(), &listeners),
                            path.clone(),
                        ),
                        FactKind::HttpCallTo { host, path, .. } => (
                            EdgeKind::Http,
                            host.clone(),
                            addressed(i, host, &deployments, &by_name),
                            path.clone(),
                        ),
                        FactKind::HttpCallToEnv { var, path } => {
                            let Some(value) = super::settings::value(&views[i].summary, var) else {
                                continue;
                            };
                            let Some(host) = crate::url::host_of_value(&value) else {
                                continue;
                            };
                            match crate::url::port_of_value(&value) {
                                Some(port) if crate::url::is_loopback(&host) => {
                                    // The whole path: the value's own and the code's after it.
                                    let full = crate::url::split_url(&value)
                                        .and_then(|(_, p)| p)
                                        .map(|p| {
                                            let code = path.as_deref().unwrap_or("");
                                            format!("{}{code}", p.trim_end_matches('/'))
                                        })
                                        .or_else(|| path.clone());
                                    let to = listening(views, i, port, full.as_deref(), &listeners);
                                    (EdgeKind::Http, format!("{host}:{port}"), to, path.clone())
                                }
                                _ => {
                                    let to = addressed(i, &host, &deployments, &by_name);
                                    (EdgeKind::Http, host, to, path.clone())
                                }
                            }
                        }
                        _ => continue,
                    };
                    for to in to {
                        // A service calls itself over the network when it addresses its own
                        // deployed name; over gRPC only a separate program of it does (a client
                        // binary beside the server's), not the server's own code.
                        if to == i && kind == EdgeKind::Grpc && !separate_program(file, &target) {
                            continue;
                        }
                        edges
                            .entry((i, to, kind, target.clone()))
                            .or_default()
                            .push(Site {
                                path: file.path.clone(),
                                loc: fact.loc,
                                line: fact.loc.line,
                                url_path: url_path.clone(),
                            });
                    }
                }
            }
        }
        let edges = edges
            .into_iter()
            .map(|((from, to, kind, target), mut sites)| {
                sites.sort();
                sites.dedup();
                let (status, reason) = match fresh_at_every_site(repo, from, &sites) {
                    Some(fresh) if views[from].service.uses_tracing => (
                        EdgeStatus::Broken,
                        format!("every call starts a new trace from {fresh}"),
                    ),
                    _ => status(&views[from], &views[to], kind, &sites),
                };
                Edge {
                    from,
                    to,
                    kind,
                    target,
                    status,
                    reason,
                    sites,
                }
            })
            .collect();
        Graph { edges }
    }

    /// The edges into a service.
    pub fn into_service(&self, to: usize) -> impl Iterator<Item = &Edge> {
        self.edges.iter().filter(move |e| e.to == to)
    }
}

/// The fresh context every site of an edge is made from, when request code drops its
/// context at each one (`Convert(context.TODO(), ...)` inside a handler): the call starts a
/// new trace whatever the instrumentation on either side.
fn fresh_at_every_site(repo: &RepoModel, from: usize, sites: &[Site]) -> Option<String> {
    let service = &repo.services[from];
    let mut fresh = None;
    for site in sites {
        let file = service
            .files
            .iter()
            .map(|&f| &repo.files[f])
            .find(|file| file.path == site.path)?;
        let dropped = file.facts.iter().find_map(|f| match &f.kind {
            FactKind::ContextDropped {
                fresh,
                sink_loc,
                via_client: None,
                ..
            } if sink_loc.start_byte <= site.loc.start_byte
                && site.loc.end_byte <= sink_loc.end_byte =>
            {
                Some(fresh.clone())
            }
            _ => None,
        })?;
        fresh.get_or_insert(dropped);
    }
    fresh
}

/// Whether a file calling a gRPC service its own service serves is a traced program of its
/// own (it holds an entry point and uses OpenTelemetry) that does not serve it: a client binary
/// beside the server's. An untraced one is left out: the service's instrumentation, which
/// judges the edge, is not that program's.
fn separate_program(file: &crate::facts::FileFacts, target: &str) -> bool {
    file.has_entry
        && file.uses_tracing
        && !file.facts.iter().any(|f| {
            matches!(&f.kind, FactKind::GrpcServiceServed { service } if service == target
                || target.rsplit('.').next() == Some(service.as_str()))
        })
}

/// Names and services per deployment file (and instance of a templated one).
type Deployments<'a> = BTreeMap<(&'a str, Option<&'a str>), Vec<(&'a str, usize)>>;

/// Each deployment's services with their names, as lists: which services run together. The
/// services of a templated file that are not templated run in each of its instances.
fn together(deployments: Deployments<'_>) -> Vec<Vec<(&str, usize)>> {
    let mut out = Vec::new();
    for (&(path, variant), members) in &deployments {
        let instances = deployments
            .range((path, Some(""))..)
            .take_while(|((p, _), _)| *p == path)
            .count();
        match variant {
            None if instances > 0 => {}
            None => out.push(members.clone()),
            Some(_) => {
                let mut all = members.clone();
                all.extend(deployments.get(&(path, None)).into_iter().flatten());
                out.push(all);
            }
        }
    }
    out
}

/// The services a host name reaches from service `from`: the services deployed under that
/// name alongside `from` (one per deployment that runs both, so a name a template or a second
/// compose file gives to another directory reaches that one there); else the one service of
/// that name in the repository.
fn addressed(
    from: usize,
    host: &str,
    deployments: &[Vec<(&str, usize)>],
    by_name: &BTreeMap<&str, usize>,
) -> Vec<usize> {
    let mut scoped: Vec<usize> = deployments
        .iter()
        .filter(|d| d.iter().any(|&(_, s)| s == from))
        .flat_map(|d| d.iter().filter(|&&(n, _)| n == host).map(|&(_, s)| s))
        .collect();
    scoped.sort_unstable();
    scoped.dedup();
    if scoped.is_empty() {
        by_name.get(host).copied().into_iter().collect()
    } else {
        scoped
    }
}

/// Configuration keys that set the port a framework's server listens on (Spring Boot,
/// Quarkus, Micronaut).
const PORT_SETTINGS: &[&str] = &["server.port", "quarkus.http.port", "micronaut.server.port"];

/// The port a listening fact names: written, or read from an environment variable whose
/// deployed value (else the code's default) gives it.
fn listen_port(view: &ServiceView<'_>, kind: &FactKind) -> Option<u16> {
    match kind {
        FactKind::ListensOn { port } => Some(*port),
        FactKind::ListensOnEnv { var, default } => super::settings::value(&view.summary, var)
            .and_then(|v| v.trim().parse().ok())
            .or(*default),
        _ => None,
    }
}

/// The service a call to `port` on the caller's own machine reaches: the one service listening
/// there, or, when several do (examples of one repository each run on their own), the one
/// closest to the caller in the directory tree, if only one is closest. A call whose `path`
/// reaches a route of the caller's own, on a port no other listener's routes serve it at, is
/// the caller calling itself on a port tracewire does not know: no edge.
fn listening(
    views: &[ServiceView<'_>],
    from: usize,
    port: u16,
    path: Option<&str>,
    listeners: &BTreeMap<u16, Vec<usize>>,
) -> Vec<usize> {
    let Some(candidates) = listeners.get(&port) else {
        return Vec::new();
    };
    if let Some(path) = path.filter(|_| !candidates.contains(&from)) {
        let serves = |v: &ServiceView<'_>| {
            v.graph_facts().any(|(_, f)| {
                matches!(&f.kind, FactKind::Inbound { proto: Proto::Http, route: Some(r), .. }
                    if super::routes::reaches(r, path))
            })
        };
        if serves(&views[from]) && !candidates.iter().any(|&c| serves(&views[c])) {
            return Vec::new();
        }
    }
    if let [only] = candidates.as_slice() {
        return vec![*only];
    }
    let shared = |to: usize| -> usize {
        let (a, b) = (&views[from].service.root, &views[to].service.root);
        a.split('/')
            .zip(b.split('/'))
            .take_while(|(x, y)| x == y && !x.is_empty())
            .count()
    };
    let best = candidates.iter().map(|&c| shared(c)).max().unwrap_or(0);
    let closest: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&c| shared(c) == best)
        .collect();
    if closest.len() == 1 {
        closest
    } else {
        Vec::new()
    }
}

/// The topic a messaging fact names and whether it sends: written in the code, or read from an
/// environment variable whose deployed value (or the code's default) names it.
fn topic_of(view: &ServiceView<'_>, kind: &FactKind) -> Option<(String, bool)> {
    match kind {
        FactKind::MessageTopic { topic, sends } => Some((topic.clone(), *sends)),
        FactKind::MessageTopicFromEnv {
            var,
            default,
            sends,
        } => super::settings::value(&view.summary, var)
            .or_else(|| default.clone())
            .filter(|t| !t.is_empty())
            .map(|t| (t, *sends)),
        _ => None,
    }
}

/// Whether the trace survives an edge, judged from each side's instrumentation as a whole.
fn status(
    caller: &ServiceView<'_>,
    callee: &ServiceView<'_>,
    kind: EdgeKind,
    sites: &[Site],
) -> (EdgeStatus, String) {
    let (from, to) = (&caller.service.name, &callee.service.name);
    for v in [caller, callee] {
        if v.service.opaque && !v.service.uses_tracing {
            return (
                EdgeStatus::Unknown,
                format!(
                    "{} is in a language tracewire does not analyse yet",
                    v.service.name
                ),
            );
        }
    }
    for v in [caller, callee] {
        // Deployed from a directory whose code tracewire does not see (ignored, or copied in
        // at build time): whether it traces is unknown.
        if !v.service.uses_tracing && !v.owned().any(|f| f.lang.is_some()) {
            return (
                EdgeStatus::Unknown,
                format!("tracewire sees no source code of {}", v.service.name),
            );
        }
    }
    if !caller.service.uses_tracing {
        return (EdgeStatus::Broken, format!("{from} does not trace"));
    }
    if !callee.service.uses_tracing {
        return (EdgeStatus::Broken, format!("{to} does not trace"));
    }
    for v in [caller, callee] {
        match &v.propagation {
            None => {
                return (
                    EdgeStatus::Broken,
                    format!("{} sets no propagator", v.service.name),
                )
            }
            Some(p) if p.trace_formats().is_some_and(|f| f.is_empty()) => {
                return (
                    EdgeStatus::Broken,
                    format!(
                        "{}'s propagator carries no trace context ({})",
                        v.service.name,
                        p.describe()
                    ),
                )
            }
            Some(_) => {}
        }
    }
    if let (Some(sent), Some(read)) = (&caller.propagation, &callee.propagation) {
        if sent.compatible_with(read) == Some(false) {
            return (
                EdgeStatus::Broken,
                format!(
                    "{from} sends {} but {to} reads {}",
                    sent.describe(),
                    read.describe()
                ),
            );
        }
    }
    let proto = match kind {
        EdgeKind::Grpc => Proto::Grpc,
        EdgeKind::Http => Proto::Http,
        EdgeKind::Messaging => Proto::Messaging,
    };
    let injects = caller_injects(caller, proto);
    // The HTTP routes the calls' URL paths reach decide, when any is known; else every entry
    // point of the protocol.
    let reached = if proto == Proto::Http {
        reached_routes(callee, sites)
    } else {
        Vec::new()
    };
    let routes_reached = !reached.is_empty();
    let entries = if routes_reached {
        reached
    } else {
        entry_verdicts(callee, proto)
    };
    let extracts = if entries.is_empty() {
        instruments_every_server(callee, proto)
    } else {
        entries.contains(&Verdict::Carries)
    };
    let never_extracts = !entries.is_empty() && entries.iter().all(|v| *v == Verdict::Drops);
    if routes_reached && !extracts && never_extracts {
        return (
            EdgeStatus::Broken,
            format!("the {to} routes it calls extract nothing"),
        );
    }
    if !extracts && injects != Some(false) && never_extracts {
        return (
            EdgeStatus::Broken,
            format!("{to}'s {} entry points extract nothing", kind.label()),
        );
    }
    match (injects, extracts) {
        (Some(false), _) => (
            EdgeStatus::Broken,
            format!("{from}'s {} client injects nothing", kind.label()),
        ),
        (Some(true), true) => (EdgeStatus::Ok, "context injected and extracted".into()),
        (_, false) => (
            EdgeStatus::Unknown,
            format!("{to} extracts nowhere tracewire can see"),
        ),
        (None, true) => (
            EdgeStatus::Unknown,
            format!("{from} injects nowhere tracewire can see"),
        ),
    }
}

/// Whether the caller's calls of `proto` carry the trace: `Some(true)` when its instrumentation
/// covers them or one of them carries it, `Some(false)` when each one drops it (the sites
/// `outbound-not-injected` reports), `None` when tracewire cannot tell.
fn caller_injects(v: &ServiceView<'_>, proto: Proto) -> Option<bool> {
    let s = &v.summary;
    let everywhere = !s.auto_instrumentation.is_empty()
        || match proto {
            Proto::Grpc => s.grpc_client_instrumented || s.is_patched("grpc"),
            // Any instrumented client construction: which client an edge's calls use is not
            // followed yet.
            Proto::Http => {
                s.default_client_instrumented
                    || s.is_patched("http")
                    || s.is_patched("fetch")
                    || s.clients
                        .values()
                        .flatten()
                        .any(|site| site.instrumented == Some(true))
            }
            Proto::Messaging => s.is_patched("kafkajs"),
        };
    let verdicts: Vec<Verdict> = v
        .graph_facts()
        .filter_map(|(file, f)| match &f.kind {
            FactKind::Outbound {
                proto: p,
                injection,
                ..
            } if *p == proto => Some(v.outbound_verdict(file, proto, injection)),
            _ => None,
        })
        .collect();
    if everywhere || verdicts.contains(&Verdict::Carries) {
        Some(true)
    } else if !verdicts.is_empty() && verdicts.iter().all(|v| *v == Verdict::Drops) {
        Some(false)
    } else {
        None
    }
}

/// Whether the service's instrumentation continues the trace at every server of `proto`, for a
/// service whose entry points tracewire does not see.
fn instruments_every_server(v: &ServiceView<'_>, proto: Proto) -> bool {
    let s = &v.summary;
    !s.auto_instrumentation.is_empty()
        || match proto {
            Proto::Grpc => s.grpc_server_instrumented || s.is_patched("grpc"),
            Proto::Http => s.server_instrumented || s.is_patched("http"),
            Proto::Messaging => s.is_patched("kafkajs"),
        }
}

/// The verdict at each of the service's own entry points of `proto`.
fn entry_verdicts(v: &ServiceView<'_>, proto: Proto) -> Vec<Verdict> {
    v.graph_facts()
        .filter_map(|(file, f)| match &f.kind {
            FactKind::Inbound {
                proto: p,
                extraction,
                ..
            } if *p == proto => Some(v.inbound_verdict(file, proto, extraction)),
            _ => None,
        })
        .collect()
}

/// The verdict at each of the service's HTTP routes that the calls' URL paths reach; empty when
/// no call's path is known or none reaches a route.
fn reached_routes(v: &ServiceView<'_>, sites: &[Site]) -> Vec<Verdict> {
    let paths: Vec<&str> = sites.iter().filter_map(|s| s.url_path.as_deref()).collect();
    if paths.is_empty() {
        return Vec::new();
    }
    v.graph_facts()
        .filter_map(|(file, f)| match &f.kind {
            FactKind::Inbound {
                proto: Proto::Http,
                route: Some(route),
                extraction,
                ..
            } if paths.iter().any(|p| super::routes::reaches(route, p)) => {
                Some(v.inbound_verdict(file, Proto::Http, extraction))
            }
            _ => None,
        })
        .collect()
}

/// How an orchestrator names a service's project: its directory's name with `.`, `-` and
/// spaces as `_` (.NET Aspire's `Projects.Catalog_API` for `Catalog.API/Catalog.API.csproj`).
fn project_identifier(service: &super::Service) -> String {
    let dir = service.root.rsplit('/').next().unwrap_or(&service.root);
    let dir = if dir.is_empty() { &service.name } else { dir };
    dir.chars()
        .map(|c| if matches!(c, '.' | '-' | ' ') { '_' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {}
