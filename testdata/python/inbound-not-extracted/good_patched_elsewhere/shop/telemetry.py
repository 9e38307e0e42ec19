"""Tracing set-up, imported first by main.py: patches FastAPI process-wide."""
from opentelemetry import trace
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from opentelemetry.sdk.trace import TracerProvider


def setup():
    trace.set_tracer_provider(TracerProvider())
    FastAPIInstrumentor().instrument()
