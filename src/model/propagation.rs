//! Which trace-context formats a service's global propagator speaks as deployed: set in code,
//! built from `OTEL_PROPAGATORS` by code or by deployment-level instrumentation, or the
//! language's default (its knowledge table's `[defaults]`).

use super::ServiceView;
use crate::facts::{FactKind, Loc};
use crate::lang::Lang;

/// The formats OpenTelemetry SDKs agree on, as named in the knowledge tables. Anything else
/// (a custom propagator, a name tracewire does not know) cannot be compared.
const KNOWN_FORMATS: &[&str] = &[
    "tracecontext",
    "baggage",
    "b3",
    "b3multi",
    "jaeger",
    "xray",
    "ottrace",
];

/// The format recorded for a propagator that names none tracewire knows.
const UNKNOWN_FORMAT: &str = "custom";

/// The value `OTEL_PROPAGATORS` has when it is not set.
const ENV_DEFAULT: &[&str] = &["tracecontext", "baggage"];

/// Where a service's propagation formats come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Installed by code, at this site (file path, location).
    Code(String, Loc),
    /// Deployment-level instrumentation (an agent or launcher) builds them from
    /// `OTEL_PROPAGATORS` or its default.
    Deployment(String),
    /// The language's default when code installs none.
    Default(Lang),
}

/// The formats a service's global propagator speaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Propagation {
    /// Format names, sorted and deduplicated (`tracecontext`, `b3`, `baggage`, ...).
    pub formats: Vec<String>,
    /// Where they come from.
    pub origin: Origin,
    /// The value of `OTEL_PROPAGATORS` the formats were read from, if they were.
    pub from_env: Option<String>,
}

impl Propagation {
    /// The formats that carry a trace (baggage carries none), with B3's single- and
    /// multi-header encodings as one: every B3 propagator extracts both. `None` when some format
    /// is not one tracewire knows, so nothing can be said about compatibility.
    pub fn trace_formats(&self) -> Option<Vec<&str>> {
        if self
            .formats
            .iter()
            .any(|f| !KNOWN_FORMATS.contains(&f.as_str()))
        {
            return None;
        }
        let mut out: Vec<&str> = self
            .formats
            .iter()
            .filter(|f| *f != "baggage")
            .map(|f| if f == "b3multi" { "b3" } else { f.as_str() })
            .collect();
        out.sort_unstable();
        out.dedup();
        Some(out)
    }

    /// Whether a trace sent with `self`'s propagator is continued by a receiver using
    /// `other`'s. `None` when either side uses a format tracewire does not know.
    pub fn compatible_with(&self, other: &Propagation) -> Option<bool> {
        let (a, b) = (self.trace_formats()?, other.trace_formats()?);
        Some(a.iter().any(|f| b.contains(f)))
    }

    /// The formats for a message: `b3, tracecontext`.
    pub fn describe(&self) -> String {
        let formats = self
            .trace_formats()
            .unwrap_or_else(|| self.formats.iter().map(String::as_str).collect());
        if formats.is_empty() {
            "no trace format".into()
        } else {
            formats.join(", ")
        }
    }
}

/// The service's propagation as deployed; `None` when its global propagator is a no-op (no
/// propagator set, in a language whose default propagates nothing).
pub fn resolve(view: &ServiceView<'_>) -> Option<Propagation> {
    let s = &view.summary;
    let env = s.env.get("OTEL_PROPAGATORS").map(String::as_str);
    let from_env = |origin: Origin| {
        let formats = match env {
            Some(value) => split_env(value),
            None => ENV_DEFAULT.iter().map(|f| f.to_string()).collect(),
        };
        Propagation {
            formats: normalise(formats),
            origin,
            from_env: env.map(str::to_string),
        }
    };
    let mut sets = view
        .visible_facts()
        .filter_map(|(file, fact)| match &fact.kind {
            FactKind::PropagatorSet { formats } => Some((file, fact.loc, formats)),
            _ => None,
        });
    // A propagator whose constructor names no format tracewire knows (`sdk.Propagator()`,
    // a custom type) speaks something unknown: such a side is never judged.
    let named = |formats: &Vec<String>| {
        if formats.is_empty() {
            vec![UNKNOWN_FORMAT.to_string()]
        } else {
            formats.clone()
        }
    };
    if let Some((file, loc, first)) = sets.next() {
        let mut code: Vec<String> = named(first);
        for (_, _, formats) in sets {
            code.extend(named(formats));
        }
        let origin = Origin::Code(file.path.clone(), loc);
        if code.iter().any(|f| f == "env") {
            let mut p = from_env(origin);
            p.formats.extend(code.into_iter().filter(|f| f != "env"));
            p.formats = normalise(std::mem::take(&mut p.formats));
            return Some(p);
        }
        return Some(Propagation {
            formats: normalise(code),
            origin,
            from_env: None,
        });
    }
    if s.deployment_sdk() || !s.auto_instrumentation.is_empty() {
        let agent = s.auto_instrumentation.iter().next().cloned();
        return Some(from_env(Origin::Deployment(agent.unwrap_or_default())));
    }
    let lang = view
        .owned()
        .filter_map(|f| f.lang)
        .find(|&l| !view.knowledge.defaults(l).propagators.is_empty())?;
    let defaults = view.knowledge.defaults(lang);
    if defaults.propagators_from_env {
        return Some(from_env(Origin::Default(lang)));
    }
    Some(Propagation {
        formats: normalise(defaults.propagators),
        origin: Origin::Default(lang),
        from_env: None,
    })
}

/// The formats named by an `OTEL_PROPAGATORS` value.
fn split_env(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(|p| p.trim().to_ascii_lowercase())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Sorted, deduplicated, without `none` (which only clears).
fn normalise(mut formats: Vec<String>) -> Vec<String> {
    formats.retain(|f| f != "none");
    formats.sort();
    formats.dedup();
    formats
}

#[cfg(test)]
mod tests {
    use super::{Origin, Propagation};
    use crate::lang::Lang;

    fn p(formats: &[&str]) -> Propagation {
        Propagation {
            formats: formats.iter().map(|f| f.to_string()).collect(),
            origin: Origin::Default(Lang::Python),
            from_env: None,
        }
    }

    #[test]
    fn formats_are_compared_by_what_carries_the_trace() {
        let w3c = p(&["baggage", "tracecontext"]);
        assert_eq!(w3c.compatible_with(&p(&["b3"])), Some(false));
        assert_eq!(w3c.compatible_with(&p(&["b3", "tracecontext"])), Some(true));
        assert_eq!(p(&["b3"]).compatible_with(&p(&["b3multi"])), Some(true));
        assert_eq!(p(&["baggage"]).compatible_with(&w3c), Some(false));
        assert_eq!(p(&["custom"]).compatible_with(&w3c), None);
        assert_eq!(p(&["b3multi", "baggage"]).describe(), "b3");
    }
}
