"""A suppression that says why."""
from opentelemetry import trace

tracer = trace.get_tracer(__name__)


def audit(entry):
    tracer.start_span("audit")  # tracewire: ignore[span-not-ended] ended by the audit pool
