"""Spans started by hand that leak on some path, or are thrown away."""
from opentelemetry import trace

tracer = trace.get_tracer(__name__)


def place(order_id):
    span = tracer.start_span("place")  # expect: span-not-ended
    if not order_id:
        return None
    save(order_id)
    span.end()
    return order_id


def charge(amount):
    span = tracer.start_span("charge")  # expect: span-not-ended
    try:
        pay(amount)
        span.end()
    except ValueError:
        raise


def audit(entry):
    tracer.start_span("audit")  # expect: span-not-ended
    save(entry)


def refund(amount):
    span = tracer.start_span("refund")  # expect: span-not-ended
    if amount > 100:
        span.set_attribute("large", True)
    pay(-amount)


def save(x):
    pass


def pay(x):
    pass
