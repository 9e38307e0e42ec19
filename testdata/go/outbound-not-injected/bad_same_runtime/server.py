"""The traced service: its server is instrumented."""
from concurrent import futures

import grpc
from opentelemetry import trace
from opentelemetry.instrumentation.grpc import GrpcInstrumentorServer
from opentelemetry.sdk.trace import TracerProvider

if __name__ == "__main__":
    trace.set_tracer_provider(TracerProvider())
    GrpcInstrumentorServer().instrument()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    server.start()
    server.wait_for_termination()
