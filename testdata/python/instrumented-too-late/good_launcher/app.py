"""Redundant instrument() after the app, but the launcher patched Flask before import."""
from flask import Flask
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
app = Flask(__name__)
FlaskInstrumentor().instrument()


@app.route("/orders")
def orders():
    return "[]"
