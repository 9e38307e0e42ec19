"""Run under opentelemetry-instrument (see the Dockerfile): the launcher sets up the SDK."""
from flask import Flask
from opentelemetry import trace

app = Flask(__name__)
tracer = trace.get_tracer(__name__)


@app.route("/quote")
def quote():
    with tracer.start_as_current_span("price"):
        return "42"


if __name__ == "__main__":
    app.run(port=8080)
