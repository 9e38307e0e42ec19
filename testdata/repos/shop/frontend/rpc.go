package main

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// dialCart connects to the cart service.
func dialCart(addr string) (*grpc.ClientConn, error) {
	// Mistake: no otelgrpc client stats handler, so cart calls carry no trace context.
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}
