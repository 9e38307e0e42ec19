"""A traceparent header written by hand from the current span."""
import requests
from flask import Flask
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)


@app.route("/checkout")
def checkout():
    sc = trace.get_current_span().get_span_context()
    headers = {"traceparent": f"00-{sc.trace_id:032x}-{sc.span_id:016x}-01"}
    return requests.get("http://rates:8080/usd", headers=headers).text
