use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
mod service;

use proto::cart_service_server::CartServiceServer;
use tonic::transport::Server;

mod proto {
    tonic::include_proto!("cart");
}

fn init_tracing() -> SdkTracerProvider {
    let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .build();
    global::set_tracer_provider(provider.clone());
    global::set_text_map_propagator(TraceContextPropagator::new());
    provider
}

#[tokio::main]
async fn main() {
    let provider = init_tracing();
    Server::builder()
        .add_service(CartServiceServer::new(service::Cart))
        .serve("0.0.0.0:7070".parse().unwrap())
        .await
        .unwrap();
    provider.shutdown().ok(); // expect: provider-not-shutdown
}
