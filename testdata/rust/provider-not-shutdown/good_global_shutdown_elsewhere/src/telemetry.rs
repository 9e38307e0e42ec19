use opentelemetry::global;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::TracerProvider;

pub fn init() {
    let provider = TracerProvider::builder()
        .with_batch_exporter(opentelemetry_stdout::SpanExporter::default(), opentelemetry_sdk::runtime::Tokio)
        .build();
    global::set_tracer_provider(provider);
    global::set_text_map_propagator(TraceContextPropagator::new());
}
