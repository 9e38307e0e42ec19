// A resty request sent without the request's context: instrumented or not, the client cannot
// continue the trace.
package api

import (
	"net/http"

	"github.com/go-resty/resty/v2"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

var rates = resty.New().SetTransport(otelhttp.NewTransport(http.DefaultTransport))

// Convert serves a conversion.
func Convert(w http.ResponseWriter, r *http.Request) {
	rates.R().Get("http://rates:8080/latest") // expect: context-dropped
}
