from flask import Flask

app = Flask(__name__)


@app.post("/charge")
def charge():
    return {"ok": True}


if __name__ == "__main__":
    app.run(port=8080)
