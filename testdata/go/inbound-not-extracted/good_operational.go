// Operational endpoints are polled by infrastructure, outside any trace.
package handlers

import (
	"net/http"
	"net/http/pprof"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("admin")

// Admin registers the admin endpoints.
func Admin() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	return mux
}
