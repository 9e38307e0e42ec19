use axum::{routing::get, Router};

// The guard flushes the provider when it drops at the end of main, but axum::serve runs until
// the process is killed: the drop never runs.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let _guard = init_tracing_opentelemetry::TracingConfig::production().init_subscriber()?; // expect: provider-not-shutdown
    // A span's guard is not a provider's.
    let span = tracing::info_span!("startup");
    let _entered = span.enter();
    let app = Router::new().route("/health", get(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    axum::serve(listener, app).await?;
    Ok(())
}
