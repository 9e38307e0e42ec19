"""Instrumentors run first; the app is looked up through its module afterwards."""
import flask
import grpc
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.instrumentation.grpc import GrpcInstrumentorClient
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
FlaskInstrumentor().instrument()
GrpcInstrumentorClient().instrument()
app = flask.Flask(__name__)
channel = grpc.insecure_channel("quote:7070")


@app.route("/orders")
def orders():
    return "[]"
