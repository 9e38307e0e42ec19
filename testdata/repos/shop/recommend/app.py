"""The recommendation API: ranks products and decorates them with ads from the ads service."""
import requests
from flask import Flask, jsonify, request
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.requests import RequestsInstrumentor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor

provider = TracerProvider()
provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
trace.set_tracer_provider(provider)
RequestsInstrumentor().instrument()

tracer = trace.get_tracer("recommend")
app = Flask(__name__)

CATALOG = ["OLJCESPC7Z", "66VCHSJNUP", "1YMWWN1N4O", "L9ECAV7KIM"]


# Mistake: the Flask app is never instrumented, so every request starts a new trace.
@app.route("/recommendations")
def recommendations():
    span = tracer.start_span("rank")
    exclude = set(request.args.getlist("exclude"))
    ranked = [p for p in CATALOG if p not in exclude]
    ads = requests.get("http://ads:8080/ads", timeout=2)
    if not ads.ok:
        # Mistake: this return leaves the span open.
        return jsonify(products=ranked), 200
    span.end()
    return jsonify(products=ranked, ads=ads.json()), 200


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8082)
