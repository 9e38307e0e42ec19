"""Flask routes whose path is computed from a prefix are routes too: never instrumented, each
request starts a new trace."""
import os

from flask import Flask
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
tracer = trace.get_tracer(__name__)
app = Flask(__name__)
PREFIX = os.environ.get("API_PREFIX", "/api")


@app.route(PREFIX + "/orders")  # expect: inbound-not-extracted
def orders():
    with tracer.start_as_current_span("load-orders"):
        return "[]"


@app.get(f"{PREFIX}/orders/<int:order_id>")
def order(order_id):
    with tracer.start_as_current_span("load-order"):
        return "{}"
