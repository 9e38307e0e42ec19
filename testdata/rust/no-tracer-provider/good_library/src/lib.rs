//! A library: the application that links it sets up the SDK.
use opentelemetry::global;
use opentelemetry::trace::Tracer;

pub fn handle(order: &str) {
    let tracer = global::tracer("orders");
    tracer.in_span("place", |_cx| println!("{order}"));
}
