"""Span names built from values that vary per request."""
import uuid

from opentelemetry import trace
from opentelemetry.trace import SpanKind

tracer = trace.get_tracer(__name__)


def by_path(request):
    with tracer.start_as_current_span(f"GET {request.path}", kind=SpanKind.SERVER):  # expect: span-name-cardinality
        return None


def by_order(order_id):
    with tracer.start_as_current_span("load order %s" % order_id):  # expect: span-name-cardinality
        return None


def by_user(user_email):
    with tracer.start_as_current_span("notify {}".format(user_email)):  # expect: span-name-cardinality
        return None


def by_run():
    with tracer.start_as_current_span("run " + str(uuid.uuid4())):  # expect: span-name-cardinality
        return None
