use axum::{routing::get, Router};
use axum_tracing_opentelemetry::middleware::OtelAxumLayer;

async fn list() -> &'static str {
    "[]"
}

// init-tracing-opentelemetry sets the provider and the propagators of OTEL_PROPAGATORS.
#[tokio::main]
async fn main() {
    let _guard = init_tracing_opentelemetry::tracing_subscriber_ext::init_subscribers().unwrap();
    let app = Router::new()
        .route("/items", get(list))
        .layer(OtelAxumLayer::default());
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    // Stopping on SIGTERM lets main return and the guard flush the provider.
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let kind = tokio::signal::unix::SignalKind::terminate();
            tokio::signal::unix::signal(kind).unwrap().recv().await;
        })
        .await
        .unwrap();
}
