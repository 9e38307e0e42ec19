//! The model of a repository, built once: every service's view, with the callers and callees
//! the service graph gives it, and the graph itself. `check`, `map` and the language server
//! all read this one model, so they see the same services, edges and verdicts.

use super::graph::Graph;
use super::style::NamingStyle;
use super::{CalleeEdge, CallerSite, RepoModel, ServiceView};
use crate::knowledge::KnowledgeBase;

/// Every service's view and the service graph of one repository.
pub struct Model<'a> {
    /// One view per service, in the repository's service order.
    pub views: Vec<ServiceView<'a>>,
    /// Which service calls which, and whether the trace survives each edge.
    pub graph: Graph,
}

impl<'a> Model<'a> {
    /// Builds the views, the graph between them, and each view's callers and callees.
    pub fn build(
        repo: &'a RepoModel,
        knowledge: &'a KnowledgeBase,
        naming_style: Option<NamingStyle>,
    ) -> Model<'a> {
        let mut views: Vec<ServiceView<'a>> = repo
            .services
            .iter()
            .map(|s| ServiceView::new(repo, s, knowledge))
            .collect();
        let graph = Graph::from_views(repo, &views);
        let propagations: Vec<_> = views.iter().map(|v| v.propagation.clone()).collect();
        for (i, view) in views.iter_mut().enumerate() {
            view.naming_style = naming_style;
            view.callees = graph
                .edges
                .iter()
                .filter(|e| e.from == i)
                .map(|e| CalleeEdge {
                    service: repo.services[e.to].name.clone(),
                    traced: repo.services[e.to].uses_tracing,
                    kind: e.kind,
                    target: e.target.clone(),
                    sites: e.sites.iter().map(|s| (s.path.clone(), s.loc)).collect(),
                    propagation: propagations[e.to].clone(),
                })
                .collect();
            view.callers = graph
                .into_service(i)
                .flat_map(|e| {
                    let caller = &repo.services[e.from];
                    e.sites.iter().map(move |s| CallerSite {
                        service: caller.name.clone(),
                        traced: caller.uses_tracing,
                        kind: e.kind,
                        path: s.path.clone(),
                        loc: s.loc,
                        url_path: s.url_path.clone(),
                    })
                })
                .collect();
        }
        Model { views, graph }
    }
}
