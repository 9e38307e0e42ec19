use opentelemetry::trace::{Tracer, TracerProvider as _};
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_subscriber::prelude::*;

// Tracers are taken from the provider value and handed to the tracing bridge: no global needed.
fn main() {
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(opentelemetry_stdout::SpanExporter::default())
        .build();
    let tracer = provider.tracer("orders");
    tracing_subscriber::registry()
        .with(tracing_opentelemetry::layer().with_tracer(tracer))
        .init();
    tracing::info_span!("place").in_scope(|| println!("placed"));
    provider.shutdown().ok();
}
