"""Instruments the HTTP client process-wide."""
from opentelemetry import trace
from opentelemetry.instrumentation.requests import RequestsInstrumentor
from opentelemetry.sdk.trace import TracerProvider


def init():
    trace.set_tracer_provider(TracerProvider())
    RequestsInstrumentor().instrument()
