use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use axum::{routing::get, Router};
use tower_http::trace::TraceLayer;

fn init_tracing() -> SdkTracerProvider {
    let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .build();
    global::set_tracer_provider(provider.clone());
    global::set_text_map_propagator(TraceContextPropagator::new());
    provider
}

async fn list() -> &'static str {
    "[]"
}

async fn healthz() -> &'static str {
    "ok"
}

// TraceLayer records a span per request but does not read `traceparent`.
fn app() -> Router {
    Router::new()
        .route("/items", get(list)) // expect: inbound-not-extracted
        .route("/healthz", get(healthz))
        .layer(TraceLayer::new_for_http())
}

#[tokio::main]
async fn main() {
    let provider = init_tracing();
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app()).await.unwrap();
    provider.shutdown().ok(); // expect: provider-not-shutdown
}
