mod telemetry;

use axum::{routing::get, Router};
use axum_tracing_opentelemetry::middleware::OtelAxumLayer;

async fn list() -> &'static str {
    "[]"
}

#[tokio::main]
async fn main() {
    let provider = telemetry::init();
    let app = Router::new()
        .route("/items", get(list))
        .layer(OtelAxumLayer::default());
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app).await.unwrap();
    provider.shutdown().ok(); // expect: provider-not-shutdown
}
