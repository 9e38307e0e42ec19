use opentelemetry::{global, propagation::Extractor};
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::TracerProvider;
use tonic::transport::Server;
use tonic::{Request, Response, Status};
use tracing_opentelemetry::OpenTelemetrySpanExt;

pub mod hello {
    tonic::include_proto!("hello");
}

use hello::greeter_server::{Greeter, GreeterServer};
use hello::{HelloReply, HelloRequest};

struct Metadata<'a>(&'a tonic::metadata::MetadataMap);

impl Extractor for Metadata<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }

    fn keys(&self) -> Vec<&str> {
        Vec::new()
    }
}

#[derive(Default)]
struct Hello;

#[tonic::async_trait]
impl Greeter for Hello {
    #[tracing::instrument(skip(self, request))]
    async fn say_hello(&self, request: Request<HelloRequest>) -> Result<Response<HelloReply>, Status> {
        let parent = global::get_text_map_propagator(|p| p.extract(&Metadata(request.metadata())));
        tracing::Span::current().set_parent(parent);
        Ok(Response::new(HelloReply { message: "hi".into() }))
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    global::set_text_map_propagator(TraceContextPropagator::new());
    let provider = TracerProvider::builder().build();
    global::set_tracer_provider(provider.clone());
    Server::builder()
        .add_service(GreeterServer::new(Hello))
        .serve_with_shutdown("[::1]:50051".parse()?, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    provider.shutdown()?;
    Ok(())
}
