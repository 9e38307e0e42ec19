mod telemetry;

use opentelemetry::global;
use opentelemetry::trace::Tracer;

fn main() {
    let provider = telemetry::init();
    let tracer = global::tracer("orders");
    tracer.in_span("place", |_cx| println!("placed"));
    provider.shutdown().ok();
}
