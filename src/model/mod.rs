//! The model: files grouped into services, and what each service does for tracing as a whole.
//!
//! A service is a deployable unit: the nearest directory holding a manifest. A Go module with
//! several `main` packages is one service per main package; the module's other packages are
//! shared by them (visible to each for whole-service questions, reported once).

pub mod boundary;
pub mod build;
pub mod graph;
mod libraries;
pub mod link;
pub mod names;
pub mod propagation;
pub mod routes;
pub mod settings;
pub mod style;
mod summary;
mod templates;

pub use summary::{
    ClientSite, ServiceSummary, NODE_AUTO_INSTRUMENTATIONS, PYTHON_AUTO_INSTRUMENTATION,
};

use crate::discover::Manifest;
use crate::facts::{Fact, FactKind, FileFacts};
use crate::knowledge::KnowledgeBase;
use std::collections::{BTreeMap, BTreeSet};

/// A deployable unit.
#[derive(Clone, Debug)]
pub struct Service {
    /// Display name (the directory's name, or its path when names collide).
    pub name: String,
    /// Directory relative to the root ("" for the root).
    pub root: String,
    /// Indices of the files it owns.
    pub files: Vec<usize>,
    /// Indices of files it sees but does not own (a Go module's non-main packages).
    pub shared: Vec<usize>,
    /// Whether it has a program entry point: setup rules apply only then.
    pub has_entry: bool,
    /// Whether any file it sees imports OpenTelemetry.
    pub uses_tracing: bool,
    /// It holds source files of a language tracewire does not analyse yet: whether it traces
    /// is unknown, never "no".
    pub opaque: bool,
    /// Indices of the files of the libraries it builds into itself (a .NET program's
    /// `<ProjectReference>`s to class libraries, transitively); also in `shared`. Their calls
    /// are the program's calls on the service graph.
    pub libraries: Vec<usize>,
    /// It is a library without an entry point that programs of the repository build into
    /// themselves: no node of the service graph, its calls counted for those programs.
    pub library: bool,
}

/// The whole repository: every file's facts and the services they form.
#[derive(Debug, Default)]
pub struct RepoModel {
    /// Facts per file, sorted by path.
    pub files: Vec<FileFacts>,
    /// Services, sorted by root.
    pub services: Vec<Service>,
    /// The gRPC services the repository's `.proto` files declare.
    pub contracts: std::sync::Arc<crate::proto::Contracts>,
    /// The span names of the whole repository, counted on first use.
    census: std::sync::OnceLock<names::NameCensus>,
}

/// One service with access to its files and its summary.
pub struct ServiceView<'a> {
    /// The repository.
    pub repo: &'a RepoModel,
    /// The service.
    pub service: &'a Service,
    /// What the service does as a whole.
    pub summary: ServiceSummary,
    /// The run's knowledge tables (fix advice per language).
    pub knowledge: &'a KnowledgeBase,
    /// The sites in other services that call this one (from the service graph).
    pub callers: Vec<CallerSite>,
    /// The span naming style the configuration fixes, if any.
    pub naming_style: Option<style::NamingStyle>,
    /// The trace-context formats its global propagator speaks as deployed (`None`: a no-op).
    pub propagation: Option<propagation::Propagation>,
    /// The other services this one calls (from the service graph).
    pub callees: Vec<CalleeEdge>,
}

/// A call from a service into another one: an edge of the service graph seen from its caller.
#[derive(Clone, Debug)]
pub struct CalleeEdge {
    /// The called service.
    pub service: String,
    /// Whether the called service traces.
    pub traced: bool,
    /// What crosses the edge.
    pub kind: graph::EdgeKind,
    /// The gRPC service or HTTP host called.
    pub target: String,
    /// The calling sites (file path, location), sorted.
    pub sites: Vec<(String, crate::facts::Loc)>,
    /// The called service's propagation as deployed.
    pub propagation: Option<propagation::Propagation>,
}

/// A call into a service from another one.
#[derive(Clone, Debug)]
pub struct CallerSite {
    /// The calling service.
    pub service: String,
    /// Whether the calling service traces.
    pub traced: bool,
    /// What crosses the edge.
    pub kind: graph::EdgeKind,
    /// File of the call.
    pub path: String,
    /// Where.
    pub loc: crate::facts::Loc,
    /// The URL path an HTTP call requests, as far as the code spells it.
    pub url_path: Option<String>,
}

impl<'a> ServiceView<'a> {
    /// Builds the view and its summary.
    pub fn new(
        repo: &'a RepoModel,
        service: &'a Service,
        knowledge: &'a KnowledgeBase,
    ) -> ServiceView<'a> {
        let summary = ServiceSummary::build(repo, service);
        let mut view = ServiceView {
            repo,
            service,
            summary,
            knowledge,
            callers: Vec::new(),
            naming_style: None,
            propagation: None,
            callees: Vec::new(),
        };
        view.propagation = propagation::resolve(&view);
        view
    }

    /// The files the service owns (its diagnostics go here).
    pub fn owned(&self) -> impl Iterator<Item = &'a FileFacts> + '_ {
        self.service.files.iter().map(|&i| &self.repo.files[i])
    }

    /// Every fact of the files the service sees (owned and shared), with its file. Findings at
    /// shared files are reported once however many services see them.
    pub fn visible_facts(&self) -> impl Iterator<Item = (&'a FileFacts, &'a Fact)> + '_ {
        self.service
            .files
            .iter()
            .chain(&self.service.shared)
            .map(|&i| &self.repo.files[i])
            .flat_map(|f| f.facts.iter().map(move |fact| (f, fact)))
    }

    /// Every fact of the files whose calls and entry points are the service's on the service
    /// graph: those it owns and those of the libraries it builds in.
    pub fn graph_facts(&self) -> impl Iterator<Item = (&'a FileFacts, &'a Fact)> + '_ {
        self.service
            .files
            .iter()
            .chain(&self.service.libraries)
            .map(|&i| &self.repo.files[i])
            .flat_map(|f| f.facts.iter().map(move |fact| (f, fact)))
    }

    /// Whether `file` is a script of a directory whose Dockerfile serves it as static files
    /// (its final stage is a static web server image, [`FactKind::StaticSite`]): the bundle
    /// runs in browsers, as page code does.
    pub fn served_statically(&self, file: &FileFacts) -> bool {
        if file.lang.map(|l| l.runtime()) != Some(crate::language::Lang::JavaScript) {
            return false;
        }
        self.owned()
            .filter(|f| f.facts.iter().any(|x| x.kind == FactKind::StaticSite))
            .any(|dockerfile| {
                let dir = dockerfile.path.rsplit_once('/').map_or("", |(dir, _)| dir);
                dir.is_empty() || file.path.starts_with(&format!("{dir}/"))
            })
    }

    /// Whether a trace can be in flight in the process that runs `file`: some file of the
    /// service in the same runtime (JavaScript and TypeScript together) uses OpenTelemetry, or
    /// the deployment instruments the service. A TypeScript edge function beside a Go server
    /// runs in a process of its own, which has no SDK when no TypeScript file sets one up.
    pub fn runtime_traces(&self, file: &FileFacts) -> bool {
        let Some(runtime) = file.lang.map(|l| l.runtime()) else {
            return true;
        };
        !self.summary.auto_instrumentation.is_empty()
            || self
                .owned()
                .any(|f| f.uses_tracing && f.lang.is_some_and(|l| l.runtime() == runtime))
    }

    /// Every fact of the files the service owns, with its file.
    pub fn owned_facts(&self) -> impl Iterator<Item = (&'a FileFacts, &'a Fact)> + '_ {
        self.owned()
            .flat_map(|f| f.facts.iter().map(move |fact| (f, fact)))
    }
}

impl RepoModel {
    /// Groups files into services.
    pub fn build(mut files: Vec<FileFacts>, manifests: &[Manifest], root_name: &str) -> RepoModel {
        let manifest_dirs: BTreeSet<&str> = manifests.iter().map(|m| m.dir.as_str()).collect();
        files = templates::expand(files, &manifest_dirs);
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut by_name: Vec<(usize, &str)> = Vec::new();
        for (i, file) in files.iter().enumerate() {
            if let Some(name) = &file.applies_to_name {
                by_name.push((i, name));
                continue;
            }
            let located = match &file.applies_to_dir {
                Some(dir) => nearest_manifest_dir(&format!("{dir}/-"), &manifest_dirs),
                None => nearest_manifest_dir(&file.path, &manifest_dirs),
            };
            groups.entry(located).or_default().push(i);
        }
        let mut services = Vec::new();
        for (root, members) in groups {
            services.extend(split_main_packages(&files, root, members));
        }
        name_services(&mut services, root_name);
        // Deployment facts addressed by name (a Kubernetes container) join that service.
        for (i, name) in by_name {
            if let Some(s) = services.iter_mut().find(|s| s.name == name) {
                s.files.push(i);
            }
        }
        // A Dockerfile that deployment builds a service with configures it, wherever it lives.
        for service in &mut services {
            let dockerfiles: Vec<&str> = service
                .files
                .iter()
                .flat_map(|&i| &files[i].facts)
                .filter_map(|f| match &f.kind {
                    FactKind::BuiltWith { dockerfile } => Some(dockerfile.as_str()),
                    _ => None,
                })
                .collect();
            for dockerfile in dockerfiles {
                let found = files
                    .iter()
                    .position(|f| f.lang.is_none() && f.path == dockerfile);
                // One the service already sees (a shared root Dockerfile) stays where it is.
                let seen = |i: &usize| service.files.contains(i) || service.shared.contains(i);
                if let Some(i) = found.filter(|i| !seen(i)) {
                    service.files.push(i);
                }
            }
        }
        for service in &mut services {
            service.has_entry = service.files.iter().any(|&i| files[i].has_entry);
        }
        libraries::attach(&files, &mut services);
        link::link_results(&mut files, &services);
        for service in &mut services {
            // Its own code, a library it builds in, or its deployment uses OpenTelemetry:
            // shared packages of a module are not enough, since a tool built from the same
            // module may not trace at all.
            service.uses_tracing = service
                .files
                .iter()
                .chain(&service.libraries)
                .any(|&i| files[i].uses_tracing);
            service.opaque = service
                .files
                .iter()
                .any(|&i| files[i].lang.is_some_and(|l| !l.is_analyzed()));
        }
        services.sort_by(|a, b| a.root.cmp(&b.root));
        RepoModel {
            files,
            services,
            contracts: Default::default(),
            census: std::sync::OnceLock::new(),
        }
    }

    /// Applies configured service names: `(directory, name)`.
    pub fn rename_services(&mut self, names: &[(String, Option<String>)]) {
        for (dir, name) in names {
            if let Some(name) = name {
                if let Some(s) = self.services.iter_mut().find(|s| &s.root == dir) {
                    s.name = name.clone();
                }
            }
        }
    }

    /// Every resolvable span name of the repository, by span kind.
    pub fn name_census(&self) -> &names::NameCensus {
        self.census.get_or_init(|| names::NameCensus::build(self))
    }

    /// Whether any file in the repository imports OpenTelemetry.
    pub fn uses_tracing(&self) -> bool {
        self.files.iter().any(|f| f.uses_tracing)
    }
}

/// The directory of a file's nearest manifest ("" when none: the root is the service).
fn nearest_manifest_dir(path: &str, dirs: &BTreeSet<&str>) -> String {
    let mut dir = parent_dir(path);
    loop {
        if dirs.contains(dir) {
            return dir.to_string();
        }
        if dir.is_empty() {
            return String::new();
        }
        dir = parent_dir(dir);
    }
}

/// The parent directory of a relative path ("" at the top).
fn parent_dir(path: &str) -> &str {
    path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

/// Splits a group with several Go `main` packages into one service per main package, the rest
/// shared among them.
fn split_main_packages(files: &[FileFacts], root: String, members: Vec<usize>) -> Vec<Service> {
    let main_dirs: BTreeSet<&str> = members
        .iter()
        .filter(|&&i| files[i].has_entry && files[i].lang == Some(crate::lang::Lang::Go))
        .map(|&i| parent_dir(&files[i].path))
        .collect();
    let whole = |files: Vec<usize>, shared: Vec<usize>, root: String| Service {
        name: String::new(),
        root,
        files,
        shared,
        has_entry: false,
        uses_tracing: false,
        opaque: false,
        libraries: Vec::new(),
        library: false,
    };
    if main_dirs.len() < 2 {
        return vec![whole(members, Vec::new(), root)];
    }
    let owner = |path: &str| {
        main_dirs
            .iter()
            .filter(|d| path.starts_with(&format!("{d}/")))
            .max_by_key(|d| d.len())
            .map(|d| d.to_string())
    };
    let mut per_main: BTreeMap<String, Vec<usize>> = main_dirs
        .iter()
        .map(|d| (d.to_string(), Vec::new()))
        .collect();
    let mut rest = Vec::new();
    for i in members {
        match owner(&files[i].path) {
            Some(d) => per_main.get_mut(&d).expect("known dir").push(i),
            None => rest.push(i),
        }
    }
    // The shared packages are code of the main packages: they see the mains' files too (a
    // router registered in a shared package may be wrapped in a main).
    let mains: Vec<usize> = per_main.values().flatten().copied().collect();
    let mut services: Vec<Service> = per_main
        .into_iter()
        .map(|(dir, owned)| whole(owned, rest.clone(), dir))
        .collect();
    if !rest.is_empty() {
        services.push(whole(rest, mains, root));
    }
    services
}

/// Names services after their directory, falling back to the full path on collisions.
fn name_services(services: &mut [Service], root_name: &str) {
    // A manifest in a generic source directory (`src/cart/src/cart.csproj`) names the service
    // by the directory above it.
    const GENERIC: &[&str] = &["src", "source", "app"];
    let base = |root: &str| -> String {
        root.rsplit('/')
            .find(|seg| !seg.is_empty() && !GENERIC.contains(seg))
            .unwrap_or(if root.is_empty() { root_name } else { root })
            .to_string()
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for s in services.iter() {
        *counts.entry(base(&s.root)).or_default() += 1;
    }
    for s in services.iter_mut() {
        let b = base(&s.root);
        s.name = if counts[&b] > 1 && !s.root.is_empty() {
            s.root.clone()
        } else {
            b
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::ManifestKind;
    use crate::lang::Lang;

    fn go(path: &str, entry: bool) -> FileFacts {
        FileFacts {
            path: path.into(),
            lang: Some(Lang::Go),
            has_entry: entry,
            ..FileFacts::default()
        }
    }

    #[test]
    fn several_main_packages_are_several_services() {
        let files = vec![
            go("svc/cmd/api/main.go", true),
            go("svc/cmd/worker/main.go", true),
            go("svc/internal/otel.go", false),
            go("other/main.go", true),
        ];
        let manifests = vec![
            Manifest {
                dir: "svc".into(),
                kind: ManifestKind::GoMod,
            },
            Manifest {
                dir: "other".into(),
                kind: ManifestKind::GoMod,
            },
        ];
        let repo = RepoModel::build(files, &manifests, "repo");
        let names: Vec<(&str, &str, bool)> = repo
            .services
            .iter()
            .map(|s| (s.name.as_str(), s.root.as_str(), s.has_entry))
            .collect();
        assert_eq!(
            names,
            vec![
                ("other", "other", true),
                ("svc", "svc", false),
                ("api", "svc/cmd/api", true),
                ("worker", "svc/cmd/worker", true),
            ]
        );
        let api = &repo.services[2];
        assert_eq!(api.shared, vec![2]);
    }

    #[test]
    fn deployment_facts_join_the_service_they_describe() {
        let compose = FileFacts {
            path: "docker-compose.yml".into(),
            applies_to_dir: Some("api".into()),
            uses_tracing: true,
            ..FileFacts::default()
        };
        let k8s = FileFacts {
            path: "k8s/web.yaml".into(),
            applies_to_name: Some("web".into()),
            ..FileFacts::default()
        };
        let files = vec![
            go("api/main.go", true),
            go("web/main.go", true),
            compose,
            k8s,
        ];
        let manifests = vec![
            Manifest {
                dir: "api".into(),
                kind: ManifestKind::GoMod,
            },
            Manifest {
                dir: "web".into(),
                kind: ManifestKind::GoMod,
            },
        ];
        let repo = RepoModel::build(files, &manifests, "repo");
        let api = repo.services.iter().find(|s| s.name == "api").unwrap();
        assert_eq!(api.files, vec![0, 2]);
        assert!(api.uses_tracing);
        let web = repo.services.iter().find(|s| s.name == "web").unwrap();
        assert_eq!(web.files, vec![1, 3]);
        assert!(!repo.services.iter().any(|s| s.root.is_empty()));
    }

    #[test]
    fn services_in_languages_not_analysed_are_opaque() {
        // While some language has no extractor, its services are opaque, never "untraced".
        let Some(lang) = Lang::ALL.into_iter().find(|l| !l.is_analyzed()) else {
            return;
        };
        let file = FileFacts {
            path: format!("svc/main.{}", lang.name()),
            lang: Some(lang),
            ..FileFacts::default()
        };
        let repo = RepoModel::build(vec![file, go("go/main.go", true)], &[], "repo");
        assert!(repo.services[0].opaque);
        let only_go = RepoModel::build(vec![go("go/main.go", true)], &[], "repo");
        assert!(!only_go.services[0].opaque);
    }

    #[test]
    fn files_without_manifest_belong_to_the_root() {
        let repo = RepoModel::build(vec![go("a/main.go", true)], &[], "myrepo");
        assert_eq!(repo.services.len(), 1);
        assert_eq!(repo.services[0].name, "myrepo");
    }

    #[test]
    fn generic_source_directories_take_the_name_above_them() {
        let manifests = [
            Manifest {
                dir: "src/cart/src".into(),
                kind: ManifestKind::GoMod,
            },
            Manifest {
                dir: "src".into(),
                kind: ManifestKind::GoMod,
            },
        ];
        let files = vec![go("src/cart/src/main.go", true), go("src/main.go", true)];
        let repo = RepoModel::build(files, &manifests, "repo");
        let names: Vec<&str> = repo.services.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["src", "cart"]);
    }
}
