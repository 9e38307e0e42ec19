use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use axum::{routing::get, Router};
use opentelemetry_http::HeaderExtractor;
use tower_http::trace::TraceLayer;
use tracing_opentelemetry::OpenTelemetrySpanExt;

fn init_tracing() -> SdkTracerProvider {
    let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .build();
    global::set_tracer_provider(provider.clone());
    global::set_text_map_propagator(TraceContextPropagator::new());
    provider
}

async fn list() -> &'static str {
    "[]"
}

// TraceLayer whose span maker extracts the caller's context.
fn app() -> Router {
    Router::new()
        .route("/items", get(list))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
            let parent = global::get_text_map_propagator(|p| p.extract(&HeaderExtractor(req.headers())));
            let span = tracing::info_span!("request", uri = %req.uri());
            let _ = span.set_parent(parent);
            span
        }))
}

#[tokio::main]
async fn main() {
    let provider = init_tracing();
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app()).await.unwrap();
    provider.shutdown().ok(); // expect: provider-not-shutdown
}
