//! `tracewire map`: the exact services and edges of the bundled repositories.

use serde_json::{json, Value};
use std::path::Path;

fn map(repo: &str, format: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/repos")
        .join(repo);
    let out = crate::common::tracewire()
        .args(["map", root.to_str().unwrap(), "--format", format])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn edges(repo: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(&map(repo, "json")).unwrap();
    assert_eq!(doc["version"], 1);
    doc["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            json!([
                e["from"],
                e["to"],
                e["kind"],
                e["target"],
                e["status"],
                e["reason"],
                e["sites"]
            ])
        })
        .collect()
}

#[test]
fn the_shop_edges_are_matched_by_grpc_stub_http_host_and_topic() {
    assert_eq!(
        edges("shop"),
        vec![
            json!(["checkout", "ads", "messaging", "orders", "broken", "ads sets no propagator",
                   [{"path": "checkout/src/server.ts", "line": 27}]]),
            json!(["checkout", "payment", "http", "payment", "ok", "context injected and extracted",
                   [{"path": "checkout/src/server.ts", "line": 21}]]),
            json!(["checkout", "shipping", "http", "shipping", "broken",
                   "the shipping routes it calls extract nothing",
                   [{"path": "checkout/src/server.ts", "line": 26}]]),
            json!(["frontend", "ads", "http", "ads", "broken", "frontend sets no propagator",
                   [{"path": "frontend/checkout.go", "line": 27}]]),
            json!(["frontend", "cart", "grpc", "shop.cart.CartService", "broken", "frontend sets no propagator",
                   [{"path": "frontend/products.go", "line": 19}]]),
            json!(["frontend", "checkout", "http", "checkout", "broken", "frontend sets no propagator",
                   [{"path": "frontend/checkout.go", "line": 12}]]),
            json!(["recommend", "ads", "http", "ads", "broken", "ads sets no propagator",
                   [{"path": "recommend/app.py", "line": 27}]]),
        ]
    );
    let doc: Value = serde_json::from_str(&map("shop", "json")).unwrap();
    let services: Vec<Value> = doc["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| json!([s["name"], s["path"], s["languages"], s["instrumented"]]))
        .collect();
    assert_eq!(
        services,
        vec![
            json!(["ads", "ads", ["java"], true]),
            json!(["cart", "cart", ["go"], true]),
            json!(["checkout", "checkout", ["typescript"], true]),
            json!(["frontend", "frontend", ["go"], true]),
            json!(["payment", "payment", ["csharp"], true]),
            json!(["recommend", "recommend", ["python"], true]),
            json!(["shipping", "shipping", ["rust"], true]),
        ]
    );
}

#[test]
fn an_untraced_callee_breaks_the_edge() {
    assert_eq!(
        edges("untraced-callee"),
        vec![
            json!(["web", "quote", "http", "quote", "broken", "quote does not trace",
                    [{"path": "web/main.go", "line": 31}]])
        ]
    );
}

#[test]
fn env_var_addresses_resolve_through_compose_and_formats_are_compared() {
    // Go `fmt.Sprintf` and `+` with `os.Getenv` (in the function and at package level) and a
    // struct field filled by an env-reading helper, Python `os.getenv` bound at module level,
    // JavaScript `process.env` in a template literal and destructured; the compose name `stock`
    // addresses the `inventory` directory; `mailer` is placed by its Dockerfile and takes
    // `PRICING_ADDR` from `.env`. An unset variable and a host outside the repository are not
    // edges.
    assert_eq!(
        edges("env-addresses"),
        vec![
            json!(["mailer", "pricing", "http", "pricing", "ok", "context injected and extracted",
                   [{"path": "mailer/main.go", "line": 36}]]),
            json!(["notifier", "pricing", "http", "pricing", "ok", "context injected and extracted",
                   [{"path": "notifier/index.js", "line": 6}, {"path": "notifier/index.js", "line": 7}]]),
            json!(["pricing", "inventory", "http", "stock", "broken",
                   "pricing sends tracecontext but inventory reads b3",
                   [{"path": "pricing/app.py", "line": 12}]]),
            json!(["storefront", "inventory", "http", "stock", "broken",
                   "storefront sends tracecontext but inventory reads b3",
                   [{"path": "storefront/main.go", "line": 38}]]),
            json!(["storefront", "pricing", "http", "pricing", "ok", "context injected and extracted",
                   [{"path": "storefront/main.go", "line": 40}]]),
        ]
    );
}

#[test]
fn generated_grpc_code_is_matched_across_java_csharp_and_javascript() {
    assert_eq!(
        edges("grpc-stubs"),
        vec![
            json!(["ads", "payment", "grpc", "shop.PaymentService", "broken", "ads does not trace",
                   [{"path": "ads/src/main/java/shop/AdServer.java", "line": 14}]]),
            json!(["cart", "ads", "grpc", "shop.AdService", "broken", "cart does not trace",
                   [{"path": "cart/Program.cs", "line": 12}]]),
            json!(["payment", "cart", "grpc", "shop.CartService", "broken", "payment does not trace",
                   [{"path": "payment/index.js", "line": 5}]]),
        ]
    );
}

#[test]
fn an_aspire_host_names_the_projects_it_runs() {
    // `AddProject<Projects.Catalog_Api>("catalog")` lets `https+http://catalog` reach
    // Catalog.Api. The registered gRPC client names its service, and its channel goes through
    // HttpClient, which the runtime propagates on; so does the typed client the factory builds.
    assert_eq!(
        edges("aspire"),
        vec![
            json!(["Web", "Cart", "grpc", "CartService", "ok", "context injected and extracted",
                   [{"path": "Web/Program.cs", "line": 11}]]),
            json!(["Web", "Catalog.Api", "http", "catalog", "ok",
                   "context injected and extracted", [{"path": "Web/Program.cs", "line": 10}]]),
        ]
    );
}

#[test]
fn class_libraries_call_for_the_programs_that_reference_them() {
    // Shop.Clients registers the gRPC client; Shop.Api references it and runs it. The test
    // project referencing the same library has no entry point: no edge from it, nor from the
    // library.
    assert_eq!(
        edges("dotnet-libraries"),
        vec![
            json!(["Shop.Api", "Cart.Api", "grpc", "shop.CartService", "ok",
                    "context injected and extracted",
                    [{"path": "Shop.Clients/CartClientRegistrations.cs", "line": 7}]])
        ]
    );
}

#[test]
fn masstransit_messages_are_matched_by_their_type() {
    // Orders publishes OrderPlaced; Shipping consumes it through IOrderPlaced and listens to
    // MassTransit's source; Billing does not listen, so its consumer continues nothing. Audit's
    // MediatR handler is in-process, the generic Forward<T> names no message type, and
    // Billing's `cfg.Publish<OrderPlaced>(e => { .. })` only configures the exchange.
    assert_eq!(
        edges("masstransit"),
        vec![
            json!(["Orders", "Billing", "messaging", "OrderPlaced", "broken",
                   "Billing's messaging entry points extract nothing",
                   [{"path": "Orders/Program.cs", "line": 15}]]),
            json!(["Orders", "Shipping", "messaging", "OrderPlaced", "ok",
                   "context injected and extracted",
                   [{"path": "Orders/Program.cs", "line": 15}]]),
        ]
    );
}

#[test]
fn dotnet_configuration_keys_resolve_through_environment_and_appsettings() {
    // `Catalog:Url` is the variable `Catalog__Url`, which compose sets over appsettings.json's
    // localhost; `StockUrl` has only its appsettings.json default. `Reviews:Url` is set nowhere
    // and `settings[...]` is a dictionary, not configuration: no edge, no extra site.
    assert_eq!(
        edges("dotnet-configuration"),
        vec![
            json!(["Web", "Catalog", "http", "catalog", "ok", "context injected and extracted",
                   [{"path": "Web/Program.cs", "line": 9}]]),
            json!(["Web", "Stock", "http", "stock", "ok", "context injected and extracted",
                   [{"path": "Web/Program.cs", "line": 16}]]),
        ]
    );
}

#[test]
fn producers_and_consumers_of_a_topic_are_matched_across_languages() {
    assert_eq!(
        edges("messaging"),
        vec![
            json!(["orders", "accounting", "messaging", "orders", "broken", "orders does not trace",
                   [{"path": "orders/main.go", "line": 12}]]),
            json!(["orders", "email", "messaging", "orders", "broken", "orders does not trace",
                   [{"path": "orders/main.go", "line": 12}]]),
            json!(["orders", "fraud", "messaging", "orders", "broken", "orders does not trace",
                   [{"path": "orders/main.go", "line": 12}]]),
        ]
    );
}

#[test]
fn topics_read_from_environment_variables_are_resolved_through_deployment() {
    // Go `os.Getenv` set in compose, C# `?? "orders"` default, Python `os.environ[...]`; the
    // JavaScript consumer's variable names another topic.
    assert_eq!(
        edges("env-topics"),
        vec![
            json!(["orders", "audit", "messaging", "orders", "broken", "orders does not trace",
                   [{"path": "orders/main.go", "line": 11}]]),
            json!(["orders", "billing", "messaging", "orders", "broken", "orders does not trace",
                   [{"path": "orders/main.go", "line": 11}]]),
        ]
    );
}

#[test]
fn mermaid_dot_and_table_render_every_edge() {
    let mermaid = map("shop", "mermaid");
    assert!(mermaid.starts_with("flowchart LR\n"));
    assert!(mermaid.contains("frontend -.->|\"grpc shop.cart.CartService: broken\"| cart"));
    assert!(mermaid.contains("checkout -.->|\"messaging orders: broken\"| ads"));
    assert!(mermaid.contains("linkStyle 0 stroke:red"));
    assert!(mermaid.contains("linkStyle 1 stroke:green"));
    let dot = map("shop", "dot");
    assert!(dot.contains("\"frontend\" -> \"checkout\" [label=\"http checkout\", color=red"));
    let table = map("shop", "table");
    assert!(table.contains(
        "frontend   cart      grpc       shop.cart.CartService  broken  frontend sets no propagator\n"
    ));
    assert!(table.contains(
        "checkout   ads       messaging  orders                 broken  ads sets no propagator\n"
    ));
}

#[test]
fn edges_enrich_the_boundary_findings_on_both_sides() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/repos/traced-callee");
    let out = crate::common::tracewire()
        .args(["check", root.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "inbound-not-extracted")
        .expect("the route is reported");
    assert_eq!(d["path"], "quote/main.go");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["labels"][0]["path"], "web/main.go");
    assert_eq!(d["labels"][0]["line"], 31);
    assert_eq!(d["labels"][0]["message"], "web calls it here");
    let injected = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "outbound-not-injected")
        .expect("the default client call is reported");
    assert_eq!(
        injected["message"],
        "`http.Get` sends the request without trace context: quote starts a new trace for it"
    );
}

#[test]
fn http_calls_are_judged_and_labelled_by_the_routes_their_path_reaches() {
    assert_eq!(
        edges("two-routers"),
        vec![
            // The reindex route extracts by hand; the product route does not.
            json!(["ops", "catalog", "http", "catalog", "ok", "context injected and extracted",
                   [{"path": "ops/main.go", "line": 31}]]),
            json!(["web", "catalog", "http", "catalog", "broken", "the catalog routes it calls extract nothing",
                   [{"path": "web/main.go", "line": 31}]]),
        ]
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/repos/two-routers");
    let out = crate::common::tracewire()
        .args(["check", root.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reported: Vec<Value> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "inbound-not-extracted")
        .map(|d| {
            let labels: Vec<Value> = d["labels"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|l| json!([l["path"], l["line"], l["message"]]))
                .collect();
            json!([d["line"], d["severity"], labels])
        })
        .collect();
    assert_eq!(
        reported,
        vec![json!([
            24,
            "error",
            [["web/main.go", 31, "web calls it here"]]
        ]),]
    );
}

#[test]
fn a_service_is_on_both_ends_when_another_of_its_programs_calls_it_or_it_consumes_what_it_sends() {
    // The Rust crate's traced client program calls the server program's Greeter; its untraced
    // probe program gives no site; the Go worker consumes its own topic; the Go gateway dials
    // the Catalog service it serves in the same program, which is no edge.
    assert_eq!(
        edges("self-calls"),
        vec![
            json!(["greeter", "greeter", "grpc", "Greeter", "ok", "context injected and extracted",
                   [{"path": "greeter/src/bin/client.rs", "line": 28}]]),
            json!(["worker", "worker", "messaging", "jobs", "unknown",
                   "worker extracts nowhere tracewire can see",
                   [{"path": "worker/main.go", "line": 25}]]),
        ]
    );
}

#[test]
fn a_name_reaches_the_services_deployed_with_the_caller_under_it() {
    // `docker-compose.yml` chooses directories with `${IMPL}` (each match is a deployment),
    // `docker-compose-mixed.yml` pairs web-python with api-node; both web services call `api`
    // through a table of URLs looked up by a non-literal key (Python dict, TypeScript object)
    // and, in Python, by a literal key. api-legacy matches the template but runs with no web
    // service; the table's external host is no edge.
    assert_eq!(
        edges("compose-variants"),
        vec![
            json!(["web-node", "api-node", "http", "api", "ok", "context injected and extracted",
                   [{"path": "services/web-node/index.ts", "line": 10}]]),
            json!(["web-python", "api-node", "http", "api", "ok", "context injected and extracted",
                   [{"path": "services/web-python/app.py", "line": 13},
                    {"path": "services/web-python/app.py", "line": 18}]]),
            json!(["web-python", "api-python", "http", "api", "ok", "context injected and extracted",
                   [{"path": "services/web-python/app.py", "line": 13},
                    {"path": "services/web-python/app.py", "line": 18}]]),
        ]
    );
}

#[test]
fn spring_configuration_keys_resolve_through_config_files_and_environment() {
    // `@Value("${order.service.url}")` constructor parameter stored in a field, set in
    // application.yml to `${ORDER_SERVICE_URL:...}` that compose fills; a field whose key's
    // placeholders name a host by default (`http://${inventory.host}:8082`); `PRICING_URL`
    // overriding `pricing.url=http://localhost:8083` by relaxed binding and naming a
    // `container_name`; a `@Value` default naming a service; `lb://catalog-svc` naming
    // `spring.application.name`; a Kafka topic from a constant to a `${app.topic.orders}`
    // listener; `billing`, a module of `platform` built by compose from the shared
    // `platform/Dockerfile` with `args: {SERVICE: billing}`, runs with that Dockerfile's agent,
    // while `ledger`, built from its own directory, does not. Not edges: a localhost default, a
    // key nothing sets, a topic nobody sends to.
    let gw = "gateway/src/main/java/demo/gateway/GatewayController.java";
    let orders = "orders/src/main/java/demo/orders/OrderController.java";
    assert_eq!(
        edges("spring-config"),
        vec![
            json!(["gateway", "catalog", "http", "catalog-svc", "broken", "catalog does not trace",
                   [{"path": gw, "line": 37}]]),
            json!(["gateway", "orders", "http", "orders", "ok", "context injected and extracted",
                   [{"path": gw, "line": 38}]]),
            json!(["gateway", "pricing", "http", "pricing", "ok", "context injected and extracted",
                   [{"path": gw, "line": 36}]]),
            json!(["orders", "inventory", "http", "inventory", "broken", "inventory does not trace",
                   [{"path": orders, "line": 29}]]),
            json!(["orders", "inventory", "messaging", "orders", "broken", "inventory does not trace",
                   [{"path": orders, "line": 31}]]),
            json!(["orders", "billing", "http", "billing", "ok", "context injected and extracted",
                   [{"path": orders, "line": 32}]]),
            json!(["orders", "ledger", "http", "ledger", "broken", "ledger does not trace",
                   [{"path": orders, "line": 33}]]),
            json!(["orders", "pricing", "http", "pricing-box", "ok", "context injected and extracted",
                   [{"path": orders, "line": 30}]]),
        ]
    );
}

#[test]
fn a_services_own_dotenv_fills_the_addresses_deployment_leaves_unset() {
    // gateway (Python) and web (JavaScript) read ORDERS_URL from their own `.env`; gateway's
    // `.env` names payments for PAYMENTS_URL but compose sets billing, which wins. The Python
    // services run `opentelemetry-instrument` from `start.sh`, except billing, whose script
    // names it only in a comment.
    assert_eq!(
        edges("service-dotenv"),
        vec![
            json!(["gateway", "billing", "http", "billing", "broken", "billing does not trace",
                   [{"path": "gateway/app.py", "line": 12}]]),
            json!(["gateway", "orders", "http", "orders", "ok", "context injected and extracted",
                   [{"path": "gateway/app.py", "line": 11}]]),
            json!(["web", "orders", "http", "orders", "ok", "context injected and extracted",
                   [{"path": "web/index.js", "line": 5}]]),
        ]
    );
}

#[test]
fn a_generated_client_library_without_a_program_is_no_caller() {
    // `sdk`'s generated code builds a Catalog client on a connection its embedder supplies;
    // `cli`, a program, calls Catalog itself.
    assert_eq!(
        edges("grpc-sdk"),
        vec![
            json!(["cli", "server", "grpc", "Catalog", "ok", "context injected and extracted",
                    [{"path": "cli/main.go", "line": 27}]])
        ]
    );
}

#[test]
fn an_edge_whose_every_call_starts_from_a_fresh_context_is_broken() {
    // Both sides are instrumented; the currency calls use `context.TODO()` in the handler, the
    // catalog calls the request's context.
    assert_eq!(
        edges("fresh-context"),
        vec![
            json!(["frontend", "catalog", "grpc", "Catalog", "ok", "context injected and extracted",
                   [{"path": "frontend/main.go", "line": 32}]]),
            json!(["frontend", "currency", "grpc", "Currency", "broken",
                   "every call starts a new trace from context.TODO()",
                   [{"path": "frontend/main.go", "line": 33}]]),
        ]
    );
}

#[test]
fn quarkus_rest_clients_and_channels_resolve_through_configuration() {
    // `@RegisterRestClient(configKey = "hero-client")` with `stork://hero-service`, whose address
    // list compose overrides by its relaxed environment name; an `@Channel` emitter and an
    // `@Incoming` method (channel named by a constant) mapped to topic `fight-events`.
    // `quarkus-opentelemetry` in the poms traces both ends. Not edges: a client configured only
    // in `%dev`, a consumer whose channel keeps the default topic `fights`.
    assert_eq!(
        edges("quarkus-config"),
        vec![
            json!(["fights", "heroes", "http", "heroes", "ok", "context injected and extracted",
                   [{"path": "fights/src/main/java/demo/fights/HeroClient.java", "line": 7}]]),
            json!(["fights", "stats", "messaging", "fight-events", "ok",
                   "context injected and extracted",
                   [{"path": "fights/src/main/java/demo/fights/FightService.java", "line": 11}]]),
        ]
    );
}

#[test]
fn nest_microservice_clients_and_patterns_are_matched_by_topic() {
    // `ClientKafka.emit('order_created')` on an injected client reaches
    // `@EventPattern('order_created')`; `emit` on an EventEmitter and a `@MessagePattern` that
    // nobody sends are no edges.
    assert_eq!(
        edges("nest-kafka"),
        vec![
            json!(["gateway", "billing", "messaging", "order_created", "ok",
                    "context injected and extracted",
                    [{"path": "gateway/src/app.service.ts", "line": 13}]])
        ]
    );
}

#[test]
fn gateway_routes_in_configuration_are_calls_of_the_gateway() {
    // Ocelot's `ocelot.json` routes to `orders` (the untraced gateway breaks the edge); a route
    // through service discovery names no host. YARP's `ReverseProxy` cluster reaches `catalog`,
    // whose `MapGet("items", ...)` is an endpoint without a leading slash; a `Clusters` section
    // outside `ReverseProxy` is no route.
    assert_eq!(
        edges("dotnet-gateways"),
        vec![
            json!(["Gateway", "Orders", "http", "orders", "broken", "Gateway does not trace",
                   [{"path": "Gateway/ocelot.json", "line": 7}]]),
            json!(["Proxy", "Catalog", "http", "catalog", "ok", "context injected and extracted",
                   [{"path": "Proxy/appsettings.json", "line": 9}]]),
        ]
    );
}

#[test]
fn calls_to_the_callers_own_machine_reach_the_service_listening_on_that_port() {
    // `localhost:4002` reaches accounts, which listens on `PORT` (4002 in its `.env`);
    // `host.docker.internal:6000` reaches billing, whose port 5000 compose publishes on 6000.
    // Nothing listens on 9999; audit's port is `config.port`, so its fallback 7000 names no
    // listener. Two example servers listen on 8080: the client beside one reaches that one.
    // Go's `http.ListenAndServe(":7070", ..)` and Rust's `TcpListener::bind(addr)` name theirs.
    assert_eq!(
        edges("loopback-ports"),
        vec![
            json!(["client", "examples/one/server", "http", "localhost:8080", "ok",
                   "context injected and extracted",
                   [{"path": "examples/one/client/index.js", "line": 2}]]),
            json!(["web", "accounts", "http", "localhost:4002", "ok", "context injected and extracted",
                   [{"path": "web/index.js", "line": 6}]]),
            json!(["web", "billing", "http", "host.docker.internal:6000", "ok",
                   "context injected and extracted",
                   [{"path": "web/index.js", "line": 7}]]),
            json!(["web", "stock", "http", "localhost:7070", "broken", "stock does not trace",
                   [{"path": "web/index.js", "line": 10}]]),
            json!(["web", "users", "http", "127.0.0.1:8081", "broken", "users does not trace",
                   [{"path": "web/index.js", "line": 11}]]),
        ]
    );
}

#[test]
fn rabbitmq_publishes_reach_the_consumers_of_their_routing_key() {
    // Orders publishes to `orders` (named `routingKey:`) and `audit-log` (positional, after the
    // exchange `audit`). Billing extracts; Audit does not; Stats consumes a queue named like
    // the exchange, which no publish routes to.
    assert_eq!(
        edges("dotnet-rabbitmq"),
        vec![
            json!(["Orders", "Audit", "messaging", "audit-log", "broken",
                   "Audit's messaging entry points extract nothing",
                   [{"path": "Orders/Program.cs", "line": 26}]]),
            json!(["Orders", "Billing", "messaging", "orders", "ok", "context injected and extracted",
                   [{"path": "Orders/Program.cs", "line": 25}]]),
        ]
    );
}

#[test]
fn a_rust_binary_traces_through_the_library_crates_it_builds_in() {
    // api's SDK, propagator and extracting layer come from the path dependency `telemetry`;
    // plain only has it as a dev-dependency, so it does not trace.
    assert_eq!(
        edges("cargo-libraries"),
        vec![
            json!(["orders", "api", "http", "localhost:3000", "ok", "context injected and extracted",
                   [{"path": "orders/index.js", "line": 6}]]),
            json!(["orders", "plain", "http", "localhost:3001", "broken", "plain does not trace",
                   [{"path": "orders/index.js", "line": 7}]]),
        ]
    );
}
