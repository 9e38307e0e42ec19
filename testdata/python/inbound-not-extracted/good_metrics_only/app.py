from flask import Flask

from metrics_setup import create_meter

meter = create_meter("todo")
requests_total = meter.create_counter("requests")
app = Flask(__name__)


@app.route("/todos")
def todos():
    requests_total.add(1)
    return "[]"
