use opentelemetry::global;
use opentelemetry::trace::Tracer;

fn handle(order: &str) {
    let tracer = global::tracer("orders"); // expect: no-tracer-provider
    tracer.in_span("place", |_cx| println!("{order}"));
}

fn main() {
    handle("42");
}
