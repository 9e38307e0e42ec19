"""The request's headers come from a helper of the same file that injects the context."""
import requests
from flask import Flask
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.propagate import inject
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)


def traced_headers():
    headers = {}
    inject(headers)
    return headers


def with_trace(headers):
    headers.update(traced_headers())
    return headers


@app.route("/cart")
def cart():
    return requests.get("http://pricing:8080/prices", headers=with_trace({})).text
