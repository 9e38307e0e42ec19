// Routes on a bare mux and a gRPC server without stats handler: every request starts a trace.
package handlers

import (
	"net/http"

	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
)

var tracer = otel.Tracer("api")

// Routes registers the API.
func Routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/quote", quote) // expect: inbound-not-extracted
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {})
	return mux
}

// NewGRPC builds the gRPC server.
func NewGRPC() *grpc.Server {
	return grpc.NewServer() // expect: inbound-not-extracted
}

func quote(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "quote")
	defer span.End()
}
