from fastapi import FastAPI

app = FastAPI()


@app.get("/orders")
def orders():
    return []


@app.post("/pay")
def pay():
    return {}
