// The handler extracts the caller's context by hand.
package handlers

import (
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("api")

// Routes registers the API.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/quote", quote)
}

func quote(w http.ResponseWriter, r *http.Request) {
	ctx := otel.GetTextMapPropagator().Extract(r.Context(), propagation.HeaderCarrier(r.Header))
	_, span := tracer.Start(ctx, "GET /quote", trace.WithSpanKind(trace.SpanKindServer))
	defer span.End()
}
