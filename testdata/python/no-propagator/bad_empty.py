"""The global propagator is replaced by an empty composite: nothing is injected or extracted."""
from flask import Flask
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.propagate import set_global_textmap
from opentelemetry.propagators.composite import CompositePropagator
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
set_global_textmap(CompositePropagator([]))  # expect: no-propagator
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)


@app.route("/quote")
def quote():
    return "42"
