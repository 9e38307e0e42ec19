//! Configuration: `tracewire.toml` (found by walking up from the scanned path) and command-line
//! overrides, resolved once into [`Settings`].
//!
//! ```toml
//! exclude = ["gen/**", "examples"]
//! max-file-size = 1048576
//!
//! [rules]
//! ignore = ["span-context-unused"]
//! severity = { "span-not-ended" = "error" }
//! ```
//!
//! Unknown keys and bad values are errors that name the file, line and column.

use crate::diagnostic::Severity;
use crate::discover::DEFAULT_MAX_FILE_SIZE;
pub use crate::knowledge::KnowledgeExtension;
pub use crate::model::style::NamingStyle;
use crate::rules;
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The configuration file's name.
pub const FILE_NAME: &str = "tracewire.toml";

/// The file as written: every field optional.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Globs, relative to the scanned root, never analysed.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Files larger than this many bytes are skipped (default 1048576).
    pub max_file_size: Option<u64>,
    /// Analyse test code too (`_test.go`, `tests/`, `*.spec.ts`, ...); default false.
    pub include_tests: Option<bool>,
    /// The most milliseconds one file's parse may take before the file is skipped with a note
    /// (default 5000).
    pub file_time_budget_ms: Option<u64>,
    /// Rule selection and severities.
    #[serde(default)]
    pub rules: RuleOptions,
    /// Span naming conventions.
    #[serde(default)]
    pub naming: NamingOptions,
    /// Service boundaries and names that the manifests do not give.
    #[serde(default)]
    pub services: Vec<ServiceOptions>,
    /// Knowledge extensions per language (`go`, `python`, ...): in-house wrappers that
    /// instrument clients, middleware that extracts, ...
    #[serde(default)]
    pub knowledge: BTreeMap<String, KnowledgeOptions>,
}

/// The `[naming]` table.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NamingOptions {
    /// The span naming style the repository follows, instead of the one inferred from it.
    pub style: Option<NamingStyle>,
}

/// One `[[services]]` entry.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ServiceOptions {
    /// The service's directory, relative to the scanned root: a service boundary even without
    /// a manifest.
    pub path: String,
    /// Its name in findings and the service map (default: the directory's name).
    pub name: Option<String>,
}

/// Knowledge extensions for one language.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct KnowledgeOptions {
    /// Fully qualified name → role, e.g. `"mycorp/httpx.NewTracedClient" =
    /// "instrumented-transport"`.
    #[serde(default)]
    pub functions: BTreeMap<String, crate::knowledge::Role>,
    /// Fully qualified propagator constructor or type → wire format.
    #[serde(default)]
    pub propagators: BTreeMap<String, String>,
}

/// The `[rules]` table.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleOptions {
    /// Only these rules run.
    pub select: Option<Vec<String>>,
    /// These rules never run.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Per-rule severity overrides.
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
}

/// Resolved settings: what the pipeline reads.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Exclude globs.
    pub exclude: Vec<String>,
    /// Size limit per file.
    pub max_file_size: u64,
    /// Walker threads (0: automatic).
    pub threads: usize,
    /// Analyse test code too.
    pub include_tests: bool,
    /// The most time one file's parse may take; past it the file is skipped with a note.
    pub file_time_budget: std::time::Duration,
    /// Only these rules run (`None`: all).
    pub select: Option<BTreeSet<String>>,
    /// These rules never run.
    pub ignore: BTreeSet<String>,
    /// Severity overrides.
    pub severity: BTreeMap<String, Severity>,
    /// The configured span naming style, if any.
    pub naming_style: Option<NamingStyle>,
    /// Service boundaries and names from the configuration: (directory, name).
    pub services: Vec<(String, Option<String>)>,
    /// Knowledge extensions per language.
    pub knowledge: Vec<(crate::lang::Lang, KnowledgeExtension)>,
    /// Skip parsing files in which no name tracewire knows occurs (see [`crate::prefilter`]).
    pub prefilter: bool,
    /// Parse every file and extract nothing (the cost floor, for benchmarks).
    pub parse_only: bool,
    /// The facts cache's directory (see [`crate::cache`]); `None`: no cache.
    pub cache: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            exclude: Vec::new(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            threads: 0,
            include_tests: false,
            file_time_budget: crate::extract::DEFAULT_TIME_BUDGET,
            select: None,
            ignore: BTreeSet::new(),
            severity: BTreeMap::new(),
            naming_style: None,
            services: Vec::new(),
            knowledge: Vec::new(),
            prefilter: true,
            parse_only: false,
            cache: None,
        }
    }
}

impl Settings {
    /// Whether a rule runs.
    pub fn is_enabled(&self, id: &str) -> bool {
        self.select.as_ref().is_none_or(|s| s.contains(id)) && !self.ignore.contains(id)
    }

    /// A rule's severity after overrides.
    pub fn severity_of(&self, id: &str, default: Severity) -> Severity {
        self.severity.get(id).copied().unwrap_or(default)
    }

    /// Applies a parsed configuration file.
    pub fn apply_file(
        &mut self,
        options: Options,
        source: &str,
        path: &Path,
    ) -> Result<(), String> {
        let at = |needle: &str| position_of(source, needle, path);
        for id in options
            .rules
            .select
            .iter()
            .flatten()
            .chain(&options.rules.ignore)
            .chain(options.rules.severity.keys())
        {
            if rules::by_id(id).is_none() {
                return Err(format!("{}: {}", at(id), rules::unknown_id(id)));
            }
        }
        for (id, level) in &options.rules.severity {
            let severity = Severity::parse(level).ok_or_else(|| {
                format!(
                    "{}: severity of `{id}` must be \"info\", \"warning\" or \"error\", not \"{level}\"",
                    at(level)
                )
            })?;
            self.severity.insert(id.clone(), severity);
        }
        crate::discover::exclude_set(&options.exclude)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        self.exclude.extend(options.exclude);
        if let Some(size) = options.max_file_size {
            self.max_file_size = size;
        }
        if let Some(select) = options.rules.select {
            self.select = Some(select.into_iter().collect());
        }
        self.ignore.extend(options.rules.ignore);
        if let Some(ms) = options.file_time_budget_ms {
            self.file_time_budget = std::time::Duration::from_millis(ms);
        }
        if let Some(include) = options.include_tests {
            self.include_tests = include;
        }
        self.naming_style = options.naming.style.or(self.naming_style);
        for service in options.services {
            let dir = service
                .path
                .trim_matches('/')
                .trim_start_matches("./")
                .to_string();
            self.services.push((dir, service.name));
        }
        for (name, ext) in options.knowledge {
            let lang = crate::lang::Lang::ALL
                .into_iter()
                .find(|l| l.name() == name)
                .ok_or_else(|| {
                    format!(
                        "{}: unknown language `{name}` in [knowledge] (one of: {})",
                        at(&name),
                        crate::lang::Lang::ALL.map(|l| l.name()).join(", ")
                    )
                })?;
            for (qualified, role) in &ext.functions {
                if !lang.roles().contains(role) {
                    return Err(format!(
                        "{}: the {} extractor does not read the role `{}` given to `{qualified}` (roles it reads: {})",
                        at(qualified),
                        lang.name(),
                        role.name(),
                        lang.roles()
                            .iter()
                            .map(|r| r.name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
            self.knowledge.push((
                lang,
                KnowledgeExtension {
                    functions: ext.functions,
                    propagators: ext.propagators,
                },
            ));
        }
        Ok(())
    }

    /// Applies `--select` / `--ignore` from the command line.
    pub fn apply_cli(&mut self, select: &[String], ignore: &[String]) -> Result<(), String> {
        for id in select.iter().chain(ignore) {
            if rules::by_id(id).is_none() {
                return Err(rules::unknown_id(id));
            }
        }
        if let Some(id) = select.iter().find(|id| ignore.contains(id)) {
            return Err(format!(
                "`{id}` is both selected and ignored: it would never run"
            ));
        }
        if !select.is_empty() {
            self.select = Some(select.iter().cloned().collect());
        }
        self.ignore.extend(ignore.iter().cloned());
        if !rules::RULES.iter().any(|r| self.is_enabled(r.meta.id)) {
            return Err("no rule would run: every selected rule is also ignored".into());
        }
        Ok(())
    }
}

/// The JSON schema of `tracewire.toml`, pretty-printed (committed as `tracewire.schema.json`).
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Options);
    serde_json::to_string_pretty(&schema).expect("a schema serialises")
}

/// Finds `tracewire.toml` in `start` or its ancestors.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    let mut dir = if start.is_file() {
        start.parent()?.to_path_buf()
    } else {
        start
    };
    loop {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if !dir.pop() {
            return None;
        }
    }
}

/// Reads and parses a configuration file.
pub fn load(path: &Path) -> Result<(Options, String), String> {
    let source = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read configuration: {e}", path.display()))?;
    let options: Options = toml::from_str(&source).map_err(|e| {
        let position = e
            .span()
            .map(|s| line_col(&source, s.start))
            .map(|(l, c)| format!(":{l}:{c}"))
            .unwrap_or_default();
        format!(
            "{}{position}: invalid configuration: {}",
            path.display(),
            e.message()
        )
    })?;
    Ok((options, source))
}

/// `path:line:col` of the first occurrence of `needle` in the file.
fn position_of(source: &str, needle: &str, path: &Path) -> String {
    match source.find(needle) {
        Some(offset) => {
            let (line, col) = line_col(source, offset);
            format!("{}:{line}:{col}", path.display())
        }
        None => path.display().to_string(),
    }
}

/// 1-based line and column of a byte offset.
fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Settings, String> {
        let options: Options = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut s = Settings::default();
        s.apply_file(options, text, Path::new("tracewire.toml"))?;
        Ok(s)
    }

    #[test]
    fn rule_selection_and_severity() {
        let s = parse("[rules]\nignore = [\"span-not-ended\"]\nseverity = { \"context-dropped\" = \"error\" }\n")
            .unwrap();
        assert!(!s.is_enabled("span-not-ended"));
        assert!(s.is_enabled("context-dropped"));
        assert_eq!(
            s.severity_of("context-dropped", Severity::Warning),
            Severity::Error
        );
    }

    #[test]
    fn unknown_rule_ids_point_at_the_line() {
        let err = parse("\n[rules]\nignore = [\"span-not-endd\"]\n").unwrap_err();
        assert_eq!(
            err,
            "tracewire.toml:3:12: unknown rule id `span-not-endd`; did you mean `span-not-ended`?"
        );
    }

    #[test]
    fn unknown_keys_are_errors() {
        assert!(toml::from_str::<Options>("exclud = []").is_err());
    }
}
