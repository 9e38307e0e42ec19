from fastapi import FastAPI

app = FastAPI()


@app.post("/pay")  # expect: inbound-not-extracted
def pay():
    return {}
