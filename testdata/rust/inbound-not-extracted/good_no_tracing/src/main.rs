use axum::{routing::get, Router};

// A service that does not trace at all, and that no traced service calls.
async fn list() -> &'static str {
    "[]"
}

#[tokio::main]
async fn main() {
    let app = Router::new().route("/items", get(list));
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
