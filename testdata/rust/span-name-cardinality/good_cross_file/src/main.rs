// Span names from constants in another file, an enum, the request method: all bounded.
mod names;

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

use names::{Op, LOAD_PATH, order_id, request_url};

struct Request {
    method: http::Method,
}

impl Request {
    fn method(&self) -> &http::Method {
        &self.method
    }
}

fn from_constants() {
    let tracer = global::tracer("orders");
    let _a = tracer.start(order_id);
    println!("work");
}

fn from_template() {
    let tracer = global::tracer("orders");
    let _b = tracer.start(format!("{} {}", request_url, LOAD_PATH));
    println!("work");
}

fn from_enum(op: Op) {
    let tracer = global::tracer("orders");
    let _c = tracer.start(format!("order {}", op.as_str()));
    println!("work");
}

fn from_method(req: &Request) {
    let tracer = global::tracer("orders");
    let _d = tracer.start(format!("{} /orders/{{id}}", req.method().as_str()));
    println!("work");
}

fn from_inline_method(method: &str) {
    let tracer = global::tracer("orders");
    let _e = tracer.start(format!("{method} /orders"));
    println!("work");
}

fn from_topic(topic: &str) {
    let tracer = global::tracer("orders");
    tracer.in_span(format!("{topic} process"), |_cx| println!("work"));
}

fn main() {
    let provider = init_tracing();
    from_constants();
    from_template();
    from_enum(Op::Load);
    from_enum(Op::Save);
    from_method(&Request { method: http::Method::GET });
    from_inline_method("GET");
    from_topic("orders");
    provider.shutdown().ok();
}
