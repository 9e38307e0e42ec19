package cart

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("cart")

func Work(ctx context.Context) {
	_, a := tracer.Start(ctx, "loadCart")
	a.End()
	_, b := tracer.Start(ctx, "priceCart")
	b.End()
}
