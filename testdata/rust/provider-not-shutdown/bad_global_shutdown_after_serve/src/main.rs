use axum::{routing::get, Router};
use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;

// Before 0.28: the global shutdown is written after a server that only ends when the process is
// killed.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let exporter = SpanExporter::builder().with_tonic().build()?;
    global::set_tracer_provider(
        SdkTracerProvider::builder()
            .with_batch_exporter(exporter)
            .build(),
    );
    global::set_text_map_propagator(TraceContextPropagator::new());
    let app = Router::new().route("/health", get(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    axum::serve(listener, app).await?;
    global::shutdown_tracer_provider(); // expect: provider-not-shutdown
    Ok(())
}
