"""The service exports metrics only: no tracer provider, no spans, no trace to continue."""
from opentelemetry import metrics as metric_api
from opentelemetry.exporter.prometheus import PrometheusMetricReader
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.resources import Resource


def create_meter(name):
    provider = MeterProvider(
        resource=Resource.create({"service.name": name}),
        metric_readers=[PrometheusMetricReader()],
    )
    metric_api.set_meter_provider(provider)
    return metric_api.get_meter(name)
