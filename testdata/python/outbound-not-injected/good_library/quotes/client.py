"""A client library: the application that imports it instruments grpc and requests."""
import grpc
import requests
from opentelemetry import trace

tracer = trace.get_tracer(__name__)


class QuoteClient:
    def __init__(self, target):
        self._channel = grpc.insecure_channel(target)

    def rates(self):
        with tracer.start_as_current_span("rates"):
            return requests.get("http://rates:8080/usd").json()
