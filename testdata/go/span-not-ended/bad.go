// Spans that leak on some path, or are thrown away at the start.
package orders

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders")

// Place leaks its span on the validation error path.
func Place(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "place") // expect: span-not-ended
	if id == "" {
		return errors.New("no id")
	}
	save(ctx)
	span.End()
	return nil
}

// Charge leaks when it falls off the end of a switch without a default.
func Charge(ctx context.Context, kind int) {
	ctx, span := tracer.Start(ctx, "charge") // expect: span-not-ended
	switch kind {
	case 1:
		save(ctx)
		span.End()
	case 2:
		span.End()
	}
}

// Audit throws the span away.
func Audit(ctx context.Context) {
	tracer.Start(ctx, "audit") // expect: span-not-ended
	ctx2, _ := tracer.Start(ctx, "audit2") // expect: span-not-ended
	save(ctx2)
}

func save(ctx context.Context) {}
