"""Internal span names are snake_case, except two."""
from opentelemetry import trace

tracer = trace.get_tracer(__name__)

SHIP = "ship_order"


def work():
    with tracer.start_as_current_span("load_order"):
        pass
    with tracer.start_as_current_span("price_order"):
        pass
    with tracer.start_as_current_span(SHIP):
        pass
    with tracer.start_as_current_span("notify_customer"):
        pass
    with tracer.start_as_current_span("close_order"):
        pass
    with tracer.start_as_current_span("chargeCard"):  # expect: span-name-style
        pass


@tracer.start_as_current_span("audit-order")  # expect: span-name-style
def audit():
    pass
