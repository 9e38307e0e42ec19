"""Request handlers that start spans from a fresh root instead of the request's context."""
from flask import Flask
from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)
tracer = trace.get_tracer(__name__)


@app.route("/orders")
def orders():
    with tracer.start_as_current_span("load-orders", context=Context()):  # expect: context-dropped
        return "[]"


@app.route("/refunds", methods=["POST"])
def refunds():
    root = trace.set_span_in_context(trace.INVALID_SPAN)  # expect: context-dropped
    span = tracer.start_span("refund", context=root)
    span.end()
    return "ok"
