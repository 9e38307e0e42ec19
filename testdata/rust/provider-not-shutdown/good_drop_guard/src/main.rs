mod telemetry;

use opentelemetry::global;
use opentelemetry::trace::Tracer;

fn main() {
    let _telemetry = telemetry::Telemetry::init();
    global::tracer("jobs").in_span("run", |_cx| println!("done"));
}
