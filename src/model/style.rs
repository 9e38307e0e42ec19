//! Span naming styles: which style a name is written in, and which style dominates a set of
//! names.

use super::names::CensusEntry;
use crate::facts::SpanKindName;
use schemars::JsonSchema;
use serde::Deserialize;

/// Fewest names with a recognisable style before a dominant style is inferred.
pub const MIN_NAMES: usize = 5;
/// Share (percent) of those names one style must have to dominate.
pub const MIN_SHARE_PERCENT: usize = 70;

/// HTTP methods, as they open `{METHOD} {route}` names.
const HTTP_METHODS: &[&str] = &[
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE",
];

/// The style a name is written in. `None` for one-word names, which show no way of joining
/// words (`checkout`, `Checkout`), and for names in no style (`Cart_load`, `/cart`,
/// `pkg.Service/Method`).
pub fn classify(name: &str) -> Option<NamingStyle> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let mut words = name.split(' ');
    let first = words.next().unwrap_or_default();
    if HTTP_METHODS.contains(&first) {
        let rest: Vec<&str> = words.collect();
        let fits = rest.is_empty()
            || (rest.len() == 1 && (rest[0].starts_with('/') || rest[0].starts_with('{')));
        return fits.then_some(NamingStyle::MethodRoute);
    }
    if name.contains(' ') {
        let words: Vec<&str> = name.split(' ').collect();
        let wordy = words.iter().all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
        });
        let verb = words[0].chars().all(|c| c.is_alphabetic());
        return (wordy && verb && words.len() >= 2).then_some(NamingStyle::VerbNoun);
    }
    if name.contains('/') {
        return None;
    }
    let lower_word = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    };
    let ident = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_');
    if name.contains('.') {
        return name.split('.').all(ident).then_some(NamingStyle::Dotted);
    }
    if name.contains('-') {
        return name
            .split('-')
            .all(lower_word)
            .then_some(NamingStyle::KebabCase);
    }
    if name.contains('_') {
        return name
            .split('_')
            .all(lower_word)
            .then_some(NamingStyle::SnakeCase);
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let first = name.chars().next().expect("not empty");
    // A capital after the first letter joins a second word.
    let joins_words = name.chars().skip(1).any(|c| c.is_ascii_uppercase());
    let has_lower = name.chars().any(|c| c.is_ascii_lowercase());
    if first.is_ascii_lowercase() && joins_words {
        Some(NamingStyle::CamelCase)
    } else if first.is_ascii_uppercase() && joins_words && has_lower {
        Some(NamingStyle::PascalCase)
    } else {
        None
    }
}

/// The style a name of this kind is counted in: HTTP names (`GET /cart`) on spans that are
/// not HTTP server or client spans follow the HTTP conventions rather than the team's style,
/// and count in none.
pub fn style_of(name: &str, kind: SpanKindName) -> Option<NamingStyle> {
    classify(name).filter(|s| {
        *s != NamingStyle::MethodRoute
            || matches!(kind, SpanKindName::Server | SpanKindName::Client)
    })
}

/// The style that dominates `names`: at least [`MIN_NAMES`] names with a recognisable style,
/// and [`MIN_SHARE_PERCENT`] of them in one style.
pub fn dominant(names: &[CensusEntry]) -> Option<NamingStyle> {
    let styled: Vec<NamingStyle> = names.iter().filter_map(|n| n.style).collect();
    if styled.len() < MIN_NAMES {
        return None;
    }
    let mut counts: Vec<(NamingStyle, usize)> = Vec::new();
    for style in &styled {
        match counts.iter_mut().find(|(s, _)| s == style) {
            Some((_, n)) => *n += 1,
            None => counts.push((*style, 1)),
        }
    }
    let (style, count) = counts.into_iter().max_by_key(|(_, n)| *n)?;
    (count * 100 >= styled.len() * MIN_SHARE_PERCENT).then_some(style)
}

/// A span naming style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NamingStyle {
    /// `load_cart`
    #[serde(rename = "snake_case", alias = "snake-case")]
    SnakeCase,
    /// `loadCart`
    #[serde(rename = "camelCase")]
    CamelCase,
    /// `LoadCart`
    #[serde(rename = "PascalCase")]
    PascalCase,
    /// `load-cart`
    KebabCase,
    /// `cart.load`
    Dotted,
    /// `load cart`
    VerbNoun,
    /// `GET /cart/{id}`
    MethodRoute,
}

impl NamingStyle {
    /// The style's name as written in `tracewire.toml` and in messages.
    pub fn name(self) -> &'static str {
        match self {
            NamingStyle::SnakeCase => "snake_case",
            NamingStyle::CamelCase => "camelCase",
            NamingStyle::PascalCase => "PascalCase",
            NamingStyle::KebabCase => "kebab-case",
            NamingStyle::Dotted => "dotted",
            NamingStyle::VerbNoun => "verb noun",
            NamingStyle::MethodRoute => "{METHOD} {route}",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_classified_by_their_separators_and_case() {
        use NamingStyle::*;
        let cases = [
            ("load_cart", Some(SnakeCase)),
            ("loadCart", Some(CamelCase)),
            ("LoadCart", Some(PascalCase)),
            ("load-cart", Some(KebabCase)),
            ("cart.load", Some(Dotted)),
            ("load cart", Some(VerbNoun)),
            ("publish shop.orders", Some(VerbNoun)),
            ("GET /cart/{id}", Some(MethodRoute)),
            ("GET", Some(MethodRoute)),
            ("checkout", None),
            ("Checkout", None),
            ("HTTPServer", Some(PascalCase)),
            ("HTTP", None),
            ("/cart", None),
            ("oteldemo.CartService/GetCart", None),
            ("Load_Cart", None),
        ];
        for (name, style) in cases {
            assert_eq!(classify(name), style, "{name}");
        }
    }

    #[test]
    fn a_style_dominates_only_with_enough_names_and_a_clear_majority() {
        let entries = |names: &[&str]| -> Vec<CensusEntry> {
            names
                .iter()
                .map(|n| CensusEntry {
                    text: n.to_string(),
                    style: classify(n),
                })
                .collect()
        };
        let four = entries(&["a_b", "c_d", "e_f", "g_h"]);
        assert_eq!(dominant(&four), None);
        let clear = entries(&["a_b", "c_d", "e_f", "g_h", "iJ", "checkout"]);
        assert_eq!(dominant(&clear), Some(NamingStyle::SnakeCase));
        let split = entries(&["a_b", "c_d", "e_f", "gH", "iJ"]);
        assert_eq!(dominant(&split), None);
    }
}
