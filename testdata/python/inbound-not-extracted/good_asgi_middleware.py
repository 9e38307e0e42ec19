"""A FastAPI app wrapped in the ASGI middleware."""
from fastapi import FastAPI
from opentelemetry import trace
from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
app = FastAPI()
app.add_middleware(OpenTelemetryMiddleware)


@app.get("/quote")
async def quote():
    return {}
