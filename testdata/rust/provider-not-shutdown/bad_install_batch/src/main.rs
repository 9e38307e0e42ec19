use opentelemetry::global;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use tracing_subscriber::layer::SubscriberExt;

// `install_batch` installs a batching provider globally and returns only a tracer: nothing
// shuts the provider down, so the last batch is lost at exit.
#[tokio::main]
async fn main() {
    global::set_text_map_propagator(TraceContextPropagator::new());
    let tracer = opentelemetry_otlp::new_pipeline()
        .tracing()
        .with_exporter(opentelemetry_otlp::new_exporter().tonic())
        .install_batch(opentelemetry_sdk::runtime::Tokio) // expect: provider-not-shutdown
        .unwrap();
    let subscriber = tracing_subscriber::registry().with(tracing_opentelemetry::layer().with_tracer(tracer));
    tracing::subscriber::set_global_default(subscriber).unwrap();
    tracing::info_span!("run").in_scope(|| println!("done"));
}
