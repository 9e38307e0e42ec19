"""A Flask app whose before_request hook extracts the caller's context for every route."""
from flask import Flask, g, request
from opentelemetry import context, trace
from opentelemetry.propagate import extract
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
tracer = trace.get_tracer(__name__)
app = Flask(__name__)


@app.before_request
def attach_context_with_trace_header():
    g.otel_token = context.attach(extract(request.headers))


@app.teardown_request
def detach_context(exc):
    context.detach(g.otel_token)


@app.route("/orders")
def orders():
    with tracer.start_as_current_span("load-orders", kind=trace.SpanKind.SERVER):
        return "[]"
