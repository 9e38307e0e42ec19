use opentelemetry::global;
use opentelemetry::trace::Tracer;

pub fn work() {
    let tracer = global::tracer("cart");
    tracer.in_span("loadCart", |_cx| println!("work"));
    tracer.in_span("priceCart", |_cx| println!("work"));
}
