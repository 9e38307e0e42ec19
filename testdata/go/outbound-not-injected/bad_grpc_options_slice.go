// The dial options are collected in a slice in the same function, and none of them is the
// otelgrpc stats handler.
package clients

import (
	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

var tracer = otel.Tracer("clients")

// Dial opens the cart connection with options built right here.
func Dial(cfg string) (*grpc.ClientConn, error) {
	options := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	if cfg != "" {
		options = append(options, grpc.WithDefaultServiceConfig(cfg))
	}
	return grpc.NewClient("cart:7070", options...) // expect: outbound-not-injected
}

// DialPeer declares its slice with var and fills it with appends.
func DialPeer(addr string) (*grpc.ClientConn, error) {
	var options []grpc.DialOption
	options = append(options, grpc.WithTransportCredentials(insecure.NewCredentials()))
	return grpc.NewClient(addr, options...) // expect: outbound-not-injected
}
