"""A retry callback whose span is its own local (no nonlocal): nothing ends it."""
from opentelemetry import trace

tracer = trace.get_tracer(__name__)


def call_with_retry(fn, attempts):
    sleep_span = None

    def before_sleep(_state):
        sleep_span = tracer.start_span("waiting to retry")  # expect: span-not-ended
        sleep_span.set_attribute("retry", True)

    for attempt in range(attempts):
        if sleep_span is not None:
            sleep_span.end()
        try:
            return fn()
        except ConnectionError:
            before_sleep(attempt)
    return None
