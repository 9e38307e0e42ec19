use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
mod telemetry;

use axum::{routing::get, Router};

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

// The layer comes from the service's telemetry module; what it does is decided there.
fn app() -> Router {
    let layer = telemetry::trace_layer();
    Router::new().route("/items", get(list)).layer(layer)
}

#[tokio::main]
async fn main() {
    let provider = init_tracing();
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app()).await.unwrap();
    provider.shutdown().ok(); // expect: provider-not-shutdown
}
