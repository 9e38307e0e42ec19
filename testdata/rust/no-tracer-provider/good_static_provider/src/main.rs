use lazy_static::lazy_static;
use opentelemetry::trace::{Tracer, TracerProvider as _};
use opentelemetry_sdk::trace::{self as sdktrace};

// A provider kept in a static for the life of the program.
lazy_static! {
    static ref PROVIDER: sdktrace::SdkTracerProvider = sdktrace::SdkTracerProvider::builder()
        .with_simple_exporter(opentelemetry_stdout::SpanExporter::default())
        .build();
    static ref TRACER: sdktrace::SdkTracer = PROVIDER.tracer("jobs");
}

fn main() {
    TRACER.in_span("run", |_cx| println!("done"));
}
