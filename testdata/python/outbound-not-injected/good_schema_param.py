"""A parameter named `req` that holds a request body schema is not an inbound request: the
client method below runs only where a CLI calls it, with no trace in flight."""
import requests
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

from .schemas import CreateRepositorySchema

trace.set_tracer_provider(TracerProvider())


class CloudClient:
    def __init__(self):
        self.session = requests.Session()

    def create_repository(self, req: CreateRepositorySchema):
        return self.session.post("https://cloud.example.com/api/v1/repositories", json=req.dict())


if __name__ == "__main__":
    CloudClient().create_repository(CreateRepositorySchema(name="models"))
