// Server, client and messaging spans whose names contradict the conventions.
package orders

import (
	"context"
	"fmt"
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("orders")

func Serve(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "/orders", trace.WithSpanKind(trace.SpanKindServer)) // expect: span-name-semconv
	defer span.End()
	call(ctx)
}

func call(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "HTTP GET", trace.WithSpanKind(trace.SpanKindClient)) // expect: span-name-semconv
	defer span.End()
	ctx, p := tracer.Start(ctx, "orders publish", trace.WithSpanKind(trace.SpanKindProducer)) // expect: span-name-semconv
	defer p.End()
	ctx, g := tracer.Start(ctx, "/shop.Orders/Place", trace.WithSpanKind(trace.SpanKindClient)) // expect: span-name-semconv
	defer g.End()
	_ = ctx
}

func publish(ctx context.Context, topic string) {
	_, span := tracer.Start(ctx, fmt.Sprintf("%s publish", topic), trace.WithSpanKind(trace.SpanKindProducer)) // expect: span-name-semconv
	defer span.End()
}
