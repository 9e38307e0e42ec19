// Internal span names are snake_case, except two.
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

const SAVE_NAME: &str = "save_order";

fn step(name: &'static str) {
    let tracer = global::tracer("orders");
    tracer.in_span(name, |_cx| println!("work"));
}

fn work() {
    let tracer = global::tracer("orders");
    tracer.in_span("load_order", |_cx| println!("work"));
    tracer.in_span("price_order", |_cx| println!("work"));
    tracer.in_span(SAVE_NAME, |_cx| println!("work"));
    tracer.in_span("ship_order", |_cx| println!("work"));
    tracer.in_span("notify_customer", |_cx| println!("work"));
    tracer.in_span("chargeCard", |_cx| println!("work")); // expect: span-name-style
   );
    tracer.in_span("audit", |_cx| println!("work"));
    tracer.in_span("close-order", |_cx| println!("work")); // expect: span-name-style
   );
    step("refund");
}

fn main() {
    let provider = init_tracing();
    work();
    provider.shutdown().ok();
}
