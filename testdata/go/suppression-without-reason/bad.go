package orders

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders")

// Audit suppresses without saying why.
func Audit(ctx context.Context) {
	tracer.Start(ctx, "audit") // tracewire: ignore[span-not-ended] // expect: suppression-without-reason
}
