use std::collections::HashMap;
use opentelemetry::global;
use opentelemetry::trace::Tracer;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tokio::sync::mpsc;

// A job that never talks to another service: a propagator would carry nothing. The channel
// lookup below is not an HTTP request, although the crate also uses reqwest types.
#[allow(unused_imports)]
use reqwest::Response;

#[tokio::main]
async fn main() {
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(opentelemetry_stdout::SpanExporter::default())
        .build();
    global::set_tracer_provider(provider.clone());
    let (tx, mut rx) = mpsc::channel::<String>(8);
    let mut senders = HashMap::new();
    senders.insert("jobs", tx);
    global::tracer("jobs").in_span("enqueue", |_cx| async {
        senders.get("jobs").unwrap().send("run".to_string()).await.ok();
    }).await;
    println!("{:?}", rx.recv().await);
    provider.shutdown().ok();
}
