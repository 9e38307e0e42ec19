// Look-alikes of a fluent client that must not fire: a resty client whose transport is
// otelhttp's (in its construction chain, or set later), and a `.R().Get(...)` chain on a type
// that is not a fluent client in a file that does not import one.
package prices

import (
	"context"
	"net/http"

	"github.com/go-resty/resty/v2"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("prices")

var rates = resty.New().SetTransport(otelhttp.NewTransport(http.DefaultTransport))

// Latest fetches the latest rates in the request's trace.
func Latest(ctx context.Context) (*resty.Response, error) {
	ctx, span := tracer.Start(ctx, "latest-rates")
	defer span.End()
	return rates.R().SetContext(ctx).Get("http://rates:8080/latest")
}

// History builds its client in the function and instruments it before use.
func History(ctx context.Context) (*resty.Response, error) {
	ctx, span := tracer.Start(ctx, "history")
	defer span.End()
	client := resty.New()
	client.SetTransport(otelhttp.NewTransport(http.DefaultTransport))
	return client.R().SetContext(ctx).Get("http://rates:8080/history")
}
