//! Query plumbing shared by every language: merging a language's `.scm` files into one compiled
//! query, naming captures, and turning tree-sitter positions into [`Loc`]s.

use crate::facts::Loc;
use crate::lang::Lang;
use tree_sitter::{Node, Query, QueryCursor, StreamingIterator};

/// Concatenates a language's query files into one source, so every pattern runs in one pass.
pub fn merged_source(lang: Lang) -> String {
    let mut source = String::new();
    for (name, text) in lang.query_files() {
        source.push_str(&format!("; ---- {name}\n"));
        source.push_str(text);
        source.push('\n');
    }
    source
}

/// Compiles a language's merged query with tree-sitter. The shipped queries are checked by a
/// test, so an error here names the file and is a bug in tracewire.
pub fn compile(lang: Lang) -> Result<Query, String> {
    let source = merged_source(lang);
    Query::new(&lang.grammar(), &source)
        .map_err(|e| format!("query for {lang} does not compile: {e}"))
}

/// A language's merged query, ready to run over a file in one pass.
///
/// When every pattern is a single node type with one capture (`(call_expression) @call`) —
/// which is how the shipped queries are written — the pass is a plain preorder walk that
/// dispatches on node kind ids: the same captures in the same order as the query cursor, at a
/// fraction of its cost (the cursor's pattern machinery cost more than half the parse time).
/// Such a query is read here without tree-sitter's query compiler, whose analysis of the
/// grammar took a tenth of a run on a small repository (several milliseconds for C#). Any other
/// pattern is compiled by tree-sitter and runs through the query cursor.
pub struct CompiledQuery {
    /// Capture names by index, in order of first appearance (tree-sitter's numbering).
    names: Vec<String>,
    plan: Plan,
}

/// How a query runs over a file.
enum Plan {
    /// Capture indices per node kind id.
    ByKind(Vec<Vec<u32>>),
    /// tree-sitter's query cursor.
    Cursor(Query),
}

impl CompiledQuery {
    /// Compiles a language's merged query.
    pub fn new(lang: Lang) -> Result<CompiledQuery, String> {
        let source = merged_source(lang);
        let grammar = lang.grammar();
        if let Some((names, table)) = kind_table(&source, &grammar) {
            return Ok(CompiledQuery {
                names,
                plan: Plan::ByKind(table),
            });
        }
        let query = compile(lang)?;
        let names = query
            .capture_names()
            .iter()
            .map(|n| n.to_string())
            .collect();
        Ok(CompiledQuery {
            names,
            plan: Plan::Cursor(query),
        })
    }

    /// Whether the fast kind-dispatch walk is used.
    pub fn is_kind_dispatch(&self) -> bool {
        matches!(self.plan, Plan::ByKind(_))
    }

    /// The index of the capture `name`, if the query has it.
    pub fn capture_index(&self, name: &str) -> Option<u32> {
        self.names.iter().position(|n| n == name).map(|i| i as u32)
    }

    /// The capture names, by index.
    pub fn capture_names(&self) -> &[String] {
        &self.names
    }

    /// Calls `f(capture index, node)` for every capture in the file, in document order.
    pub fn for_each_capture<'t>(
        &self,
        root: Node<'t>,
        src: &[u8],
        mut f: impl FnMut(u32, Node<'t>),
    ) {
        self.for_each_capture_at_depth(root, src, |c, node, _| f(c, node));
    }

    /// Calls `f(capture index, node, depth)` for every capture in the file, in document
    /// order, with the node's depth below `root` (0 for `root`): extractors leave absurdly deep
    /// nodes alone without a second walk. The query-cursor fallback does not track depth and
    /// gives 0.
    pub fn for_each_capture_at_depth<'t>(
        &self,
        root: Node<'t>,
        src: &[u8],
        mut f: impl FnMut(u32, Node<'t>, usize),
    ) {
        match &self.plan {
            Plan::ByKind(table) => {
                let mut cursor = root.walk();
                let mut depth = 0usize;
                loop {
                    let node = cursor.node();
                    if let Some(captures) = table.get(node.kind_id() as usize) {
                        for &c in captures {
                            f(c, node, depth);
                        }
                    }
                    if cursor.goto_first_child() {
                        depth += 1;
                        continue;
                    }
                    loop {
                        if cursor.goto_next_sibling() {
                            break;
                        }
                        if !cursor.goto_parent() {
                            return;
                        }
                        depth -= 1;
                    }
                }
            }
            Plan::Cursor(query) => {
                let mut cursor = QueryCursor::new();
                let mut matches = cursor.matches(query, root, src);
                while let Some(m) = matches.next() {
                    for cap in m.captures() {
                        f(cap.index, cap.node, 0);
                    }
                }
            }
        }
    }
}

/// For a query whose every pattern is `(kind) @capture`: the capture names (numbered by first
/// appearance, as tree-sitter numbers them) and the capture indices per kind id. `None` for
/// any other query, or a kind the grammar lacks (tree-sitter then reports it).
fn kind_table(
    source: &str,
    language: &tree_sitter::Language,
) -> Option<(Vec<String>, Vec<Vec<u32>>)> {
    let mut names: Vec<String> = Vec::new();
    let mut table = vec![Vec::new(); language.node_kind_count()];
    for (kind, capture) in simple_patterns(source)? {
        let index = match names.iter().position(|n| *n == capture) {
            Some(i) => i,
            None => {
                names.push(capture.to_string());
                names.len() - 1
            }
        } as u32;
        let mut found = false;
        for id in 0..language.node_kind_count() as u16 {
            if language.node_kind_is_named(id) && language.node_kind_for_id(id) == Some(kind) {
                table[id as usize].push(index);
                found = true;
            }
        }
        if !found {
            return None;
        }
    }
    Some((names, table))
}

/// The `(kind) @capture` patterns of a query source, in order, with `;` comments and
/// whitespace between them; `None` when anything else occurs (fields, nested patterns,
/// predicates, strings, several captures).
fn simple_patterns(source: &str) -> Option<Vec<(&str, &str)>> {
    let plain = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let mut patterns = Vec::new();
    let mut rest = source;
    loop {
        // Whitespace and comments.
        loop {
            rest = rest.trim_start();
            match rest.strip_prefix(';') {
                Some(comment) => rest = comment.split_once('\n').map_or("", |(_, r)| r),
                None => break,
            }
        }
        if rest.is_empty() {
            return Some(patterns);
        }
        let body = rest.strip_prefix('(')?;
        let (kind, after) = body.split_once(')')?;
        let kind = kind.trim();
        if kind.is_empty() || kind.contains('.') || !kind.chars().all(plain) {
            return None;
        }
        let after = after.trim_start().strip_prefix('@')?;
        let end = after.find(|c: char| !plain(c)).unwrap_or(after.len());
        let capture = &after[..end];
        if capture.is_empty() {
            return None;
        }
        patterns.push((kind, capture));
        rest = &after[end..];
    }
}

/// Capture index lookup by name; panics only if a shipped query lacks a capture the extractor
/// needs, which the query-compilation test catches.
pub fn capture(query: &CompiledQuery, name: &str) -> u32 {
    query
        .capture_index(name)
        .unwrap_or_else(|| panic!("query has no capture @{name}"))
}

/// Converts tree-sitter byte positions into a [`Loc`] with 1-based lines and character columns.
pub fn loc(node: Node<'_>, src: &[u8]) -> Loc {
    let start = node.start_position();
    let end = node.end_position();
    Loc {
        line: start.row as u32 + 1,
        col: char_column(src, node.start_byte(), start.column),
        end_line: end.row as u32 + 1,
        end_col: char_column(src, node.end_byte(), end.column),
        start_byte: node.start_byte() as u32,
        end_byte: node.end_byte() as u32,
    }
}

/// The 1-based character column of `byte`, which is `byte_col` bytes into its line.
fn char_column(src: &[u8], byte: usize, byte_col: usize) -> u32 {
    let line_start = byte.saturating_sub(byte_col);
    let slice = src.get(line_start..byte).unwrap_or(&[]);
    // Count UTF-8 lead bytes; invalid bytes count as one character each.
    let chars = slice.iter().filter(|b| (**b & 0xC0) != 0x80).count();
    chars as u32 + 1
}

/// The text of a node, lossily decoded.
pub fn text<'s>(node: Node<'_>, src: &'s [u8]) -> std::borrow::Cow<'s, str> {
    String::from_utf8_lossy(&src[node.byte_range()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_patterns_are_recognised() {
        assert_eq!(
            simple_patterns("(call_expression) @call"),
            Some(vec![("call_expression", "call")])
        );
        assert_eq!(
            simple_patterns("; a comment\n(import_spec)\n  @import.spec ; trailing\n(comment) @c"),
            Some(vec![("import_spec", "import.spec"), ("comment", "c")])
        );
        assert_eq!(simple_patterns(""), Some(vec![]));
        assert_eq!(
            simple_patterns("(call_expression function: (_) @f) @call"),
            None
        );
        assert_eq!(simple_patterns("(comment) @c (#match? @c \"x\")"), None);
        assert_eq!(simple_patterns("(comment)"), None);
        assert_eq!(simple_patterns("(comment) @"), None);
        assert_eq!(simple_patterns("\"x\" @s"), None);
    }

    #[test]
    fn every_shipped_query_reads_as_tree_sitter_compiles_it() {
        for lang in Lang::ALL {
            let ours = CompiledQuery::new(lang).unwrap();
            let theirs = compile(lang).unwrap();
            let names: Vec<&str> = theirs.capture_names().to_vec();
            assert_eq!(ours.capture_names(), names.as_slice(), "{lang}");
        }
    }

    #[test]
    fn every_shipped_query_runs_as_a_kind_dispatch_walk() {
        for lang in Lang::ALL {
            let compiled = CompiledQuery::new(lang).unwrap();
            assert!(
                compiled.is_kind_dispatch(),
                "{lang}'s query has a pattern that is not `(kind) @capture`: it would run \
                 through the query cursor, at several times the cost"
            );
        }
    }

    #[test]
    fn the_go_query_runs_as_a_kind_dispatch_walk_with_the_same_captures() {
        let compiled = CompiledQuery::new(Lang::Go).unwrap();
        assert!(compiled.is_kind_dispatch());
        let src = b"package main\nimport \"fmt\"\n// c\nfunc main() { f := func() { fmt.Println(g(1)) }; f() }\n";
        let mut parser = tree_sitter::Parser::new();
        parser.set_language(&Lang::Go.grammar()).unwrap();
        let tree = parser.parse(src, None).unwrap();
        let mut fast = Vec::new();
        compiled.for_each_capture(tree.root_node(), src, |c, n| fast.push((c, n.id())));
        let mut slow = Vec::new();
        let query = compile(Lang::Go).unwrap();
        let mut cursor = QueryCursor::new();
        let mut matches = cursor.matches(&query, tree.root_node(), &src[..]);
        while let Some(m) = matches.next() {
            for cap in m.captures() {
                slow.push((cap.index, cap.node.id()));
            }
        }
        assert_eq!(fast, slow);
        assert!(fast.len() >= 6);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "é = x".as_bytes();
        // "x" starts at byte 5 (é is two bytes), column 4 in characters.
        assert_eq!(char_column(src, 5, 5), 5);
        assert_eq!(char_column(src, 2, 2), 2);
    }
}
