//! The shipping API: quotes shipping costs for checkout.
use axum::{routing::get, Router};
use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
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

async fn quote() -> &'static str {
    "{\"cost\": 4.99}"
}

#[tokio::main]
async fn main() {
    let provider = init_tracing();
    // Mistake: TraceLayer records a span per request but never reads `traceparent`, so every
    // request from checkout starts a new trace (axum-tracing-opentelemetry's OtelAxumLayer does).
    let app = Router::new()
        .route("/quote", get(quote))
        .layer(TraceLayer::new_for_http());
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8083").await.unwrap();
    axum::serve(listener, app).await.unwrap();
    provider.shutdown().ok();
}
