"""Instrumented by the OpenTelemetry Operator (k8s/deployment.yaml injects Python
auto-instrumentation into the pod running this image): Flask is instrumented at start-up."""
from flask import Flask
from opentelemetry import trace

tracer = trace.get_tracer(__name__)
app = Flask(__name__)


@app.route("/orders")
def orders():
    with tracer.start_as_current_span("load-orders"):
        return "[]"
