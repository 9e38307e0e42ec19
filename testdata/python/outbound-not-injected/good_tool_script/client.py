"""A manual test client shipped next to the service: its own program, with no tracing."""
import grpc

import email_pb2_grpc


def send(email):
    channel = grpc.insecure_channel("[::]:8080")
    return email_pb2_grpc.EmailServiceStub(channel)


if __name__ == "__main__":
    send("a@example.com")
