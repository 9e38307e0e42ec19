use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;

fn init_tracing() -> SdkTracerProvider {
    let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .build();
    global::set_tracer_provider(provider.clone());
    global::set_text_map_propagator(TraceContextPropagator::new());
    provider
}

async fn fetch_config() -> String {
    reqwest::get("http://config:8080/settings").await.unwrap().text().await.unwrap()
}

// Start-up work: no trace is in flight, so there is nothing to propagate.
#[tokio::main]
async fn main() {
    let provider = init_tracing();
    let client = reqwest::Client::new();
    let _ = client.get("http://registry:8080/register").send().await;
    println!("{}", fetch_config().await);
    provider.shutdown().ok();
}
