"""Tokens detached in `finally`, handed to middleware, or attached once at start-up."""
from opentelemetry import baggage, context, trace
from opentelemetry.propagate import extract

tracer = trace.get_tracer(__name__)

# Set for the life of the process.
context.attach(baggage.set_baggage("deployment", "blue"))


def handle(headers, body):
    token = context.attach(extract(headers))
    try:
        if not body:
            return None
        with tracer.start_as_current_span("handle"):
            return process(body)
    finally:
        context.detach(token)


def before_request(environ):
    environ["otel.token"] = context.attach(extract(environ))


def start(headers):
    token = context.attach(extract(headers))
    return token


def process(x):
    return x
