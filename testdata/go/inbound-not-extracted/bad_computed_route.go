// Routes whose path is computed from a prefix are routes too: on a bare mux they start a trace
// per request.
package handlers

import (
	"net/http"
	"os"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("api")

const apiBase = "/api/v1"

// Routes registers the API under its prefixes.
func Routes() *http.ServeMux {
	mux := http.NewServeMux()
	prefix := os.Getenv("ROUTE_PREFIX")
	mux.HandleFunc(prefix+"/cart", cart) // expect: inbound-not-extracted
	mux.HandleFunc(apiBase+"/quote", quote)
	return mux
}

func cart(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "cart")
	defer span.End()
}

func quote(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "quote")
	defer span.End()
}
