//! HTTP route matching: whether a client's URL path reaches a server's route registration, so
//! that a finding on a route can point at the calls that reach it.
//!
//! Routes are read as the frameworks write them: literal segments, parameters (`{id}`, `:id`,
//! `<int:id>`), wildcards (`*`, `*path`, `{*rest}`, `{path...}`, `**`), a method before the
//! path (`GET /cart/{id}`, Go 1.22), regex anchors (`^cart/$`, Django) and a trailing slash
//! that serves a subtree (`/static/`, Go's `ServeMux`). A client path that ends in `/` was cut
//! where the code appends a run-time value (`addr + "/cart/" + id`), so it may continue.

/// Whether a request to `path` can reach the route registered as `route`.
pub fn reaches(route: &str, path: &str) -> bool {
    let Some(route) = route_segments(route) else {
        return false;
    };
    let (path, open_end) = path_segments(path);
    let mut p = 0;
    for (i, seg) in route.segments.iter().enumerate() {
        match seg {
            Segment::Rest => return true,
            _ if p == path.len() => {
                // The client's path stops here; a cut path may continue with this segment.
                return open_end && i < route.segments.len();
            }
            Segment::Any => {}
            Segment::Literal(lit) => {
                if !lit.eq_ignore_ascii_case(path[p]) {
                    return false;
                }
            }
        }
        p += 1;
    }
    p == path.len() || route.subtree
}

/// One segment of a route.
#[derive(Debug, PartialEq)]
enum Segment<'r> {
    /// Matches this text.
    Literal(&'r str),
    /// Matches any one segment.
    Any,
    /// Matches the rest of the path, however long.
    Rest,
}

/// A route's segments, and whether it serves everything below it.
#[derive(Debug)]
struct Route<'r> {
    segments: Vec<Segment<'r>>,
    subtree: bool,
}

/// Reads a route as registered; `None` for what cannot be a path (empty after the method).
fn route_segments(route: &str) -> Option<Route<'_>> {
    let mut text = route
        .trim()
        .trim_matches(|c| c == '"' || c == '\'' || c == '`');
    // `GET /cart/{id}`: a method, then the path.
    if let Some((first, rest)) = text.split_once(char::is_whitespace) {
        if !first.is_empty() && first.chars().all(|c| c.is_ascii_uppercase()) {
            text = rest.trim();
        }
    }
    let text = text.trim_start_matches('^').trim_end_matches('$');
    if text.is_empty() {
        return None;
    }
    let subtree = text.ends_with('/');
    let segments = text
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let rest = s == "**"
                || (s.starts_with('*') && s.len() > 1)
                || s.starts_with("{*")
                || (s.starts_with('{') && s.ends_with("...}"));
            if rest {
                Segment::Rest
            } else if s == "*"
                || s.starts_with(':')
                || (s.starts_with('{') && s.ends_with('}'))
                || (s.starts_with('<') && s.ends_with('>'))
                || s.starts_with('(')
            {
                Segment::Any
            } else {
                Segment::Literal(s)
            }
        })
        .collect();
    Some(Route { segments, subtree })
}

/// A client path's segments (query and fragment dropped), and whether it was cut before a
/// run-time value.
fn path_segments(path: &str) -> (Vec<&str>, bool) {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let open_end = path.ends_with('/') && !segments.is_empty();
    (segments, open_end)
}

#[cfg(test)]
mod tests {
    use super::reaches;

    #[test]
    fn literal_and_parameter_segments() {
        assert!(reaches("/quote", "/quote"));
        assert!(reaches("\"/quote\"", "/quote?currency=EUR"));
        assert!(!reaches("/quote", "/quotes"));
        assert!(!reaches("/quote", "/"));
        for route in [
            "/cart/{id}",
            "/cart/:id",
            "/cart/<int:id>",
            "GET /cart/{id}",
            "^cart/([0-9]+)$",
        ] {
            assert!(reaches(route, "/cart/42"), "{route}");
            assert!(!reaches(route, "/cart/42/items"), "{route}");
            assert!(!reaches(route, "/orders/42"), "{route}");
        }
    }

    #[test]
    fn wildcards_and_subtrees_take_the_rest() {
        for route in [
            "/static/*path",
            "/static/{*rest}",
            "/static/**",
            "/static/{path...}",
        ] {
            assert!(reaches(route, "/static/css/site.css"), "{route}");
            assert!(!reaches(route, "/assets/site.css"), "{route}");
        }
        assert!(reaches("/static/", "/static/css/site.css"));
        assert!(reaches("/", "/anything"));
        assert!(reaches("/*", "/anything"));
        assert!(!reaches("/static", "/static/css"));
    }

    #[test]
    fn a_path_cut_before_a_runtime_value_may_continue() {
        assert!(reaches("/cart/{id}", "/cart/"));
        assert!(!reaches("/cart", "/carts/"));
        assert!(!reaches("/cart/{id}", "/cart"));
        assert!(!reaches("", "/cart"));
        assert!(!reaches("GET", "/cart"));
    }
}
