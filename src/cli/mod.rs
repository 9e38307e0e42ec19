//! The command line: `check`, `rules`, `explain`. Parsing happens here; `main` only maps the
//! outcome to an exit code.

mod check;
mod map;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Exit code: nothing at or above the failure threshold.
pub const EXIT_OK: i32 = 0;
/// Exit code: findings at or above the failure threshold.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code: usage, configuration or I/O error.
pub const EXIT_ERROR: i32 = 2;

/// tracewire: find where distributed traces will break, before you ship.
#[derive(Debug, Parser)]
#[command(name = "tracewire", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse a repository and report broken tracing.
    #[command(
        after_help = "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on; 2 usage, configuration or I/O error."
    )]
    Check(Box<CheckArgs>),
    /// List the rules.
    Rules,
    /// Print a rule's documentation.
    Explain {
        /// The rule id, e.g. `span-not-ended`.
        rule: String,
    },
    /// Show the service graph: which service calls which, and whether the trace survives.
    #[command(
        after_help = "Exit codes: 0 the map was printed; 2 usage, configuration or I/O error."
    )]
    Map(MapArgs),
    /// Run the language server over stdio.
    Lsp,
    /// Print the JSON schema of tracewire.toml (editors validate and complete with it).
    ConfigSchema,
    /// Print the facts extracted from one source file, as JSON (for developing queries).
    #[command(hide = true)]
    Facts {
        /// The source file.
        file: PathBuf,
    },
}

/// Arguments of `map`.
#[derive(Debug, clap::Args)]
pub struct MapArgs {
    /// The repository (default: the current directory).
    pub path: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: MapFormat,
    /// Configuration file (default: tracewire.toml found by walking up from the path).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Ignore any tracewire.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

/// Output formats of `map`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MapFormat {
    /// A Mermaid flowchart (GitHub renders it in Markdown).
    Mermaid,
    /// Graphviz dot.
    Dot,
    /// JSON, version 1.
    Json,
    /// Plain text tables.
    Table,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Annotated source excerpts and a summary line.
    Human,
    /// The versioned JSON document described in the README.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
    /// A Markdown pull-request comment.
    Markdown,
}

/// The lowest severity that makes `check` exit with 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any finding.
    Info,
    /// Warnings and errors.
    Warning,
    /// Errors only.
    Error,
    /// Never: report only.
    Never,
}

/// Colour choice for human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Directories (or files) to analyse; defaults to the current directory.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Also write the report in another format to a file, from the same analysis (repeatable):
    /// `--format github --report sarif=tracewire.sarif`.
    #[arg(long, value_name = "FORMAT=FILE", value_parser = parse_report)]
    pub report: Vec<(Format, PathBuf)>,
    /// Run only these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Never run these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// The lowest severity that fails the run.
    #[arg(long, value_enum, default_value = "warning")]
    pub fail_on: FailOn,
    /// Configuration file (default: tracewire.toml found by walking up from the first path).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Ignore any tracewire.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Worker threads (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Report only findings that are new since this git revision (review mode).
    #[arg(long, value_name = "REV")]
    pub diff: Option<String>,
    /// Leave out the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings as the baseline in this file, then exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Print files, bytes and time per phase to standard error.
    #[arg(long)]
    pub stats: bool,
    /// Parse every file, even those the pre-filter would skip (for comparison and debugging).
    #[arg(long)]
    pub no_prefilter: bool,
    /// Walk, read and parse the files the analysis would parse (every file with
    /// `--no-prefilter`) but extract nothing: the cost floor (benchmarks).
    #[arg(long, hide = true)]
    pub parse_only: bool,
    /// Colour in human output.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Keep the facts of each parsed file in this directory and reuse them while the file,
    /// the configuration's knowledge and tracewire are unchanged (default: `tracewire` in the
    /// user's cache directory).
    #[arg(long, value_name = "DIR", env = crate::cache::ENV_VAR)]
    pub cache_dir: Option<PathBuf>,
    /// Neither read nor write the facts cache (whatever `--cache-dir` or TRACEWIRE_CACHE_DIR
    /// say).
    #[arg(long)]
    pub no_cache: bool,
}

/// Parses a `--report FORMAT=FILE` value.
fn parse_report(value: &str) -> Result<(Format, PathBuf), String> {
    let (format, file) = value.split_once('=').ok_or_else(|| {
        format!("`{value}` is not FORMAT=FILE (for example sarif=tracewire.sarif)")
    })?;
    let format = Format::from_str(format, true).map_err(|_| {
        let formats: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_string()))
            .collect();
        format!("unknown format `{format}` (one of: {})", formats.join(", "))
    })?;
    if file.is_empty() {
        return Err(format!("`{value}` names no file"));
    }
    Ok((format, PathBuf::from(file)))
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Check(args) => match check::run(&args) {
            Ok(code) => code,
            Err(message) => {
                eprintln!("error: {message}");
                EXIT_ERROR
            }
        },
        Command::Rules => {
            let width = crate::rules::RULES
                .iter()
                .map(|rule| rule.meta.id.len())
                .max()
                .unwrap_or(0);
            for rule in crate::rules::RULES {
                let langs: Vec<&str> = rule.meta.languages.iter().map(|l| l.name()).collect();
                println!(
                    "{:<width$}  {:<7}  {} ({})",
                    rule.meta.id,
                    rule.meta.severity.name(),
                    rule.meta.summary,
                    langs.join(", "),
                );
            }
            EXIT_OK
        }
        Command::Map(args) => match map::run(&args) {
            Ok(code) => code,
            Err(message) => {
                eprintln!("error: {message}");
                EXIT_ERROR
            }
        },
        Command::ConfigSchema => {
            println!("{}", crate::config::json_schema());
            EXIT_OK
        }
        Command::Lsp => match crate::lsp::run_stdio() {
            Ok(()) => EXIT_OK,
            Err(message) => {
                eprintln!("error: {message}");
                EXIT_ERROR
            }
        },
        Command::Facts { file } => match facts(&file) {
            Ok(json) => {
                println!("{json}");
                EXIT_OK
            }
            Err(message) => {
                eprintln!("error: {message}");
                EXIT_ERROR
            }
        },
        Command::Explain { rule } => match crate::rules::by_id(&rule) {
            Some(r) => {
                print!("{}", crate::rules::docs_page(r.meta));
                EXIT_OK
            }
            None => {
                eprintln!("error: {}", crate::rules::unknown_id(&rule));
                EXIT_ERROR
            }
        },
    }
}

/// Resolves the configuration file — the one given, none with `no_config`, else
/// `tracewire.toml` found by walking up from `first` — into settings.
fn settings(
    config: Option<&std::path::Path>,
    no_config: bool,
    first: &std::path::Path,
) -> Result<crate::config::Settings, String> {
    let mut settings = crate::config::Settings::default();
    let file = if no_config {
        None
    } else if let Some(path) = config {
        if !path.is_file() {
            return Err(format!("{}: configuration file not found", path.display()));
        }
        Some(path.to_path_buf())
    } else {
        crate::config::find(first)
    };
    if let Some(path) = file {
        let (options, source) = crate::config::load(&path)?;
        settings.apply_file(options, &source, &path)?;
    }
    Ok(settings)
}

/// The facts of one file as pretty JSON.
fn facts(file: &std::path::Path) -> Result<String, String> {
    use crate::extract::{extract_source, Extractors, FileOutcome, PhaseTimes};
    let lang = crate::lang::Lang::from_path(file)
        .ok_or_else(|| format!("{}: not a source file of a known language", file.display()))?;
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let knowledge = crate::knowledge::KnowledgeBase::load(&[lang], &[])?;
    let extractors = Extractors::new(&knowledge)?;
    let name = file.to_string_lossy();
    match extract_source(&name, lang, &bytes, &extractors, &PhaseTimes::default()) {
        FileOutcome::Facts(f) => Ok(serde_json::to_string_pretty(&f).expect("plain data")),
        FileOutcome::Skipped(s) => Err(format!("{}: skipped: {}", file.display(), s.reason)),
    }
}
