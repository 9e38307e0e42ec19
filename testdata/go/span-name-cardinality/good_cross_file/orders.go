// Names with holes that are bounded: a method, a constant from another file, an enum, a topic
// read once from configuration, the operation instrumentation passes to a formatter.
package orders

import (
	"context"
	"fmt"
	"net/http"
	"os"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"

	"example.com/orders/names"
)

var tracer = otel.Tracer("orders")

var topic = os.Getenv("ORDERS_TOPIC")

// Status is an enum of order states.
type Status string

// Method names the span after the request's method only.
func Method(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), r.Method+" /orders/{id}", trace.WithSpanKind(trace.SpanKindServer))
	defer span.End()
	load(ctx)
}

// Shared uses a constant declared in another package of the service.
func Shared(ctx context.Context, id string) {
	ctx, span := tracer.Start(ctx, fmt.Sprintf("%s.step", names.LoadPath))
	defer span.End()
	load(ctx)
}

// ByStatus names the span after an enum value.
func ByStatus(ctx context.Context, status Status) {
	ctx, span := tracer.Start(ctx, fmt.Sprintf("order.%s", status))
	defer span.End()
	load(ctx)
}

// Publish names the span after a topic read once at start-up.
func Publish(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "publish "+topic, trace.WithSpanKind(trace.SpanKindProducer))
	defer span.End()
	load(ctx)
}

// Handler uses a formatter that returns the operation and the method.
func Handler(h http.Handler) http.Handler {
	return otelhttp.NewHandler(h, "orders", otelhttp.WithSpanNameFormatter(func(op string, r *http.Request) string {
		return r.Method + " " + r.Pattern
	}))
}

func load(ctx context.Context) {}
