"""A retry callback stores its span in the caller's variable (nonlocal); the loop around it ends
it before the next attempt."""
from opentelemetry import trace

tracer = trace.get_tracer(__name__)


def call_with_retry(fn, attempts):
    sleep_span = None

    def before_sleep(_state):
        nonlocal sleep_span
        sleep_span = tracer.start_span("waiting to retry")

    for attempt in range(attempts):
        if sleep_span is not None:
            sleep_span.end()
            sleep_span = None
        try:
            return fn()
        except ConnectionError:
            before_sleep(attempt)
    return None
