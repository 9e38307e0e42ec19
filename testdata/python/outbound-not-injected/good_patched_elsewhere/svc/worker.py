"""Uses requests; instrumented in tracing.py."""
import requests
from opentelemetry import trace

from svc import tracing

tracer = trace.get_tracer(__name__)


def sync():
    with tracer.start_as_current_span("sync"):
        return requests.get("http://inventory:8080/stock").json()


if __name__ == "__main__":
    tracing.init()
    sync()
