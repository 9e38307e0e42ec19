"""A gRPC server without the instrumentor or an interceptor."""
from concurrent import futures

import grpc
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

import cart_pb2_grpc

trace.set_tracer_provider(TracerProvider())
tracer = trace.get_tracer(__name__)


class CartService(cart_pb2_grpc.CartServicer):
    def GetCart(self, request, context):
        with tracer.start_as_current_span("get-cart"):
            return None


def serve():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))  # expect: inbound-not-extracted
    cart_pb2_grpc.add_CartServicer_to_server(CartService(), server)
    server.add_insecure_port("[::]:7070")
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    serve()
