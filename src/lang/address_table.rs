//! Tables of service addresses read by key (`SERVICES[name]`, with `SERVICES` a literal
//! object or dictionary bound once): a call through such a table may reach any of its
//! entries, or the one a literal key names. Written once; a language gives its node kinds
//! ([`TableShape`]) and how it reads bindings, keys and URL pieces ([`AddressTables`]).

use crate::lang::address::Piece;
use crate::lang::fields::NodeFields;
use tree_sitter::Node;

/// How a language writes a table lookup.
pub struct TableShape {
    /// The name kind whose one bound value is followed (`identifier`).
    pub identifier: &'static str,
    /// Kinds around an expression that keep its value (`(x)`, `x!`, `x as T`).
    pub value_wrappers: &'static [&'static str],
    /// The subscript kind, and its fields for the table and the key.
    pub subscript: (&'static str, &'static str, &'static str),
    /// Kinds around a table literal that keep it (`{ ... } as const`).
    pub table_wrappers: &'static [&'static str],
    /// The literal table kind (`object`, `dictionary`).
    pub table: &'static str,
}

/// What reading a table of addresses needs from a language's extractor.
pub trait AddressTables {
    /// The language's table syntax.
    const SHAPE: TableShape;
    /// The value bound exactly once to the name `id`.
    fn bound_value<'t>(&self, id: Node<'t>) -> Option<Node<'t>>;
    /// The key a table entry is written under (`"cart"`, or `cart` in `{ cart: ... }`).
    fn entry_key(&self, key: Node<'_>) -> Option<String>;
    /// The literal value of a lookup's key, when it is one.
    fn literal_key(&self, key: Node<'_>) -> Option<String>;
    /// The URL pieces of a value.
    fn pieces(&self, value: Node<'_>, depth: usize) -> Vec<Piece>;
}

/// The URLs an expression may hold, as pieces: its own, or each value of a table it looks up
/// with a key that is not a literal.
pub fn url_alternatives<L: AddressTables>(lang: &L, expr: Node<'_>) -> Vec<Vec<Piece>> {
    let shape = &L::SHAPE;
    let mut node = expr;
    for _ in 0..4 {
        let kind = node.kind();
        if kind == shape.identifier {
            match lang.bound_value(node) {
                Some(value) => node = value,
                None => break,
            }
        } else if shape.value_wrappers.contains(&kind) {
            match node.named_child(0) {
                Some(inner) => node = inner,
                None => break,
            }
        } else if kind == shape.subscript.0 {
            if let Some(values) = looked_up_values(lang, node) {
                return values.into_iter().map(|v| lang.pieces(v, 1)).collect();
            }
            break;
        } else {
            break;
        }
    }
    vec![lang.pieces(expr, 0)]
}

/// The values a subscript may read from a table literal bound once to its name: the one entry
/// a literal key names, or every entry for any other key.
pub fn looked_up_values<'t, L: AddressTables>(
    lang: &L,
    subscript: Node<'t>,
) -> Option<Vec<Node<'t>>> {
    let shape = &L::SHAPE;
    let (_, table_field, key_field) = shape.subscript;
    let table = subscript.field(table_field)?;
    let key = subscript.field(key_field)?;
    if table.kind() != shape.identifier {
        return None;
    }
    let mut literal = lang.bound_value(table)?;
    while shape.table_wrappers.contains(&literal.kind()) {
        literal = literal.named_child(0)?;
    }
    if literal.kind() != shape.table {
        return None;
    }
    let wanted = lang.literal_key(key);
    let mut cursor = literal.walk();
    let values: Vec<Node<'t>> = literal
        .named_children(&mut cursor)
        .filter(|pair| pair.kind() == "pair")
        .filter(|pair| match &wanted {
            Some(w) => pair
                .field("key")
                .and_then(|k| lang.entry_key(k))
                .is_some_and(|k| &k == w),
            None => true,
        })
        .filter_map(|pair| pair.field("value"))
        .collect();
    (!values.is_empty()).then_some(values)
}
