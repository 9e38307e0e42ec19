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
    let cx = Context::current_with_span(tracer.start("checkout"));
    let _ = cx.clone().attach(); // expect: scope-not-closed
    cx.attach(); // expect: scope-not-closed
    println!("{order}");
}

fn forget(order: &str) {
    let tracer = global::tracer("checkout");
    let parent_cx = Context::current_with_span(tracer.start("forget"));
    let guard = parent_cx.attach(); // expect: scope-not-closed
    println!("{order}");
    std::mem::forget(guard);
}

fn main() {
    let provider = init_tracing();
    checkout("a");
    forget("b");
    provider.shutdown().ok();
}
