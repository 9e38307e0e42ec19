// Suppressions that cover nothing, or name no rule tracewire has.
package orders

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders")

// Place ends its span: the suppression above it is stale.
func Place(ctx context.Context) {
	// tracewire: ignore[span-not-ended] ended by the pool // expect: unused-suppression
	_, span := tracer.Start(ctx, "place")
	defer span.End()
}

// Audit names a rule that does not exist.
func Audit(ctx context.Context) {
	// tracewire: ignore[span-not-endd] typo // expect: unused-suppression
	tracer.Start(ctx, "audit") // expect: span-not-ended
}
