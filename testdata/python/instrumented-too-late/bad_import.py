"""`from fastapi import FastAPI` binds the class before the instrumentor replaces it."""
from fastapi import FastAPI
from opentelemetry import trace
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
FastAPIInstrumentor().instrument()  # expect: instrumented-too-late
app = FastAPI()


@app.get("/quote")
async def quote():
    return {}
