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
use opentelemetry::propagation::Injector;
use opentelemetry::Context;
use proto::cart_service_client::CartServiceClient;
use tonic::transport::Channel;

mod proto {
    tonic::include_proto!("cart");
}

struct MetadataMap<'a>(&'a mut tonic::metadata::MetadataMap);

impl Injector for MetadataMap<'_> {
    fn set(&mut self, key: &str, value: String) {
        if let (Ok(k), Ok(v)) = (
            tonic::metadata::MetadataKey::from_bytes(key.as_bytes()),
            tonic::metadata::MetadataValue::try_from(&value),
        ) {
            self.0.insert(k, v);
        }
    }
}

fn inject(mut req: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
    global::get_text_map_propagator(|p| {
        p.inject_context(&Context::current(), &mut MetadataMap(req.metadata_mut()))
    });
    Ok(req)
}

async fn checkout() -> String {
    let channel = Channel::from_static("http://cart:7070").connect().await.unwrap();
    let mut cart = CartServiceClient::with_interceptor(channel, inject);
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
