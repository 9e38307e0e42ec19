use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use axum::{routing::get, Router};
use axum_tracing_opentelemetry::middleware::OtelAxumLayer;

fn init_tracing() -> SdkTracerProvider {
    let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .build();
    global::set_tracer_provider(provider.clone());
    global::set_text_map_propagator(TraceContextPropagator::new());
    provider
}
use reqwest_middleware::{ClientBuilder, ClientWithMiddleware};
use reqwest_tracing::TracingMiddleware;

struct Clients {
    http: ClientWithMiddleware,
}

fn clients() -> Clients {
    Clients {
        http: ClientBuilder::new(reqwest::Client::new())
            .with(TracingMiddleware::default())
            .build(),
    }
}

async fn checkout() -> String {
    let clients = clients();
    let cart = clients.http.get("http://cart:8080/cart").send().await.unwrap();
    cart.text().await.unwrap()
}

fn app() -> Router {
    Router::new()
        .route("/checkout", get(checkout))
        .layer(OtelAxumLayer::default())
}

#[tokio::main]
async fn main() {
    let provider = init_tracing();
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app()).await.unwrap();
    provider.shutdown().ok(); // expect: provider-not-shutdown
}
