use axum_tracing_opentelemetry::middleware::OtelAxumLayer;

pub fn trace_layer() -> OtelAxumLayer {
    OtelAxumLayer::default()
}
