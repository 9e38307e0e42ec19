// The span's context is discarded, so the work below it attaches to the parent instead.
package cart

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("cart")

type store interface {
	Query(ctx context.Context, id string) ([]string, error)
}

// Load queries the store outside the span it just started.
func Load(ctx context.Context, db store, id string) ([]string, error) {
	_, span := tracer.Start(ctx, "load-cart") // expect: span-context-unused
	defer span.End()
	return db.Query(ctx, id)
}
