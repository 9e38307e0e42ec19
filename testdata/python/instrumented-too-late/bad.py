"""The app is built before the instrumentor patches Flask: it stays uninstrumented."""
from flask import Flask
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
app = Flask(__name__)
FlaskInstrumentor().instrument()  # expect: instrumented-too-late


@app.route("/orders")
def orders():
    return "[]"
