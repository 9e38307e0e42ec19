//! gRPC contracts: the services and methods that `.proto` files declare.
//!
//! Generated stubs name a service by its short name (`NewCartServiceClient`,
//! `add_CartServiceServicer_to_server`); the contract gives its package
//! (`hipstershop.CartService`) and its methods, which the service map shows as the edge's
//! target. Only what a service declaration needs is read — `package`, `service`, `rpc` —
//! with comments, strings, options and message bodies skipped; a file that is not valid
//! protobuf yields whatever declarations could be recognised.

use std::collections::BTreeMap;

/// A service declared in a `.proto` file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ProtoService {
    /// The file's package (`hipstershop`), empty when it declares none.
    pub package: String,
    /// The service's name (`CartService`).
    pub name: String,
    /// Its methods, in declaration order (`AddItem`, `GetCart`).
    pub methods: Vec<String>,
    /// The declaring file, relative to the scanned root.
    pub path: String,
    /// The line of the `service` keyword (1-based).
    pub line: u32,
}

impl ProtoService {
    /// The fully qualified name (`hipstershop.CartService`).
    pub fn qualified(&self) -> String {
        if self.package.is_empty() {
            self.name.clone()
        } else {
            format!("{}.{}", self.package, self.name)
        }
    }
}

/// A token of the protobuf language, as far as declarations need.
#[derive(Debug, PartialEq, Eq)]
enum Token<'s> {
    /// An identifier or dotted name (`hipstershop`, `google.protobuf.Empty`).
    Word(&'s str),
    /// One punctuation character.
    Punct(char),
    /// A string literal (its content is not needed).
    Str,
}

/// Splits protobuf source into tokens with their lines; comments are dropped.
fn tokens(text: &str) -> Vec<(Token<'_>, u32)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1u32);
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/')) {
                    if bytes[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += 2;
            }
            b'"' | b'\'' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'\n' => line += 1,
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
                out.push((Token::Str, line));
            }
            _ if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' => {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'.')
                {
                    i += 1;
                }
                out.push((Token::Word(&text[start..i]), line));
            }
            _ if b.is_ascii_whitespace() => i += 1,
            _ if b.is_ascii() => {
                out.push((Token::Punct(b as char), line));
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// The services a `.proto` file declares; `path` is recorded in each.
pub fn read(text: &str, path: &str) -> Vec<ProtoService> {
    let toks = tokens(text);
    let mut package = String::new();
    let mut services = Vec::new();
    let mut depth = 0usize;
    // The service being read and the depth of its body.
    let mut open: Option<(ProtoService, usize)> = None;
    let mut i = 0;
    while i < toks.len() {
        match (&toks[i].0, toks.get(i + 1).map(|t| &t.0)) {
            (Token::Punct('{'), _) => depth += 1,
            (Token::Punct('}'), _) => {
                depth = depth.saturating_sub(1);
                if open.as_ref().is_some_and(|(_, d)| depth < *d) {
                    services.extend(open.take().map(|(s, _)| s));
                }
            }
            (Token::Word("package"), Some(Token::Word(name))) if depth == 0 => {
                package = name.to_string();
                i += 1;
            }
            (Token::Word("service"), Some(Token::Word(name)))
                if depth == 0 && matches!(toks.get(i + 2), Some((Token::Punct('{'), _))) =>
            {
                services.extend(open.take().map(|(s, _)| s));
                open = Some((
                    ProtoService {
                        package: String::new(),
                        name: name.to_string(),
                        methods: Vec::new(),
                        path: path.to_string(),
                        line: toks[i].1,
                    },
                    1,
                ));
                i += 1;
            }
            (Token::Word("rpc"), Some(Token::Word(method))) => {
                if let Some((service, d)) = open.as_mut() {
                    if depth == *d {
                        service.methods.push(method.to_string());
                    }
                }
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    services.extend(open.take().map(|(s, _)| s));
    for s in &mut services {
        s.package = package.clone();
    }
    services
}

/// The services of every contract in the repository, looked up by short name.
#[derive(Debug, Default)]
pub struct Contracts {
    by_name: BTreeMap<String, Vec<ProtoService>>,
}

impl Contracts {
    /// Indexes declared services (the same service declared by several copies of one contract
    /// counts once).
    pub fn new(services: impl IntoIterator<Item = ProtoService>) -> Contracts {
        let mut by_name: BTreeMap<String, Vec<ProtoService>> = BTreeMap::new();
        for s in services {
            let list = by_name.entry(s.name.clone()).or_default();
            if !list.iter().any(|o| o.package == s.package) {
                list.push(s);
            }
        }
        for list in by_name.values_mut() {
            list.sort();
        }
        Contracts { by_name }
    }

    /// The one service a short name stands for; `None` when no contract declares it or
    /// contracts of several packages do.
    pub fn service(&self, name: &str) -> Option<&ProtoService> {
        match self.by_name.get(name).map(Vec::as_slice) {
            Some([one]) => Some(one),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEMO: &str = r#"
syntax = "proto3";
// service Commented { rpc No(A) returns (B); }
package hipstershop;
option go_package = "example.com/service;service";

/* A multi-line comment with service Fake { rpc Nope } */
service CartService {
    rpc AddItem(AddItemRequest) returns (Empty) {}
    rpc GetCart(GetCartRequest) returns (Cart) {
        option (google.api.http) = { get: "/v1/cart/{user_id}" };
    }
    rpc EmptyCart(stream EmptyCartRequest) returns (stream Empty);
}

message CartItem {
    string product_id = 1; // rpc InAComment
    int32 quantity = 2;
}

service AdService {
    rpc GetAds(AdRequest) returns (AdResponse) {}
}
"#;

    #[test]
    fn services_methods_and_package_are_read() {
        let services = read(DEMO, "protos/demo.proto");
        let summary: Vec<(String, Vec<String>, u32)> = services
            .iter()
            .map(|s| (s.qualified(), s.methods.clone(), s.line))
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    "hipstershop.CartService".to_string(),
                    vec![
                        "AddItem".to_string(),
                        "GetCart".to_string(),
                        "EmptyCart".to_string()
                    ],
                    8
                ),
                (
                    "hipstershop.AdService".to_string(),
                    vec!["GetAds".to_string()],
                    21
                ),
            ]
        );
        assert!(services.iter().all(|s| s.path == "protos/demo.proto"));
    }

    #[test]
    fn broken_contracts_yield_what_is_recognisable() {
        assert!(read("", "a.proto").is_empty());
        assert!(read("service", "a.proto").is_empty());
        assert!(read("message Service { }", "a.proto").is_empty());
        let unclosed = read("service Open { rpc One(A) returns (B);", "a.proto");
        assert_eq!(unclosed.len(), 1);
        assert_eq!(unclosed[0].methods, vec!["One".to_string()]);
        assert!(read("/* never closed service X {", "a.proto").is_empty());
        assert!(read("\"never closed service X {", "a.proto").is_empty());
        let no_package = read("service S { rpc M(A) returns (B); }", "a.proto");
        assert_eq!(no_package[0].qualified(), "S");
    }

    #[test]
    fn a_short_name_stands_for_one_package_only() {
        let demo = read(DEMO, "protos/demo.proto");
        let copy = read(DEMO, "src/cart/protos/demo.proto");
        let other = read("package other;\nservice AdService {}", "other.proto");
        let contracts = Contracts::new(demo.into_iter().chain(copy).chain(other));
        assert_eq!(
            contracts.service("CartService").map(|s| s.qualified()),
            Some("hipstershop.CartService".to_string())
        );
        assert!(contracts.service("AdService").is_none());
        assert!(contracts.service("Missing").is_none());
    }
}
