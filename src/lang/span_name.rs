//! Span name expressions from syntax, shared by the extractors: each language says what shape a
//! node has (a literal, a concatenation, a printf or brace format, an interpolated string, a
//! constant's name), and this module folds the shapes into a [`NameExpr`].

use crate::facts::name::{push_expr, push_text, split_braces, split_printf, template};
use crate::facts::{Hole, NameExpr, NamePart};
use crate::lang::fields::NodeFields;
use tree_sitter::Node;

/// What a name expression is, as its language sees it.
pub enum Shape<'t> {
    /// A string literal's value.
    Literal(String),
    /// `a + b`.
    Concat(Node<'t>, Node<'t>),
    /// A printf-style format (`fmt.Sprintf`, `String.format`, Python `%`) and its arguments.
    Printf(Node<'t>, Vec<Node<'t>>),
    /// A brace format (`string.Format`, Python `str.format`) and its arguments.
    Braces(Node<'t>, Vec<Node<'t>>),
    /// An interpolated string (f-string, template literal, `$"..."`): text and expressions.
    Interpolated(Vec<Result<String, Node<'t>>>),
    /// Parentheses around another expression.
    Paren(Node<'t>),
    /// A name that may be a constant (`checkoutName`, `Names.Checkout`), as written.
    Name(String),
    /// Anything else.
    Other,
}

impl<'t> Shape<'t> {
    /// `left + right` when a binary expression's operator is `+`.
    pub fn plus(node: Node<'t>, src: &[u8]) -> Shape<'t> {
        let op = node.field("operator").map(|o| &src[o.byte_range()]);
        match (op, node.field("left"), node.field("right")) {
            (Some(b"+"), Some(l), Some(r)) => Shape::Concat(l, r),
            _ => Shape::Other,
        }
    }

    /// The expression inside parentheses (or another one-child wrapper).
    pub fn inner(node: Node<'t>) -> Shape<'t> {
        node.named_child(0).map_or(Shape::Other, Shape::Paren)
    }
}

/// A language's view of name expressions.
pub trait NameSyntax<'t> {
    /// The shape of an expression.
    fn shape(&self, node: Node<'t>) -> Shape<'t>;
    /// An expression's source text.
    fn source(&self, node: Node<'t>) -> String;
}

/// The name expression of `node`.
pub fn name_expr<'t>(syntax: &impl NameSyntax<'t>, node: Node<'t>) -> NameExpr {
    name_expr_at(syntax, node, 0)
}

/// Deepest nesting followed before a name is given up as unknown.
const MAX_DEPTH: usize = 16;

fn name_expr_at<'t>(syntax: &impl NameSyntax<'t>, node: Node<'t>, depth: usize) -> NameExpr {
    if depth > MAX_DEPTH {
        return NameExpr::Unknown;
    }
    let mut parts: Vec<NamePart> = Vec::new();
    let add = |parts: &mut Vec<NamePart>, mut n: Node<'t>| {
        // Conversions and parentheses (`str(x)`, `(x)`) leave the value as it is.
        for _ in 0..MAX_DEPTH {
            match syntax.shape(n) {
                Shape::Paren(inner) => n = inner,
                _ => break,
            }
        }
        let expr = name_expr_at(syntax, n, depth + 1);
        push_expr(parts, expr, &syntax.source(n));
    };
    match syntax.shape(node) {
        Shape::Literal(s) => return NameExpr::Literal(s),
        Shape::Name(name) => return NameExpr::Constant(name),
        Shape::Paren(inner) => return name_expr_at(syntax, inner, depth + 1),
        Shape::Other => {
            // A call as the whole name (`r.URL.String()`) is one hole.
            let hole = Hole::from_text(&syntax.source(node));
            return match hole.shape {
                crate::facts::HoleShape::Call(_) if depth == 0 => {
                    NameExpr::Template(vec![NamePart::Hole(hole)])
                }
                _ => NameExpr::Unknown,
            };
        }
        Shape::Concat(a, b) => {
            add(&mut parts, a);
            add(&mut parts, b);
        }
        Shape::Interpolated(pieces) => {
            for piece in pieces {
                match piece {
                    Ok(text) => push_text(&mut parts, &text),
                    Err(n) => add(&mut parts, n),
                }
            }
        }
        Shape::Printf(format, args) => {
            let Shape::Literal(format) = syntax.shape(format) else {
                return NameExpr::Unknown;
            };
            for piece in split_printf(&format) {
                match piece {
                    Ok(text) => push_text(&mut parts, &text),
                    Err(i) => match args.get(i) {
                        Some(arg) => add(&mut parts, *arg),
                        None => parts.push(NamePart::Hole(Hole::from_text("?"))),
                    },
                }
            }
        }
        Shape::Braces(format, args) => {
            let Shape::Literal(format) = syntax.shape(format) else {
                return NameExpr::Unknown;
            };
            let mut next = 0;
            for piece in split_braces(&format) {
                match piece {
                    Ok(text) => push_text(&mut parts, &text),
                    Err(inner) => {
                        let key = inner.split([':', ',', '!']).next().unwrap_or("").trim();
                        let index = if key.is_empty() {
                            next += 1;
                            Some(next - 1)
                        } else {
                            key.parse::<usize>().ok()
                        };
                        match index.and_then(|i| args.get(i)) {
                            Some(arg) => add(&mut parts, *arg),
                            None => parts.push(NamePart::Hole(Hole::from_text(key))),
                        }
                    }
                }
            }
        }
    }
    template(parts)
}

/// The pieces of an interpolated string whose holes are the given child nodes: the text between
/// them (inside the quotes: `prefix` bytes after the start, `suffix` before the end, braces
/// doubled as escapes undone when `braces`), and for each hole the expression inside it.
pub fn interpolated<'t>(
    node: Node<'t>,
    src: &[u8],
    prefix: usize,
    suffix: usize,
    holes: &[(Node<'t>, Node<'t>)],
    braces: bool,
) -> Vec<Result<String, Node<'t>>> {
    let mut out = Vec::new();
    let start = node.start_byte() + prefix;
    let end = node.end_byte().saturating_sub(suffix).max(start);
    let mut at = start;
    let text = |from: usize, to: usize| -> String {
        let raw = String::from_utf8_lossy(&src[from.min(to)..to]).into_owned();
        if braces {
            raw.replace("{{", "{").replace("}}", "}")
        } else {
            raw
        }
    };
    for (whole, expr) in holes {
        if whole.start_byte() < at || whole.end_byte() > end {
            continue;
        }
        let piece = text(at, whole.start_byte());
        if !piece.is_empty() {
            out.push(Ok(piece));
        }
        out.push(Err(*expr));
        at = whole.end_byte();
    }
    let rest = text(at, end);
    if !rest.is_empty() {
        out.push(Ok(rest));
    }
    out
}
