"""Requests made at start-up, outside any request or span: no trace to propagate."""
import requests
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
CONFIG = requests.get("http://config:8080/settings").json()


def load_feature_flags():
    return requests.get("http://flags:8080/all").json()


if __name__ == "__main__":
    load_feature_flags()
