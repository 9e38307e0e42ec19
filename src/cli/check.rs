//! `tracewire check`.

use super::{CheckArgs, ColorChoice, FailOn, Format, EXIT_FINDINGS, EXIT_OK};
use crate::analysis::{self, Outcome};
use crate::config::Settings;
use crate::diagnostic::Severity;
use crate::report;
use codespan_reporting::term::termcolor::{self, Buffer, StandardStream};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Runs `check` and returns the exit code, or an error message (exit 2).
pub fn run(args: &CheckArgs) -> Result<i32, String> {
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    for p in &paths {
        if !p.exists() {
            return Err(format!("{}: does not exist", p.display()));
        }
    }
    let mut settings = super::settings(args.config.as_deref(), args.no_config, &paths[0])?;
    settings.apply_cli(&args.select, &args.ignore)?;
    settings.threads = args.threads.unwrap_or(0);
    settings.prefilter = !args.no_prefilter;
    settings.parse_only = args.parse_only;
    settings.cache = if args.no_cache {
        None
    } else {
        crate::cache::choose_dir(args.cache_dir.as_deref())
    };
    if let Some(threads) = args.threads {
        if threads == 0 {
            return Err("--threads must be at least 1".into());
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .map_err(|e| format!("cannot start {threads} threads: {e}"))?;
    }
    let mut outcomes = Vec::new();
    let (files, dirs): (Vec<&PathBuf>, Vec<&PathBuf>) = paths.iter().partition(|p| p.is_file());
    for dir in dirs {
        outcomes.push(analyze(dir, &settings, args)?);
    }
    // Files (a pre-commit hook's staged files): analyse each file's service whole — the
    // nearest directory with a manifest — and report on the given files only.
    let mut by_root: std::collections::BTreeMap<PathBuf, Vec<PathBuf>> = Default::default();
    for file in files {
        by_root
            .entry(service_root(file))
            .or_default()
            .push(file.clone());
    }
    for (root, files) in by_root {
        let mut outcome = analyze(&root, &settings, args)?;
        let canonical_root = root.canonicalize().map_err(|e| e.to_string())?;
        let wanted: Vec<String> = files
            .iter()
            .filter_map(|f| f.canonicalize().ok())
            .filter_map(|f| crate::discover::relative(&canonical_root, &f))
            .collect();
        outcome.diagnostics.retain(|d| wanted.contains(&d.path));
        for file in files
            .iter()
            .filter(|f| crate::lang::Lang::from_path(f).is_none())
        {
            outcome.notes.push(format!(
                "`{}` is not a source file ({}): nothing is reported on it",
                file.display(),
                crate::language::LANGUAGES
            ));
        }
        outcomes.push(outcome);
    }
    let mut outcome = merge(outcomes);
    if let Some(path) = &args.write_baseline {
        let fingerprints = crate::report::fingerprints(&outcome);
        crate::baseline::Baseline::of(&outcome.diagnostics, &fingerprints).write(path)?;
        eprintln!(
            "wrote {} findings to the baseline {}",
            outcome.diagnostics.len(),
            path.display()
        );
        return Ok(EXIT_OK);
    }
    if let Some(path) = &args.baseline {
        let baseline = crate::baseline::Baseline::read(path)?;
        let fingerprints = crate::report::fingerprints(&outcome);
        let before = outcome.diagnostics.len();
        outcome.diagnostics =
            baseline.filter(std::mem::take(&mut outcome.diagnostics), &fingerprints);
        let hidden = before - outcome.diagnostics.len();
        if hidden > 0 {
            outcome.notes.push(format!(
                "{} hidden by the baseline {}",
                report::plural(hidden, "finding"),
                path.display()
            ));
        }
    }
    let t = std::time::Instant::now();
    let rendered = render(&outcome, args.format, color(args))?;
    write_output(&rendered, args)?;
    for (format, path) in &args.report {
        let rendered = render(&outcome, *format, false)?;
        std::fs::write(path, rendered)
            .map_err(|e| format!("{}: cannot write report: {e}", path.display()))?;
    }
    if args.stats {
        print_stats(&outcome, t.elapsed());
    }
    let threshold = match args.fail_on {
        FailOn::Info => Some(Severity::Info),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Error => Some(Severity::Error),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|t| outcome.diagnostics.iter().any(|d| d.severity >= t));
    Ok(if failed { EXIT_FINDINGS } else { EXIT_OK })
}

/// The service a file belongs to: its nearest ancestor directory holding a manifest, else its
/// own directory; as a path relative to the working directory where possible.
fn service_root(file: &Path) -> PathBuf {
    let parent = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut dir = parent.to_path_buf();
    loop {
        let has_manifest = std::fs::read_dir(&dir).is_ok_and(|entries| {
            entries.flatten().any(|e| {
                crate::discover::ManifestKind::from_file_name(&e.file_name().to_string_lossy())
                    .is_some()
            })
        });
        if has_manifest {
            return dir;
        }
        match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => dir = p.to_path_buf(),
            _ => return parent.to_path_buf(),
        }
    }
}

/// Analyses one root, keeping only new findings in review mode.
fn analyze(root: &Path, settings: &Settings, args: &CheckArgs) -> Result<Outcome, String> {
    let mut outcome = analysis::analyze(root, settings)?;
    if let Some(rev) = &args.diff {
        crate::review::only_new(&mut outcome, rev, settings)?;
    }
    Ok(outcome)
}

/// Merges the outcomes of several paths: each path's files are reported relative to it,
/// prefixed with the path as given when there are several.
fn merge(mut outcomes: Vec<Outcome>) -> Outcome {
    if outcomes.len() == 1 {
        return outcomes.pop().expect("one outcome");
    }
    let mut merged = Outcome {
        root: PathBuf::from("."),
        diagnostics: Vec::new(),
        skipped: Vec::new(),
        notes: Vec::new(),
        services: Vec::new(),
        stats: Default::default(),
        rules: outcomes
            .first()
            .map(|o| o.rules.clone())
            .unwrap_or_default(),
    };
    for o in outcomes {
        let prefix = report::display_root(&o.root);
        let join = |p: &str| {
            if prefix.is_empty() {
                p.to_string()
            } else {
                format!("{prefix}/{p}")
            }
        };
        for mut d in o.diagnostics {
            d.path = join(&d.path);
            for l in &mut d.labels {
                l.path = join(&l.path);
            }
            merged.diagnostics.push(d);
        }
        for mut s in o.skipped {
            s.rel = join(&s.rel);
            merged.skipped.push(s);
        }
        for mut s in o.services {
            s.path = join(&s.path);
            merged.services.push(s);
        }
        merged.notes.extend(o.notes);
        merged.stats.files += o.stats.files;
        merged.stats.bytes += o.stats.bytes;
        merged.stats.parsed += o.stats.parsed;
        merged.stats.filtered += o.stats.filtered;
        merged.stats.walk += o.stats.walk;
        merged.stats.extract_wall += o.stats.extract_wall;
        merged.stats.read_cpu += o.stats.read_cpu;
        merged.stats.prefilter_cpu += o.stats.prefilter_cpu;
        merged.stats.parse_cpu += o.stats.parse_cpu;
        merged.stats.extract_cpu += o.stats.extract_cpu;
        merged.stats.model += o.stats.model;
        merged.stats.rules += o.stats.rules;
        merged.stats.threads = o.stats.threads;
        merged.stats.cache_cpu += o.stats.cache_cpu;
        if let Some(cache) = &o.stats.cache {
            merged
                .stats
                .cache
                .get_or_insert_with(|| analysis::CacheStats {
                    dir: cache.dir.clone(),
                    ..Default::default()
                })
                .add(cache);
        }
    }
    merged
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    merged
}

/// Whether the main report is coloured.
fn color(args: &CheckArgs) -> bool {
    match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
                && std::env::var_os("NO_COLOR").is_none()
        }
    }
}

/// The outcome in a format (colour applies to `human` only).
fn render(outcome: &Outcome, format: Format, color: bool) -> Result<Vec<u8>, String> {
    match format {
        Format::Json => Ok(report::json::render(outcome).into_bytes()),
        Format::Sarif => Ok(report::sarif::render(outcome, &outcome.rules).into_bytes()),
        Format::Github => Ok(report::github::render(outcome).into_bytes()),
        Format::Markdown => Ok(report::markdown::render(outcome).into_bytes()),
        Format::Human => {
            let mut buffer = if color {
                Buffer::ansi()
            } else {
                Buffer::no_color()
            };
            report::human::render(outcome, &mut buffer).map_err(|e| e.to_string())?;
            Ok(buffer.into_inner())
        }
    }
}

fn write_output(rendered: &[u8], args: &CheckArgs) -> Result<(), String> {
    match &args.output {
        Some(path) => std::fs::write(path, rendered)
            .map_err(|e| format!("{}: cannot write report: {e}", path.display())),
        None => {
            let mut out = StandardStream::stdout(termcolor::ColorChoice::Never);
            match out.write_all(rendered).and_then(|_| out.flush()) {
                Ok(()) => Ok(()),
                // A closed pipe (`| head`) is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(format!("cannot write report: {e}")),
            }
        }
    }
}

/// Skipped files listed by `--stats`; the rest are counted.
const MAX_STATS_NOTES: usize = 100;

/// Prints files, bytes and time per phase, and the files skipped, to standard error.
fn print_stats(outcome: &Outcome, report: std::time::Duration) {
    let s = &outcome.stats;
    let secs = |d: std::time::Duration| d.as_secs_f64();
    let total = s.walk + s.extract_wall + s.model + s.rules + report;
    let mb = s.bytes as f64 / 1e6;
    eprintln!(
        "files: {} found, {} parsed, {} not parsed by the pre-filter, {} skipped; {:.2} MB",
        s.files,
        s.parsed,
        s.filtered,
        outcome.skipped.len(),
        mb
    );
    for (i, skipped) in outcome.skipped.iter().enumerate() {
        if i == MAX_STATS_NOTES {
            eprintln!(
                "  ... and {} more skipped (all are listed by --format json)",
                outcome.skipped.len() - i
            );
            break;
        }
        eprintln!("  skipped {}: {}", skipped.rel, skipped.reason);
    }
    for note in &outcome.notes {
        eprintln!("  note: {note}");
    }
    eprintln!("threads: {}", s.threads);
    match &s.cache {
        Some(c) => eprintln!(
            "cache: {} files from the cache, {} parsed and written ({} not written), {} damaged entries ignored; {:.3} s cpu; {}",
            c.hits,
            c.written,
            c.write_errors,
            c.rejected,
            secs(s.cache_cpu),
            c.dir.display()
        ),
        None => eprintln!("cache: off"),
    }
    eprintln!("walk     {:>9.3} s", secs(s.walk));
    eprintln!(
        "extract  {:>9.3} s wall (cpu: read {:.3} s, pre-filter {:.3} s, parse {:.3} s, extract {:.3} s)",
        secs(s.extract_wall),
        secs(s.read_cpu),
        secs(s.prefilter_cpu),
        secs(s.parse_cpu),
        secs(s.extract_cpu)
    );
    eprintln!("model    {:>9.3} s", secs(s.model));
    eprintln!("rules    {:>9.3} s", secs(s.rules));
    eprintln!("report   {:>9.3} s", secs(report));
    let cpu = s.read_cpu + s.prefilter_cpu + s.parse_cpu + s.extract_cpu;
    let parse_share = if cpu.is_zero() {
        0.0
    } else {
        secs(s.parse_cpu) / secs(cpu) * 100.0
    };
    eprintln!(
        "total    {:>9.3} s; {:.1} MB/s, {:.0} files/s; parse is {:.0}% of extraction cpu",
        secs(total),
        mb / secs(total).max(1e-9),
        s.files as f64 / secs(total).max(1e-9),
        parse_share
    );
}
