// Every server span of the service is named after the service.
package orders

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// Handler wraps the service's routes.
func Handler(mux *http.ServeMux) http.Handler {
	return otelhttp.NewHandler(mux, "orders") // expect: span-name-semconv
}
