import requests
from flask import Flask

SERVICES = {
    "api": "http://api:8000/items",
    "search": "https://search.example.com/q",
}
app = Flask(__name__)


def fetch_from_service(name):
    url = SERVICES[name]
    return requests.get(url, timeout=2)


@app.get("/")
def page():
    health = requests.get(SERVICES["api"] + "/health", timeout=2)
    return {"items": fetch_from_service("api").json(), "health": health.status_code}


if __name__ == "__main__":
    app.run(port=8080)
