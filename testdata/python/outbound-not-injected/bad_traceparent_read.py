"""The handler reads the caller's traceparent (with a default) but sends none."""
import logging

import requests
from flask import Flask, request
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)


@app.route("/checkout")
def checkout():
    logging.info("caller %s", request.headers.get("traceparent", ""))
    return requests.get("http://rates:8080/usd").text  # expect: outbound-not-injected
