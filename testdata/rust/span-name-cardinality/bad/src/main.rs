// Span names built from values that vary per request.
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

struct Request {
    uri: http::Uri,
}

impl Request {
    fn uri(&self) -> &http::Uri {
        &self.uri
    }
}

fn by_path(req: &Request) {
    let tracer = global::tracer("orders");
    let _span = tracer.start(format!("GET {}", req.uri().path())); // expect: span-name-cardinality
    println!("work");
}

fn by_id(order_id: u64) {
    let tracer = global::tracer("orders");
    let _span = tracer.start(format!("load order {order_id}")); // expect: span-name-cardinality
    println!("work");
}

fn by_named_arg(user_name: &str) {
    let tracer = global::tracer("orders");
    let _span = tracer.start(format!("greet {who}", who = user_name)); // expect: span-name-cardinality
    println!("work");
}

fn by_builder(url: &str) {
    let tracer = global::tracer("orders");
    let _span = tracer
        .span_builder(String::from("fetch ") + url) // expect: span-name-cardinality
        .with_kind(SpanKind::Client)
        .start(&tracer);
    println!("work");
}

fn by_in_span(session_id: String) {
    let tracer = global::tracer("orders");
    tracer.in_span(session_id.clone(), |_cx| println!("work")); // expect: span-name-cardinality
}

fn main() {
    let provider = init_tracing();
    by_path(&Request { uri: http::Uri::from_static("/x") });
    by_id(1);
    by_named_arg("a");
    by_builder("http://x");
    by_in_span("s".to_string());
    provider.shutdown().ok();
}
