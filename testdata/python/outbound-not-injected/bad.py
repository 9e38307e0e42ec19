"""A traced service whose clients are never instrumented and inject nothing."""
import grpc
import httpx
import requests
from flask import Flask
from kafka import KafkaProducer
from opentelemetry import trace
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.sdk.trace import TracerProvider

import quote_pb2_grpc

trace.set_tracer_provider(TracerProvider())
tracer = trace.get_tracer(__name__)
app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)
producer = KafkaProducer(bootstrap_servers="kafka:9092")


@app.route("/checkout")
def checkout():
    rates = requests.get("http://rates:8080/usd")  # expect: outbound-not-injected
    with httpx.Client() as client:
        client.post("http://payments:8080/charge", json={})  # expect: outbound-not-injected
    producer.send("orders", b"{}")  # expect: outbound-not-injected
    return rates.text


def quote_client():
    channel = grpc.insecure_channel("quote:7070")  # expect: outbound-not-injected
    return quote_pb2_grpc.QuoteStub(channel)
