use axum::{routing::get, Router};

// The guard comes from the workspace's telemetry crate (`telemetry = { workspace = true }`,
// a path dependency); axum::serve runs until the process is killed, so it never drops.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let _guard = telemetry::init_tracing(); // expect: provider-not-shutdown
    let app = Router::new().route("/health", get(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    axum::serve(listener, app).await?;
    Ok(())
}
