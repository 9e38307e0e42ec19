//! Every grammar loads on the one tree-sitter version, and every shipped query compiles against
//! its grammar, file by file and merged.

use std::fs;
use std::path::Path;
use tracewire::knowledge::Knowledge;
use tracewire::lang::{query, Lang};
use tree_sitter::{Parser, Query};

#[test]
fn every_grammar_loads_and_parses() {
    for lang in Lang::ALL {
        let grammar = lang.grammar();
        let abi = grammar.abi_version();
        assert!(
            (tree_sitter::MIN_COMPATIBLE_LANGUAGE_VERSION..=tree_sitter::LANGUAGE_VERSION)
                .contains(&abi),
            "{lang}: ABI {abi} outside the supported range"
        );
        let mut parser = Parser::new();
        parser.set_language(&grammar).expect("grammar loads");
        let tree = parser.parse("x", None).expect("parses");
        assert!(tree.root_node().child_count() > 0 || tree.root_node().has_error());
    }
}

/// The languages a `queries/<dir>/` directory is compiled for: a language's own directory, or
/// a shared one (`_ecma`: JavaScript, TypeScript and TSX).
fn languages_of(dir: &str) -> Vec<Lang> {
    if dir == "_ecma" {
        return vec![Lang::JavaScript, Lang::TypeScript, Lang::Tsx];
    }
    let lang = Lang::ALL
        .into_iter()
        .find(|l| l.name() == dir)
        .unwrap_or_else(|| panic!("queries/{dir}: not a known language nor a shared directory"));
    vec![lang]
}

#[test]
fn every_query_file_compiles_against_its_grammar() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut compiled = 0;
    for dir in fs::read_dir(&root).unwrap().flatten() {
        if !dir.path().is_dir() {
            continue;
        }
        let name = dir.file_name().to_string_lossy().into_owned();
        for lang in languages_of(&name) {
            for file in fs::read_dir(dir.path()).unwrap().flatten() {
                let path = file.path();
                if path.extension().is_some_and(|e| e == "scm") {
                    let source = fs::read_to_string(&path).unwrap();
                    Query::new(&lang.grammar(), &source)
                        .unwrap_or_else(|e| panic!("{} ({lang}): {e}", path.display()));
                    compiled += 1;
                    let file_name = file.file_name().to_string_lossy().into_owned();
                    let qualified = format!("{name}/{file_name}");
                    let embedded = lang
                        .query_files()
                        .iter()
                        .any(|(n, text)| (*n == file_name || *n == qualified) && *text == source);
                    assert!(
                        embedded,
                        "{} is not embedded in the binary for {lang}",
                        path.display()
                    );
                }
            }
        }
    }
    assert!(compiled > 0);
    for lang in Lang::ALL {
        if lang.is_analyzed() {
            query::compile(lang).unwrap();
        }
    }
}

#[test]
fn knowledge_tables_parse_and_advise_on_every_rule_they_claim() {
    for lang in Lang::ALL {
        let Some(source) = lang.knowledge_source() else {
            assert!(
                !lang.is_analyzed(),
                "{lang} has queries but no knowledge table"
            );
            continue;
        };
        let table = Knowledge::parse(source).unwrap_or_else(|e| panic!("{lang}: {e}"));
        for (name, role) in table.roles() {
            assert!(
                lang.roles().contains(&role),
                "{lang} knowledge gives `{name}` the role `{}`, which its extractor does not read",
                role.name()
            );
        }
        for key in table.message_keys() {
            assert!(
                tracewire::rules::MESSAGE_KEYS.contains(&key),
                "{lang} knowledge words `{key}`, which no rule asks for"
            );
        }
        for rule in tracewire::rules::RULES {
            if rule.meta.languages.contains(&lang) {
                for key in rule.meta.help_keys {
                    assert!(
                        table.has_help(key),
                        "{lang} knowledge has no help for `{key}`"
                    );
                }
            }
        }
    }
}
