"""The request's headers come from a helper that only adds authentication: no trace context."""
import os

import requests
from flask import Flask
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.propagate import inject
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)


def with_auth(headers):
    headers["Authorization"] = "Bearer " + os.environ["TOKEN"]
    return headers


def traced(headers):
    inject(headers)
    return headers


@app.route("/cart")
def cart():
    return requests.get("http://pricing:8080/prices", headers=with_auth({})).text  # expect: outbound-not-injected
