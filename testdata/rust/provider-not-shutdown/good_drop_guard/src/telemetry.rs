use opentelemetry::global;
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;

/// Keeps the provider; shuts it down when dropped at the end of `main`.
pub struct Telemetry {
    provider: SdkTracerProvider,
}

impl Telemetry {
    pub fn init() -> Telemetry {
        let exporter = SpanExporter::builder().with_tonic().build().expect("exporter");
        let provider = SdkTracerProvider::builder()
            .with_batch_exporter(exporter)
            .build();
        global::set_tracer_provider(provider.clone());
        global::set_text_map_propagator(TraceContextPropagator::new());
        Telemetry { provider }
    }
}

impl Drop for Telemetry {
    fn drop(&mut self) {
        let _ = self.provider.shutdown();
    }
}
