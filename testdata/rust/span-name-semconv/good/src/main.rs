// Conventional names: method and route for servers, method for clients, operation then
// destination for messaging; internal spans named freely.
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

fn serve(method: &str) {
    let tracer = global::tracer("orders");
    let span = tracer
        .span_builder(format!("{method} /orders/{{id}}"))
        .with_kind(SpanKind::Server)
        .start(&tracer);
    drop(span);
}

fn call() {
    let tracer = global::tracer("orders");
    let span = tracer
        .span_builder("GET")
        .with_kind(SpanKind::Client)
        .start(&tracer);
    drop(span);
}

fn publish(topic: &str) {
    let tracer = global::tracer("orders");
    let span = tracer
        .span_builder(format!("publish {topic}"))
        .with_kind(SpanKind::Producer)
        .start(&tracer);
    drop(span);
}

fn internal() {
    let tracer = global::tracer("orders");
    // No kind: "/orders" is a fine internal name.
    tracer.in_span("/orders", |_cx| println!("work"));
}

fn main() {
    let provider = init_tracing();
    serve("GET");
    call();
    publish("orders");
    internal();
    provider.shutdown().ok();
}
