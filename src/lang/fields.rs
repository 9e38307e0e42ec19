//! Field lookups by name at the cost of a lookup by id.
//!
//! tree-sitter's `child_by_field_name` resolves the name by scanning the grammar's table of
//! field names with `strncmp` on every call; extractors ask for fields hundreds of times per
//! file, and that scan was a tenth of extraction time. [`NodeFields::field`] resolves each
//! `(grammar, name)` pair once per thread and then asks tree-sitter by id. Names are
//! `&'static str` literals, so a name's address identifies it; the same text at two addresses
//! is only resolved twice.

use std::cell::RefCell;
use std::num::NonZeroU16;

use rustc_hash::FxHashMap;
use tree_sitter::{Language, Node};

/// One grammar's resolved field ids, keyed by the name's address and length.
struct GrammarFields {
    language: Language,
    ids: FxHashMap<(usize, usize), Option<NonZeroU16>>,
}

thread_local! {
    /// The grammars this thread has looked fields up in (at most one per supported grammar).
    static GRAMMARS: RefCell<Vec<GrammarFields>> = const { RefCell::new(Vec::new()) };
}

/// The id of the field `name` in `language`; `None` when the grammar has no such field.
pub fn field_id(language: &Language, name: &'static str) -> Option<NonZeroU16> {
    GRAMMARS.with_borrow_mut(|grammars| {
        let index = match grammars.iter().position(|g| g.language == *language) {
            Some(index) => index,
            None => {
                grammars.push(GrammarFields {
                    language: language.clone(),
                    ids: FxHashMap::default(),
                });
                grammars.len() - 1
            }
        };
        *grammars[index]
            .ids
            .entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| language.field_id_for_name(name))
    })
}

/// Child lookups by field name through the per-thread id cache; use these instead of
/// `child_by_field_name` / `children_by_field_name` (the lint configuration forbids those).
pub trait NodeFields<'t> {
    /// The child in field `name` (the first, when the field repeats).
    fn field(&self, name: &'static str) -> Option<Node<'t>>;

    /// Every child in field `name`, in order.
    fn fields(&self, name: &'static str) -> Vec<Node<'t>>;
}

impl<'t> NodeFields<'t> for Node<'t> {
    fn field(&self, name: &'static str) -> Option<Node<'t>> {
        let id = field_id(&self.language(), name)?;
        self.child_by_field_id(id.get())
    }

    fn fields(&self, name: &'static str) -> Vec<Node<'t>> {
        let Some(id) = field_id(&self.language(), name) else {
            return Vec::new();
        };
        let mut cursor = self.walk();
        self.children_by_field_id(id, &mut cursor).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(language: Language, src: &str) -> tree_sitter::Tree {
        let mut parser = tree_sitter::Parser::new();
        parser.set_language(&language).unwrap();
        parser.parse(src, None).unwrap()
    }

    /// Every field of every node of a file answers as `child_by_field_name` does, in a
    /// grammar and in a second grammar sharing field names at different ids.
    #[test]
    fn fields_answer_as_lookups_by_name() {
        let go: Language = tree_sitter_go::LANGUAGE.into();
        let ts: Language = tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into();
        let files = [
            (
                go,
                "package p\nfunc f(a int) (b int) { x := g(a); return x }\n",
            ),
            (
                ts,
                "function f(a: number) { const x = g(a); return x }\nclass C { m() {} }\n",
            ),
        ];
        let names = [
            "name",
            "body",
            "function",
            "arguments",
            "parameters",
            "value",
            "left",
            "result",
            "type",
            "nonexistent",
        ];
        for (language, src) in files {
            let tree = parse(language, src);
            let mut checked = 0;
            for node in crate::lang::tree::descendants(tree.root_node()) {
                for name in names {
                    #[allow(clippy::disallowed_methods)]
                    let expected = node.child_by_field_name(name);
                    assert_eq!(node.field(name), expected, "{} `{name}`", node.kind());
                    checked += usize::from(expected.is_some());
                    let mut cursor = node.walk();
                    #[allow(clippy::disallowed_methods)]
                    let all: Vec<_> = node.children_by_field_name(name, &mut cursor).collect();
                    assert_eq!(node.fields(name), all);
                }
            }
            assert!(checked > 5, "the files have fields to find");
        }
    }
}
