package cart

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("cart")

type store interface {
	Query(ctx context.Context, id string) ([]string, error)
}

// Load passes the span's context on.
func Load(ctx context.Context, db store, id string) ([]string, error) {
	ctx, span := tracer.Start(ctx, "load-cart")
	defer span.End()
	return db.Query(ctx, id)
}

// Leaf has nothing below it: discarding the context is fine.
func Leaf(ctx context.Context, items []string) int {
	_, span := tracer.Start(ctx, "count")
	defer span.End()
	return len(items)
}

// After uses the parent context only once the span has ended.
func After(ctx context.Context, db store) {
	_, span := tracer.Start(ctx, "prepare")
	span.End()
	db.Query(ctx, "next")
}
