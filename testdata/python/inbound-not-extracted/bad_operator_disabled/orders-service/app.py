"""The deployment switches the Operator's Python injection off: nothing instruments Flask."""
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
