//! The literal pre-filter: skip parsing a file that cannot contribute anything to the analysis.
//!
//! Parsing is the floor of tracewire's cost; reading a file and scanning it for literals is
//! 50–100× cheaper. Every fact an extractor produces, and every file-level flag the later stages
//! read (`uses_tracing`, `has_entry`, `test_code`, suppressions), is triggered by a name the
//! extractor compares against: a qualified name of the knowledge table (whose last identifier
//! must then appear in the file), a method name, a request parameter name, an import prefix, or
//! a name the extractor itself knows (`main`, `testing`, `Register…Server`, `tracewire:`).
//! The needles of a language are those names: the knowledge table's (see
//! [`crate::knowledge::Knowledge::prefilter_names`]) plus the extractor's own
//! ([`crate::lang::Lang::prefilter_needles`]). A file in which none occurs — as a word, where
//! the needle is a name — gets no facts, no suppressions and no flags from a full extraction,
//! so it is not parsed: it still belongs to its service, with empty facts.
//!
//! What a skipped file loses is only what no later stage reads: its package name, whether it
//! parsed cleanly, and whether it is generated (which only hides diagnostics *in* the file, and
//! a file without facts or suppressions has none). A language whose file-level flags do not
//! follow from names (C#: any file with top-level statements is an entry point) has no needles
//! and is always parsed. Generated protobuf *message* code (`.pb.go`, `_pb2.py`, `_pb.js`: the
//! names protoc gives files of data types) is not parsed unless it mentions gRPC: it handles no
//! request and makes no call, and it is often the largest code of a gRPC repository (protoc
//! writes service stubs to their own `_grpc` files, which are parsed like any other).
//! `tests/it/prefilter.rs` checks on every fixture and bundled repository
//! that facts and diagnostics are the same with and without the filter (message code aside:
//! `--no-prefilter` parses it, and the only facts it yields are look-alikes of calls, such as
//! `sync.Once.Do`, in a generated file whose findings are never reported).

use crate::knowledge::KnowledgeBase;
use crate::lang::{ExtractorNeedles, Lang};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;

/// A literal that may make a file contribute facts.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Needle {
    /// The literal.
    pub text: String,
    /// It counts only where no identifier character precedes it.
    pub starts_word: bool,
    /// It counts only where no identifier character follows it.
    pub ends_word: bool,
}

impl Needle {
    /// A whole identifier (`HandleFunc`).
    pub fn word(text: &str) -> Needle {
        Needle {
            text: text.to_string(),
            starts_word: true,
            ends_word: true,
        }
    }

    /// The end of an identifier (`Client` in `NewCartServiceClient`).
    pub fn suffix(text: &str) -> Needle {
        Needle {
            text: text.to_string(),
            starts_word: false,
            ends_word: true,
        }
    }

    /// The start of an identifier (`do_` in `do_GET`).
    pub fn prefix(text: &str) -> Needle {
        Needle {
            text: text.to_string(),
            starts_word: true,
            ends_word: false,
        }
    }

    /// Anywhere (an import prefix, a comment marker).
    pub fn substring(text: &str) -> Needle {
        Needle {
            text: text.to_string(),
            starts_word: false,
            ends_word: false,
        }
    }
}

/// The last identifier of a qualified name (`net/http.HandleFunc` → `HandleFunc`,
/// `@grpc/grpc-js` → `js`); `None` when it has none.
pub fn last_word(name: &str) -> Option<&str> {
    name.rsplit(|c: char| !is_ident_char(c))
        .find(|w| !w.is_empty())
}

/// Identifier characters, for word boundaries. Anything else (including every non-ASCII
/// character) is a boundary, so a needle inside a longer Unicode identifier still counts: the
/// filter errs towards parsing.
fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

fn is_ident_byte(b: u8) -> bool {
    is_ident_char(b as char)
}

/// One language's compiled needles.
struct LangFilter {
    automaton: AhoCorasick,
    /// Distinct needles, indexed by automaton pattern.
    needles: Vec<Needle>,
    /// Whether a needle alone is a clause (then one occurrence decides).
    alone: Vec<bool>,
    /// Clauses of several needles, as needle indices.
    clauses: Vec<Vec<usize>>,
    file_names: &'static [&'static str],
    message_files: &'static [&'static str],
}

impl LangFilter {
    fn new(clauses: Vec<Vec<Needle>>, own: &ExtractorNeedles) -> Option<LangFilter> {
        let mut needles: Vec<Needle> = clauses.iter().flatten().cloned().collect();
        needles.sort();
        needles.dedup();
        let index = |n: &Needle| needles.binary_search(n).expect("collected above");
        let mut alone = vec![false; needles.len()];
        let mut multi: Vec<Vec<usize>> = Vec::new();
        for clause in &clauses {
            let mut ids: Vec<usize> = clause.iter().map(index).collect();
            ids.sort_unstable();
            ids.dedup();
            match ids.as_slice() {
                [] => {}
                [one] => alone[*one] = true,
                _ => multi.push(ids),
            }
        }
        // A clause that contains a lone needle is implied by it.
        multi.retain(|c| !c.iter().any(|&i| alone[i]));
        multi.sort();
        multi.dedup();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(needles.iter().map(|n| n.text.as_bytes()))
            .ok()?;
        Some(LangFilter {
            automaton,
            needles,
            alone,
            clauses: multi,
            file_names: own.file_names,
            message_files: own.message_files,
        })
    }

    fn may_contribute(&self, rel: &str, src: &[u8]) -> bool {
        let file = rel.rsplit('/').next().unwrap_or(rel);
        if self.file_names.contains(&file) {
            return true;
        }
        if self.message_files.iter().any(|end| file.ends_with(end)) && !names_grpc(src) {
            return false;
        }
        let mut found = vec![false; self.needles.len()];
        for m in self.automaton.find_overlapping_iter(src) {
            if self.counts(src, &m) {
                let i = m.pattern().as_usize();
                if self.alone[i] {
                    return true;
                }
                found[i] = true;
            }
        }
        self.clauses.iter().any(|c| c.iter().all(|&i| found[i]))
    }

    /// Whether a match of a needle counts: at word boundaries where the needle asks for them.
    fn counts(&self, src: &[u8], m: &aho_corasick::Match) -> bool {
        let needle = &self.needles[m.pattern().as_usize()];
        (!needle.starts_word || m.start() == 0 || !is_ident_byte(src[m.start() - 1]))
            && (!needle.ends_word || src.get(m.end()).is_none_or(|b| !is_ident_byte(*b)))
    }
}

/// Whether a file mentions gRPC in any spelling: generated protobuf code that does holds
/// service stubs (older generators put them beside the messages), which are parsed.
fn names_grpc(src: &[u8]) -> bool {
    src.windows(4).any(|w| w.eq_ignore_ascii_case(b"grpc"))
}

/// The compiled needles of every language of a run.
pub struct Prefilter {
    by_lang: HashMap<Lang, LangFilter>,
}

impl Prefilter {
    /// Builds the needles of the languages in `knowledge` that support skipping.
    pub fn new(knowledge: &KnowledgeBase) -> Prefilter {
        let mut by_lang = HashMap::new();
        for lang in Lang::ALL {
            let (Some(table), Some(own)) = (knowledge.get(lang), lang.prefilter_needles()) else {
                continue;
            };
            if let Some(filter) = LangFilter::new(clauses_of(table, own), own) {
                by_lang.insert(lang, filter);
            }
        }
        Prefilter { by_lang }
    }

    /// Whether the file at `rel` (relative path) with content `src` may contribute facts: true
    /// unless its language supports skipping and none of its needles occurs.
    pub fn may_contribute(&self, lang: Lang, rel: &str, src: &[u8]) -> bool {
        match self.by_lang.get(&lang) {
            Some(filter) => filter.may_contribute(rel, src),
            None => true,
        }
    }

    /// The needles that occur in a file, for explaining why it is parsed (needles of a
    /// clause of several count only when the whole clause occurs).
    pub fn matches(&self, lang: Lang, src: &[u8]) -> Vec<&Needle> {
        let Some(filter) = self.by_lang.get(&lang) else {
            return Vec::new();
        };
        let mut seen = vec![false; filter.needles.len()];
        for m in filter.automaton.find_overlapping_iter(src) {
            if filter.counts(src, &m) {
                seen[m.pattern().as_usize()] = true;
            }
        }
        let mut found: Vec<&Needle> = (0..seen.len())
            .filter(|&i| seen[i] && filter.alone[i])
            .map(|i| &filter.needles[i])
            .collect();
        for clause in &filter.clauses {
            if clause.iter().all(|&i| seen[i]) {
                found.extend(clause.iter().map(|&i| &filter.needles[i]));
            }
        }
        found.sort();
        found.dedup();
        found
    }
}

/// A language's clauses: its knowledge table's and its extractor's own names.
/// What must occur in a file for a name of this table to occur in it, as clauses of needles
/// that must all occur. A qualified name needs its member and the last word of its module
/// (`b3.New` needs `b3` and `New`: Go imports, Python and JavaScript modules, Java classes are
/// all written where they are used), unless its module is one of `implicit_modules`, which code
/// uses without naming (JavaScript's `globalThis`). Every other name is a clause of its own.
fn table_clauses(
    table: &crate::knowledge::Knowledge,
    typed_lists: &[&str],
    implicit_modules: &[&str],
) -> Vec<Vec<Needle>> {
    let names = table.prefilter_names(typed_lists);
    let mut clauses: Vec<Vec<Needle>> = Vec::new();
    for name in names.qualified {
        let Some(member) = last_word(name) else {
            continue;
        };
        let module = name.rsplit_once('.').map(|(m, _)| m);
        match module
            .filter(|m| !implicit_modules.contains(m))
            .and_then(last_word)
        {
            Some(module) => clauses.push(vec![Needle::word(module), Needle::word(member)]),
            None => clauses.push(vec![Needle::word(member)]),
        }
    }
    clauses.extend(
        names
            .plain
            .into_iter()
            .filter_map(last_word)
            .map(|w| vec![Needle::word(w)]),
    );
    clauses.extend(
        names
            .substrings
            .into_iter()
            .map(|p| vec![Needle::substring(p)]),
    );
    clauses
}

fn clauses_of(table: &crate::knowledge::Knowledge, own: &ExtractorNeedles) -> Vec<Vec<Needle>> {
    let mut clauses = table_clauses(table, own.typed_lists, own.implicit_modules);
    let own_needles = own
        .words
        .iter()
        .map(|w| Needle::word(w))
        .chain(own.suffixes.iter().map(|w| Needle::suffix(w)))
        .chain(own.prefixes.iter().map(|w| Needle::prefix(w)))
        .chain(own.substrings.iter().map(|w| Needle::substring(w)))
        // Suppression comments (`tracewire: ignore[...]`) are read in every language.
        .chain([Needle::substring("tracewire")]);
    clauses.extend(own_needles.map(|n| vec![n]));
    clauses
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN: ExtractorNeedles = ExtractorNeedles {
        file_names: &["main.py"],
        message_files: &[".pb.go"],
        ..ExtractorNeedles::NONE
    };

    fn filter(needles: Vec<Needle>) -> LangFilter {
        LangFilter::new(needles.into_iter().map(|n| vec![n]).collect(), &OWN).expect("builds")
    }

    #[test]
    fn words_need_boundaries_on_both_sides() {
        let f = filter(vec![Needle::word("Get")]);
        assert!(f.may_contribute("a.go", b"x.Get(url)"));
        assert!(f.may_contribute("a.go", b"Get"));
        assert!(!f.may_contribute("a.go", b"x.GetUser(id) + Getter + $Get"));
        // A word after an overlapping miss still counts.
        assert!(f.may_contribute("a.go", b"GetGet Get"));
    }

    #[test]
    fn suffixes_prefixes_and_substrings() {
        let f = filter(vec![
            Needle::suffix("Client"),
            Needle::prefix("do_"),
            Needle::substring("opentelemetry"),
        ]);
        assert!(f.may_contribute("a", b"pb.NewCartClient(conn)"));
        assert!(!f.may_contribute("a", b"ClientFactory"));
        assert!(f.may_contribute("a", b"def do_GET(self):"));
        assert!(!f.may_contribute("a", b"def undo_it(self):"));
        assert!(f.may_contribute("a", b"\"go.opentelemetry.io/otel\""));
        assert!(!f.may_contribute("a", b"plain code"));
    }

    #[test]
    fn clauses_need_every_needle() {
        let f = LangFilter::new(
            vec![
                vec![Needle::word("b3"), Needle::word("New")],
                vec![Needle::word("Start")],
            ],
            &ExtractorNeedles::NONE,
        )
        .expect("builds");
        assert!(!f.may_contribute("a.go", b"errors.New(\"x\")"));
        assert!(f.may_contribute("a.go", b"import \"x/b3\"\nb3.New()"));
        assert!(f.may_contribute("a.go", b"t.Start(ctx, \"x\")"));
    }

    #[test]
    fn listed_file_names_are_always_parsed() {
        let f = filter(vec![Needle::word("zzz")]);
        assert!(f.may_contribute("pkg/main.py", b"print(1)"));
        assert!(!f.may_contribute("pkg/other.py", b"print(1)"));
    }

    #[test]
    fn protobuf_message_code_is_parsed_only_when_it_names_grpc() {
        let f = filter(vec![Needle::word("Do")]);
        let messages = b"// Code generated by protoc-gen-go. DO NOT EDIT.\nonce.Do(f)";
        assert!(!f.may_contribute("gen/demo.pb.go", messages));
        // The same text under another name is judged by its needles.
        assert!(f.may_contribute("gen/demo.go", messages));
        // Stubs generated beside the messages (older protoc-gen-go with plugins=grpc).
        let stubs = b"import grpc \"google.golang.org/grpc\"\nonce.Do(f)";
        assert!(f.may_contribute("gen/demo.pb.go", stubs));
        assert!(f.may_contribute("gen/demo_grpc.pb.go", b"// gRPC stubs\nonce.Do(f)"));
    }

    #[test]
    fn last_word_of_qualified_names() {
        assert_eq!(last_word("net/http.HandleFunc"), Some("HandleFunc"));
        assert_eq!(last_word("@grpc/grpc-js"), Some("js"));
        assert_eq!(last_word("express"), Some("express"));
        assert_eq!(last_word("go.opentelemetry.io/"), Some("io"));
        assert_eq!(last_word("./"), None);
    }
}
