"""Django's command line; tracing is set up but Django is never instrumented."""
import os
import sys

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    trace.set_tracer_provider(TracerProvider())
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
