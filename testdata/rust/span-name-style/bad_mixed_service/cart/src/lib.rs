use opentelemetry::global;
use opentelemetry::trace::Tracer;

pub fn work() {
    let tracer = global::tracer("cart");
    tracer.in_span("loadCart", |_cx| println!("work")); // expect: span-name-style
    tracer.in_span("price_cart", |_cx| println!("work"));
}
