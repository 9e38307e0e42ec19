"""The injected headers reach the request through the session they are merged into."""
import requests
from flask import Flask
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.propagate import inject
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)
session = requests.Session()


@app.route("/checkout")
def checkout():
    headers = {}
    inject(headers)
    session.headers.update(headers)
    return session.get("http://rates:8080/usd").text
