//! URLs and addresses as tracewire reads them: the host and path of an HTTP URL, the host an
//! address value names, `file://` URIs for reports and the language server, and relative paths
//! inside the repository. A leaf: it knows no other module.

use std::path::Path;

/// `rel` joined onto the directory `dir` (both relative to the repository root, `/`-separated),
/// with `.` and `..` resolved; `None` when it climbs above the root.
pub fn join_path(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// The host and path of an `http(s)://host[:port]/path` URL.
pub fn split_url(url: &str) -> Option<(String, Option<String>)> {
    let rest = after_http_scheme(url)?;
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], Some(rest[i..].to_string())),
        None => (rest, None),
    };
    let host = authority.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then(|| (host.to_string(), path))
}

/// The rest of an HTTP URL after its scheme: `http://`, `https://`, or the service-discovery
/// schemes that pick either (`https+http://`, `http+https://`, .NET Aspire; `lb://`, Spring
/// Cloud LoadBalancer).
pub fn after_http_scheme(url: &str) -> Option<&str> {
    [
        "http://",
        "https://",
        "https+http://",
        "http+https://",
        "lb://",
    ]
    .iter()
    .find_map(|scheme| url.strip_prefix(scheme))
}

/// The host an environment variable's value names: `http://cart:8080/x`, `cart:8080` or
/// `cart` → `cart`.
pub fn host_of_value(value: &str) -> Option<String> {
    let value = value.trim();
    if let Some((host, _)) = split_url(value) {
        return Some(host);
    }
    let host = value
        .split(['/', ':'])
        .next()
        .filter(|h| !h.is_empty() && !h.contains(['$', '{', ' ']))?;
    Some(host.to_string())
}

/// Host names that reach the caller's own machine (or, from a container, the machine running
/// it): there services are told apart by port.
const LOOPBACK_HOSTS: &[&str] = &[
    "localhost",
    "127.0.0.1",
    "0.0.0.0",
    "[::1]",
    "host.docker.internal",
];

/// Whether a host names the caller's own machine.
pub fn is_loopback(host: &str) -> bool {
    LOOPBACK_HOSTS.contains(&host.to_ascii_lowercase().as_str())
}

/// The explicit port of an address value: `http://localhost:8080/x`, `localhost:8080` or
/// `[::1]:8080` → 8080; `None` without one (a scheme's default port is not guessed).
pub fn port_of_value(value: &str) -> Option<u16> {
    let value = value.trim();
    let rest = after_http_scheme(value).unwrap_or(value);
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let (_, port) = authority.rsplit_once(':')?;
    port.parse().ok()
}

/// A `file://` URI for a path (made absolute when it exists), percent-encoding every byte
/// outside the unreserved set and `/`.
pub fn file_uri(path: &Path) -> String {
    let absolute = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let mut encoded = String::from("file://");
    for byte in absolute.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                encoded.push(byte as char)
            }
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_join_inside_the_root() {
        assert_eq!(
            join_path("svc/api", "../telemetry").as_deref(),
            Some("svc/telemetry")
        );
        assert_eq!(
            join_path("", "./src/./tracing.js").as_deref(),
            Some("src/tracing.js")
        );
        assert_eq!(join_path("a", "../.."), None);
    }

    #[test]
    fn urls_split_into_host_and_path() {
        assert_eq!(
            split_url("http://quote:8080/get-quote"),
            Some(("quote".into(), Some("/get-quote".into())))
        );
        assert_eq!(
            split_url("https://api.example.com"),
            Some(("api.example.com".into(), None))
        );
        assert_eq!(
            split_url("https+http://catalog-api/api/items"),
            Some(("catalog-api".into(), Some("/api/items".into())))
        );
        assert_eq!(
            split_url("lb://vets-service/vets"),
            Some(("vets-service".into(), Some("/vets".into())))
        );
        assert_eq!(split_url("/relative"), None);
        assert_eq!(split_url("ftp://files"), None);
    }

    #[test]
    fn env_values_name_hosts() {
        assert_eq!(host_of_value("http://cart:8080/x").as_deref(), Some("cart"));
        assert_eq!(
            host_of_value("cartservice:7070").as_deref(),
            Some("cartservice")
        );
        assert_eq!(host_of_value("ads").as_deref(), Some("ads"));
        assert_eq!(host_of_value("${CART_HOST}:80"), None);
        assert_eq!(host_of_value(""), None);
    }

    #[test]
    fn loopback_addresses_keep_their_port() {
        assert!(is_loopback("localhost") && is_loopback("host.docker.internal"));
        assert!(!is_loopback("cart"));
        assert_eq!(port_of_value("http://localhost:8080/x"), Some(8080));
        assert_eq!(port_of_value("127.0.0.1:3000"), Some(3000));
        assert_eq!(port_of_value("http://[::1]:81"), Some(81));
        assert_eq!(port_of_value("http://user:pw@localhost:90/"), Some(90));
        assert_eq!(port_of_value("http://localhost/x"), None);
        assert_eq!(port_of_value("http://localhost:${PORT}/x"), None);
    }

    #[test]
    fn file_uris_encode_what_is_not_unreserved() {
        assert_eq!(
            file_uri(Path::new("/no/such dir/a#b.go")),
            "file:///no/such%20dir/a%23b.go"
        );
    }
}
