"""http.server has no instrumentation: the handler must extract by hand."""
from http.server import BaseHTTPRequestHandler, HTTPServer

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
tracer = trace.get_tracer(__name__)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # expect: inbound-not-extracted
        with tracer.start_as_current_span("get"):
            self.send_response(200)
            self.end_headers()


if __name__ == "__main__":
    HTTPServer(("", 8080), Handler).serve_forever()
