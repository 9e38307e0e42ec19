use opentelemetry::global;
use opentelemetry::trace::Tracer;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::TracerProvider;

// Before 0.28 the global provider was shut down with `global::shutdown_tracer_provider()`.
fn main() {
    let provider = TracerProvider::builder()
        .with_batch_exporter(opentelemetry_stdout::SpanExporter::default(), opentelemetry_sdk::runtime::Tokio)
        .build();
    global::set_tracer_provider(provider);
    global::set_text_map_propagator(TraceContextPropagator::new());
    global::tracer("jobs").in_span("run", |_cx| println!("done"));
    global::shutdown_tracer_provider();
}
