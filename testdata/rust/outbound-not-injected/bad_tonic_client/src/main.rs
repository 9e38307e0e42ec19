use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use axum::{routing::get, Router};
use axum_tracing_opentelemetry::middleware::OtelAxumLayer;

fn init_tracing() -> SdkTracerProvider {
    let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .build();
    global::set_tracer_provider(provider.clone());
    global::set_text_map_propagator(TraceContextPropagator::new());
    provider
}
use proto::cart_service_client::CartServiceClient;

mod proto {
    tonic::include_proto!("cart");
}

async fn checkout() -> String {
    let mut cart = CartServiceClient::connect("http://cart:7070").await.unwrap(); // expect: outbound-not-injected
    let reply = cart.get_cart(proto::GetCartRequest::default()).await.unwrap();
    format!("{:?}", reply.into_inner())
}

fn app() -> Router {
    Router::new()
        .route("/checkout", get(checkout))
        .layer(OtelAxumLayer::default())
}

#[tokio::main]
async fn main() {
    let provider = init_tracing();
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app()).await.unwrap();
    provider.shutdown().ok(); // expect: provider-not-shutdown
}
