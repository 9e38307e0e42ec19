"""FastAPI routes on an app and a router, with manual spans but no instrumentation."""
from fastapi import APIRouter, FastAPI
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
tracer = trace.get_tracer(__name__)
app = FastAPI()
router = APIRouter(prefix="/carts")


@app.get("/quote/{sku}")  # expect: inbound-not-extracted
async def quote(sku: str):
    with tracer.start_as_current_span("quote"):
        return {"sku": sku}


@router.post("/{cart_id}/items")  # expect: inbound-not-extracted
async def add_item(cart_id: str):
    return {"cart": cart_id}

app.include_router(router)
