// The dial options are collected in a slice, but some come from a helper (or a parameter) whose
// options tracewire cannot see: not judged.
package clients

import (
	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/shop/internal/telemetry"
)

var tracer = otel.Tracer("clients")

// Dial adds the options of a helper in another package.
func Dial() (*grpc.ClientConn, error) {
	options := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	options = append(options, telemetry.DialOptions()...)
	return grpc.NewClient("cart:7070", options...)
}

// DialWith extends options its caller passes.
func DialWith(extra []grpc.DialOption) (*grpc.ClientConn, error) {
	options := append(extra, grpc.WithTransportCredentials(insecure.NewCredentials()))
	return grpc.NewClient("cart:7070", options...)
}

// DialConfigured hands its slice to a function that may add to it.
func DialConfigured() (*grpc.ClientConn, error) {
	options := []grpc.DialOption{}
	configure(&options)
	return grpc.NewClient("cart:7070", options...)
}

func configure(options *[]grpc.DialOption) {
	*options = append(*options, grpc.WithTransportCredentials(insecure.NewCredentials()))
}
