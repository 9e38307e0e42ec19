//! Query plumbing shared by every language: merging a language's `.scm` files into one compiled
//! query, naming captures, and turning tree-sitter positions into [`Loc`]s.

use crate::facts::Loc;
use crate::lang::Lang;
use tree_sitter::{Node, Query};

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

/// Compiles a language's merged query. The shipped queries are checked by a test, so an error
/// here names the file and is a bug in tracewire.
pub fn compile(lang: Lang) -> Result<Query, String> {
    let source = merged_source(lang);
    Query::new(&lang.grammar(), &source)
        .map_err(|e| format!("query for {lang} does not compile: {e}"))
}

/// Capture index lookup by name; panics only if a shipped query lacks a capture the extractor
/// needs, which the query-compilation test catches.
pub fn capture(query: &Query, name: &str) -> u32 {
    query
        .capture_index_for_name(name)
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
    fn columns_count_characters_not_bytes() {
        let src = "é = x".as_bytes();
        // "x" starts at byte 5 (é is two bytes), column 4 in characters.
        assert_eq!(char_column(src, 5, 5), 5);
        assert_eq!(char_column(src, 2, 2), 2);
    }
}
