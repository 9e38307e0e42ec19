"""Clients instrumented once at start-up; a client built per request is still covered."""
import httpx
import requests
from flask import Flask
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.instrumentation.requests import RequestsInstrumentor
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
RequestsInstrumentor().instrument()
HTTPXClientInstrumentor().instrument()
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)
session = requests.Session()


@app.route("/checkout")
def checkout():
    with httpx.Client() as client:
        client.post("http://payments:8080/charge", json={})
    session.get("http://rates:8080/eur")
    return requests.get("http://rates:8080/usd").text
