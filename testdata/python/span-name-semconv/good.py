"""Conventional names, and spans without a kind."""
from opentelemetry import trace
from opentelemetry.trace import SpanKind

tracer = trace.get_tracer(__name__)

PROCESS = "process orders"


def serve():
    with tracer.start_as_current_span("GET /orders/{id}", kind=SpanKind.SERVER):
        call()


def call():
    with tracer.start_as_current_span("POST", kind=SpanKind.CLIENT):
        pass
    with tracer.start_as_current_span(PROCESS, kind=SpanKind.CONSUMER):
        pass
    with tracer.start_as_current_span("/orders"):
        pass
