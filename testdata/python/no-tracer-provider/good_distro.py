"""A vendor distro sets up the SDK from the environment."""
from azure.monitor.opentelemetry import configure_azure_monitor
from opentelemetry import trace

configure_azure_monitor()
tracer = trace.get_tracer(__name__)

if __name__ == "__main__":
    with tracer.start_as_current_span("job"):
        pass
