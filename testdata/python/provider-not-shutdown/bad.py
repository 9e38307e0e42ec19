"""The exit hook is switched off and nothing shuts the provider down."""
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor


def setup_tracing():
    provider = TracerProvider(shutdown_on_exit=False)  # expect: provider-not-shutdown
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)


if __name__ == "__main__":
    setup_tracing()
    with trace.get_tracer(__name__).start_as_current_span("job"):
        pass
