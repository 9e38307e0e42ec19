//! The names protoc's code generators give gRPC clients and servers, per language, read back
//! to the proto service they stand for (`CartService`). The service graph matches a client in
//! one language to the server of the same service in another.
//!
//! | language | client | server |
//! |---|---|---|
//! | Go | `pb.NewCartServiceClient(conn)` | `pb.RegisterCartServiceServer(s, impl)` |
//! | Python | `CartServiceStub(channel)` | `add_CartServiceServicer_to_server(impl, s)` |
//! | Java | `CartServiceGrpc.newBlockingStub(channel)` | `extends CartServiceGrpc.CartServiceImplBase` |
//! | C# | `new CartService.CartServiceClient(channel)` | `: CartService.CartServiceBase` |
//! | JS/TS | `new proto.hipstershop.CartService(addr, creds)`, `new CartServiceClient(addr, creds)` | `server.addService(proto.hipstershop.CartService.service, impl)` |

/// Java stub factories on the generated `XGrpc` class.
const JAVA_STUB_FACTORIES: &[&str] = &[
    "newStub",
    "newBlockingStub",
    "newFutureStub",
    "newBlockingV2Stub",
];

/// The last segment of a dotted name, without generic arguments.
fn last_segment(name: &str) -> &str {
    let name = name.split('<').next().unwrap_or(name).trim();
    name.rsplit('.').next().unwrap_or(name)
}

/// The two last segments of a dotted name, without generic arguments.
fn last_two(name: &str) -> Option<(&str, &str)> {
    let name = name.split('<').next().unwrap_or(name).trim();
    let (head, last) = name.rsplit_once('.')?;
    Some((head.rsplit('.').next().unwrap_or(head), last))
}

/// Java: `CartServiceGrpc.newBlockingStub(channel)` → `CartService`.
pub fn java_client(object: &str, method: &str) -> Option<String> {
    if !JAVA_STUB_FACTORIES.contains(&method) {
        return None;
    }
    let service = last_segment(object).strip_suffix("Grpc")?;
    (!service.is_empty()).then(|| service.to_string())
}

/// Java: a class extending `CartServiceGrpc.CartServiceImplBase` serves `CartService`.
pub fn java_server(superclass: &str) -> Option<String> {
    let service = last_segment(superclass).strip_suffix("ImplBase")?;
    (!service.is_empty()).then(|| service.to_string())
}

/// C#: `new CartService.CartServiceClient(channel)` → `CartService` (the client class is
/// nested in the generated class named after the service).
pub fn csharp_client(type_name: &str) -> Option<String> {
    let (outer, inner) = last_two(type_name)?;
    (inner.strip_suffix("Client") == Some(outer) && !outer.is_empty()).then(|| outer.to_string())
}

/// C#: a class deriving from `CartService.CartServiceBase` serves `CartService`.
pub fn csharp_server(base_type: &str) -> Option<String> {
    let (outer, inner) = last_two(base_type)?;
    (inner.strip_suffix("Base") == Some(outer) && !outer.is_empty()).then(|| outer.to_string())
}

/// JavaScript/TypeScript: the service a `new` builds a client of — a service constructor
/// reached through a loaded package definition (`new proto.hipstershop.CartService(addr,
/// creds)`) or a generated client class (`new CartServiceClient(addr, creds)`). Both take an
/// address and credentials.
pub fn js_client(constructor: &str, args: usize) -> Option<String> {
    if args < 2 {
        return None;
    }
    let last = last_segment(constructor);
    let service = match constructor.contains('.') {
        true => last.ends_with("Service").then_some(last)?,
        false => last
            .strip_suffix("Client")
            .filter(|s| s.ends_with("Service"))?,
    };
    (service.len() > "Service".len()).then(|| service.to_string())
}

/// JavaScript/TypeScript: the service `server.addService(definition, impl)` serves, from its
/// definition — `proto.hipstershop.CartService.service` or a generated `CartServiceService`.
pub fn js_server(definition: &str) -> Option<String> {
    let service = match definition.strip_suffix(".service") {
        Some(head) => last_segment(head),
        None => last_segment(definition).strip_suffix("Service")?,
    };
    (service.ends_with("Service") && service.len() > "Service".len()).then(|| service.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_names_read_back_to_the_service() {
        assert_eq!(
            java_client("AdServiceGrpc", "newBlockingStub").as_deref(),
            Some("AdService")
        );
        assert_eq!(
            java_client("oteldemo.AdServiceGrpc", "newStub").as_deref(),
            Some("AdService")
        );
        assert_eq!(java_client("AdServiceGrpc", "build"), None);
        assert_eq!(java_client("Grpc", "newStub"), None);
        assert_eq!(
            java_server("AdServiceGrpc.AdServiceImplBase").as_deref(),
            Some("AdService")
        );
        assert_eq!(java_server("HttpServlet"), None);
        assert_eq!(
            csharp_client("Oteldemo.CartService.CartServiceClient").as_deref(),
            Some("CartService")
        );
        assert_eq!(csharp_client("HttpClient"), None);
        assert_eq!(csharp_client("Foo.BarClient"), None);
        assert_eq!(
            csharp_server("CartService.CartServiceBase").as_deref(),
            Some("CartService")
        );
        assert_eq!(csharp_server("ControllerBase"), None);
        assert_eq!(
            js_client("otelDemoPackage.oteldemo.CartService", 2).as_deref(),
            Some("CartService")
        );
        assert_eq!(
            js_client("ProductCatalogServiceClient", 2).as_deref(),
            Some("ProductCatalogService")
        );
        assert_eq!(js_client("S3Client", 1), None);
        assert_eq!(js_client("S3Client", 2), None);
        assert_eq!(js_client("aws.SomeService", 1), None);
        assert_eq!(
            js_server("otelDemoPackage.oteldemo.PaymentService.service").as_deref(),
            Some("PaymentService")
        );
        assert_eq!(js_server("health.service"), None);
        assert_eq!(
            js_server("CartServiceService").as_deref(),
            Some("CartService")
        );
    }
}
