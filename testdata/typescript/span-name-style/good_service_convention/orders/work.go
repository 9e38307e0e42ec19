// The repository's majority: internal span names in snake_case.
package orders

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders")

func Work(ctx context.Context) {
	for _, name := range []string{"load_order", "price_order", "ship_order", "notify_customer", "close_order"} {
		_, span := tracer.Start(ctx, name)
		span.End()
	}
	_, a := tracer.Start(ctx, "load_order")
	a.End()
	_, b := tracer.Start(ctx, "price_order")
	b.End()
	_, c := tracer.Start(ctx, "ship_order")
	c.End()
	_, d := tracer.Start(ctx, "notify_customer")
	d.End()
	_, e := tracer.Start(ctx, "close_order")
	e.End()
}
