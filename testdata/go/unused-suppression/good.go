// Suppressions that each cover a finding, with a reason.
package orders

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders")

// Audit hands the span to a pool that ends it.
func Audit(ctx context.Context) {
	// tracewire: ignore[span-not-ended] the pool ends audit spans
	tracer.Start(ctx, "audit")
	tracer.Start(ctx, "audit2") // tracewire: ignore[span-not-ended] same line works too
}
