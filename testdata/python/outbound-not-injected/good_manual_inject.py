"""Headers injected by hand."""
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
    return requests.get("http://rates:8080/usd", headers=headers).text
