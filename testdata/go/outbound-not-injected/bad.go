// Outbound calls that carry no trace context.
package clients

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

var tracer = otel.Tracer("clients")

var client = &http.Client{Timeout: 5 * time.Second} // expect: outbound-not-injected

// Rates fetches rates through the default client; request code calls it, so a trace is in
// flight and the call drops it.
func Rates() (*http.Response, error) {
	return http.Get("http://rates:8080/latest") // expect: outbound-not-injected
}

// Convert is called for each request.
func Convert(w http.ResponseWriter, r *http.Request) {
	Rates()
}

// Quote sends a request through the package client.
func Quote(ctx context.Context) (*http.Response, error) {
	ctx, span := tracer.Start(ctx, "quote")
	defer span.End()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://quote:8080/", nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// Dial opens the cart connection.
func Dial() (*grpc.ClientConn, error) {
	return grpc.NewClient("cart:7070", grpc.WithTransportCredentials(insecure.NewCredentials())) // expect: outbound-not-injected
}
