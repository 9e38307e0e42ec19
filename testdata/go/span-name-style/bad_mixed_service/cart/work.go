package cart

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("cart")

func Work(ctx context.Context) {
	_, a := tracer.Start(ctx, "loadCart") // expect: span-name-style
	a.End()
	_, b := tracer.Start(ctx, "price_cart")
	b.End()
}
