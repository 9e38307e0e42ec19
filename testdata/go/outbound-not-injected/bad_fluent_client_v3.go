// resty v3 (`resty.dev/v3`) on the default transport: its requests carry no trace context.
package stock

import (
	"context"

	"go.opentelemetry.io/otel"
	"resty.dev/v3"
)

var tracer = otel.Tracer("stock")

// Reserve reserves an item in the request's trace.
func Reserve(ctx context.Context, item string) error {
	ctx, span := tracer.Start(ctx, "reserve")
	defer span.End()
	client := resty.New() // expect: outbound-not-injected
	defer client.Close()
	_, err := client.R().SetContext(ctx).SetBody(item).Post("http://inventory:8080/reserve")
	return err
}
