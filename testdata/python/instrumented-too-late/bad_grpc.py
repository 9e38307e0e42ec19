"""The server and the channel are created before their instrumentors run."""
from concurrent import futures

import grpc
from opentelemetry import trace
from opentelemetry.instrumentation.grpc import GrpcInstrumentorClient, GrpcInstrumentorServer
from opentelemetry.sdk.trace import TracerProvider

trace.set_tracer_provider(TracerProvider())
channel = grpc.insecure_channel("quote:7070")


def serve():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    GrpcInstrumentorServer().instrument()  # expect: instrumented-too-late
    GrpcInstrumentorClient().instrument()  # expect: instrumented-too-late
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    serve()
