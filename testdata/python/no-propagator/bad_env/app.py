"""Deployment sets OTEL_PROPAGATORS=none (see the Dockerfile): Python's default is cleared."""
from flask import Flask
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())  # expect: no-propagator
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)


@app.route("/quote")
def quote():
    return "42"


if __name__ == "__main__":
    app.run(port=8080)
