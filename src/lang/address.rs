//! Where an outbound URL goes, from how its expression is built: each language's extractor
//! breaks the expression into [`Piece`]s (literal text, environment-variable reads, anything
//! else) and this module reads the host or the environment variable that names it.
//!
//! `"http://cart:8080/cart"`, `"http://" + os.Getenv("CART_ADDR") + "/cart"`,
//! `` `${process.env.CART_URL}/cart` `` and `f"http://{os.environ['CART_ADDR']}/cart"` all
//! name an address; the model resolves an environment variable through the deployment's
//! settings.

use crate::facts::FactKind;

/// One part of a URL expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text.
    Lit(String),
    /// The value of this environment variable.
    Env(String),
    /// Anything else (a parameter, a field, a call).
    Other,
}

/// The most pieces an expression is broken into; longer ones are not URLs worth reading.
const MAX_PIECES: usize = 32;

/// The route a computed path registers (`base + "/cart"`, `` `${prefix}/cart` ``,
/// `f"{PREFIX}/cart"`): its literal text with each value tracewire cannot read shown as a
/// one-segment parameter `{…}`, when a literal part names a path; `None` otherwise.
pub fn computed_route(pieces: &[Piece]) -> Option<String> {
    if !pieces
        .iter()
        .any(|p| matches!(p, Piece::Lit(text) if text.contains('/')))
    {
        return None;
    }
    let mut route = String::new();
    for piece in pieces {
        match piece {
            Piece::Lit(text) => route.push_str(text),
            _ if route.ends_with("{…}") => {}
            _ => route.push_str("{…}"),
        }
    }
    (route.starts_with('/') || route.starts_with("{…}")).then_some(route)
}

/// The fact for an outbound HTTP URL built from these pieces: `HttpCallTo` for a literal host,
/// `HttpCallToEnv` for a host taken from an environment variable; `None` when the host is
/// neither.
pub fn http_target(pieces: &[Piece]) -> Option<FactKind> {
    if pieces.is_empty() || pieces.len() > MAX_PIECES {
        return None;
    }
    let pieces = merge_literals(pieces);
    match pieces.as_slice() {
        [Piece::Env(var), rest @ ..] => Some(FactKind::HttpCallToEnv {
            var: var.clone(),
            path: path_after(rest),
        }),
        [Piece::Lit(first), rest @ ..] => {
            let after_scheme = crate::url::after_http_scheme(first)?;
            if after_scheme.is_empty() {
                // `"http://" + os.Getenv("CART_ADDR") + "/cart"`
                let [Piece::Env(var), rest @ ..] = rest else {
                    return None;
                };
                return Some(FactKind::HttpCallToEnv {
                    var: var.clone(),
                    path: path_after(rest),
                });
            }
            // The host is known only when its end is: a `:port`, a `/`, or the end of the URL.
            let complete = rest.is_empty() || after_scheme.contains([':', '/']);
            if !complete {
                return None;
            }
            let (host, path) = crate::url::split_url(first)?;
            Some(FactKind::http_call_to(first, host, path))
        }
        _ => None,
    }
}

/// The URL path in the pieces after the host: the literal text from its first `/`, up to the
/// first hole (`:8080/cart/` + id → `/cart/`).
fn path_after(rest: &[Piece]) -> Option<String> {
    let Some(Piece::Lit(text)) = rest.first() else {
        return None;
    };
    let at = text.find('/')?;
    // Only a port may come between the host and the path.
    let before = &text[..at];
    if !(before.is_empty()
        || (before.starts_with(':') && before[1..].chars().all(|c| c.is_ascii_digit())))
    {
        return None;
    }
    Some(text[at..].to_string())
}

/// The text of an expression built only from literals (a topic name written directly or bound
/// to a constant); `None` when any piece is not literal or the text is empty.
pub fn literal_text(pieces: &[Piece]) -> Option<String> {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Lit(text) => out.push_str(text),
            _ => return None,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The fact for a topic or queue named by these pieces: `MessageTopic` for a literal name,
/// `MessageTopicFromEnv` for the value of one environment variable; `None` otherwise.
pub fn topic_fact(pieces: &[Piece], sends: bool) -> Option<FactKind> {
    if let [Piece::Env(var)] = pieces {
        return Some(FactKind::MessageTopicFromEnv {
            var: var.clone(),
            default: None,
            sends,
        });
    }
    literal_text(pieces).map(|topic| FactKind::MessageTopic { topic, sends })
}

/// The port a server listens on, from how its address is written: a literal port (`3000`,
/// `"0.0.0.0:8081"`, `":7777"`) or an environment variable (with the code's default port, if
/// it gives one); `None` otherwise.
pub fn listen_fact(pieces: &[Piece], default: Option<u16>) -> Option<FactKind> {
    match merge_literals(pieces).as_slice() {
        [Piece::Env(var)] => Some(FactKind::ListensOnEnv {
            var: var.clone(),
            default,
        }),
        [Piece::Lit(text)] => {
            let port = text.trim().rsplit(':').next()?.parse().ok()?;
            Some(FactKind::ListensOn { port })
        }
        // `config.port || 4000`: the default applies only when a value tracewire cannot
        // read is unset.
        _ => None,
    }
}

/// Adjacent literals joined into one.
fn merge_literals(pieces: &[Piece]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match (out.last_mut(), piece) {
            (Some(Piece::Lit(prev)), Piece::Lit(next)) => prev.push_str(next),
            _ => out.push(piece.clone()),
        }
    }
    out
}

/// The pieces of a printf-style format (`"http://%s/cart"`) with its arguments' pieces in the
/// verbs' places; `%%` is a literal percent sign.
pub fn printf_pieces(format: &str, mut args: impl Iterator<Item = Vec<Piece>>) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            lit.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            lit.push('%');
            continue;
        }
        // Flags, width and precision, then the verb letter.
        while chars.peek().is_some_and(|c| !c.is_ascii_alphabetic()) {
            chars.next();
        }
        chars.next();
        if !lit.is_empty() {
            out.push(Piece::Lit(std::mem::take(&mut lit)));
        }
        out.extend(args.next().unwrap_or_else(|| vec![Piece::Other]));
    }
    if !lit.is_empty() {
        out.push(Piece::Lit(lit));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Piece {
        Piece::Lit(s.into())
    }

    fn env(s: &str) -> Piece {
        Piece::Env(s.into())
    }

    #[test]
    fn computed_routes_keep_their_literal_path() {
        assert_eq!(
            computed_route(&[Piece::Other, lit("/cart")]).as_deref(),
            Some("{…}/cart")
        );
        assert_eq!(
            computed_route(&[lit("/api"), lit("/cart/"), Piece::Other]).as_deref(),
            Some("/api/cart/{…}")
        );
        assert_eq!(
            computed_route(&[env("PREFIX"), Piece::Other, lit("/x")]).as_deref(),
            Some("{…}/x")
        );
        assert_eq!(computed_route(&[Piece::Other]), None);
        assert_eq!(computed_route(&[lit("cart"), Piece::Other]), None);
    }

    #[test]
    fn literal_hosts_and_env_hosts_are_read() {
        assert_eq!(
            http_target(&[lit("http://quote:8080/get")]),
            Some(FactKind::HttpCallTo {
                host: "quote".into(),
                path: Some("/get".into()),
                port: None,
            })
        );
        assert_eq!(
            http_target(&[
                lit("http://"),
                env("CART_ADDR"),
                lit("/cart/"),
                Piece::Other
            ]),
            Some(FactKind::HttpCallToEnv {
                var: "CART_ADDR".into(),
                path: Some("/cart/".into())
            })
        );
        assert_eq!(
            http_target(&[env("CART_URL"), lit(":8080/cart")]),
            Some(FactKind::HttpCallToEnv {
                var: "CART_URL".into(),
                path: Some("/cart".into())
            })
        );
        // The host is cut by a hole: unknown.
        assert_eq!(http_target(&[lit("http://cart"), Piece::Other]), None);
        assert_eq!(http_target(&[Piece::Other, lit("/cart")]), None);
        assert_eq!(http_target(&[lit("/relative")]), None);
        // On the caller's own machine the port tells services apart.
        assert_eq!(
            http_target(&[lit("http://localhost:4002/api/"), Piece::Other]),
            Some(FactKind::HttpCallTo {
                host: "localhost".into(),
                path: Some("/api/".into()),
                port: Some(4002),
            })
        );
        // Text after the variable that is not a port: no path.
        assert_eq!(
            http_target(&[env("HOST"), lit("-suffix/x")]),
            Some(FactKind::HttpCallToEnv {
                var: "HOST".into(),
                path: None
            })
        );
    }

    #[test]
    fn listen_addresses_name_a_port() {
        assert_eq!(
            listen_fact(&[lit("0.0.0.0:8081")], None),
            Some(FactKind::ListensOn { port: 8081 })
        );
        assert_eq!(
            listen_fact(&[lit(":"), lit("7777")], None),
            Some(FactKind::ListensOn { port: 7777 })
        );
        assert_eq!(
            listen_fact(&[env("PORT")], Some(4000)),
            Some(FactKind::ListensOnEnv {
                var: "PORT".into(),
                default: Some(4000)
            })
        );
        assert_eq!(listen_fact(&[Piece::Other], None), None);
        assert_eq!(listen_fact(&[lit("localhost")], None), None);
    }

    #[test]
    fn printf_formats_take_their_arguments() {
        let pieces = printf_pieces(
            "http://%s/items/%d?q=100%%",
            [vec![env("ADDR")], vec![Piece::Other]].into_iter(),
        );
        assert_eq!(
            pieces,
            vec![
                lit("http://"),
                env("ADDR"),
                lit("/items/"),
                Piece::Other,
                lit("?q=100%")
            ]
        );
    }
}
