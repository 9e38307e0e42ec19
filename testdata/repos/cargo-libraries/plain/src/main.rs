use axum::{routing::get, Router};

async fn list() -> &'static str {
    "[]"
}

#[tokio::main]
async fn main() {
    let app = Router::new().route("/items", get(list)); // expect: inbound-not-extracted
    let listener = tokio::net::TcpListener::bind(("0.0.0.0", 3001)).await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
