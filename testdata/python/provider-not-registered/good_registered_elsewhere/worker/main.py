"""The entry point registers the provider built in telemetry.py."""
from opentelemetry import trace

from worker.telemetry import build_provider

trace.set_tracer_provider(build_provider())
tracer = trace.get_tracer(__name__)

if __name__ == "__main__":
    with tracer.start_as_current_span("job"):
        pass
