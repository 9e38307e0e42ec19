// The span's context is discarded, so the work below it attaches to the parent instead.
package cart

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("cart")

type service struct{}

// Load loads items outside the span it just started.
func (s *service) Load(ctx context.Context, id string) []string {
	_, span := tracer.Start(ctx, "load-cart") // expect: span-context-unused
	defer span.End()
	return s.items(ctx, id)
}

// Price prices outside its span: the child span is a sibling, not a child.
func Price(ctx context.Context) {
	_, span := tracer.Start(ctx, "price") // expect: span-context-unused
	defer span.End()
	_, child := tracer.Start(ctx, "price.lookup")
	child.End()
	convert(ctx)
}

func (s *service) items(ctx context.Context, id string) []string {
	_, span := tracer.Start(ctx, "items")
	defer span.End()
	return nil
}

func convert(ctx context.Context) {}
