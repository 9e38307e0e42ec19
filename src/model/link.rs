//! Values that cross functions and files: a fact that holds where a caller uses what another
//! function returned. Extractors see one file; they record what a returned value does when a
//! method is called on it ([`FactKind::ResultEffect`]) and where a caller calls that method on
//! a call's result ([`FactKind::ResultCall`]). Linking joins the two within each service, by
//! function name, and records the effect at the caller, so rules see the same facts as when
//! the value was built and used in one place.

use super::Service;
use crate::facts::{Fact, FactKind, FileFacts};
use std::collections::{BTreeMap, BTreeSet};

/// Records, in the caller's file, the effects of every result call whose function's effect is
/// known within the same service. Linear in the facts: one map of effects per service.
pub fn link_results(files: &mut [FileFacts], services: &[Service]) {
    let mut added: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut additions: Vec<(usize, Fact)> = Vec::new();
    for service in services {
        let seen: Vec<usize> = service
            .files
            .iter()
            .chain(&service.shared)
            .copied()
            .collect();
        let mut effects: BTreeMap<(&str, &str), &Vec<FactKind>> = BTreeMap::new();
        for &i in &seen {
            for fact in &files[i].facts {
                if let FactKind::ResultEffect {
                    function,
                    method,
                    then,
                } = &fact.kind
                {
                    effects.insert((function, method), then);
                }
            }
        }
        if effects.is_empty() {
            continue;
        }
        for &i in &seen {
            for (j, fact) in files[i].facts.iter().enumerate() {
                let FactKind::ResultCall { function, method } = &fact.kind else {
                    continue;
                };
                let Some(then) = effects.get(&(function.as_str(), method.as_str())) else {
                    continue;
                };
                if added.insert((i, j)) {
                    additions.extend(then.iter().map(|kind| {
                        (
                            i,
                            Fact {
                                loc: fact.loc,
                                kind: kind.clone(),
                            },
                        )
                    }));
                }
            }
        }
    }
    let touched: BTreeSet<usize> = additions.iter().map(|(i, _)| *i).collect();
    for (i, fact) in additions {
        files[i].facts.push(fact);
    }
    for i in touched {
        files[i]
            .facts
            .sort_by_key(|f| (f.loc.start_byte, f.loc.end_byte));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Loc;

    fn file(path: &str, facts: Vec<FactKind>) -> FileFacts {
        FileFacts {
            path: path.into(),
            facts: facts
                .into_iter()
                .map(|kind| Fact {
                    loc: Loc::default(),
                    kind,
                })
                .collect(),
            ..FileFacts::default()
        }
    }

    fn service(files: Vec<usize>) -> Service {
        Service {
            name: String::new(),
            root: String::new(),
            files,
            shared: Vec::new(),
            has_entry: true,
            uses_tracing: true,
            opaque: false,
            libraries: Vec::new(),
            library: false,
        }
    }

    fn effect(function: &str) -> FactKind {
        FactKind::ResultEffect {
            function: function.into(),
            method: "start".into(),
            then: vec![FactKind::ProviderRegistered],
        }
    }

    fn call(function: &str, method: &str) -> FactKind {
        FactKind::ResultCall {
            function: function.into(),
            method: method.into(),
        }
    }

    fn registered(file: &FileFacts) -> bool {
        file.facts
            .iter()
            .any(|f| f.kind == FactKind::ProviderRegistered)
    }

    #[test]
    fn an_effect_lands_at_the_matching_call_of_the_same_service_only() {
        let mut files = vec![
            file("a/tracing.js", vec![effect("OpenTelemetry")]),
            file("a/index.js", vec![call("OpenTelemetry", "start")]),
            file("b/index.js", vec![call("OpenTelemetry", "start")]),
            file("a/other.js", vec![call("OpenTelemetry", "register")]),
            file("a/server.js", vec![call("createServer", "start")]),
        ];
        let services = vec![service(vec![0, 1, 3, 4]), service(vec![2])];
        link_results(&mut files, &services);
        assert!(registered(&files[1]), "the caller in the same service");
        assert!(
            !registered(&files[2]),
            "another service's function of the same name"
        );
        assert!(!registered(&files[3]), "another method");
        assert!(!registered(&files[4]), "another function");
        assert!(
            !registered(&files[0]),
            "the effect itself is not a registration"
        );
    }
}
