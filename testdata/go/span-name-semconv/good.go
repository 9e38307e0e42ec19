// Conventional names, spans without a kind, and instrumentation that names its own spans.
package orders

import (
	"context"
	"fmt"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("orders")

const publishOrders = "publish orders"

func Serve(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "GET /orders/{id}", trace.WithSpanKind(trace.SpanKindServer))
	defer span.End()
	call(ctx)
}

func call(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "GET", trace.WithSpanKind(trace.SpanKindClient))
	defer span.End()
	ctx, p := tracer.Start(ctx, publishOrders, trace.WithSpanKind(trace.SpanKindProducer))
	defer p.End()
	ctx, g := tracer.Start(ctx, "shop.Orders/Place", trace.WithSpanKind(trace.SpanKindClient))
	defer g.End()
	ctx, i := tracer.Start(ctx, "/orders")
	defer i.End()
	_ = ctx
}

// Handler leaves naming to the instrumentation's route-aware formatter.
func Handler(h http.Handler) http.Handler {
	return otelhttp.NewHandler(h, "GET /orders")
}

// Client spans are named by the transport.
var client = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}

func publish(ctx context.Context, topic string) {
	_, span := tracer.Start(ctx, fmt.Sprintf("publish %s", topic), trace.WithSpanKind(trace.SpanKindProducer))
	defer span.End()
}
