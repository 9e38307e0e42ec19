// Server, client and messaging spans whose names contradict the conventions.
use opentelemetry::global;
use opentelemetry::trace::{SpanKind, Tracer};
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

fn serve() {
    let tracer = global::tracer("orders");
    let span = tracer
        .span_builder("/orders") // expect: span-name-semconv
        .with_kind(SpanKind::Server)
        .start(&tracer);
    drop(span);
}

fn call() {
    let tracer = global::tracer("orders");
    let span = tracer
        .span_builder("HTTP GET") // expect: span-name-semconv
        .with_kind(SpanKind::Client)
        .start(&tracer);
    drop(span);
}

fn publish(topic: &str) {
    let tracer = global::tracer("orders");
    let span = tracer
        .span_builder(format!("{topic} publish")) // expect: span-name-semconv
        .with_kind(SpanKind::Producer)
        .start(&tracer);
    drop(span);
}

fn main() {
    let provider = init_tracing();
    serve();
    call();
    publish("orders");
    provider.shutdown().ok();
}
