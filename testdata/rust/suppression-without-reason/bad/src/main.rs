use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use opentelemetry::trace::{Span, TraceContextExt, Tracer};
use opentelemetry::Context;

fn init_tracing() -> SdkTracerProvider {
    let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .build();
    global::set_tracer_provider(provider.clone());
    global::set_text_map_propagator(TraceContextPropagator::new());
    provider
}

fn audit(entry: &str) {
    let tracer = global::tracer("audit");
    let _ = tracer.start("audit"); // tracewire: ignore[span-not-ended]  // expect: suppression-without-reason
    println!("{entry}");
}

fn main() {
    let provider = init_tracing();
    audit("a");
    provider.shutdown().ok();
}
