use axum::{routing::get, Router};
use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;

fn init_tracing() -> SdkTracerProvider {
    let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .build();
    global::set_tracer_provider(provider.clone());
    global::set_text_map_propagator(TraceContextPropagator::new());
    provider
}

// The shutdown is written after the server, but axum::serve without a graceful-shutdown
// future only ends when the process is killed: the line never runs.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let provider = init_tracing();
    let app = Router::new().route("/health", get(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    axum::serve(listener, app).await?;
    provider.shutdown()?; // expect: provider-not-shutdown
    Ok(())
}
