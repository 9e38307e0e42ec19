"""The app: FastAPI is patched globally by telemetry.setup() before the app is built."""
from shop import telemetry

telemetry.setup()

import fastapi  # noqa: E402

app = fastapi.FastAPI()


@app.get("/quote")
async def quote():
    return {}
