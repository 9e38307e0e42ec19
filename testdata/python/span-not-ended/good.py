"""Spans that end by construction, end in `finally`, or are handed to the caller."""
from opentelemetry import trace

tracer = trace.get_tracer(__name__)


def with_block(order_id):
    with tracer.start_as_current_span("with-block") as span:
        span.set_attribute("order", order_id)
        if not order_id:
            return None
        return order_id


@tracer.start_as_current_span("decorated")
def decorated(order_id):
    return order_id


def ended_in_finally(order_id):
    span = tracer.start_span("finally")
    try:
        if not order_id:
            return None
        return save(order_id)
    finally:
        span.end()


def ended_on_every_path(order_id):
    span = tracer.start_span("every-path")
    if not order_id:
        span.end()
        return None
    save(order_id)
    span.end()
    return order_id


def handed_to_caller(name):
    span = tracer.start_span(name)
    span.set_attribute("component", "orders")
    return span


def stored_on_self(self):
    self.span = tracer.start_span("stored")


def use_span_ends(order_id):
    span = tracer.start_span("use-span")
    with trace.use_span(span, end_on_exit=True):
        if not order_id:
            return None
        return save(order_id)


def span_as_context_manager():
    with tracer.start_span("managed"):
        save(1)


def ended_in_callback(future):
    span = tracer.start_span("callback")
    future.add_done_callback(lambda _: span.end())


def save(x):
    return x
