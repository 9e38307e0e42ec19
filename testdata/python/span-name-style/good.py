"""No clear majority, one-word names, server spans and computed names are not judged."""
from opentelemetry import trace
from opentelemetry.trace import SpanKind

tracer = trace.get_tracer(__name__)


def work(step):
    with tracer.start_as_current_span("load_order"):
        pass
    with tracer.start_as_current_span("price_order"):
        pass
    with tracer.start_as_current_span("shipOrder"):
        pass
    with tracer.start_as_current_span("notifyCustomer"):
        pass
    with tracer.start_as_current_span("close_order"):
        pass
    with tracer.start_as_current_span("audit"):
        pass
    with tracer.start_as_current_span(f"step{step}"):
        pass
    with tracer.start_as_current_span("GET /orders", kind=SpanKind.SERVER):
        pass
