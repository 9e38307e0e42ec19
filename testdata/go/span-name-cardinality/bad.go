// Span names built from values that vary per request.
package orders

import (
	"context"
	"fmt"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders")

// Path puts the raw request path into the name.
func Path(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), fmt.Sprintf("GET %s", r.URL.Path)) // expect: span-name-cardinality
	defer span.End()
	load(ctx)
}

// ByID names the span after the order.
func ByID(ctx context.Context, orderID string) {
	ctx, span := tracer.Start(ctx, "load order "+orderID) // expect: span-name-cardinality
	defer span.End()
	load(ctx)
}

// WholeURL is nothing but the URL.
func WholeURL(ctx context.Context, r *http.Request) {
	ctx, span := tracer.Start(ctx, r.URL.String()) // expect: span-name-cardinality
	defer span.End()
	load(ctx)
}

// Handler names every server span after the path through its formatter.
func Handler(h http.Handler) http.Handler {
	return otelhttp.NewHandler(h, "orders", otelhttp.WithSpanNameFormatter(func(op string, r *http.Request) string {
		return r.Method + " " + r.URL.Path // expect: span-name-cardinality
	}))
}

func load(ctx context.Context) {}
