//! Span names as the rules see them: each name with its site, resolved through the string
//! constants of the service's files, and the repository's census of names by span kind.

use super::style::NamingStyle;
use super::{RepoModel, Service, ServiceView};
use crate::facts::{FactKind, FileFacts, Hole, Loc, NameExpr, NamePart, NameVia, SpanKindName};
use std::collections::{BTreeMap, BTreeSet};

/// One named span site.
#[derive(Clone, Debug)]
pub struct SpanName<'a> {
    /// The file it is in.
    pub file: &'a FileFacts,
    /// Where.
    pub loc: Loc,
    /// How the name is built.
    pub expr: &'a NameExpr,
    /// The span kind, where set.
    pub kind: Option<SpanKindName>,
    /// Who names the span.
    pub via: &'a NameVia,
    /// The name's text, when it is a literal or resolves through constants.
    pub text: Option<String>,
}

/// String constants by name, with every value declared under that name.
pub type Constants<'a> = BTreeMap<&'a str, BTreeSet<&'a str>>;

/// The string constants of the files a service sees.
pub fn constants<'a>(repo: &'a RepoModel, service: &Service) -> Constants<'a> {
    let mut out: Constants<'a> = BTreeMap::new();
    for &i in service.files.iter().chain(&service.shared) {
        for fact in &repo.files[i].facts {
            if let FactKind::StringConstant { name, value } = &fact.kind {
                out.entry(name).or_default().insert(value);
            }
        }
    }
    out
}

/// The single value of the constant a path ends in (`names.Checkout` → `Checkout`), if the
/// service declares exactly one.
pub fn constant_value<'a>(constants: &Constants<'a>, name: &str) -> Option<&'a str> {
    let last = name.rsplit(['.', ':']).next().unwrap_or(name);
    let values = constants.get(last)?;
    (values.len() == 1).then(|| *values.iter().next().expect("one value"))
}

/// The value a hole resolves to through the constants, if it names one.
pub fn hole_value<'a>(constants: &Constants<'a>, hole: &Hole) -> Option<&'a str> {
    match &hole.shape {
        crate::facts::HoleShape::Identifier(name) => constant_value(constants, name),
        crate::facts::HoleShape::Field(path) => constant_value(constants, path.last()?),
        _ => None,
    }
}

/// The text of a name, when it is a literal or every part resolves through the constants.
pub fn resolve(expr: &NameExpr, constants: &Constants<'_>) -> Option<String> {
    match expr {
        NameExpr::Literal(s) => Some(s.clone()),
        NameExpr::Constant(c) => constant_value(constants, c).map(str::to_string),
        NameExpr::Template(parts) => {
            let mut out = String::new();
            for part in parts {
                match part {
                    NamePart::Text(t) => out.push_str(t),
                    NamePart::Hole(h) => out.push_str(hole_value(constants, h)?),
                }
            }
            Some(out)
        }
        NameExpr::Unknown => None,
    }
}

/// A name as written for messages: literal text with holes as `{expr}`.
pub fn display(expr: &NameExpr) -> String {
    match expr {
        NameExpr::Literal(s) => s.clone(),
        NameExpr::Constant(c) => c.clone(),
        NameExpr::Template(parts) => parts
            .iter()
            .map(|p| match p {
                NamePart::Text(t) => t.clone(),
                NamePart::Hole(h) => format!("{{{}}}", h.expr),
            })
            .collect(),
        NameExpr::Unknown => "?".into(),
    }
}

impl<'a> ServiceView<'a> {
    /// The named spans in the files the service owns, resolved through the constants of every
    /// file it sees.
    pub fn span_names(&self) -> Vec<SpanName<'a>> {
        let constants = constants(self.repo, self.service);
        names_in(self.owned(), &constants)
    }
}

fn names_in<'a>(
    files: impl Iterator<Item = &'a FileFacts>,
    constants: &Constants<'_>,
) -> Vec<SpanName<'a>> {
    let mut out = Vec::new();
    for file in files {
        for fact in &file.facts {
            if let FactKind::SpanNamed {
                name,
                span_kind,
                via,
            } = &fact.kind
            {
                out.push(SpanName {
                    file,
                    loc: fact.loc,
                    expr: name,
                    kind: *span_kind,
                    via,
                    text: resolve(name, constants),
                });
            }
        }
    }
    out
}

/// One name counted in the repository's census.
#[derive(Clone, Debug)]
pub struct CensusEntry {
    /// The name.
    pub text: String,
    /// Its style, if it has a recognisable one.
    pub style: Option<NamingStyle>,
}

/// Every distinct resolvable span name of the repository, by span kind (unset counts as
/// internal): what the dominant naming style is inferred from. A name written at several sites
/// (copied examples, one helper called often) counts once: a style is a habit of naming, and
/// one name repeated is one decision.
#[derive(Clone, Debug, Default)]
pub struct NameCensus {
    /// Distinct names by kind, in the order first seen.
    pub by_kind: BTreeMap<SpanKindName, Vec<CensusEntry>>,
}

impl NameCensus {
    /// Counts the names of every service's owned files.
    pub fn build(repo: &RepoModel) -> NameCensus {
        let mut census = NameCensus::default();
        let mut seen: BTreeSet<(&str, Loc)> = BTreeSet::new();
        let mut distinct: BTreeSet<(SpanKindName, String)> = BTreeSet::new();
        for service in &repo.services {
            let constants = constants(repo, service);
            let files = service.files.iter().map(|&i| &repo.files[i]);
            for name in names_in(files, &constants) {
                if !seen.insert((name.file.path.as_str(), name.loc)) {
                    continue;
                }
                if matches!(name.via, NameVia::Formatter(_)) {
                    continue;
                }
                let Some(text) = name.text else { continue };
                let kind = name.kind.unwrap_or(SpanKindName::Internal);
                if !distinct.insert((kind, text.clone())) {
                    continue;
                }
                census.by_kind.entry(kind).or_default().push(CensusEntry {
                    style: super::style::style_of(&text, kind),
                    text,
                });
            }
        }
        census
    }
}
