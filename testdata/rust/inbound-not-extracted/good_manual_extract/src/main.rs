use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use axum::{http::HeaderMap, routing::{get, post}, Router};
use opentelemetry::trace::Tracer;
use opentelemetry_http::HeaderExtractor;

fn init_tracing() -> SdkTracerProvider {
    let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .build();
    global::set_tracer_provider(provider.clone());
    global::set_text_map_propagator(TraceContextPropagator::new());
    provider
}

async fn list(headers: HeaderMap) -> &'static str {
    let parent = global::get_text_map_propagator(|p| p.extract(&HeaderExtractor(&headers)));
    let _span = global::tracer("items").start_with_context("GET /items", &parent);
    "[]"
}

async fn create(headers: HeaderMap) -> &'static str {
    let parent = extract_parent(&headers);
    let _span = global::tracer("items").start_with_context("POST /items", &parent);
    "{}"
}

fn extract_parent(headers: &HeaderMap) -> opentelemetry::Context {
    global::get_text_map_propagator(|propagator| propagator.extract(&HeaderExtractor(headers)))
}

fn app() -> Router {
    Router::new()
        .route("/items", get(list))
        .route("/items/new", post(create))
}

#[tokio::main]
async fn main() {
    let provider = init_tracing();
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app()).await.unwrap();
    provider.shutdown().ok(); // expect: provider-not-shutdown
}
