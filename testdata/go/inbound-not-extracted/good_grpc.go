package handlers

import (
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
)

// NewGRPC builds the gRPC server with the stats handler.
func NewGRPC() *grpc.Server {
	return grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
}

// NewGRPCWithOptions builds the options first.
func NewGRPCWithOptions() *grpc.Server {
	opts := []grpc.ServerOption{grpc.StatsHandler(otelgrpc.NewServerHandler())}
	return grpc.NewServer(opts...)
}
