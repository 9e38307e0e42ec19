use axum::{routing::get, Router};

async fn list() -> &'static str {
    "[]"
}

#[tokio::main]
async fn main() {
    let provider = telemetry::init();
    let app = Router::new()
        .route("/items", get(list))
        .layer(telemetry::trace_layer());
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app).await.unwrap();
    provider.shutdown().ok(); // expect: provider-not-shutdown
}
