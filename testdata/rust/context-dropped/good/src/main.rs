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
    let _span = tracer.start_with_context("charge", &Context::current());
    "ok"
}

// Start-up work in `main` has no request context to lose.
fn warm_up() {
    let tracer = global::tracer("checkout");
    let _span = tracer.start_with_context("warm-up", &Context::new());
}

fn app() -> Router {
    Router::new()
        .route("/checkout", get(checkout))
        .layer(OtelAxumLayer::default())
}

#[tokio::main]
async fn main() {
    let provider = init_tracing();
    warm_up();
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app())
        .with_graceful_shutdown(async {
            let mut terminate =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).unwrap();
            terminate.recv().await;
        })
        .await
        .unwrap();
    provider.shutdown().ok();
}
