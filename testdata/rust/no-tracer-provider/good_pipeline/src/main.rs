use opentelemetry::global;
use opentelemetry::trace::Tracer;
use opentelemetry_sdk::propagation::TraceContextPropagator;

// opentelemetry-otlp before 0.17 built and installed the provider in one pipeline.
fn main() {
    global::set_text_map_propagator(TraceContextPropagator::new());
    let tracer = opentelemetry_otlp::new_pipeline()
        .tracing()
        .with_exporter(opentelemetry_otlp::new_exporter().tonic())
        .install_batch(opentelemetry_sdk::runtime::Tokio)
        .expect("pipeline");
    tracer.in_span("start-up", |_cx| println!("ready"));
    global::shutdown_tracer_provider();
}
