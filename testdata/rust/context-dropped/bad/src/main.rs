use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use axum::{routing::get, Router};
use axum_tracing_opentelemetry::middleware::OtelAxumLayer;
use opentelemetry::trace::Tracer;
use opentelemetry::Context;

fn init_tracing() -> SdkTracerProvider {
    let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .build();
    global::set_tracer_provider(provider.clone());
    global::set_text_map_propagator(TraceContextPropagator::new());
    provider
}

async fn checkout() -> &'static str {
    let tracer = global::tracer("checkout");
    let _span = tracer.start_with_context("charge", &Context::new()); // expect: context-dropped
    let root = Context::default(); // expect: context-dropped
    let _other = tracer.start_with_context("reserve", &root);
    "ok"
}

fn app() -> Router {
    Router::new()
        .route("/checkout", get(checkout))
        .layer(OtelAxumLayer::default())
}

#[tokio::main]
async fn main() {
    let provider = init_tracing();
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app()).await.unwrap();
    provider.shutdown().ok(); // expect: provider-not-shutdown
}
