"""requests is patched at the class level: a session built earlier is still instrumented."""
import requests
from opentelemetry import trace
from opentelemetry.instrumentation.requests import RequestsInstrumentor
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
session = requests.Session()
RequestsInstrumentor().instrument()
tracer = trace.get_tracer(__name__)

if __name__ == "__main__":
    with tracer.start_as_current_span("sync"):
        session.get("http://inventory:8080/stock")
