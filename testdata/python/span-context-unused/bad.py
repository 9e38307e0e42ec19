"""A span started with start_span is never made current: work below it runs under its parent."""
import requests
from opentelemetry import trace
from opentelemetry.instrumentation.requests import RequestsInstrumentor

RequestsInstrumentor().instrument()
tracer = trace.get_tracer(__name__)


def checkout(cart):
    span = tracer.start_span("checkout")  # expect: span-context-unused
    try:
        with tracer.start_as_current_span("reserve"):
            reserve(cart)
        requests.post("http://payments/charge", json=cart)
    finally:
        span.end()


def ship(order):
    with tracer.start_span("ship") as span:  # expect: span-context-unused
        span.set_attribute("order", order)
        requests.post("http://shipping/ship", json=order)


def reserve(cart):
    return cart
