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

type evaluator interface {
	ContextEval(ctx context.Context, input string) (string, error)
}

// Evaluate hands the parent context to a library for cancellation only: not judged.
func Evaluate(ctx context.Context, program evaluator) {
	_, span := tracer.Start(ctx, "evaluate")
	defer span.End()
	program.ContextEval(ctx, "x")
}

// Drain uses the context for cancellation while the span is open.
func Drain(ctx context.Context) {
	_, span := tracer.Start(ctx, "drain")
	defer span.End()
	waitForDrain(ctx)
}

func waitForDrain(ctx context.Context) {}
