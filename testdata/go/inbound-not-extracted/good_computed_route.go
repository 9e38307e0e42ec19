// Computed route paths on a mux served through otelhttp: every route extracts. A lookup whose
// key is computed is not a route.
package handlers

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

const apiBase = "/api/v1"

var cache = map[string]string{}

// Serve starts the API.
func Serve(prefix string) error {
	mux := http.NewServeMux()
	mux.HandleFunc(prefix+"/cart", cart)
	mux.HandleFunc(apiBase+"/quote", quote)
	return http.ListenAndServe(":8080", otelhttp.NewHandler(mux, "api"))
}

func cart(w http.ResponseWriter, r *http.Request)  { _ = cache[r.URL.Path+"/cart"] }
func quote(w http.ResponseWriter, r *http.Request) {}
