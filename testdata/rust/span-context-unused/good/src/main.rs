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
    let span = tracer.start("checkout");
    let cx = Context::current_with_span(span);
    let _guard = cx.clone().attach();
    let _child = tracer.start("reserve");
    let _explicit = tracer.start_with_context("charge", &cx);
    println!("{order}");
}

fn single(order: &str) {
    let tracer = global::tracer("checkout");
    // Nothing later in the function would nest under it.
    let _span = tracer.start("single");
    println!("{order}");
}

fn main() {
    let provider = init_tracing();
    checkout("a");
    single("b");
    provider.shutdown().ok();
}
