"""gRPC servers instrumented by interceptor, or by the instrumentor run first."""
from concurrent import futures

import grpc
from opentelemetry import trace
from opentelemetry.instrumentation.grpc import GrpcInstrumentorServer, server_interceptor
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())


def serve():
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=4), interceptors=[server_interceptor()]
    )
    server.start()
    server.wait_for_termination()


def serve_patched():
    GrpcInstrumentorServer().instrument()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    server.start()


if __name__ == "__main__":
    serve()
