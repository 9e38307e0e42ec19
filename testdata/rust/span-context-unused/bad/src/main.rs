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

fn checkout(order: &str) {
    let tracer = global::tracer("checkout");
    let mut span = tracer.start("checkout"); // expect: span-context-unused
    span.set_attribute(opentelemetry::KeyValue::new("order", order.to_string()));
    let _child = tracer.start("reserve");
    span.end();
}

fn main() {
    let provider = init_tracing();
    checkout("a");
    register("b");
    provider.shutdown().ok();
}

fn register(user: &str) {
    let tracer = global::tracer("users");
    {
        let _registration = tracer.span_builder("register").start(&tracer); // expect: span-context-unused
        {
            // Meant as a child of `register`, but that span was never made current.
            let _db = tracer.span_builder("insert").start(&tracer);
            println!("{user}");
        }
    }
}
