import os

import requests
from flask import Flask

INVENTORY = os.getenv("INVENTORY_URL")
app = Flask(__name__)


@app.get("/price")
def price():
    requests.get(INVENTORY + "/stock/all", timeout=2)  # expect: propagator-mismatch
    return {"price": 10}


if __name__ == "__main__":
    app.run(port=8080)
