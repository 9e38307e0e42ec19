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

struct Debugger;

impl Debugger {
    fn attach(&self) -> bool {
        true
    }
}

fn checkout(order: &str) {
    let tracer = global::tracer("checkout");
    let cx = Context::current_with_span(tracer.start("checkout"));
    // Bound to a name: the context stays current until the end of the function.
    let _guard = cx.attach();
    println!("{order}");
    // Not OpenTelemetry: another type's `attach`.
    let debugger = Debugger;
    debugger.attach();
}

fn main() {
    let provider = init_tracing();
    checkout("a");
    provider.shutdown().ok();
}
