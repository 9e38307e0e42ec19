// The router is wrapped once where the server starts: every route extracts.
package handlers

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// Serve starts the API.
func Serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("/quote", quote)
	mux.HandleFunc("/cart", cart)
	return http.ListenAndServe(":8080", otelhttp.NewHandler(mux, "api"))
}

func quote(w http.ResponseWriter, r *http.Request) {}
func cart(w http.ResponseWriter, r *http.Request)  {}
