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

struct Timer;

impl Timer {
    fn start(&self, label: &str) -> std::time::Instant {
        println!("{label}");
        std::time::Instant::now()
    }
}

fn audit(entry: &str) {
    let tracer = global::tracer("audit");
    // Bound to a name: ends when dropped at the end of the function.
    let _span = tracer.start("audit");
    println!("{entry}");
}

fn explicit(entry: &str) {
    let mut span = global::tracer("audit").start("explicit");
    span.set_attribute(opentelemetry::KeyValue::new("entry", entry.to_string()));
    span.end();
}

fn closure(entry: &str) {
    let tracer = global::tracer("audit");
    tracer.in_span("closure", |_cx| println!("{entry}"));
    let built = tracer.span_builder("built").start(&tracer);
    drop(built);
    // Not OpenTelemetry: a method that happens to be called `start`.
    let timer = Timer;
    timer.start("audit");
}

fn main() {
    let provider = init_tracing();
    audit("a");
    explicit("b");
    closure("c");
    provider.shutdown().ok();
}
