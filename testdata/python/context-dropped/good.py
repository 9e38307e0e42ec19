"""Fresh roots outside request code, and handlers that continue the request's trace."""
from flask import Flask, request
from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.propagate import extract
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)
tracer = trace.get_tracer(__name__)


@app.route("/orders")
def orders():
    with tracer.start_as_current_span("load-orders"):
        return "[]"


@app.route("/callback")
def callback():
    with tracer.start_as_current_span("callback", context=extract(request.headers)):
        return "ok"


def nightly_cleanup():
    # A scheduled job: a new trace is what it should start.
    with tracer.start_as_current_span("cleanup", context=Context()):
        pass
