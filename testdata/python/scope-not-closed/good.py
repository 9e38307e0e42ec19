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


def guarded_detach(headers, hook):
    token = context.attach(extract(headers))
    try:
        hook()
    except Exception:
        pass
    if token:
        context.detach(token)


def detach_first(headers, hook):
    token = context.attach(extract(headers))
    try:
        context.detach(token)
        hook()
    except Exception:
        pass


def set_labels(labels):
    # A value-only context set for the rest of the current context, on purpose.
    context.attach(context.set_value("labels", labels))


def start_with_token(headers):
    token = context.attach(extract(headers))
    span = tracer.start_span("server")
    return span, token
