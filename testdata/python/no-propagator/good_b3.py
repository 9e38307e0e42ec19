"""A B3 propagator is installed on purpose."""
from flask import Flask
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.propagate import set_global_textmap
from opentelemetry.propagators.b3 import B3MultiFormat
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
set_global_textmap(B3MultiFormat())
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)


@app.route("/quote")
def quote():
    return "42"
