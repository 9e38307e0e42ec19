"""Run under opentelemetry-instrument (ENTRYPOINT in the Dockerfile): requests is patched."""
import requests
from opentelemetry import trace

tracer = trace.get_tracer(__name__)


def sync():
    with tracer.start_as_current_span("sync"):
        return requests.get("http://inventory:8080/stock").json()


if __name__ == "__main__":
    sync()
