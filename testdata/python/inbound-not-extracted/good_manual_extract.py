"""An http.server handler that extracts the caller's context by hand."""
from http.server import BaseHTTPRequestHandler, HTTPServer

from opentelemetry import trace
from opentelemetry.propagate import extract
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
tracer = trace.get_tracer(__name__)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        ctx = extract(self.headers)
        with tracer.start_as_current_span("GET", context=ctx, kind=trace.SpanKind.SERVER):
            self.send_response(200)
            self.end_headers()


if __name__ == "__main__":
    HTTPServer(("", 8080), Handler).serve_forever()
