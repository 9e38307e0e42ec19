"""A suppression that does not say why."""
from opentelemetry import trace

tracer = trace.get_tracer(__name__)


def audit(entry):
    tracer.start_span("audit")  # tracewire: ignore[span-not-ended]  # expect: suppression-without-reason
