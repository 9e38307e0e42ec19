from opentelemetry import trace

tracer = trace.get_tracer("cart")


def work():
    with tracer.start_as_current_span("loadCart"):  # expect: span-name-style
        pass
    with tracer.start_as_current_span("price_cart"):
        pass
