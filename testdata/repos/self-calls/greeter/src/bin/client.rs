use opentelemetry::{global, propagation::Injector};
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::TracerProvider;
use tracing_opentelemetry::OpenTelemetrySpanExt;

pub mod hello {
    tonic::include_proto!("hello");
}

use hello::greeter_client::GreeterClient;
use hello::HelloRequest;

struct Metadata<'a>(&'a mut tonic::metadata::MetadataMap);

impl Injector for Metadata<'_> {
    fn set(&mut self, key: &str, value: String) {
        if let (Ok(k), Ok(v)) = (
            tonic::metadata::MetadataKey::from_bytes(key.as_bytes()),
            value.parse(),
        ) {
            self.0.insert(k, v);
        }
    }
}

#[tracing::instrument]
async fn greet() -> Result<(), Box<dyn std::error::Error>> {
    let mut client = GreeterClient::connect("http://[::1]:50051").await?;
    let mut request = tonic::Request::new(HelloRequest { name: "you".into() });
    global::get_text_map_propagator(|p| {
        p.inject_context(&tracing::Span::current().context(), &mut Metadata(request.metadata_mut()))
    });
    client.say_hello(request).await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    global::set_text_map_propagator(TraceContextPropagator::new());
    let provider = TracerProvider::builder().build();
    global::set_tracer_provider(provider.clone());
    greet().await?;
    provider.shutdown()?;
    Ok(())
}
