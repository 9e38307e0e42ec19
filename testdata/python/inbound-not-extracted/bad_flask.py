"""A traced Flask service whose routes are never instrumented: each request starts a new trace."""
from flask import Flask
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
tracer = trace.get_tracer(__name__)
app = Flask(__name__)


@app.route("/orders")  # expect: inbound-not-extracted
def orders():
    with tracer.start_as_current_span("load-orders"):
        return "[]"


@app.post("/orders")
def create_order():
    with tracer.start_as_current_span("create-order"):
        return "ok"


@app.get("/healthz")
def healthz():
    return "ok"
