"""Metrics and tracing in one service: it traces, and its Flask routes extract nothing."""
from flask import Flask
from opentelemetry import metrics, trace
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
tracer = trace.get_tracer(__name__)
meter = metrics.get_meter(__name__)
app = Flask(__name__)


@app.route("/todos")  # expect: inbound-not-extracted
def todos():
    with tracer.start_as_current_span("load-todos"):
        return "[]"
