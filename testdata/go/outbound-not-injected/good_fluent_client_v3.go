// resty v3 with otelhttp's transport.
package stock

import (
	"context"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"resty.dev/v3"
)

var tracer = otel.Tracer("stock")

// Reserve reserves an item in the request's trace.
func Reserve(ctx context.Context, item string) error {
	ctx, span := tracer.Start(ctx, "reserve")
	defer span.End()
	client := resty.New().SetTransport(otelhttp.NewTransport(http.DefaultTransport))
	defer client.Close()
	_, err := client.R().SetContext(ctx).SetBody(item).Post("http://inventory:8080/reserve")
	return err
}
