// Each handler is wrapped where it is registered.
package handlers

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// Routes registers the API.
func Routes(mux *http.ServeMux) {
	mux.Handle("/quote", otelhttp.NewHandler(http.HandlerFunc(quote), "quote"))
	mux.Handle("/cart", otelhttp.WithRouteTag("/cart", http.HandlerFunc(cart)))
}

func quote(w http.ResponseWriter, r *http.Request) {}
func cart(w http.ResponseWriter, r *http.Request)  {}
