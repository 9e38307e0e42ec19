use opentelemetry::global;
use opentelemetry::trace::Tracer;
use opentelemetry_sdk::trace::SdkTracerProvider;

fn main() {
    let provider = SdkTracerProvider::builder() // expect: provider-not-registered
        .with_simple_exporter(opentelemetry_stdout::SpanExporter::default())
        .build();
    let tracer = global::tracer("orders");
    tracer.in_span("place", |_cx| println!("placed"));
    provider.shutdown().ok();
}
