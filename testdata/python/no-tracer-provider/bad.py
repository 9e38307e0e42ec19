"""A program that creates spans but never sets up an SDK: every span is a no-op."""
from opentelemetry import trace

tracer = trace.get_tracer(__name__)  # expect: no-tracer-provider


def main():
    with tracer.start_as_current_span("import-batch"):
        print("importing")


if __name__ == "__main__":
    main()
