"""Suppressions that cover nothing, or name no rule tracewire has."""
from opentelemetry import trace

tracer = trace.get_tracer(__name__)


def place(order_id):
    # tracewire: ignore[span-not-ended] ended by the pool  # expect: unused-suppression
    with tracer.start_as_current_span("place"):
        save(order_id)


def audit(entry):
    # tracewire: ignore[span-not-endd] typo  # expect: unused-suppression
    tracer.start_span("audit")  # expect: span-not-ended
