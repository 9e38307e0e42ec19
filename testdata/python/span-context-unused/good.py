"""Spans made current, passed as parent, or leaves with nothing below them."""
import requests
from opentelemetry import trace
from opentelemetry.instrumentation.requests import RequestsInstrumentor

RequestsInstrumentor().instrument()
tracer = trace.get_tracer(__name__)


def made_current(cart):
    span = tracer.start_span("checkout")
    with trace.use_span(span, end_on_exit=True):
        requests.post("http://payments/charge", json=cart)


def explicit_parent(cart):
    span = tracer.start_span("checkout")
    ctx = trace.set_span_in_context(span)
    try:
        with tracer.start_as_current_span("reserve", context=ctx):
            reserve(cart)
    finally:
        span.end()


def leaf(cart):
    span = tracer.start_span("validate")
    valid = bool(cart)
    span.end()
    requests.post("http://audit/log", json=cart)
    return valid


def current(cart):
    with tracer.start_as_current_span("checkout"):
        requests.post("http://payments/charge", json=cart)


def reserve(cart):
    return cart
