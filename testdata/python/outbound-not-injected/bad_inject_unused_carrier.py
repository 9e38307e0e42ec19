"""The handler injects into a headers dict, then sends the request without it."""
import requests
from flask import Flask
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.propagate import inject
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)


@app.route("/checkout")
def checkout():
    headers = {}
    inject(headers)
    return requests.get("http://rates:8080/usd").text  # expect: outbound-not-injected
