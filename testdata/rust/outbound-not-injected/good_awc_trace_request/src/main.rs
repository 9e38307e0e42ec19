use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use actix_web::{web, App, HttpServer};
use opentelemetry_instrumentation_actix_web::{ClientExt, RequestTracing};

fn init_tracing() -> SdkTracerProvider {
    let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .build();
    global::set_tracer_provider(provider.clone());
    global::set_text_map_propagator(TraceContextPropagator::new());
    provider
}

async fn checkout() -> String {
    let client = awc::Client::new();
    let mut cart = client.get("http://cart:8080/cart").trace_request().send().await.unwrap();
    String::from_utf8_lossy(&cart.body().await.unwrap()).into_owned()
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let provider = init_tracing();
    HttpServer::new(|| App::new().wrap(RequestTracing::new()).route("/checkout", web::get().to(checkout)))
        .bind(("0.0.0.0", 8080))?
        .run()
        .await?;
    provider.shutdown().ok();
    Ok(())
}
