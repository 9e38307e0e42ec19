mod telemetry;

use opentelemetry::global;
use opentelemetry::trace::Tracer;

// Before 0.28: the provider registered in `telemetry` is shut down through the global.
fn main() {
    telemetry::init();
    global::tracer("jobs").in_span("run", |_cx| println!("done"));
    global::shutdown_tracer_provider();
}
