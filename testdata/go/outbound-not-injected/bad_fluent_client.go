// A resty client on the default transport: its requests carry no trace context, whether or not
// the request is given the caller's context.
package prices

import (
	"context"

	"github.com/go-resty/resty/v2"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("prices")

var rates = resty.New() // expect: outbound-not-injected

// Latest fetches the latest rates in the request's trace.
func Latest(ctx context.Context) (*resty.Response, error) {
	ctx, span := tracer.Start(ctx, "latest-rates")
	defer span.End()
	return rates.R().SetContext(ctx).Get("http://rates:8080/latest")
}
