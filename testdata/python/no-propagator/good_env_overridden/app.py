"""OTEL_PROPAGATORS=none in deployment, but the code installs a propagator, which wins."""
from flask import Flask
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.propagate import set_global_textmap
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

trace.set_tracer_provider(TracerProvider())
set_global_textmap(TraceContextTextMapPropagator())
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)


@app.route("/quote")
def quote():
    return "42"
