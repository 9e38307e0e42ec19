use axum::{routing::get, Router};
use std::net::SocketAddr;

async fn user() -> &'static str {
    "ada"
}

#[tokio::main]
async fn main() {
    let app = Router::new().route("/users/{id}", get(user)); // expect: inbound-not-extracted
    let addr = SocketAddr::from(([0, 0, 0, 0], 8081));
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
