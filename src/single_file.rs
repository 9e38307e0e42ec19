//! One source file analysed alone, from bytes in memory: extraction, then every rule over a
//! repository holding only that file. For tools that hold text rather than a tree on disk —
//! the fuzz targets under `fuzz/`, property tests — and for checking that every location
//! tracewire reports lies inside the file it names ([`loc_problems`]).
//!
//! ```
//! use tracewire::lang::Lang;
//! use tracewire::single_file::{loc_problems, SingleFile};
//!
//! let checker = SingleFile::new(Lang::Go).unwrap();
//! let src = b"package main\nfunc main() {}\n";
//! let checked = checker.check("main.go", src);
//! assert!(loc_problems(src, &checked).is_empty());
//! ```

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::extract::{self, Extractors, FileOutcome, PhaseTimes};
use crate::facts::{FileFacts, Loc};
use crate::knowledge::KnowledgeBase;
use crate::lang::Lang;
use crate::model::RepoModel;

/// The compiled extractor and knowledge of one language, reusable for many files.
pub struct SingleFile {
    lang: Lang,
    knowledge: KnowledgeBase,
    extractors: Extractors,
    settings: Settings,
}

/// What one file yielded.
pub struct Checked {
    /// Its facts, or why it was skipped.
    pub outcome: FileOutcome,
    /// The findings of every rule, with default settings (empty when the file was skipped).
    pub diagnostics: Vec<Diagnostic>,
}

impl SingleFile {
    /// Loads the knowledge table and compiles the queries of `lang` (default settings: the
    /// default parse budget, test code included).
    pub fn new(lang: Lang) -> Result<SingleFile, String> {
        let settings = Settings {
            include_tests: true,
            ..Settings::default()
        };
        let knowledge = KnowledgeBase::load(&[lang], &settings.knowledge)?;
        let extractors = Extractors::new(&knowledge)?;
        Ok(SingleFile {
            lang,
            knowledge,
            extractors,
            settings,
        })
    }

    /// The language files are read as.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Extracts the facts of `bytes` as the file `rel` (relative path, forward slashes).
    /// Never panics: a panic inside extraction comes back as a skipped file.
    pub fn extract(&self, rel: &str, bytes: &[u8]) -> FileOutcome {
        extract::extract_source(
            rel,
            self.lang,
            bytes,
            &self.extractors,
            &PhaseTimes::default(),
        )
    }

    /// Extracts `bytes` as the file `rel`, then runs every rule over a repository holding only
    /// that file, named `single`.
    pub fn check(&self, rel: &str, bytes: &[u8]) -> Checked {
        let outcome = self.extract(rel, bytes);
        let diagnostics = match &outcome {
            FileOutcome::Facts(facts) => {
                let repo = RepoModel::build(vec![facts.clone()], &[], "single");
                crate::analysis::run_rules(&repo, &self.knowledge, &self.settings)
            }
            FileOutcome::Skipped(_) => Vec::new(),
        };
        Checked {
            outcome,
            diagnostics,
        }
    }
}

/// Every location in a checked file's facts and findings that does not lie inside `src`,
/// described; empty when all is well. A location is inside when its byte range is ordered and
/// within the text, and its lines and character columns are exactly those of its bytes (lines
/// count `\n`; columns count UTF-8 lead bytes, an invalid byte counting as one character). The
/// all-zero location is the documented "no location" of facts that have none.
pub fn loc_problems(src: &[u8], checked: &Checked) -> Vec<String> {
    let mut problems = Vec::new();
    if let FileOutcome::Facts(facts) = &checked.outcome {
        facts_loc_problems(src, facts, &mut problems);
    }
    for d in &checked.diagnostics {
        check_loc(src, d.loc, &format!("{} finding", d.rule), &mut problems);
        for label in d.labels.iter().filter(|l| l.path == d.path) {
            check_loc(
                src,
                label.loc,
                &format!("{} label `{}`", d.rule, label.message),
                &mut problems,
            );
        }
    }
    problems
}

fn facts_loc_problems(src: &[u8], facts: &FileFacts, problems: &mut Vec<String>) {
    // Locations sit at many depths inside facts: find every one through their serialised form,
    // so a new fact kind is covered without listing it here.
    let value = serde_json::to_value(facts).expect("facts serialise");
    visit_locs(&value, "facts", &mut |loc, at| {
        check_loc(src, loc, at, problems)
    });
}

fn visit_locs(value: &serde_json::Value, at: &str, found: &mut dyn FnMut(Loc, &str)) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(loc) = as_loc(map) {
                found(loc, at);
                return;
            }
            for (key, v) in map {
                visit_locs(v, &format!("{at}.{key}"), found);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                visit_locs(v, &format!("{at}[{i}]"), found);
            }
        }
        _ => {}
    }
}

fn as_loc(map: &serde_json::Map<String, serde_json::Value>) -> Option<Loc> {
    let field = |name: &str| map.get(name)?.as_u64().map(|n| n as u32);
    if map.len() != 6 {
        return None;
    }
    Some(Loc {
        line: field("line")?,
        col: field("col")?,
        end_line: field("end_line")?,
        end_col: field("end_col")?,
        start_byte: field("start_byte")?,
        end_byte: field("end_byte")?,
    })
}

fn check_loc(src: &[u8], loc: Loc, at: &str, problems: &mut Vec<String>) {
    if loc == Loc::default() {
        return;
    }
    let (start, end) = (loc.start_byte as usize, loc.end_byte as usize);
    if start > end || end > src.len() {
        problems.push(format!(
            "{at}: bytes {start}..{end} outside a file of {} bytes",
            src.len()
        ));
        return;
    }
    let expected_start = position(src, start);
    let expected_end = position(src, end);
    if (loc.line, loc.col) != expected_start || (loc.end_line, loc.end_col) != expected_end {
        problems.push(format!(
            "{at}: {}:{}-{}:{} does not match bytes {start}..{end} ({}:{}-{}:{})",
            loc.line,
            loc.col,
            loc.end_line,
            loc.end_col,
            expected_start.0,
            expected_start.1,
            expected_end.0,
            expected_end.1
        ));
    }
}

/// The 1-based line and character column of a byte offset.
fn position(src: &[u8], byte: usize) -> (u32, u32) {
    let before = &src[..byte];
    let line = memchr::memchr_iter(b'\n', before).count() as u32 + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let col = before[line_start..]
        .iter()
        .filter(|b| (**b & 0xC0) != 0x80)
        .count() as u32
        + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let src = "ab\né x\n".as_bytes();
        assert_eq!(position(src, 0), (1, 1));
        assert_eq!(position(src, 3), (2, 1));
        // After `é` (two bytes): the third character of line 2.
        assert_eq!(position(src, 6), (2, 3));
        assert_eq!(position(src, src.len()), (3, 1));
    }

    #[test]
    fn a_location_past_the_end_or_off_its_bytes_is_a_problem() {
        let src = b"package main\n";
        let mut problems = Vec::new();
        let inside = Loc {
            line: 1,
            col: 9,
            end_line: 1,
            end_col: 13,
            start_byte: 8,
            end_byte: 12,
        };
        check_loc(src, inside, "ok", &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        check_loc(
            src,
            Loc {
                end_byte: 99,
                ..inside
            },
            "past",
            &mut problems,
        );
        check_loc(src, Loc { col: 2, ..inside }, "column", &mut problems);
        check_loc(
            src,
            Loc {
                start_byte: 12,
                end_byte: 8,
                ..inside
            },
            "reversed",
            &mut problems,
        );
        assert_eq!(problems.len(), 3, "{problems:?}");
    }

    #[test]
    fn every_location_in_a_real_file_is_found_and_checked() {
        let checker = SingleFile::new(Lang::Go).unwrap();
        let src = b"package main\n\nimport \"go.opentelemetry.io/otel\"\n\nfunc main() {\n\totel.Tracer(\"x\").Start(ctx, \"work\")\n}\n";
        let checked = checker.check("main.go", src);
        assert!(!checked.diagnostics.is_empty());
        let mut seen = 0;
        if let FileOutcome::Facts(facts) = &checked.outcome {
            let value = serde_json::to_value(facts).unwrap();
            visit_locs(&value, "facts", &mut |_, _| seen += 1);
        }
        assert!(seen >= 2, "{seen}");
        assert!(loc_problems(src, &checked).is_empty());
    }
}
