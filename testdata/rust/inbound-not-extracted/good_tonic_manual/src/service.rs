use crate::proto::{self, cart_service_server::CartService};
use opentelemetry::global;
use opentelemetry::propagation::Extractor;
use opentelemetry::trace::Tracer;

struct MetadataMap<'a>(&'a tonic::metadata::MetadataMap);

impl Extractor for MetadataMap<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }
    fn keys(&self) -> Vec<&str> {
        Vec::new()
    }
}

pub struct Cart;

// The service extracts the caller's context from the request metadata by hand.
#[tonic::async_trait]
impl CartService for Cart {
    async fn get_cart(
        &self,
        request: tonic::Request<proto::GetCartRequest>,
    ) -> Result<tonic::Response<proto::Cart>, tonic::Status> {
        let parent = global::get_text_map_propagator(|p| p.extract(&MetadataMap(request.metadata())));
        let _span = global::tracer("cart").start_with_context("GetCart", &parent);
        Ok(tonic::Response::new(proto::Cart::default()))
    }
}
