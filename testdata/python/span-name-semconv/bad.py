"""Server, client and messaging spans whose names contradict the conventions."""
from opentelemetry import trace
from opentelemetry.trace import SpanKind

tracer = trace.get_tracer(__name__)


def serve():
    with tracer.start_as_current_span("/orders", kind=SpanKind.SERVER):  # expect: span-name-semconv
        call()


def call():
    with tracer.start_as_current_span("HTTP POST", kind=SpanKind.CLIENT):  # expect: span-name-semconv
        pass
    with tracer.start_as_current_span("orders send", kind=SpanKind.PRODUCER):  # expect: span-name-semconv
        pass
