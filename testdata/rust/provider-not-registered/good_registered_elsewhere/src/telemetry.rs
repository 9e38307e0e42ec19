use opentelemetry::global;
use opentelemetry_sdk::trace::SdkTracerProvider;

pub fn init() -> SdkTracerProvider {
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(opentelemetry_stdout::SpanExporter::default())
        .build();
    register(&provider);
    provider
}

fn register(provider: &SdkTracerProvider) {
    global::set_tracer_provider(provider.clone());
}
