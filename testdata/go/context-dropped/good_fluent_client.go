// A resty request given the request's context.
package api

import (
	"net/http"

	"github.com/go-resty/resty/v2"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

var rates = resty.New().SetTransport(otelhttp.NewTransport(http.DefaultTransport))

// Convert serves a conversion.
func Convert(w http.ResponseWriter, r *http.Request) {
	rates.R().SetContext(r.Context()).Get("http://rates:8080/latest")
}
