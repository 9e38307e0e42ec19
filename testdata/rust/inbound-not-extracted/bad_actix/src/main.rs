use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use actix_web::{get, web, App, HttpServer};

fn init_tracing() -> SdkTracerProvider {
    let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .build();
    global::set_tracer_provider(provider.clone());
    global::set_text_map_propagator(TraceContextPropagator::new());
    provider
}

#[get("/items")] // expect: inbound-not-extracted
async fn list() -> &'static str {
    "[]"
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let provider = init_tracing();
    HttpServer::new(|| App::new().service(list))
        .bind(("0.0.0.0", 8080))?
        .run()
        .await?;
    provider.shutdown().ok();
    Ok(())
}
