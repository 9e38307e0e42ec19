// The client is built in another file, with an instrumented transport, and kept in a field.
package frontend

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// Server serves the frontend.
type Server struct {
	client *http.Client
}

// New builds the server.
func New() *Server {
	return &Server{client: &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}}
}
