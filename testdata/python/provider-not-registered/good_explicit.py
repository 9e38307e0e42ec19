"""The provider is used explicitly: its tracers come from it."""
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import ConsoleSpanExporter, SimpleSpanProcessor

provider = TracerProvider()
provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
tracer = provider.get_tracer(__name__)

if __name__ == "__main__":
    with tracer.start_as_current_span("job"):
        pass
