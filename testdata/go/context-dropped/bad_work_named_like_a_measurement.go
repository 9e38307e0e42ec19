// A store's `Add` is work, not a measurement: handing it a fresh root drops the request's trace.
package carts

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("carts")

type item struct{ sku string }

type store interface {
	Add(ctx context.Context, it item) error
}

var carts store

// AddItem serves an add-to-cart request.
func AddItem(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "add-item")
	defer span.End()
	it := item{sku: r.URL.Query().Get("sku")}
	carts.Add(context.Background(), it) // expect: context-dropped
}
