"""An annotated request parameter (`request: HttpRequest`) is an inbound request: the call
below runs with a trace in flight and sends none."""
import requests
from django.http import HttpRequest, JsonResponse
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())


def rates(request: HttpRequest):
    resp = requests.get("http://rates:8080/usd")  # expect: outbound-not-injected
    return JsonResponse(resp.json())


if __name__ == "__main__":
    from django.core.management import execute_from_command_line

    execute_from_command_line(["manage.py", "runserver"])
