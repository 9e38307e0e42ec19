//! Libraries built into programs: a .NET class library that a program references
//! (`<ProjectReference>`), or a Rust library crate a binary depends on by path
//! (`telemetry = { path = "../telemetry" }`), runs inside that program, so its calls and entry points are the
//! program's. Each program with an entry point sees the files of the libraries it references,
//! directly or through other libraries; a library some program references is no service of
//! the graph of its own. A module a program depends on by path (Go, Rust) is shared with the
//! program instead: its setup is visible, its calls stay its own.

use super::Service;
use crate::facts::{FactKind, FileFacts};
use std::collections::BTreeMap;

/// Attaches to each service with an entry point the files of the libraries (services without
/// one) it references, transitively, and marks those libraries.
pub(super) fn attach(files: &[FileFacts], services: &mut [Service]) {
    attach_module_dependencies(files, services);
    let by_root: BTreeMap<&str, usize> = services
        .iter()
        .enumerate()
        .map(|(i, s)| (s.root.as_str(), i))
        .collect();
    // The services each service references.
    let references: Vec<Vec<usize>> = services
        .iter()
        .map(|s| {
            let mut out: Vec<usize> = s
                .files
                .iter()
                .flat_map(|&f| &files[f].facts)
                .filter_map(|fact| match &fact.kind {
                    FactKind::ProjectReference { dir } => by_root.get(dir.as_str()).copied(),
                    _ => None,
                })
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect();
    if references.iter().all(Vec::is_empty) {
        return;
    }
    let mut attached: Vec<(usize, Vec<usize>)> = Vec::new();
    for (program, service) in services.iter().enumerate() {
        if !service.has_entry {
            continue;
        }
        // The libraries reachable through references that stay among libraries.
        let mut seen = vec![false; services.len()];
        seen[program] = true;
        let mut stack: Vec<usize> = references[program].clone();
        let mut libraries = Vec::new();
        while let Some(next) = stack.pop() {
            if seen[next] || services[next].has_entry {
                continue;
            }
            seen[next] = true;
            libraries.push(next);
            stack.extend(&references[next]);
        }
        if !libraries.is_empty() {
            libraries.sort_unstable();
            attached.push((program, libraries));
        }
    }
    for (program, libraries) in attached {
        let mut seen_files: Vec<usize> = libraries
            .iter()
            .flat_map(|&l| services[l].files.clone())
            .collect();
        seen_files.sort_unstable();
        seen_files.dedup();
        for &l in &libraries {
            services[l].library = true;
        }
        let service = &mut services[program];
        service.libraries = seen_files.clone();
        for f in seen_files {
            if !service.shared.contains(&f) {
                service.shared.push(f);
            }
        }
    }
}

/// Shares with each program the files of the modules it depends on by path (Go `replace`,
/// Cargo `path`), transitively: their setup is visible to the program's whole-service
/// questions, while their calls stay theirs on the graph.
fn attach_module_dependencies(files: &[FileFacts], services: &mut [Service]) {
    let by_root: BTreeMap<String, usize> = services
        .iter()
        .enumerate()
        .map(|(i, s)| (s.root.clone(), i))
        .collect();
    // A program inside the module it depends on (`replace example.com/lib => ../`: a library's
    // example) demonstrates that library; the library's code is not the program's setup.
    let encloses = |dir: &str, root: &str| {
        dir.is_empty() || root == dir || root.starts_with(&format!("{dir}/"))
    };
    let dependencies: Vec<Vec<usize>> = services
        .iter()
        .map(|s| {
            s.files
                .iter()
                .flat_map(|&f| &files[f].facts)
                .filter_map(|fact| match &fact.kind {
                    FactKind::ModuleDependency { dir } if !encloses(dir, &s.root) => {
                        by_root.get(dir.as_str()).copied()
                    }
                    _ => None,
                })
                .collect()
        })
        .collect();
    if dependencies.iter().all(Vec::is_empty) {
        return;
    }
    let mut shared: Vec<(usize, Vec<usize>)> = Vec::new();
    for (program, service) in services.iter().enumerate() {
        if !service.has_entry {
            continue;
        }
        let mut seen = vec![false; services.len()];
        seen[program] = true;
        let mut stack = dependencies[program].clone();
        let mut seen_files = Vec::new();
        while let Some(next) = stack.pop() {
            if seen[next] {
                continue;
            }
            seen[next] = true;
            seen_files.extend(services[next].files.iter().copied());
            stack.extend(&dependencies[next]);
        }
        if !seen_files.is_empty() {
            shared.push((program, seen_files));
        }
    }
    for (program, seen_files) in shared {
        let service = &mut services[program];
        for f in seen_files {
            if !service.files.contains(&f) && !service.shared.contains(&f) {
                service.shared.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Fact, Loc};

    fn file(path: &str, entry: bool, references: &[&str]) -> FileFacts {
        FileFacts {
            path: path.into(),
            has_entry: entry,
            facts: references
                .iter()
                .map(|d| Fact {
                    kind: FactKind::ProjectReference {
                        dir: (*d).to_string(),
                    },
                    loc: Loc::default(),
                })
                .collect(),
            ..FileFacts::default()
        }
    }

    fn service(root: &str, files: Vec<usize>, has_entry: bool) -> Service {
        Service {
            name: root.into(),
            root: root.into(),
            files,
            shared: Vec::new(),
            has_entry,
            uses_tracing: false,
            opaque: false,
            libraries: Vec::new(),
            library: false,
        }
    }

    #[test]
    fn programs_see_the_libraries_they_reference_transitively() {
        let files = vec![
            file("api/api.csproj", false, &["client", "web"]),
            file("api/Program.cs", true, &[]),
            file("client/client.csproj", false, &["contracts"]),
            file("client/Client.cs", false, &[]),
            file("contracts/Contracts.cs", false, &[]),
            file("web/Program.cs", true, &[]),
            file("tests/tests.csproj", false, &["client"]),
            file("lonely/Lib.cs", false, &[]),
        ];
        let mut services = vec![
            service("api", vec![0, 1], true),
            service("client", vec![2, 3], false),
            service("contracts", vec![4], false),
            service("web", vec![5], true),
            service("tests", vec![6], false),
            service("lonely", vec![7], false),
        ];
        attach(&files, &mut services);
        // A program referenced by another stays a service and is not built in.
        assert_eq!(services[0].libraries, vec![2, 3, 4]);
        assert_eq!(services[0].shared, vec![2, 3, 4]);
        assert!(services[1].library && services[2].library);
        assert!(!services[3].library && !services[0].library);
        // A test project (no entry point) does not take libraries in; an unreferenced library
        // stays a service.
        assert!(services[4].libraries.is_empty());
        assert!(!services[5].library);
    }
}
