"""Suppressions that each cover a finding, with a reason."""
from opentelemetry import trace

tracer = trace.get_tracer(__name__)


def audit(entry):
    # tracewire: ignore[span-not-ended] the pool ends audit spans
    tracer.start_span("audit")
    tracer.start_span("audit2")  # tracewire: ignore[span-not-ended] same line works too
