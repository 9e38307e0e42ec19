"""Clients and channels instrumented one by one."""
import grpc
import httpx
from flask import Flask
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.instrumentation.grpc import client_interceptor
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor, SyncOpenTelemetryTransport
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)
client = httpx.Client()
HTTPXClientInstrumentor.instrument_client(client)
transported = httpx.Client(transport=SyncOpenTelemetryTransport(httpx.HTTPTransport()))


@app.route("/checkout")
def checkout():
    client.post("http://payments:8080/charge", json={})
    return transported.get("http://rates:8080/usd").text


def quote_channel():
    return grpc.intercept_channel(grpc.insecure_channel("quote:7070"), client_interceptor())
