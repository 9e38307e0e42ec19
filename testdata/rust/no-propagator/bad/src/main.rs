use axum::{routing::get, Router};
use axum_tracing_opentelemetry::middleware::OtelAxumLayer;
use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::trace::SdkTracerProvider;

async fn list() -> &'static str {
    "[]"
}

#[tokio::main]
async fn main() {
    let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
    let provider = SdkTracerProvider::builder().with_batch_exporter(exporter).build();
    global::set_tracer_provider(provider.clone()); // expect: no-propagator
    let app = Router::new()
        .route("/items", get(list))
        .layer(OtelAxumLayer::default());
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app).await.unwrap();
    provider.shutdown().ok(); // expect: provider-not-shutdown
}
