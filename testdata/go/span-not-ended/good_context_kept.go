// The context that carries the span is stored: whoever takes it ends the span.
package orders

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
)

var tracer = otel.Tracer("orders")

type hooks struct {
	active map[string]context.Context
	ctx    context.Context
}

func (h *hooks) start(ctx context.Context, name string) {
	h.active[name], _ = tracer.Start(ctx, name)
}

func (h *hooks) startStored(ctx context.Context, err error) {
	ctx, span := tracer.Start(ctx, "stored")
	if err != nil {
		span.SetStatus(codes.Error, err.Error())
	}
	h.ctx = ctx
}

func (h *hooks) tag(ctx context.Context) context.Context {
	ctx, _ = tracer.Start(ctx, "tag")
	return ctx
}

type ctxKey struct{}

func (h *hooks) tagValue(ctx context.Context) context.Context {
	ctx, _ = tracer.Start(ctx, "tag-value")
	return context.WithValue(ctx, ctxKey{}, 1)
}
